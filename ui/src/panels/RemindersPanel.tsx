import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Spin, Tabs, Typography } from "antd";
import { useMemo, useState } from "react";
import { api } from "../api";
import type { Agenda } from "../bindings/Agenda";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { BookAlert } from "../bindings/BookAlert";
import { useReminderFeed } from "../components/reminderFeed";
import { useAgendaReloads } from "../hooks/useAgendaReloads";
import { useLoaded } from "../hooks/useLoaded";
import { useNow } from "../hooks/useNow";
import { useClientDrawer } from "../components/ClientDrawer";
import { useT } from "../i18n/context";
import { shanghaiWallClock } from "../lib/format";
import { requestedTab, usePanelNav } from "./navigation";
import { AgendaView } from "./reminders/AgendaView";
import { AlertsView } from "./reminders/AlertsView";
import { MissedBanner } from "./reminders/MissedBanner";
import { ReminderCalendar } from "./reminders/ReminderCalendar";
import { ReminderForm, type ReminderTarget } from "./reminders/ReminderForm";
import { ReminderLog } from "./reminders/ReminderLog";

/** Entries the 提醒记录 tab shows. */
export const LOG_LIMIT = 200;

const TABS = ["agenda", "calendar", "alerts", "log"] as const;
type RemindersTab = (typeof TABS)[number];
const isTab = (tab: string): tab is RemindersTab => (TABS as readonly string[]).includes(tab);

const loadAgenda = () => api.agenda();
const loadAlerts = () => api.bookAlerts();
const loadLog = () => api.reminderLog(LOG_LIMIT);

/**
 * 提醒: the agenda (已逾期 / 今天 / 未来一周) with 完成, 稍后提醒 and 编辑; a month calendar; every
 * alert the book raises; and the log of what fired, was missed, snoozed or done. Loaded again when
 * reminders fire, after a sync, after every change made here and when the day changes.
 */
export function RemindersPanel() {
  const t = useT();
  const now = useNow();
  const today = shanghaiWallClock(now).date;
  const nav = usePanelNav();
  const { reloads, reload } = useAgendaReloads();
  // Changes made here: the calendar and the log follow them.
  const [changes, setChanges] = useState(0);
  const agenda = useLoaded(loadAgenda, `${reloads}|${today}`);
  const alerts = useLoaded(loadAlerts, `${reloads}|${today}`);
  const log = useLoaded(loadLog, `${reloads}|${changes}`);
  const { missed } = useReminderFeed();

  const [tab, setTab] = useState<RemindersTab>(() => requestedTab(nav.request, "reminders", isTab) ?? "agenda");
  // A request while the panel is open (a notification's 打开提醒) switches the tab.
  const [seenRequest, setSeenRequest] = useState(nav.request?.seq ?? 0);
  if (nav.request && nav.request.seq !== seenRequest) {
    setSeenRequest(nav.request.seq);
    const asked = requestedTab(nav.request, "reminders", isTab);
    if (asked) setTab(asked);
  }

  const drawer = useClientDrawer();
  const [form, setForm] = useState<ReminderTarget | null>(null);
  const missedIds = useMemo(() => new Set(missed.map((e) => e.reminder_id)), [missed]);

  const { set: setAgenda } = agenda;
  const takeAgenda = (next: Agenda) => {
    setAgenda(next);
    setChanges((n) => n + 1);
  };
  const edit = (item: AgendaItem) => setForm({ mode: "edit", item });
  // About the alert's client, or about nobody for an alert on the whole book; its reason as the note.
  const remindAbout = ({ kind, client_id: id, client_name: name, reason }: BookAlert) => {
    const label = t(`alertKind.${kind}`);
    const client = id === null ? undefined : { id, name: name ?? id };
    setForm({ mode: "new", client, title: client ? `${label}：${client.name}` : label, note: reason });
  };

  const data = agenda.data;
  const open = data ? data.overdue.length + data.today.length : 0;
  const alertList = alerts.data ?? [];

  return (
    <div className="panel reminders-panel" data-testid="reminders-panel">
      <div className="panel-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("agenda.title")}
        </Typography.Title>
        <span className="toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="reminders-refresh">
          {t("agenda.refresh")}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: "new" })} data-testid="reminder-new">
          {t("agenda.new")}
        </Button>
      </div>
      <MissedBanner />

      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(isTab(key) ? key : "agenda")}
        items={[
          {
            key: "agenda",
            label: (
              <span className="reminders-tab-label" data-testid="reminders-tab-agenda">
                {t("agenda.tab.agenda")}
                {open > 0 && (
                  <Badge count={open} size="small" color={data && data.overdue.length > 0 ? "#cf1322" : "#1d4ed8"} />
                )}
              </span>
            ),
            children: (
              <div className="reminders-pane" data-testid="reminders-agenda">
                {agenda.error && (
                  <Alert
                    type="error"
                    showIcon
                    title={t("agenda.loadFailed")}
                    description={agenda.error.message}
                    className="today-alert"
                    data-testid="reminders-error"
                  />
                )}
                {!data && agenda.loading && (
                  <div className="drawer-loading">
                    <Spin />
                  </div>
                )}
                {data && (
                  <AgendaView
                    agenda={data}
                    now={now}
                    missed={missedIds}
                    onAgenda={takeAgenda}
                    onEdit={edit}
                    onOpenClient={drawer.open}
                  />
                )}
              </div>
            ),
          },
          {
            key: "calendar",
            label: <span data-testid="reminders-tab-calendar">{t("agenda.tab.calendar")}</span>,
            children: (
              <ReminderCalendar
                reloadKey={`${reloads}|${changes}`}
                now={now}
                onNew={(date) => setForm({ mode: "new", date })}
                onEdit={edit}
              />
            ),
          },
          {
            key: "alerts",
            label: (
              <span className="reminders-tab-label" data-testid="reminders-tab-alerts">
                {t("agenda.tab.alerts")}
                {alertList.length > 0 && <Badge count={alertList.length} size="small" color="#fa8c16" overflowCount={999} />}
              </span>
            ),
            children: (
              <AlertsView alerts={alertList} today={today} onOpenClient={drawer.open} onRemind={remindAbout} />
            ),
          },
          {
            key: "log",
            label: <span data-testid="reminders-tab-log">{t("agenda.tab.log")}</span>,
            children: (
              <ReminderLog events={log.data ?? []} loading={log.loading} onRefresh={() => setChanges((n) => n + 1)} />
            ),
          },
        ]}
      />
      <ReminderForm
        target={form}
        onClose={() => setForm(null)}
        onSaved={(next) => {
          setForm(null);
          takeAgenda(next);
        }}
      />
    </div>
  );
}
