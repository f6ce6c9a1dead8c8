import { EyeInvisibleOutlined, EyeOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Typography } from "antd";
import { Dialog } from "../../components/Dialog";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { IpcError } from "../../bindings/IpcError";
import type { SensitiveField } from "../../bindings/SensitiveField";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";
import { REASON_MAX, REASON_MIN, reasonLongEnough } from "../../lib/accessReason";

/** "id_number" → "id-number", for data-testids. */
const testName = (field: SensitiveField) => field.replace(/_/g, "-");

interface Props {
  clientId: string;
  field: SensitiveField;
  /** The value as the profile gives it, masked. */
  masked: string;
  /** Called after a reveal, which wrote an access-log entry. */
  onRevealed: () => void;
}

/**
 * A masked value with 查看: asks for a reason, then shows the value in clear in place (隐藏 masks
 * it again). data-testid `profile-<field>` holds only the value; `reveal-<field>` is the link.
 */
export function SensitiveValue({ clientId, field, masked, onRevealed }: Props) {
  const t = useT();
  const [clear, setClear] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const name = testName(field);

  return (
    <span className="sensitive-value">
      <span className="tabular" data-testid={`profile-${name}`} data-revealed={clear !== null}>
        {clear ?? masked}
      </span>
      {clear === null ? (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => setAsking(true)}
          data-testid={`reveal-${name}`}
        >
          {t("reveal.link")}
        </Button>
      ) : (
        <Button
          type="link"
          size="small"
          icon={<EyeInvisibleOutlined />}
          onClick={() => setClear(null)}
          data-testid={`hide-${name}`}
        >
          {t("reveal.hide")}
        </Button>
      )}
      {asking && (
        <RevealModal
          clientId={clientId}
          field={field}
          onRevealed={(value) => {
            setClear(value);
            setAsking(false);
            onRevealed();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </span>
  );
}

interface ModalProps {
  clientId: string;
  field: SensitiveField;
  onRevealed: (value: string) => void;
  onCancel: () => void;
}

/** Asks why; the reason goes with the reveal to the access log. */
function RevealModal({ clientId, field, onRevealed, onCancel }: ModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const reveal = ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    api.revealField(clientId, field, reason.trim()).then(
      (value) => {
        setBusy(false);
        onRevealed(value);
        announceLocalWrite();
      },
      (reason: unknown) => {
        setBusy(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <Dialog
      open
      title={t("reveal.title", { field: t(`field.${field}`) })}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={busy}>
          {t("reveal.cancel")}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()} data-testid="reveal-submit">
          {t("reveal.submit")}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" className="reveal-hint">
        <SafetyCertificateOutlined /> {t("reveal.hint")}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("reveal.failed")}
          description={error.message}
          style={{ marginBottom: 12 }}
          data-testid="reveal-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={reveal} disabled={busy} initialValues={{ reason: "" }}>
        <Form.Item
          name="reason"
          label={t("reveal.reason")}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                reasonLongEnough(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("reveal.reasonRequired", { min: REASON_MIN }))),
            },
          ]}
        >
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={REASON_MAX}
            showCount
            placeholder={t("reveal.reasonPlaceholder")}
            data-testid="reveal-reason"
          />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
