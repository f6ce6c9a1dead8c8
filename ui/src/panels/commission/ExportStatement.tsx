import { DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Typography } from "antd";
import { Dialog } from "../../components/Dialog";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { StatementExport } from "../../bindings/StatementExport";
import { useT } from "../../i18n/context";
import { formatCount } from "../../lib/format";

/** 导出对账单: writes the month's statement as a workbook and a printable page, then says where. */
export function ExportStatement({ month }: { month: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<StatementExport | null>(null);

  const run = () => {
    setBusy(true);
    api.exportStatement(month).then(
      (result) => {
        setBusy(false);
        setDone(result);
      },
      (reason: unknown) => {
        setBusy(false);
        void message.error(t("commission.exportFailed", { message: toIpcError(reason).message }));
      },
    );
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={run} loading={busy} data-testid="commission-export">
        {t("commission.export")}
      </Button>
      <Dialog
        open={done !== null}
        title={t("commission.export")}
        onCancel={() => setDone(null)}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setDone(null)} data-testid="commission-export-close">
            {t("commission.exportClose")}
          </Button>
        }
        width={640}
      >
        {done && (
          <Alert
            type="success"
            showIcon
            title={t("commission.exported", { lines: formatCount(done.lines) })}
            data-testid="commission-export-result"
            description={
              <div className="statement-export">
                <Typography.Text type="secondary">{t("commission.exportXlsx")}</Typography.Text>
                <Typography.Text copyable code className="statement-export-path" data-testid="export-xlsx-path">
                  {done.xlsx_path}
                </Typography.Text>
                <Typography.Text type="secondary">{t("commission.exportHtml")}</Typography.Text>
                <Typography.Text copyable code className="statement-export-path" data-testid="export-html-path">
                  {done.html_path}
                </Typography.Text>
              </div>
            }
          />
        )}
      </Dialog>
    </>
  );
}
