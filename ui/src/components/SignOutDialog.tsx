import { DeleteOutlined, LogoutOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError } from "../api";
import type { LocalData } from "../bindings/LocalData";
import type { SessionState } from "../bindings/SessionState";
import { useT } from "../i18n/context";
import type { MessageKey } from "../i18n/messages";

interface Props {
  open: boolean;
  onClose: () => void;
  /** The session after signing out. */
  onSession: (session: SessionState) => void;
}

/** What only this machine holds, in the order the dialog names it. */
const LOCAL_ITEMS: readonly { field: keyof LocalData; label: MessageKey }[] = [
  { field: "own_reminders", label: "signOut.ownReminders" },
  { field: "saved_filters", label: "signOut.savedFilters" },
  { field: "conflicts", label: "signOut.conflicts" },
  { field: "refusals", label: "signOut.refusals" },
  { field: "pushes", label: "signOut.pushes" },
];

/**
 * 退出登录: signing out keeps this broker's cache (sealed with their password) for the next
 * sign-in here; wiping it, for a computer that changes hands, says first exactly what goes and
 * waits for unsynced writes.
 */
export function SignOutDialog({ open, onClose, onSession }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [local, setLocal] = useState<LocalData | null>(null);
  const [busy, setBusy] = useState<"keep" | "wipe" | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    api.localData().then(
      (data) => {
        if (current) setLocal(data);
      },
      (reason: unknown) => {
        if (current) void message.error(toIpcError(reason).message);
      },
    );
    return () => {
      current = false;
    };
  }, [open, message]);

  const signOut = (wipe: boolean) => {
    setBusy(wipe ? "wipe" : "keep");
    api.signOut(wipe).then(
      (next) => {
        setBusy(null);
        onSession(next);
      },
      (reason: unknown) => {
        setBusy(null);
        void message.error(toIpcError(reason).message);
      },
    );
  };

  const going = local ? LOCAL_ITEMS.filter((item) => local[item.field] > 0) : [];
  const waiting = local?.pending ?? 0;

  return (
    <Modal
      open={open}
      title={t("signOut.title")}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} disabled={busy !== null} data-testid="sign-out-cancel">
            {t("header.cancel")}
          </Button>
          <Button
            danger
            icon={<DeleteOutlined />}
            disabled={local === null || waiting > 0 || busy === "keep"}
            loading={busy === "wipe"}
            onClick={() => signOut(true)}
            data-testid="sign-out-wipe"
          >
            {t("signOut.wipe")}
          </Button>
          <Button
            type="primary"
            icon={<LogoutOutlined />}
            disabled={busy === "wipe"}
            loading={busy === "keep"}
            onClick={() => signOut(false)}
            data-testid="sign-out-confirm"
          >
            {t("header.signOut")}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t("signOut.keeps")}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t("signOut.wipeHint")}</Typography.Paragraph>
      {local === null ? (
        <Spin size="small" />
      ) : (
        <div data-testid="sign-out-local">
          {going.length > 0 ? (
            <ul className="sign-out-list">
              {going.map((item) => (
                <li key={item.field}>{t(item.label, { count: local[item.field] })}</li>
              ))}
            </ul>
          ) : (
            <Typography.Paragraph type="secondary">{t("signOut.nothingLocal")}</Typography.Paragraph>
          )}
          {waiting > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t("signOut.pending", { count: waiting })}
              data-testid="sign-out-pending"
            />
          )}
        </div>
      )}
    </Modal>
  );
}
