import { CheckOutlined, ClockCircleOutlined, DownOutlined, EditOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Space, Tooltip } from "antd";
import type { MenuProps } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { Agenda } from "../../bindings/Agenda";
import type { AgendaItem } from "../../bindings/AgendaItem";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";
import type { MessageKey } from "../../i18n/messages";
import { isTask, minutesUntilTomorrowMorning } from "../../lib/agenda";
import { formatDateTime } from "../../lib/format";
import { now, nowMillis } from "../../lib/clock";
import { TaskThreadButton } from "./TaskThreadButton";

/** Every open reminder of an agenda, overdue first. */
export function agendaItems(agenda: Agenda): AgendaItem[] {
  return [...agenda.overdue, ...agenda.today, ...agenda.week];
}

/** When a snoozed reminder comes back. The digit picks it from the keyboard after S. */
export type SnoozeChoice = "15" | "60" | "tomorrow" | "nextTradingDay";

export const SNOOZE_CHOICES: readonly { choice: SnoozeChoice; label: MessageKey; digit?: string }[] = [
  { choice: "15", label: "agenda.snooze15" },
  { choice: "60", label: "agenda.snooze60", digit: "1" },
  { choice: "tomorrow", label: "agenda.snoozeTomorrow", digit: "2" },
  { choice: "nextTradingDay", label: "agenda.snoozeNextTradingDay", digit: "3" },
];

export interface ReminderCommands {
  busy: boolean;
  /** A lead's task: completed or discussed, never snoozed or edited on the desk. */
  task: boolean;
  complete: () => void;
  snooze: (choice: SnoozeChoice) => void;
  /** The 稍后提醒 menu is showing (S opened it, or a click). */
  snoozeMenu: boolean;
  setSnoozeMenu: (open: boolean) => void;
}

/** 完成 and 稍后提醒 for one reminder, for its buttons and for the keys of its row alike. */
export function useReminderCommands(item: AgendaItem, onAgenda: (agenda: Agenda) => void): ReminderCommands {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [snoozeMenu, setSnoozeMenu] = useState(false);
  const task = isTask(item);

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

  const complete = () => {
    if (busy) return;
    run(
      () => api.completeReminder(item.id),
      (agenda) => {
        announceLocalWrite();
        if (task) return t("agenda.taskDone");
        // A repeating reminder stays, on its next date.
        const next = item.repeat === "never" ? undefined : agendaItems(agenda).find((i) => i.id === item.id);
        return next ? t("agenda.completedNext", { date: next.due_on }) : t("agenda.completed", { title: item.title });
      },
    );
  };

  const snooze = (choice: SnoozeChoice) => {
    setSnoozeMenu(false);
    if (busy || task) return;
    const request =
      choice === "nextTradingDay"
        ? () => api.snoozeToNextTradingDay(item.id)
        : () => api.snoozeReminder(item.id, choice === "tomorrow" ? minutesUntilTomorrowMorning(now()) : Number(choice));
    run(request, (agenda) => {
      const until =
        agendaItems(agenda).find((i) => i.id === item.id)?.snoozed_until ?? new Date(nowMillis()).toISOString();
      return t("agenda.snoozed", { time: formatDateTime(until) });
    });
  };

  return { busy, task, complete, snooze, snoozeMenu, setSnoozeMenu };
}

interface ActionsProps {
  item: AgendaItem;
  commands: ReminderCommands;
  /** Opens the reminder in the form; no 编辑 button without it. */
  onEdit?: (item: AgendaItem) => void;
}

/**
 * 完成, 稍后提醒 (15 分钟 / 1 小时 / 明天 09:00 / 下一交易日 09:00) and 编辑 for one open reminder;
 * a lead's task can only be completed (head office hears of it through the outbox) or discussed.
 */
export function ReminderActions({ item, commands, onEdit }: ActionsProps) {
  const t = useT();
  const { busy, task, complete, snooze, snoozeMenu, setSnoozeMenu } = commands;

  const snoozeItems: MenuProps["items"] = SNOOZE_CHOICES.map(({ choice, label, digit }) => ({
    key: choice,
    label: <span data-testid={`snooze-${choice}-${item.id}`}>{t(label)}</span>,
    extra: digit && <kbd className="kbd">{digit}</kbd>,
  }));

  return (
    <Space size={4} className="agenda-actions">
      <Button
        size="small"
        type="primary"
        ghost
        icon={<CheckOutlined />}
        loading={busy}
        onClick={complete}
        title="D"
        data-testid={`reminder-done-${item.id}`}
      >
        {t("agenda.done")}
      </Button>
      {task && <TaskThreadButton item={item} />}
      {!task && (
        <Dropdown
          trigger={["click"]}
          disabled={busy}
          open={snoozeMenu}
          onOpenChange={setSnoozeMenu}
          menu={{ items: snoozeItems, onClick: ({ key }) => snooze(key as SnoozeChoice) }}
        >
          <Button size="small" icon={<ClockCircleOutlined />} title="S" data-testid={`reminder-snooze-${item.id}`}>
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
