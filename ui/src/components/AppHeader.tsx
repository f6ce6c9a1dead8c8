import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Space, Typography } from "antd";
import { useState } from "react";
import type { SessionState } from "../bindings/SessionState";
import type { UserProfile } from "../bindings/UserProfile";
import { useT } from "../i18n/context";
import type { DeskLock } from "../hooks/useIdleLock";
import type { HeaderRequest } from "../keyboard/DeskKeyboard";
import { LanguageSwitch } from "./LanguageSwitch";
import { LockControls } from "./LockControls";
import { SignOutDialog } from "./SignOutDialog";

interface Props {
  user: UserProfile | null;
  /** The session after signing out. */
  onSession: (session: SessionState) => void;
  lock: DeskLock;
  /** Opens one of the header's dialogs, as the palette asks. */
  request?: { kind: HeaderRequest; seq: number } | null;
}

export function AppHeader({ user, onSession, lock, request = null }: Props) {
  const t = useT();
  const [signingOut, setSigningOut] = useState(false);
  const [seen, setSeen] = useState(request?.seq ?? 0);
  if (request && request.seq !== seen) {
    setSeen(request.seq);
    if (request.kind === "signOut") setSigningOut(true);
  }

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
        <LockControls lock={lock} settingsRequest={request?.kind === "idleLock" ? request.seq : null} />
        <LanguageSwitch />
        <Button size="small" icon={<LogoutOutlined />} onClick={() => setSigningOut(true)} data-testid="sign-out">
          {t("header.signOut")}
        </Button>
        {/* Mounted only while open, so it counts afresh each time. */}
        {signingOut && <SignOutDialog open onClose={() => setSigningOut(false)} onSession={onSession} />}
      </Space>
    </header>
  );
}
