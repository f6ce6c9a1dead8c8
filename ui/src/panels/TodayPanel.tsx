import { BellOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Spin } from "antd";
import { useMemo, useState } from "react";
import { api } from "../api";
import type { Agenda } from "../bindings/Agenda";
import type { AgendaItem } from "../bindings/AgendaItem";
import { useReminderFeed } from "../components/reminderFeed";
import { useAgendaReloads } from "../hooks/useAgendaReloads";
import { useLoaded } from "../hooks/useLoaded";
import { useNow } from "../hooks/useNow";
import { useClientDrawer } from "../components/ClientDrawer";
import { useT } from "../i18n/context";
import { shanghaiWallClock } from "../lib/format";
import { usePanelNav } from "./navigation";
import { MissedBanner } from "./reminders/MissedBanner";
import { ReminderForm, type ReminderTarget } from "./reminders/ReminderForm";
import { AgendaCard } from "./today/AgendaCard";
import { AlertsCard } from "./today/AlertsCard";
import { CommissionCard } from "./today/CommissionCard";
import { Greeting } from "./today/Greeting";
import { WeekCard } from "./today/WeekCard";

const loadToday = () => api.todayView();

/**
 * 工作台: the broker's morning screen. What is due today and what is overdue (each with 完成),
 * the coming week, what the book raises about clients, and the month's commission against its
 * target; loaded again when reminders fire, after a sync and when the day changes.
 */
export function TodayPanel() {
  const t = useT();
  const now = useNow();
  const today = shanghaiWallClock(now).date;
  const { reloads, reload } = useAgendaReloads();
  const view = useLoaded(loadToday, `${reloads}|${today}`);
  const { missed } = useReminderFeed();
  const nav = usePanelNav();
  const drawer = useClientDrawer();
  const [form, setForm] = useState<ReminderTarget | null>(null);

  const missedIds = useMemo(() => new Set(missed.map((e) => e.reminder_id)), [missed]);
  const data = view.data;
  const { set } = view;
  const takeAgenda = (agenda: Agenda) => {
    if (data) set({ ...data, agenda });
  };
  const edit = (item: AgendaItem) => setForm({ mode: "edit", item });

  return (
    <div className="panel today-panel" data-testid="today-panel">
      <div className="today-head">
        <Greeting
          now={now}
          counts={
            data
              ? { due: data.agenda.today.length, overdue: data.agenda.overdue.length, alerts: data.alert_total }
              : undefined
          }
        />
        <span className="toolbar-spacer" />
        <Button icon={<BellOutlined />} onClick={() => nav.open("reminders", "agenda")} data-testid="today-all-reminders">
          {t("today.allReminders")}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="today-refresh">
          {t("today.refresh")}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: "new" })} data-testid="today-new-reminder">
          {t("agenda.new")}
        </Button>
      </div>

      {view.error && (
        <Alert
          type="error"
          showIcon
          title={t("today.loadFailed")}
          description={view.error.message}
          className="today-alert"
          data-testid="today-error"
        />
      )}
      <MissedBanner />

      {!data && view.loading && (
        <div className="drawer-loading">
          <Spin />
        </div>
      )}
      {data && (
        <div className="today-grid">
          <div className="today-column">
            <AgendaCard
              title={t("today.overdue")}
              items={data.agenda.overdue}
              empty={t("today.overdueEmpty")}
              now={now}
              danger
              missed={missedIds}
              onAgenda={takeAgenda}
              onEdit={edit}
              onOpenClient={drawer.open}
              testId="today-overdue"
            />
            <AgendaCard
              title={t("today.due")}
              items={data.agenda.today}
              empty={t("today.dueEmpty")}
              now={now}
              missed={missedIds}
              onAgenda={takeAgenda}
              onEdit={edit}
              onOpenClient={drawer.open}
              testId="today-due"
            />
            <AlertsCard
              alerts={data.alerts}
              total={data.alert_total}
              today={today}
              onOpenClient={drawer.open}
              onShowAll={() => nav.open("reminders", "alerts")}
            />
          </div>
          <div className="today-column today-side">
            {data.commission && <CommissionCard commission={data.commission} />}
            <WeekCard items={data.agenda.week} onEdit={edit} />
          </div>
        </div>
      )}
      <ReminderForm
        target={form}
        onClose={() => setForm(null)}
        onSaved={(agenda) => {
          setForm(null);
          takeAgenda(agenda);
        }}
      />
    </div>
  );
}
