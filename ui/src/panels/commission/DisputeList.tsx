import { Empty, Typography } from "antd";
import type { DisputeView } from "../../bindings/DisputeView";
import type { LineDifference } from "../../bindings/LineDifference";
import { useT } from "../../i18n/context";
import { formatDateTime, formatFen } from "../../lib/format";
import { DisputeStatusTag } from "./tags";

interface Props {
  /** Newest first, as `reconcile` answers. */
  disputes: DisputeView[];
  /** The month's differences, for the names of the disputed trades' clients. */
  differences: LineDifference[];
}

/** 我的异议: each dispute of the month's statement, where it stands and head office's answer. */
export function DisputeList({ disputes, differences }: Props) {
  const t = useT();
  if (disputes.length === 0) {
    return (
      <div data-testid="reconcile-disputes">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dispute.empty")} />
      </div>
    );
  }
  const lineOf = (tradeId: string) => differences.find((d) => d.trade_id === tradeId);
  return (
    <ul className="dispute-list" data-testid="reconcile-disputes">
      {disputes.map((d) => {
        const line = d.trade_id === null ? undefined : lineOf(d.trade_id);
        const subject =
          d.trade_id === null
            ? t("dispute.totalTarget")
            : line
              ? t("dispute.trade", { trade: d.trade_id, client: line.client_name, code: line.security_code })
              : t("dispute.tradeShort", { trade: d.trade_id, client: d.client_id ?? "" });
        const amounts =
          d.trade_id === null
            ? t("dispute.totalAmounts", { desk: formatFen(d.desk_amount), official: formatFen(d.statement_amount) })
            : t("dispute.amounts", { desk: formatFen(d.desk_amount), official: formatFen(d.statement_amount) });
        return (
          <li key={d.id} className="dispute-item" data-testid={`dispute-item-${d.id}`}>
            <div className="dispute-item-head">
              <span className="dispute-item-subject tabular">{subject}</span>
              <DisputeStatusTag status={d.status} pending={d.pending} />
              <span className="toolbar-spacer" />
              <Typography.Text type="secondary" className="tabular dispute-item-time">
                {t("dispute.raisedAt", { time: formatDateTime(d.raised_at) })}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" className="tabular dispute-item-amounts">
              {amounts}
            </Typography.Text>
            <div className="dispute-item-comment">{d.comment}</div>
            {d.answer && (
              <div className="dispute-item-answer" data-testid="dispute-answer">
                {t("dispute.answer", { answer: d.answer })}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
