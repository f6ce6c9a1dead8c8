import { Alert, App, Form, Input, Typography } from "antd";
import { FormDialog } from "../../components/Dialog";
import { FormButtons } from "../../components/FormButtons";
import { useState } from "react";
import { toIpcError } from "../../api";
import type { IpcError } from "../../bindings/IpcError";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";

/** The reason's length as the backend counts it (characters, trimmed). */
export const TRANSFER_REASON_MIN = 4;
export const TRANSFER_REASON_MAX = 500;

interface Values {
  toBroker: string;
  reason: string;
}

interface FormProps {
  /** Sends the request (already trimmed); rejects with the command's IpcError. */
  submit: (toBroker: string, reason: string) => Promise<unknown>;
  onCancel: () => void;
  onDone: () => void;
}

function TransferForm({ submit, onCancel, onDone }: FormProps) {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const lengthMessage = t("transfer.reasonLength", { min: TRANSFER_REASON_MIN, max: TRANSFER_REASON_MAX });

  const finish = ({ toBroker, reason }: Values) => {
    setSaving(true);
    setError(null);
    submit(toBroker.trim(), reason.trim()).then(
      () => {
        setSaving(false);
        void message.success(t("transfer.requested"));
        announceLocalWrite();
        onDone();
      },
      (reason: unknown) => {
        // What was typed stays for the broker to correct.
        setSaving(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <Form<Values>
      layout="vertical"
      className="transfer-form"
      data-testid="transfer-form"
      initialValues={{ toBroker: "", reason: "" }}
      onFinish={finish}
      disabled={saving}
      requiredMark={false}
    >
      <Typography.Paragraph type="secondary">{t("transfer.hint")}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("transfer.failed")}
          description={error.message}
          className="transfer-error"
          data-testid="transfer-error"
        />
      )}
      <Form.Item
        name="toBroker"
        label={t("transfer.to")}
        rules={[{ required: true, whitespace: true, message: t("transfer.toRequired") }]}
      >
        <Input placeholder={t("transfer.toPlaceholder")} maxLength={64} data-testid="transfer-to" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("transfer.reason")}
        rules={[
          { required: true, whitespace: true, message: t("transfer.reasonRequired") },
          {
            validator: (_, value: string | undefined) => {
              const length = [...(value ?? "").trim()].length;
              return length === 0 || (length >= TRANSFER_REASON_MIN && length <= TRANSFER_REASON_MAX)
                ? Promise.resolve()
                : Promise.reject(new Error(lengthMessage));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={TRANSFER_REASON_MAX}
          showCount
          placeholder={t("transfer.reasonPlaceholder")}
          data-testid="transfer-reason"
        />
      </Form.Item>
      <FormButtons
        cancelLabel={t("transfer.cancel")}
        submitLabel={t("transfer.submit")}
        onCancel={onCancel}
        saving={saving}
        testIdPrefix="transfer"
      />
    </Form>
  );
}

interface Props extends FormProps {
  open: boolean;
  clientName: string;
}

/** 申请移交: to whom (a colleague's 工号) and why. Works offline; the request syncs later. */
export function TransferModal({ open, clientName, submit, onCancel, onDone }: Props) {
  const t = useT();
  return (
    <FormDialog
      open={open}
      title={t("transfer.formTitle", { name: clientName })}
      onCancel={onCancel}
      width={520}
    >
      <TransferForm submit={submit} onCancel={onCancel} onDone={onDone} />
    </FormDialog>
  );
}
