import { CheckOutlined, ClockCircleOutlined, DownOutlined, EditOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Space, Tag, Tooltip, Typography } from "antd";
import type { MenuProps } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import { refreshSyncStatus } from "../../hooks/useSyncStatus";
import type { Agenda } from "../../bindings/Agenda";
import type { AgendaItem } from "../../bindings/AgendaItem";
import { useT } from "../../i18n/context";
import { isTask, minutesUntilTomorrowMorning, nextAlarm, shownTime } from "../../lib/agenda";
import { daysBetween, formatDateTime, shanghaiWallClock } from "../../lib/format";
import { RepeatTag, shortDate, SourceTag } from "./tags";
import { TaskThreadButton } from "./TaskThreadButton";
import { now, nowMillis } from "../../lib/clock";

/** Every open reminder of an agenda, overdue first. */
export function agendaItems(agenda: Agenda): AgendaItem[] {
  return [...agenda.overdue, ...agenda.today, ...agenda.week];
}

interface ActionsProps {
  item: AgendaItem;
  /** The agenda the command answered with. */
  onAgenda: (agenda: Agenda) => void;
  /** Opens the reminder in the form; no 编辑 button without it. */
  onEdit?: (item: AgendaItem) => void;
}

/**
 * 完成, 稍后提醒 (15 分钟 / 1 小时 / 明天 09:00) and 编辑 for one open reminder; a lead's task can
 * only be completed (head office hears of it through the outbox) or discussed (留言).
 */
export function ReminderActions({ item, onAgenda, onEdit }: ActionsProps) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<Agenda>, done: (agenda: Agenda) => string) => {
    setBusy(true);
    action().then(
      (agenda) => {
        setBusy(false);
        onAgenda(agenda);
        void message.success(done(agenda));
      },
      (reason: unknown) => {
        setBusy(false);
        void message.error(toIpcError(reason).message);
      },
    );
  };

  const task = isTask(item);

  const complete = () =>
    run(
      () => api.completeReminder(item.id),
      (agenda) => {
        if (task) {
          // The completion waits in the outbox: the status bar's pending count has changed.
          refreshSyncStatus().catch((reason: unknown) => console.error("cannot refresh sync status", reason));
          return t("agenda.taskDone");
        }
        // A repeating reminder stays, on its next date.
        const next = item.repeat === "never" ? undefined : agendaItems(agenda).find((i) => i.id === item.id);
        return next ? t("agenda.completedNext", { date: next.due_on }) : t("agenda.completed", { title: item.title });
      },
    );

  const snooze = (minutes: number) =>
    run(
      () => api.snoozeReminder(item.id, minutes),
      (agenda) => {
        const until =
          agendaItems(agenda).find((i) => i.id === item.id)?.snoozed_until ??
          new Date(nowMillis() + minutes * 60_000).toISOString();
        return t("agenda.snoozed", { time: formatDateTime(until) });
      },
    );

  const snoozeItems: MenuProps["items"] = [
    { key: "15", label: <span data-testid={`snooze-15-${item.id}`}>{t("agenda.snooze15")}</span> },
    { key: "60", label: <span data-testid={`snooze-60-${item.id}`}>{t("agenda.snooze60")}</span> },
    {
      key: "tomorrow",
      label: <span data-testid={`snooze-tomorrow-${item.id}`}>{t("agenda.snoozeTomorrow")}</span>,
    },
  ];

  return (
    <Space size={4} className="agenda-actions">
      <Button
        size="small"
        type="primary"
        ghost
        icon={<CheckOutlined />}
        loading={busy}
        onClick={complete}
        data-testid={`reminder-done-${item.id}`}
      >
        {t("agenda.done")}
      </Button>
      {task && <TaskThreadButton item={item} />}
      {!task && (
        <Dropdown
          trigger={["click"]}
          disabled={busy}
          menu={{
            items: snoozeItems,
            onClick: ({ key }) => snooze(key === "tomorrow" ? minutesUntilTomorrowMorning(now()) : Number(key)),
          }}
        >
          <Button size="small" icon={<ClockCircleOutlined />} data-testid={`reminder-snooze-${item.id}`}>
            {t("agenda.snooze")} <DownOutlined />
          </Button>
        </Dropdown>
      )}
      {onEdit && !task && (
        <Tooltip title={t("agenda.edit")}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t("agenda.edit")}
            disabled={busy}
            onClick={() => onEdit(item)}
            data-testid={`reminder-edit-${item.id}`}
          />
        </Tooltip>
      )}
    </Space>
  );
}

interface RowProps {
  item: AgendaItem;
  now: Date;
  /** Shows the date before the time (overdue and coming days). */
  withDate?: boolean;
  /** The scheduler found it missed while the desk was closed. */
  missed?: boolean;
  onAgenda: (agenda: Agenda) => void;
  onEdit?: (item: AgendaItem) => void;
  onOpenClient?: (clientId: string) => void;
}

/** One open reminder: when, what, for whom, how it stands, and what can be done with it. */
export function AgendaItemRow({ item, now, withDate, missed, onAgenda, onEdit, onOpenClient }: RowProps) {
  const t = useT();
  const today = shanghaiWallClock(now).date;
  const overdueDays = daysBetween(item.due_on, today) ?? 0;
  const snoozed = item.snoozed_until !== null && nextAlarm(item) > now.getTime();
  const due = !snoozed && nextAlarm(item) <= now.getTime();

  return (
    <div
      className={`agenda-item${overdueDays > 0 ? " agenda-item-overdue" : due ? " agenda-item-due" : ""}`}
      data-testid={`reminder-item-${item.id}`}
    >
      <div className="agenda-when tabular">
        {withDate && <span className="agenda-date">{shortDate(t, item.due_on)}</span>}
        <span className="agenda-time">{shownTime(item)}</span>
      </div>
      <div className="agenda-body">
        <div className="agenda-title-line">
          <Typography.Text strong className="agenda-title" ellipsis={{ tooltip: item.title }}>
            {item.title}
          </Typography.Text>
          <RepeatTag repeat={item.repeat} />
          <SourceTag source={item.source} />
          {missed && (
            <Tag color="red" variant="outlined" className="agenda-state" data-testid="missed-tag">
              {t("agenda.missed")}
            </Tag>
          )}
          {overdueDays > 0 ? (
            <Tag color="red" className="agenda-state" data-testid="overdue-tag">
              {t("agenda.overdueDays", { days: overdueDays })}
            </Tag>
          ) : due ? (
            <Tag color="orange" className="agenda-state" data-testid="due-tag">
              {t("agenda.dueNow")}
            </Tag>
          ) : null}
          {snoozed && item.snoozed_until && (
            <Tag color="blue" variant="outlined" className="agenda-state" data-testid="snoozed-tag">
              {t("agenda.snoozedUntil", { time: formatDateTime(item.snoozed_until).slice(5) })}
            </Tag>
          )}
        </div>
        {(item.client_id || item.note || item.assigned_by) && (
          <div className="agenda-meta">
            {item.assigned_by && (
              <Typography.Text type="secondary" className="agenda-assigned" data-testid={`reminder-assigned-${item.id}`}>
                {t("agenda.assignedBy", { name: item.assigned_by })}
              </Typography.Text>
            )}
            {item.client_id &&
              (onOpenClient ? (
                <Typography.Link
                  className="agenda-client"
                  onClick={() => item.client_id && onOpenClient(item.client_id)}
                  aria-label={t("agenda.openClient", { name: item.client_name ?? item.client_id })}
                  data-testid={`reminder-client-${item.id}`}
                >
                  <UserOutlined /> {item.client_name ?? item.client_id}
                </Typography.Link>
              ) : (
                <span className="agenda-client">
                  <UserOutlined /> {item.client_name ?? item.client_id}
                </span>
              ))}
            {item.note && (
              <Typography.Text type="secondary" className="agenda-note" ellipsis={{ tooltip: item.note }}>
                {item.note}
              </Typography.Text>
            )}
          </div>
        )}
      </div>
      <ReminderActions item={item} onAgenda={onAgenda} onEdit={onEdit} />
    </div>
  );
}
