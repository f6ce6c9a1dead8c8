// The 工作台 and 提醒 panels' desk for tests: Friday 2024-03-15, 10:30:20 in Shanghai, with one
// overdue reminder, three due today (one already due, one a lead's task), one next Monday; three alerts of the
// fifteen the book raises; the month's commission; and a log of each kind of event.

import { vi } from "vitest";
import type { Agenda } from "../bindings/Agenda";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { NewReminder } from "../bindings/NewReminder";
import type { ReminderEvent } from "../bindings/ReminderEvent";
import type { TodayView } from "../bindings/TodayView";
import { agendaItem, bookAlert, clientRow, reminderEvent } from "./fixtures";
import { mockDesk, type Handler } from "./mockDesk";

/** Friday 2024-03-15, 10:30:20 in Shanghai. */
export const AGENDA_NOW = new Date("2024-03-15T02:30:20Z");

/** Freezes the clock (only Date: timers stay real for the UI and user-event). */
export function freezeAgendaClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(AGENDA_NOW);
}

export const overdueCall = agendaItem({
  id: "RM-1",
  title: "回访张三，确认调仓意向",
  due_on: "2024-03-12",
  due_time: "09:30:00",
});

/** Due at 09:00 (no time given): already due at 10:30. */
export const followUp = agendaItem({
  id: "RM-2",
  client_id: "C2",
  client_name: "李四",
  title: "提醒李四重新做风险测评",
  due_time: null,
  source: "follow_up",
});

export const weeklyMeeting = agendaItem({
  id: "RM-3",
  client_id: null,
  client_name: null,
  title: "部门周会",
  due_time: "14:00:00",
  repeat: "weekly",
  note: "带上本周回访统计",
});

/** A lead's task: due in the morning, done only by completing it. */
export const leadTask = agendaItem({
  id: "TK-1",
  client_id: null,
  client_name: null,
  title: "本周完成 5 位高净值客户回访",
  due_time: null,
  source: "task",
  assigned_by: "陈经理",
  note: "回访结果记入联系记录",
});

export const birthdayCall = agendaItem({
  id: "RM-4",
  client_id: "C3",
  client_name: "王五",
  title: "王五六十大寿，电话祝福",
  due_on: "2024-03-18",
  due_time: "10:00:00",
  repeat: "yearly",
});

export const agenda: Agenda = {
  overdue: [overdueCall],
  today: [followUp, leadTask, weeklyMeeting],
  week: [birthdayCall],
};

export const alerts = [
  bookAlert(),
  bookAlert({
    kind: "assessment_expired",
    client_id: "C2",
    client_name: "李四",
    due_on: "2024-03-10",
    reason: "风险测评已于 2024-03-10 过期，不能推荐产品",
  }),
  bookAlert({
    kind: "birthday",
    client_id: "C3",
    client_name: "王五",
    due_on: "2024-03-18",
    reason: "3 月 18 日 60 岁生日",
  }),
];

export const todayView: TodayView = {
  agenda,
  alerts,
  alert_total: 15,
  commission: { month: "2024-03-01", credited: 1_234_567, target: 2_000_000, total: 466_913 },
};

export const log: ReminderEvent[] = [
  reminderEvent({ reminder_id: "RM-5", title: "开盘前看持仓", event: "done", at: "2024-03-15T01:10:00Z" }),
  reminderEvent({ reminder_id: "RM-5", title: "开盘前看持仓", event: "snoozed", at: "2024-03-15T01:00:30Z" }),
  reminderEvent({
    reminder_id: "RM-5",
    title: "开盘前看持仓",
    due_at: "2024-03-15T01:00:00Z",
    event: "fired",
    at: "2024-03-15T01:00:05Z",
  }),
  reminderEvent({
    reminder_id: "RM-1",
    due_at: "2024-03-12T01:30:00Z",
    event: "missed",
    at: "2024-03-14T23:55:00Z",
  }),
];

/** March's calendar: what the agenda holds, and one reminder done earlier in the month. */
export const march: AgendaItem[] = [
  agendaItem({
    id: "RM-0",
    title: "季度回访名单",
    due_on: "2024-03-04",
    done_at: "2024-03-04T03:00:00Z",
  }),
  overdueCall,
  followUp,
  leadTask,
  weeklyMeeting,
  birthdayCall,
];

export interface AgendaDesk {
  added: NewReminder[];
  updated: Array<{ id: string; reminder: NewReminder }>;
  completed: string[];
  snoozed: Array<{ id: string; minutes: number }>;
  ranges: Array<{ from: string; until: string }>;
  /** How many times the window has called `cmd`. */
  calls: (cmd: string) => number;
}

/** A desk answering with the agenda above; `extra` answers first. */
export function mockAgenda(extra: Handler = () => undefined, view: TodayView = todayView): AgendaDesk {
  const desk: AgendaDesk = { added: [], updated: [], completed: [], snoozed: [], ranges: [], calls: () => 0 };
  const calls = mockDesk((cmd, args) => {
    if (cmd === "add_reminder") desk.added.push((args as { reminder: NewReminder }).reminder);
    if (cmd === "update_reminder") desk.updated.push(args as { id: string; reminder: NewReminder });
    if (cmd === "complete_reminder") desk.completed.push((args as { id: string }).id);
    if (cmd === "snooze_reminder") desk.snoozed.push(args as { id: string; minutes: number });
    if (cmd === "reminders_between") desk.ranges.push(args as { from: string; until: string });
    const answer = extra(cmd, args);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case "today_view":
        return view;
      case "agenda":
      case "add_reminder":
      case "update_reminder":
      case "snooze_reminder":
      case "snooze_reminder_to_next_trading_day":
        return view.agenda;
      case "complete_reminder": {
        const { id } = args as { id: string };
        const without = (items: AgendaItem[]) => items.filter((i) => i.id !== id);
        return { overdue: without(agenda.overdue), today: without(agenda.today), week: without(agenda.week) };
      }
      case "reminders_between":
        return march;
      case "reminder_log":
        return log;
      case "book_alerts":
        return alerts;
      case "list_clients":
        return { total: 1, rows: [clientRow({ id: "C1", name: "张三" })] };
      default:
        return undefined;
    }
  });
  desk.calls = (command) => calls.filter(([cmd]) => cmd === command).length;
  return desk;
}
