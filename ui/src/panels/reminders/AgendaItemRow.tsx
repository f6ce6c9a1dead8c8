import { UserOutlined } from "@ant-design/icons";
import { Tag, Typography } from "antd";
import type { KeyboardEvent } from "react";
import type { Agenda } from "../../bindings/Agenda";
import type { AgendaItem } from "../../bindings/AgendaItem";
import { useT } from "../../i18n/context";
import { deskKeyOf } from "../../keyboard/keys";
import { nextAlarm, shownTime } from "../../lib/agenda";
import { daysBetween, formatDateTime, shanghaiWallClock } from "../../lib/format";
import { ReminderActions, SNOOZE_CHOICES, useReminderCommands, type ReminderCommands } from "./ReminderActions";
import { RepeatTag, shortDate, SourceTag } from "./tags";

export { agendaItems } from "./ReminderActions";

/**
 * The keys of a focused row: D completes, S opens 稍后提醒 and then 1 / 2 / 3 pick when, Esc
 * closes that menu. Keys pressed on the row's buttons (Tab reaches them) count as on the row.
 */
function onRowKey(e: KeyboardEvent<HTMLDivElement>, commands: ReminderCommands) {
  if (commands.snoozeMenu) {
    const picked = SNOOZE_CHOICES.find((c) => c.digit === e.key);
    if (picked) commands.snooze(picked.choice);
    if (picked || e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      commands.setSnoozeMenu(false);
    }
    return;
  }
  const key = deskKeyOf(e.nativeEvent);
  if (key === "complete") commands.complete();
  else if (key === "snooze" && !commands.task) commands.setSnoozeMenu(true);
  else return;
  e.preventDefault();
  e.stopPropagation();
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
  const commands = useReminderCommands(item, onAgenda);

  return (
    <div
      className={`agenda-item${overdueDays > 0 ? " agenda-item-overdue" : due ? " agenda-item-due" : ""}`}
      data-testid={`reminder-item-${item.id}`}
      tabIndex={0}
      aria-label={`${shownTime(item)} ${item.title}`}
      onKeyDown={(e) => onRowKey(e, commands)}
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
      <ReminderActions item={item} commands={commands} onEdit={onEdit} />
    </div>
  );
}
