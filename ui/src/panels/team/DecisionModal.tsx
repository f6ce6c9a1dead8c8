import { Alert, App, Form, Input, Typography } from "antd";
import { FormDialog } from "../../components/Dialog";
import { FormButtons } from "../../components/FormButtons";
import { useState } from "react";
import { toIpcError } from "../../api";
import type { IpcError } from "../../bindings/IpcError";
import type { TransferDecision } from "../../bindings/TransferDecision";
import type { TransferRequestRecord } from "../../bindings/TransferRequestRecord";
import { useT } from "../../i18n/context";

export const DECISION_NOTE_MAX = 500;

/** The request being decided and which way. */
export interface DecisionTarget {
  request: TransferRequestRecord;
  approve: boolean;
}

interface FormProps {
  target: DecisionTarget;
  /** Sends the decision; rejects with the command's IpcError. */
  onDecide: (decision: TransferDecision) => Promise<unknown>;
  onClose: () => void;
}

function DecisionForm({ target, onDecide, onClose }: FormProps) {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const { request, approve } = target;

  const finish = ({ note }: { note: string }) => {
    const text = (note ?? "").trim();
    setSaving(true);
    setError(null);
    onDecide({ request_id: request.id, approve, note: text === "" ? null : text }).then(
      () => {
        setSaving(false);
        void message.success(t(approve ? "teamTransfer.approved" : "teamTransfer.rejected", { client: request.client_name }));
        onClose();
      },
      (reason: unknown) => {
        // Offline, or head office refused: the note stays for another try.
        setSaving(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <Form<{ note: string }>
      layout="vertical"
      data-testid="transfer-decision-form"
      initialValues={{ note: "" }}
      onFinish={finish}
      disabled={saving}
      requiredMark={false}
    >
      <Typography.Paragraph data-testid="transfer-decision-summary">
        {t("teamTransfer.summary", {
          client: request.client_name,
          from: request.from_broker_name,
          to: request.to_broker_name,
        })}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("teamTransfer.failed")}
          description={error.message}
          className="transfer-error"
          data-testid="transfer-decision-error"
        />
      )}
      <Form.Item
        name="note"
        label={t("teamTransfer.note")}
        rules={approve ? [] : [{ required: true, whitespace: true, message: t("teamTransfer.noteRequired") }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={DECISION_NOTE_MAX}
          showCount
          placeholder={t(approve ? "teamTransfer.notePlaceholder" : "teamTransfer.rejectPlaceholder")}
          data-testid="transfer-note"
        />
      </Form.Item>
      <FormButtons
        cancelLabel={t("teamTransfer.cancel")}
        submitLabel={t("teamTransfer.confirm")}
        onCancel={onClose}
        saving={saving}
        danger={!approve}
        testIdPrefix="transfer-decision"
      />
    </Form>
  );
}

interface Props {
  /** The modal is closed when null. */
  target: DecisionTarget | null;
  onDecide: (decision: TransferDecision) => Promise<unknown>;
  onClose: () => void;
}

/** 批准移交 (a note optional) or 驳回移交 (a reason required). Needs head office. */
export function DecisionModal({ target, onDecide, onClose }: Props) {
  const t = useT();
  return (
    <FormDialog
      open={target !== null}
      title={target && t(target.approve ? "teamTransfer.approveTitle" : "teamTransfer.rejectTitle")}
      onCancel={onClose}
      width={480}
    >
      {target && <DecisionForm key={`${target.request.id}:${target.approve}`} target={target} onDecide={onDecide} onClose={onClose} />}
    </FormDialog>
  );
}
