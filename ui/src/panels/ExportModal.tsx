import { AuditOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Form, Input, Radio, Typography } from "antd";
import { Dialog } from "../components/Dialog";
import { useState } from "react";
import { api, toIpcError } from "../api";
import type { ClientQuery } from "../bindings/ClientQuery";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportResult } from "../bindings/ExportResult";
import type { IpcError } from "../bindings/IpcError";
import { announceLocalWrite } from "../hooks/useSyncStatus";
import { useT } from "../i18n/context";
import { REASON_MAX, REASON_MIN, reasonLongEnough } from "../lib/accessReason";
import { formatCount } from "../lib/format";


interface Values {
  format: ExportFormat;
  inClear: boolean;
  reason: string;
}

interface Props {
  /** The list's current query; the export ignores its offset and limit. */
  query: ClientQuery;
  /** How many clients match, for the modal's text. */
  total: number | null;
  onClose: () => void;
}

/** 导出客户名单: format, masked or in clear, and the audited reason; then where the file went. */
export function ExportModal({ query, total, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);

  const submit = (values: Values) => {
    setBusy(true);
    setError(null);
    api
      .exportClients({ query, format: values.format, in_clear: values.inClear, reason: values.reason.trim() })
      .then(
        (done) => {
          setBusy(false);
          setResult(done);
          announceLocalWrite();
        },
        (reason: unknown) => {
          setBusy(false);
          setError(toIpcError(reason));
        },
      );
  };

  const footer = result
    ? [
        <Button key="close" type="primary" onClick={onClose} data-testid="export-close">
          {t("export.close")}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose} disabled={busy}>
          {t("export.cancel")}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          onClick={() => form.submit()}
          data-testid="export-submit"
        >
          {t("export.submit")}
        </Button>,
      ];

  return (
    <Dialog open title={t("export.title")} onCancel={onClose} footer={footer} destroyOnHidden width={560}>
      {result ? (
        <Alert
          type="success"
          showIcon
          title={t("export.done", { rows: formatCount(result.rows) })}
          description={<span className="export-path">{t("export.path", { path: result.path })}</span>}
          data-testid="export-result"
        />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={busy}
          initialValues={{ format: "xlsx", inClear: false, reason: "" }}
        >
          {total !== null && (
            <Typography.Paragraph data-testid="export-scope">
              {t("export.scope", { total: formatCount(total) })}
            </Typography.Paragraph>
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={t("export.failed")}
              description={error.message}
              style={{ marginBottom: 12 }}
              data-testid="export-error"
            />
          )}
          <Form.Item name="format" label={t("export.format")}>
            <Radio.Group data-testid="export-format">
              <Radio value="xlsx">{t("export.xlsx")}</Radio>
              <Radio value="csv">{t("export.csv")}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="inClear" valuePropName="checked" extra={t("export.inClearHint")}>
            <Checkbox data-testid="export-in-clear">{t("export.inClear")}</Checkbox>
          </Form.Item>
          <Form.Item
            name="reason"
            label={t("export.reason")}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  reasonLongEnough(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("export.reasonRequired", { min: REASON_MIN }))),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={REASON_MAX}
              showCount
              placeholder={t("export.reasonPlaceholder")}
              data-testid="export-reason"
            />
          </Form.Item>
          <Alert type="warning" showIcon icon={<AuditOutlined />} title={t("export.audit")} />
        </Form>
      )}
    </Dialog>
  );
}
