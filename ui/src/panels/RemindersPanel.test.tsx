import { emit } from "@tauri-apps/api/event";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReminderFeed } from "../components/ReminderFeed";
import { followUp, freezeAgendaClock, mockAgenda } from "../test/agendaDesk";
import { ipcReject, reminderEvent, syncStatus, wholeBookAlert } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { PanelNavContext } from "./navigation";
import { RemindersPanel } from "./RemindersPanel";

beforeEach(freezeAgendaClock);
afterEach(() => {
  vi.useRealTimers();
});

type User = ReturnType<typeof userEvent.setup>;

async function openForm(user: User) {
  await user.click(await screen.findByTestId("reminder-new"));
  return screen.findByTestId("reminder-form");
}

async function retype(user: User, testId: string, text: string) {
  const input = screen.getByTestId(testId);
  await user.clear(input);
  if (text !== "") await user.type(input, text);
}

describe("RemindersPanel agenda", () => {
  it("lists overdue, today and the next week with each reminder's time, client and repeat", async () => {
    mockAgenda();
    renderWithProviders(<RemindersPanel />);

    const overdue = await screen.findByTestId("agenda-overdue");
    expect(within(overdue).getByTestId("reminder-item-RM-1")).toHaveTextContent("03-12 周二09:30");
    expect(within(overdue).getByTestId("reminder-item-RM-1")).toHaveTextContent("逾期 3 天");
    const today = screen.getByTestId("agenda-today");
    expect(within(today).getAllByTestId(/^reminder-item-/).map((e) => e.dataset.testid)).toEqual([
      "reminder-item-RM-2",
      "reminder-item-TK-1",
      "reminder-item-RM-3",
    ]);
    expect(within(today).getByTestId("reminder-item-TK-1")).toHaveTextContent("任务");
    expect(within(today).getByTestId("reminder-client-RM-2")).toHaveTextContent("李四");
    expect(within(today).getByTestId("reminder-item-RM-3")).toHaveTextContent("每周");
    const week = screen.getByTestId("agenda-week");
    expect(within(week).getByTestId("reminder-item-RM-4")).toHaveTextContent("03-18 周一10:00");
    expect(within(week).getByTestId("reminder-item-RM-4")).toHaveTextContent("每年");
    for (const id of ["RM-1", "RM-2", "RM-3", "RM-4"]) {
      expect(screen.getByTestId(`reminder-done-${id}`)).toBeInTheDocument();
      expect(screen.getByTestId(`reminder-snooze-${id}`)).toBeInTheDocument();
      expect(screen.getByTestId(`reminder-edit-${id}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId("reminder-done-TK-1")).toBeInTheDocument();
    expect(screen.queryByTestId("reminder-snooze-TK-1")).not.toBeInTheDocument();
    expect(screen.queryByTestId("reminder-edit-TK-1")).not.toBeInTheDocument();
  });

  it("completes a reminder by its id", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminder-done-RM-1"));
    await waitFor(() => expect(screen.queryByTestId("reminder-item-RM-1")).not.toBeInTheDocument());
    expect(desk.completed).toEqual(["RM-1"]);
  });

  it("snoozes for 15 minutes, an hour, or until nine tomorrow morning", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);

    await user.click(await screen.findByTestId("reminder-snooze-RM-2"));
    await user.click(await screen.findByTestId("snooze-15-RM-2"));
    await waitFor(() => expect(desk.snoozed).toEqual([{ id: "RM-2", minutes: 15 }]));

    await user.click(screen.getByTestId("reminder-snooze-RM-3"));
    await user.click(await screen.findByTestId("snooze-60-RM-3"));
    await waitFor(() => expect(desk.snoozed).toHaveLength(2));
    expect(desk.snoozed[1]).toEqual({ id: "RM-3", minutes: 60 });

    // 10:30:20 to 09:00 tomorrow: 22 h 29 min 40 s, rounded up.
    await user.click(screen.getByTestId("reminder-snooze-RM-1"));
    await user.click(await screen.findByTestId("snooze-tomorrow-RM-1"));
    await waitFor(() => expect(desk.snoozed).toHaveLength(3));
    expect(desk.snoozed[2]).toEqual({ id: "RM-1", minutes: 22 * 60 + 30 });
  });

  it("shows a snoozed reminder's new time", async () => {
    mockAgenda((cmd) =>
      cmd === "agenda"
        ? { overdue: [], today: [{ ...followUp, snoozed_until: "2024-03-15T02:45:20Z" }], week: [] }
        : undefined,
    );
    renderWithProviders(<RemindersPanel />);
    const item = await screen.findByTestId("reminder-item-RM-2");
    expect(within(item).getByTestId("snoozed-tag")).toHaveTextContent("稍后 03-15 10:45");
    expect(within(item).queryByTestId("due-tag")).not.toBeInTheDocument();
  });
});

describe("RemindersPanel form", () => {
  it("proposes today, a minute from now and no repeat", async () => {
    mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await openForm(user);
    expect(screen.getByTestId("reminder-date")).toHaveValue("2024-03-15");
    expect(screen.getByTestId("reminder-time")).toHaveValue("10:32");
    expect(within(screen.getByTestId("reminder-repeat")).getByText("不重复")).toBeInTheDocument();
    expect(screen.getByTestId("reminder-title")).toHaveValue("");
  });

  it("adds a reminder with a client, a typed date and time, a repeat and a note", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await openForm(user);

    await user.type(screen.getByTestId("reminder-title"), "回访张三，确认调仓意向");
    await user.type(within(screen.getByTestId("reminder-client")).getByRole("combobox"), "张");
    await user.click(await screen.findByTestId("client-option-C1"));
    await retype(user, "reminder-date", "2026-11-30");
    await retype(user, "reminder-time", "10:31");
    await user.click(within(screen.getByTestId("reminder-repeat")).getByRole("combobox"));
    await user.click(await screen.findByTitle("每月"));
    await user.type(screen.getByTestId("reminder-note"), "客户偏好下午联系");
    await user.click(screen.getByTestId("reminder-submit"));

    await waitFor(() => expect(desk.added).toHaveLength(1));
    expect(desk.added[0]).toEqual({
      client_id: "C1",
      title: "回访张三，确认调仓意向",
      due_on: "2026-11-30",
      due_time: "10:31:00",
      repeat: "monthly",
      note: "客户偏好下午联系",
    });
    await waitFor(() => expect(screen.queryByTestId("reminder-form")).not.toBeInTheDocument());
    expect(await screen.findByText("提醒已保存")).toBeInTheDocument();
  });

  it("leaves the time to the morning when it is cleared, and picks a time from the list", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await openForm(user);
    await user.type(screen.getByTestId("reminder-title"), "开盘前看持仓");
    await retype(user, "reminder-time", "");
    await user.click(screen.getByTestId("reminder-submit"));
    await waitFor(() => expect(desk.added).toHaveLength(1));
    expect(desk.added[0]).toMatchObject({ client_id: null, due_on: "2024-03-15", due_time: null, note: null });

    await openForm(user);
    await user.type(screen.getByTestId("reminder-title"), "收盘复盘");
    await user.click(screen.getByTestId("reminder-time-pick"));
    await user.click(await screen.findByTestId("quick-time-15:30"));
    expect(screen.getByTestId("reminder-time")).toHaveValue("15:30");
    await user.click(screen.getByTestId("reminder-submit"));
    await waitFor(() => expect(desk.added).toHaveLength(2));
    expect(desk.added[1]).toMatchObject({ title: "收盘复盘", due_time: "15:30:00" });
  });

  it("refuses a date or time it cannot read, without asking the backend", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await openForm(user);
    await user.type(screen.getByTestId("reminder-title"), "回访");
    await retype(user, "reminder-date", "2026-02-30");
    await retype(user, "reminder-time", "25:00");
    await user.click(screen.getByTestId("reminder-submit"));
    expect(await screen.findByText("请按 YYYY-MM-DD 填写日期")).toBeInTheDocument();
    expect(await screen.findByText("请按 HH:mm 填写时间（24 小时制）")).toBeInTheDocument();
    expect(desk.calls("add_reminder")).toBe(0);
  });

  it("shows the backend's reason and keeps everything typed when the save is refused", async () => {
    const desk = mockAgenda((cmd) =>
      cmd === "add_reminder" ? ipcReject({ code: "validation", message: "客户不存在：C404" }) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await openForm(user);
    await user.type(screen.getByTestId("reminder-title"), "回访王五");
    await retype(user, "reminder-date", "2026-11-30");
    await retype(user, "reminder-time", "9:05");
    await user.click(screen.getByTestId("reminder-submit"));

    expect(await screen.findByTestId("reminder-error")).toHaveTextContent("客户不存在：C404");
    expect(desk.added).toEqual([
      { client_id: null, title: "回访王五", due_on: "2026-11-30", due_time: "09:05:00", repeat: "never", note: null },
    ]);
    expect(screen.getByTestId("reminder-form")).toBeInTheDocument();
    expect(screen.getByTestId("reminder-title")).toHaveValue("回访王五");
    expect(screen.getByTestId("reminder-date")).toHaveValue("2026-11-30");
    expect(screen.getByTestId("reminder-time")).toHaveValue("9:05");
  });

  it("edits a reminder in the same form", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminder-edit-RM-3"));
    await screen.findByTestId("reminder-form");
    expect(screen.getByText("编辑提醒")).toBeInTheDocument();
    expect(screen.getByTestId("reminder-title")).toHaveValue("部门周会");
    expect(screen.getByTestId("reminder-date")).toHaveValue("2024-03-15");
    expect(screen.getByTestId("reminder-time")).toHaveValue("14:00");
    expect(screen.getByTestId("reminder-note")).toHaveValue("带上本周回访统计");

    await retype(user, "reminder-time", "15:00");
    await user.click(screen.getByTestId("reminder-submit"));
    await waitFor(() => expect(desk.updated).toHaveLength(1));
    expect(desk.updated[0]).toEqual({
      id: "RM-3",
      reminder: {
        client_id: null,
        title: "部门周会",
        due_on: "2024-03-15",
        due_time: "15:00:00",
        repeat: "weekly",
        note: "带上本周回访统计",
      },
    });
    expect(desk.calls("add_reminder")).toBe(0);
  });

  it("keeps an edited reminder's client", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminder-edit-RM-4"));
    expect(within(await screen.findByTestId("reminder-client")).getByText("王五")).toBeInTheDocument();
    await user.click(screen.getByTestId("reminder-submit"));
    await waitFor(() => expect(desk.updated).toHaveLength(1));
    expect(desk.updated[0]?.reminder).toMatchObject({ client_id: "C3", due_time: "10:00:00", repeat: "yearly" });
  });
});

describe("RemindersPanel events", () => {
  it("notifies a fired reminder, loads again, and opens the panel from the notification", async () => {
    const desk = mockAgenda();
    const openReminders = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <ReminderFeed onOpenReminders={openReminders}>
        <RemindersPanel />
      </ReminderFeed>,
    );
    await screen.findByTestId("agenda-today");
    expect(desk.calls("agenda")).toBe(1);

    await act(() => emit("reminders", [reminderEvent({ reminder_id: "RM-3", title: "部门周会" })]));
    expect(await screen.findByText("到期提醒")).toBeInTheDocument();
    expect(screen.getByTestId("notify-fired")).toHaveTextContent("部门周会");
    await waitFor(() => expect(desk.calls("agenda")).toBe(2));
    await waitFor(() => expect(desk.calls("reminder_log")).toBe(2));

    // Another fires while the notice is up: one notice, the newest first.
    await act(() => emit("reminders", [reminderEvent({ reminder_id: "RM-2", title: "提醒李四重新做风险测评" })]));
    await waitFor(() => expect(screen.getByTestId("notify-fired")).toHaveTextContent("提醒李四重新做风险测评、部门周会"));
    expect(screen.getAllByTestId("notify-fired")).toHaveLength(1);
    expect(screen.getByText("到期提醒 2 条")).toBeInTheDocument();

    await user.click(screen.getByTestId("notify-open-reminders"));
    expect(openReminders).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId("notify-fired")).not.toBeInTheDocument());

    // A later one starts afresh.
    await act(() => emit("reminders", [reminderEvent({ reminder_id: "RM-4", title: "王五六十大寿，电话祝福" })]));
    expect(await screen.findByText("到期提醒")).toBeInTheDocument();
    expect(screen.getByTestId("notify-fired")).toHaveTextContent(/^王五六十大寿，电话祝福$/);
  });

  it("counts missed reminders in a notification and points them out until dismissed", async () => {
    mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(
      <ReminderFeed onOpenReminders={vi.fn()}>
        <RemindersPanel />
      </ReminderFeed>,
    );
    await screen.findByTestId("agenda-overdue");
    expect(screen.queryByTestId("reminders-missed")).not.toBeInTheDocument();

    await act(() =>
      emit("reminders", [
        reminderEvent({ reminder_id: "RM-1", due_at: "2024-03-12T01:30:00Z", event: "missed" }),
        reminderEvent({ reminder_id: "RM-2", title: "提醒李四重新做风险测评", due_at: "2024-03-15T01:00:00Z", event: "missed" }),
      ]),
    );
    const notice = (await screen.findByTestId("notify-missed")).closest(".ant-notification-notice");
    expect(notice).toHaveTextContent("错过的提醒 2 条");
    expect(notice).toHaveTextContent("回访张三，确认调仓意向、提醒李四重新做风险测评");
    expect(screen.queryByText("到期提醒")).not.toBeInTheDocument();
    const banner = await screen.findByTestId("reminders-missed");
    expect(within(banner).getAllByTestId("missed-item")).toHaveLength(2);
    expect(banner).toHaveTextContent("2024-03-12 09:30 回访张三，确认调仓意向");
    expect(within(screen.getByTestId("reminder-item-RM-1")).getByTestId("missed-tag")).toHaveTextContent("错过");
    expect(within(screen.getByTestId("reminder-item-RM-3")).queryByTestId("missed-tag")).not.toBeInTheDocument();

    await user.click(within(banner).getByTestId("missed-dismiss"));
    expect(screen.queryByTestId("reminders-missed")).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("notify-missed")).not.toBeInTheDocument());
    expect(within(screen.getByTestId("reminder-item-RM-1")).queryByTestId("missed-tag")).not.toBeInTheDocument();
  });

  it("loads again after a sync", async () => {
    const desk = mockAgenda();
    renderWithProviders(<RemindersPanel />);
    await screen.findByTestId("agenda-today");
    await act(() => emit("sync-status", syncStatus({ syncing: false })));
    await waitFor(() => expect(desk.calls("agenda")).toBe(2));
    await waitFor(() => expect(desk.calls("book_alerts")).toBe(2));
  });

  it("opens at the tab another panel asked for", async () => {
    mockAgenda();
    renderWithProviders(
      <PanelNavContext.Provider value={{ open: vi.fn(), request: { panel: "reminders", tab: "alerts", seq: 1 } }}>
        <RemindersPanel />
      </PanelNavContext.Provider>,
    );
    expect(await screen.findByTestId("reminders-alerts")).toBeInTheDocument();
  });
});

describe("RemindersPanel tabs", () => {
  it("shows the month's reminders on the calendar, done ones struck through", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminders-tab-calendar"));

    const calendar = await screen.findByTestId("reminders-calendar");
    await waitFor(() => expect(desk.ranges).toEqual([{ from: "2024-02-23", until: "2024-04-14" }]));
    expect(within(calendar).getByTestId("calendar-month")).toHaveTextContent("2024年3月");
    const friday = await within(calendar).findByTestId("calendar-day-2024-03-15");
    expect(friday).toHaveTextContent("09:00 提醒李四重新做风险测评");
    expect(friday).toHaveTextContent("14:00 部门周会");
    expect(within(calendar).getByTestId("calendar-item-RM-0")).toHaveClass("calendar-item-done");
    expect(within(calendar).getByTestId("calendar-item-RM-1")).toHaveClass("calendar-item-late");
    expect(within(calendar).getByTestId("calendar-day-2024-03-18")).toHaveTextContent("王五六十大寿");

    await user.click(within(calendar).getByTestId("calendar-next"));
    await waitFor(() => expect(desk.ranges.at(-1)).toEqual({ from: "2024-03-25", until: "2024-05-14" }));
    expect(within(calendar).getByTestId("calendar-month")).toHaveTextContent("2024年4月");
  });

  it("opens an open reminder from the calendar in the form", async () => {
    mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminders-tab-calendar"));
    await user.click(await screen.findByTestId("calendar-item-RM-3"));
    expect(await screen.findByTestId("reminder-form")).toBeInTheDocument();
    expect(screen.getByTestId("reminder-title")).toHaveValue("部门周会");
  });

  it("lists every client alert and filters them by kind", async () => {
    mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminders-tab-alerts"));

    const view = await screen.findByTestId("reminders-alerts");
    await waitFor(() => expect(within(view).getAllByTestId("alert-row")).toHaveLength(3));
    const rows = within(view).getAllByTestId("alert-row");
    expect(rows[0]).toHaveTextContent("投诉时限");
    expect(rows[0]).toHaveTextContent("赵六");
    expect(rows[0]).toHaveTextContent("投诉须于 3 月 17 日前答复，还剩 2 天");
    expect(rows[0]).toHaveTextContent("2024-03-17");

    await user.click(within(view).getByTestId("alerts-filter-birthday"));
    expect(within(view).getAllByTestId("alert-row")).toHaveLength(1);
    expect(within(view).getByTestId("alert-row")).toHaveTextContent("3 月 18 日 60 岁生日");
    await user.click(within(view).getByTestId("alerts-filter-all"));
    expect(within(view).getAllByTestId("alert-row")).toHaveLength(3);
  });

  it("starts a reminder about an alert's client", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminders-tab-alerts"));
    const view = await screen.findByTestId("reminders-alerts");
    const birthday = await waitFor(() => {
      const row = within(view).getAllByTestId("alert-row").find((r) => r.dataset.kind === "birthday");
      if (!row) throw new Error("no birthday row");
      return row;
    });
    await user.click(within(birthday).getByTestId("alert-remind"));
    expect(await screen.findByTestId("reminder-title")).toHaveValue("生日：王五");
    await user.click(screen.getByTestId("reminder-submit"));
    await waitFor(() => expect(desk.added).toHaveLength(1));
    expect(desk.added[0]).toMatchObject({ client_id: "C3", title: "生日：王五", note: "3 月 18 日 60 岁生日" });
  });

  it("starts a reminder about an alert on the whole book with no client", async () => {
    const alert = wholeBookAlert();
    const desk = mockAgenda((cmd) => (cmd === "book_alerts" ? [alert] : undefined));
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminders-tab-alerts"));
    const view = await screen.findByTestId("reminders-alerts");
    const row = await within(view).findByTestId("alert-row");
    expect(within(row).getByTestId("alert-whole-book")).toHaveTextContent("全部客户");
    await user.click(within(row).getByTestId("alert-remind"));
    expect(await screen.findByTestId("reminder-title")).toHaveValue("新股申购");
    expect(screen.getByTestId("reminder-note")).toHaveValue(alert.reason);
    await user.click(screen.getByTestId("reminder-submit"));
    await waitFor(() => expect(desk.added).toHaveLength(1));
    expect(desk.added[0]).toMatchObject({ client_id: null, title: "新股申购", note: alert.reason });
  });

  it("shows the log, newest first, with what happened to each reminder", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<RemindersPanel />);
    await user.click(await screen.findByTestId("reminders-tab-log"));

    const log = await screen.findByTestId("reminders-log");
    const rows = await within(log).findAllByTestId("log-row");
    expect(rows.map((r) => within(r).getByTestId("log-event").textContent)).toEqual(["完成", "稍后", "已提醒", "错过"]);
    expect(rows[0]).toHaveTextContent("2024-03-15 09:10");
    expect(rows[0]).toHaveTextContent("开盘前看持仓");
    expect(rows[3]).toHaveTextContent("回访张三，确认调仓意向");
    expect(rows[3]).toHaveTextContent("2024-03-12 09:30");
    expect(desk.calls("reminder_log")).toBe(1);
  });
});
