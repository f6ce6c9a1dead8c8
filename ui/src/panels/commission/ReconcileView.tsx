import { CheckCircleFilled, ExclamationCircleOutlined, FileProtectOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Spin, Typography } from "antd";
import { useCallback, useState } from "react";
import type { LineDifference } from "../../bindings/LineDifference";
import type { Reconciliation } from "../../bindings/Reconciliation";
import type { StatementRecord } from "../../bindings/StatementRecord";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";
import { formatCount, formatDateTime } from "../../lib/format";
import { DifferencesTable } from "./DifferencesTable";
import { DisputeList } from "./DisputeList";
import { DisputeModal, type DisputeTarget } from "./DisputeModal";
import { ReconcileSummary, summaryDiffers } from "./ReconcileSummary";
import type { MonthlyView } from "./useCommission";

interface Props {
  view: MonthlyView<Reconciliation>;
  /** A dispute was recorded: the reconciliation it answered with. */
  onChange: (view: Reconciliation) => void;
}

/** 对账: the desk's month beside head office's statement, line by line, and the broker's disputes. */
export function ReconcileView({ view, onChange }: Props) {
  const t = useT();
  const { data, error, loading } = view;

  return (
    <div className="reconcile" data-testid="reconcile-panel">
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("reconcile.loadFailed")}
          description={error.message}
          className="commission-alert"
          data-testid="reconcile-error"
        />
      )}
      {!data && loading && (
        <div className="drawer-loading">
          <Spin />
        </div>
      )}
      {data && (
        <Spin spinning={loading}>
          {data.statement === null ? (
            <Empty
              className="reconcile-empty"
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <div data-testid="reconcile-no-statement">
                  <div className="reconcile-empty-title">{t("reconcile.noStatement")}</div>
                  <Typography.Text type="secondary">{t("reconcile.noStatementHint")}</Typography.Text>
                </div>
              }
            />
          ) : (
            <Reconciled data={{ ...data, statement: data.statement }} onChange={onChange} />
          )}
        </Spin>
      )}
    </div>
  );
}

/** A reconciliation with head office's statement in it. */
type Published = Reconciliation & { statement: StatementRecord };

function Reconciled({ data, onChange }: { data: Published; onChange: Props["onChange"] }) {
  const t = useT();
  const { message } = App.useApp();
  const [target, setTarget] = useState<DisputeTarget | null>(null);
  const { statement, desk, differences, disputes, matched } = data;
  const allMatch = differences.length === 0 && !summaryDiffers(desk, statement);

  const disputeLine = useCallback((line: LineDifference) => setTarget({ kind: "trade", line }), []);

  const onDone = (next: Reconciliation) => {
    setTarget(null);
    onChange(next);
    void message.success(t("dispute.submitted"));
    announceLocalWrite();
  };

  return (
    <div className="reconcile-body">
      <div className="reconcile-meta">
        <FileProtectOutlined />
        <span className="tabular">{t("reconcile.statement", { id: statement.id })}</span>
        <Typography.Text type="secondary" className="tabular">
          {t("reconcile.publishedAt", { time: formatDateTime(statement.published_at) })}
        </Typography.Text>
      </div>

      {allMatch && (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          className="reconcile-match"
          title={t("reconcile.allMatch")}
          description={t("reconcile.allMatchHint", { matched: formatCount(matched) })}
          data-testid="reconcile-match"
        />
      )}

      <Card
        size="small"
        title={t("reconcile.summary")}
        extra={
          <Button
            size="small"
            icon={<ExclamationCircleOutlined />}
            onClick={() => setTarget({ kind: "total", desk: desk.total, official: statement.total })}
            data-testid="dispute-total"
          >
            {t("reconcile.disputeTotal")}
          </Button>
        }
      >
        <ReconcileSummary desk={desk} statement={statement} />
      </Card>

      <Card
        size="small"
        title={
          <span className="reconcile-differences-title">
            {t("reconcile.differences")}
            <Typography.Text
              type={differences.length > 0 ? "warning" : "secondary"}
              className="tabular reconcile-counts"
              data-testid="reconcile-counts"
            >
              {t("reconcile.counts", {
                matched: formatCount(matched),
                differences: formatCount(differences.length),
              })}
            </Typography.Text>
          </span>
        }
      >
        {differences.length > 0 ? (
          <DifferencesTable differences={differences} disputes={disputes} onDispute={disputeLine} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reconcile.linesMatch")} />
        )}
      </Card>

      <Card size="small" title={t("dispute.list")}>
        <DisputeList disputes={disputes} differences={differences} />
      </Card>

      <DisputeModal month={data.month} target={target} onClose={() => setTarget(null)} onDone={onDone} />
    </div>
  );
}
