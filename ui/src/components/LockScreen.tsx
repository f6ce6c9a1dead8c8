import { LockOutlined, LogoutOutlined, UnlockOutlined } from "@ant-design/icons";
import { Alert, Avatar, Button, Card, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError } from "../api";
import type { IpcError } from "../bindings/IpcError";
import type { SessionState } from "../bindings/SessionState";
import { useT } from "../i18n/context";
import { markStartup } from "../lib/startupMarks";
import { LanguageSwitch } from "./LanguageSwitch";

interface Props {
  session: SessionState;
  /** The session after unlocking or signing out. */
  onSession: (session: SessionState) => void;
}

/**
 * 锁定: shown instead of the workstation (nothing of the book is rendered) until the broker types
 * their sign-in password, or signs out.
 */
export function LockScreen({ session, onSession }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState<"unlock" | "switchUser" | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const user = session.user;
  useEffect(() => markStartup("brokerdesk:lock-screen"), []);

  const unlock = ({ password }: { password: string }) => {
    setBusy("unlock");
    setError(null);
    api.unlockDesk(password).then(
      (next) => {
        setBusy(null);
        onSession(next);
      },
      (reason: unknown) => {
        setBusy(null);
        setError(toIpcError(reason));
        form.setFieldValue("password", "");
      },
    );
  };

  // A locked desk is not signed out (whoever is here has not shown they are the broker): the
  // sign-in form is shown instead, and nothing on this computer changes.
  const switchUser = () => {
    setBusy("switchUser");
    setError(null);
    api.switchUser().then(
      (next) => {
        setBusy(null);
        onSession(next);
      },
      (reason: unknown) => {
        setBusy(null);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <div className="lock-page" data-testid="lock-screen">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <Card className="lock-card">
        <div className="lock-head">
          <Avatar size={64} className="lock-avatar">
            {user?.display_name.slice(0, 1) ?? <LockOutlined />}
          </Avatar>
          <Typography.Title level={4} style={{ margin: "12px 0 0" }} data-testid="lock-user">
            {user?.display_name ?? ""}
          </Typography.Title>
          {user?.org_path && <Typography.Text type="secondary">{user.org_path}</Typography.Text>}
          <Typography.Text strong className="lock-title">
            <LockOutlined /> {t("lock.title")}
          </Typography.Text>
          <Typography.Text type="secondary" className="lock-hint">
            {t("lock.hint")}
          </Typography.Text>
        </div>
        {session.notice && !error && (
          <Alert
            type="warning"
            showIcon
            title={session.notice}
            style={{ marginBottom: 16 }}
            data-testid="lock-notice"
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={t("lock.failed")}
            description={error.message}
            style={{ marginBottom: 16 }}
            data-testid="unlock-error"
          />
        )}
        <Form form={form} layout="vertical" onFinish={unlock} disabled={busy !== null} requiredMark={false}>
          <Form.Item
            name="password"
            label={t("lock.password")}
            rules={[{ required: true, message: t("lock.passwordRequired") }]}
          >
            <Input.Password autoFocus autoComplete="current-password" data-testid="unlock-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            icon={<UnlockOutlined />}
            loading={busy === "unlock"}
            data-testid="unlock-submit"
          >
            {t("lock.unlock")}
          </Button>
        </Form>
        <div className="lock-footer">
          <Typography.Text type="secondary">{t("lock.switchUserHint")}</Typography.Text>
          <Button
            type="link"
            icon={<LogoutOutlined />}
            onClick={switchUser}
            loading={busy === "switchUser"}
            disabled={busy === "unlock"}
            data-testid="unlock-switch-user"
          >
            {t("lock.switchUser")}
          </Button>
        </div>
      </Card>
    </div>
  );
}
