import { Layout, Menu } from "antd";
import { useCallback, useMemo, useState } from "react";
import type { SessionState } from "../bindings/SessionState";
import type { UserProfile } from "../bindings/UserProfile";
import { useDeskLock } from "../hooks/useIdleLock";
import { useT } from "../i18n/context";
import { PanelNavContext, type PanelNav, type PanelRequest } from "../panels/navigation";
import { defaultPanelFor, panelsFor, type PanelKey } from "../panels/registry";
import { DeskKeyboard, type HeaderRequest } from "../keyboard/DeskKeyboard";
import { AppHeader } from "./AppHeader";
import { ClientDrawerProvider } from "./ClientDrawer";
import { CurrentUserContext } from "./currentUser";
import { ReminderFeed } from "./ReminderFeed";
import { StatusBar } from "./StatusBar";

interface Props {
  user: UserProfile | null;
  /** A new session state: signed out, or locked (by hand or after the idle time). */
  onSession: (session: SessionState) => void;
}

/** Sider menu, header, the selected panel and the status bar; locks itself when left idle. */
export function Workstation({ user, onSession }: Props) {
  const t = useT();
  const lock = useDeskLock(onSession);
  const role = user?.role ?? null;
  const panels = panelsFor(role);
  const [selected, setSelected] = useState<PanelKey>(() => defaultPanelFor(role));
  const [request, setRequest] = useState<PanelRequest | null>(null);
  const current = panels.find((p) => p.key === selected) ?? panels[0];
  const Panel = current?.Component;

  const open = useCallback((panel: PanelKey, tab?: string) => {
    setSelected(panel);
    setRequest((prev) => ({ panel, tab: tab ?? null, seq: (prev?.seq ?? 0) + 1 }));
  }, []);
  const nav = useMemo<PanelNav>(() => ({ open, request }), [open, request]);
  const openReminders = useCallback(() => open("reminders", "agenda"), [open]);
  const [headerRequest, setHeaderRequest] = useState<{ kind: HeaderRequest; seq: number } | null>(null);
  const askHeader = useCallback(
    (kind: HeaderRequest) => setHeaderRequest((prev) => ({ kind, seq: (prev?.seq ?? 0) + 1 })),
    [],
  );

  return (
    <CurrentUserContext.Provider value={user}>
    <PanelNavContext.Provider value={nav}>
    <ReminderFeed onOpenReminders={openReminders}>
    <ClientDrawerProvider>
    <div className="workstation">
      <Layout className="workstation-main" hasSider>
        <Layout.Sider width={176} theme="dark" className="workstation-sider">
          <div className="brand">
            <div className="brand-logo" aria-hidden>
              经
            </div>
            <div className="brand-text">
              <div className="brand-name">{t("app.name")}</div>
              <div className="brand-sub">{t("app.nameEn")}</div>
            </div>
          </div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={current ? [current.key] : []}
            items={panels.map((p) => ({
              key: p.key,
              icon: p.icon,
              label: <span data-testid={`nav-${p.key}`}>{t(p.label)}</span>,
            }))}
            onClick={({ key }) => open(key as PanelKey)}
          />
        </Layout.Sider>
        <Layout>
          <AppHeader user={user} onSession={onSession} lock={lock} request={headerRequest} />
          <Layout.Content className="workstation-content">{Panel && <Panel />}</Layout.Content>
        </Layout>
      </Layout>
      <StatusBar />
      <DeskKeyboard panels={panels} openPanel={open} lock={lock} onHeaderRequest={askHeader} />
    </div>
    </ClientDrawerProvider>
    </ReminderFeed>
    </PanelNavContext.Provider>
    </CurrentUserContext.Provider>
  );
}
