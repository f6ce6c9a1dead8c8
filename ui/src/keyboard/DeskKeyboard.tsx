import { App } from "antd";
import { useMemo, useState } from "react";
import { currentClient, useClientDrawer, type ClientRef } from "../components/ClientDrawer";
import { announceAgendaChange } from "../hooks/useAgendaReloads";
import type { DeskLock } from "../hooks/useIdleLock";
import { requestSyncNow } from "../hooks/useSyncStatus";
import { useLocale, useT } from "../i18n/context";
import type { PanelDef, PanelKey } from "../panels/registry";
import { ReminderForm, type ReminderTarget } from "../panels/reminders/ReminderForm";
import { toIpcError } from "../api";
import { deskActions, panelOf, type DeskActionId } from "./actions";
import { CommandPalette } from "./CommandPalette";
import type { DeskKey } from "./keys";
import type { PaletteAction } from "./palette";
import { ShortcutHelp } from "./ShortcutHelp";
import { useDeskKeys, useSubmitChord } from "./useDeskKeys";

/** What the header opens on request: its dialogs live there. */
export type HeaderRequest = "idleLock" | "signOut";

interface Props {
  panels: readonly PanelDef[];
  openPanel: (panel: PanelKey, tab?: string) => void;
  lock: DeskLock;
  onHeaderRequest: (request: HeaderRequest) => void;
}

/**
 * The keyboard of the workstation: Ctrl+K's palette, the `?` sheet, and the shortcuts that work
 * anywhere (N, R, Ctrl+R, Ctrl+L, Esc, Ctrl+Enter in forms). Each act is done as its button
 * does it, so a key and a click can never differ.
 */
export function DeskKeyboard({ panels, openPanel, lock, onHeaderRequest }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const { locale, setLocale } = useLocale();
  const drawer = useClientDrawer();
  const subject = currentClient(drawer);
  const [palette, setPalette] = useState<{ pending: PaletteAction | null } | null>(null);
  const [help, setHelp] = useState(false);
  const [reminder, setReminder] = useState<ReminderTarget | null>(null);
  const actions = useMemo(() => deskActions(panels), [panels]);
  useSubmitChord();

  const lockNow = () =>
    lock.lockNow().catch((reason: unknown) => void message.error(`${t("lock.lockFailed")}：${toIpcError(reason).message}`));

  const logContact = (client: ClientRef | null) => {
    if (client) drawer.open(client.id, "contact");
    else setPalette({ pending: actions.find((a) => a.id === "contact") ?? null });
  };

  const run = (id: DeskActionId, client: ClientRef | null) => {
    setPalette(null);
    const panel = panelOf(id);
    if (panel !== null) {
      drawer.close();
      openPanel(panel);
      return;
    }
    const command = id as Exclude<DeskActionId, `panel:${string}`>;
    switch (command) {
      case "contact":
        return logContact(client);
      case "reminder":
        return setReminder({ mode: "new", client: client ?? undefined });
      case "push":
        drawer.close();
        return openPanel("recommend");
      case "export":
        drawer.close();
        return openPanel("clients", "export");
      case "sync":
        return requestSyncNow();
      case "lock":
        return void lockNow();
      case "language":
        return setLocale(locale === "en" ? "zh-CN" : "en");
      case "help":
        return setHelp(true);
      case "idleLock":
      case "signOut":
        return onHeaderRequest(command);
    }
  };

  useDeskKeys((key: DeskKey) => {
    switch (key) {
      case "palette":
        setPalette((open) => (open ? null : { pending: null }));
        return true;
      case "help":
        setHelp(true);
        return true;
      case "sync":
        requestSyncNow();
        return true;
      case "lock":
        void lockNow();
        return true;
      case "contact":
        logContact(subject);
        return true;
      case "reminder":
        setReminder({ mode: "new", client: subject ?? undefined });
        return true;
      case "back":
        if (drawer.shownId === null) return false;
        drawer.close();
        return true;
      // The client list's and a reminder's own keys.
      case "next":
      case "previous":
      case "open":
      case "snooze":
      case "complete":
        return false;
    }
  });

  return (
    <>
      {palette && (
        <CommandPalette
          open
          pending={palette.pending}
          actions={actions}
          subject={subject}
          onClose={() => setPalette(null)}
          onOpenClient={(client) => {
            setPalette(null);
            drawer.open(client.id);
          }}
          onRun={(action, client) => run(action.id as DeskActionId, client)}
        />
      )}
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
      <ReminderForm
        target={reminder}
        onClose={() => setReminder(null)}
        onSaved={() => {
          setReminder(null);
          announceAgendaChange();
        }}
      />
    </>
  );
}
