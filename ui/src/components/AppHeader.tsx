import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Avatar, Button, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../api";
import type { SessionState } from "../bindings/SessionState";
import type { UserProfile } from "../bindings/UserProfile";
import { useT } from "../i18n/context";
import type { DeskLock } from "../hooks/useIdleLock";
import { LanguageSwitch } from "./LanguageSwitch";
import { LockControls } from "./LockControls";

interface Props {
  user: UserProfile | null;
  /** The session after signing out. */
  onSession: (session: SessionState) => void;
  lock: DeskLock;
}

export function AppHeader({ user, onSession, lock }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = () => {
    setSigningOut(true);
    api.signOut().then(
      (next) => {
        setSigningOut(false);
        onSession(next);
      },
      (reason: unknown) => {
        setSigningOut(false);
        void message.error(toIpcError(reason).message);
      },
    );
  };

  return (
    <header className="app-header">
      <div className="app-header-user" data-testid="header-user">
        <Avatar size="small" icon={<UserOutlined />} style={{ background: "#1d4ed8" }} />
        <Typography.Text strong>{user?.display_name ?? ""}</Typography.Text>
        {user?.org_path && (
          <Typography.Text type="secondary" className="app-header-org">
            {user.org_path}
          </Typography.Text>
        )}
      </div>
      <Space size={12}>
        <LockControls lock={lock} />
        <LanguageSwitch />
        <Popconfirm
          title={t("header.signOutConfirm")}
          description={t("header.signOutHint")}
          okText={t("header.ok")}
          cancelText={t("header.cancel")}
          placement="bottomRight"
          onConfirm={signOut}
        >
          <Button size="small" icon={<LogoutOutlined />} loading={signingOut} data-testid="sign-out">
            {t("header.signOut")}
          </Button>
        </Popconfirm>
      </Space>
    </header>
  );
}
