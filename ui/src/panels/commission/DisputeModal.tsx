import { Alert, Button, Input, Typography } from "antd";
import { Dialog } from "../../components/Dialog";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { Fen } from "../../bindings/Fen";
import type { IpcError } from "../../bindings/IpcError";
import type { LineDifference } from "../../bindings/LineDifference";
import type { Reconciliation } from "../../bindings/Reconciliation";
import { useT } from "../../i18n/context";
import { formatFen } from "../../lib/format";

/** Longest explanation the backend takes, in characters. */
export const DISPUTE_COMMENT_MAX = 500;

/** What is disputed: one trade's line, or the statement's total. */
export type DisputeTarget = { kind: "trade"; line: LineDifference } | { kind: "total"; desk: Fen; official: Fen };

interface Props {
  /** First day of the statement's month. */
  month: string;
  /** The modal is closed when null. */
  target: DisputeTarget | null;
  onClose: () => void;
  /** Recorded: the month's reconciliation with the dispute in it. */
  onDone: (view: Reconciliation) => void;
}

/** 提出异议: what is disputed and the broker's explanation, queued for head office. */
export function DisputeModal({ month, target, onClose, onDone }: Props) {
  const t = useT();
  return (
    <Dialog
      open={target !== null}
      title={t("dispute.title")}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {target && <DisputeForm month={month} target={target} onCancel={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function DisputeForm({
  month,
  target,
  onCancel,
  onDone,
}: {
  month: string;
  target: DisputeTarget;
  onCancel: () => void;
  onDone: Props["onDone"];
}) {
  const t = useT();
  const [comment, setComment] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const submit = () => {
    setSubmitting(true);
    setError(null);
    const tradeId = target.kind === "trade" ? target.line.trade_id : null;
    api.disputeStatement({ month, trade_id: tradeId, comment }).then(
      (view) => {
        setSubmitting(false);
        onDone(view);
      },
      // The backend explains what is wrong (too short, nothing to dispute…); the text stays.
      (reason: unknown) => {
        setSubmitting(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <div className="dispute-form" data-testid="dispute-modal">
      <div className="dispute-target" data-testid="dispute-target">
        {target.kind === "trade" ? (
          <>
            <div className="dispute-target-title tabular">
              {t("dispute.trade", {
                trade: target.line.trade_id,
                client: target.line.client_name,
                code: target.line.security_code,
              })}
            </div>
            <Typography.Text type="secondary" className="tabular">
              {t("dispute.amounts", {
                desk: target.line.desk_credited === null ? "—" : formatFen(target.line.desk_credited),
                official: target.line.official_credited === null ? "—" : formatFen(target.line.official_credited),
              })}
            </Typography.Text>
          </>
        ) : (
          <>
            <div className="dispute-target-title">{t("dispute.totalTarget")}</div>
            <Typography.Text type="secondary" className="tabular">
              {t("dispute.totalAmounts", { desk: formatFen(target.desk), official: formatFen(target.official) })}
            </Typography.Text>
          </>
        )}
      </div>
      <label className="dispute-label" htmlFor="dispute-comment">
        {t("dispute.comment")}
      </label>
      <Input.TextArea
        id="dispute-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={DISPUTE_COMMENT_MAX}
        showCount
        autoSize={{ minRows: 4, maxRows: 8 }}
        placeholder={t("dispute.commentPlaceholder")}
        data-testid="dispute-comment"
      />
      <Typography.Text type="secondary" className="dispute-hint">
        {t("dispute.hint")}
      </Typography.Text>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("dispute.failed")}
          description={error.message}
          className="dispute-error"
          data-testid="dispute-error"
        />
      )}
      <div className="dispute-actions">
        <Button onClick={onCancel}>{t("dispute.cancel")}</Button>
        <Button
          type="primary"
          onClick={submit}
          loading={submitting}
          disabled={comment.trim() === ""}
          data-testid="dispute-submit"
        >
          {t("dispute.submit")}
        </Button>
      </div>
    </div>
  );
}
