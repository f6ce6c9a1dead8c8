import { Tag, Typography } from "antd";
import type { TransferRequestRecord } from "../bindings/TransferRequestRecord";
import type { TransferStatus } from "../bindings/TransferStatus";
import { useT } from "../i18n/context";
import { formatDateTime } from "../lib/format";

const STATUS_COLORS: Record<TransferStatus, string> = {
  pending: "gold",
  approved: "green",
  rejected: "red",
};

const tagStyle = { marginInlineEnd: 0 } as const;

/** 待审批 / 已批准 / 已驳回. */
export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle} data-testid="transfer-status" data-status={status}>
      {t(`transfer.status.${status}`)}
    </Tag>
  );
}

/** 待同步: the request is on this desk only, head office has not got it yet. */
export function TransferUnsyncedTag() {
  const t = useT();
  return (
    <Tag color="orange" variant="outlined" style={tagStyle} data-testid="transfer-pending">
      {t("transfer.unsynced")}
    </Tag>
  );
}

/** Who decided a request and when, with their note; nothing while it awaits a decision. */
export function TransferDecisionText({ request }: { request: TransferRequestRecord }) {
  const t = useT();
  if (request.status === "pending") return null;
  const who = {
    name: request.decided_by_name ?? "—",
    time: request.decided_at ? formatDateTime(request.decided_at) : "—",
  };
  return (
    <div className="transfer-decision" data-testid="transfer-decision">
      <Typography.Text type="secondary" data-testid="transfer-decided-by">
        {t(request.status === "approved" ? "transfer.approvedBy" : "transfer.rejectedBy", who)}
      </Typography.Text>
      {request.decision_note && (
        <div className="transfer-note" data-testid="transfer-note-text">
          {t("transfer.note", { note: request.decision_note })}
        </div>
      )}
    </div>
  );
}
