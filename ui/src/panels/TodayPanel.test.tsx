import { emit } from "@tauri-apps/api/event";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CurrentUserContext } from "../components/currentUser";
import { agenda, freezeAgendaClock, mockAgenda, todayView, weeklyMeeting } from "../test/agendaDesk";
import { ipcReject, reminderEvent, signedInUser, syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { PanelNavContext } from "./navigation";
import { TodayPanel } from "./TodayPanel";

beforeEach(freezeAgendaClock);
afterEach(() => {
  vi.useRealTimers();
});

describe("TodayPanel", () => {
  it("greets the broker with the Shanghai date and sums up the day", async () => {
    mockAgenda();
    renderWithProviders(
      <CurrentUserContext.Provider value={{ ...signedInUser }}>
        <TodayPanel />
      </CurrentUserContext.Provider>,
    );
    expect(await screen.findByTestId("today-greeting")).toHaveTextContent("早上好，王丽");
    expect(screen.getByTestId("today-date")).toHaveTextContent("2024年3月15日 星期五");
    await waitFor(() =>
      expect(screen.getByTestId("today-summary")).toHaveTextContent("今日待办 3 项 · 已逾期 1 项 · 客户提醒 15 条"),
    );
  });

  it("lists what is due today, what is overdue and the coming week", async () => {
    mockAgenda();
    renderWithProviders(<TodayPanel />);

    const due = await screen.findByTestId("today-due");
    const followUp = within(due).getByTestId("reminder-item-RM-2");
    expect(followUp).toHaveTextContent("09:00");
    expect(followUp).toHaveTextContent("提醒李四重新做风险测评");
    expect(followUp).toHaveTextContent("李四");
    expect(within(followUp).getByTestId("source-tag")).toHaveTextContent("跟进");
    // 09:00 has passed at 10:30.
    expect(within(followUp).getByTestId("due-tag")).toHaveTextContent("已到期");
    const meeting = within(due).getByTestId("reminder-item-RM-3");
    expect(meeting).toHaveTextContent("14:00");
    expect(within(meeting).getByTestId("repeat-tag")).toHaveTextContent("每周");
    expect(meeting).toHaveTextContent("带上本周回访统计");
    expect(within(meeting).queryByTestId("due-tag")).not.toBeInTheDocument();
    expect(within(due).getByTestId("reminder-done-RM-2")).toHaveTextContent("完成");
    const task = within(due).getByTestId("reminder-item-TK-1");
    expect(within(task).getByTestId("source-tag")).toHaveTextContent("任务");
    expect(within(task).getByTestId("reminder-assigned-TK-1")).toHaveTextContent("陈经理 交办");

    const overdue = screen.getByTestId("today-overdue");
    expect(overdue).toHaveClass("today-card-danger");
    const late = within(overdue).getByTestId("reminder-item-RM-1");
    expect(late).toHaveTextContent("03-12 周二");
    expect(late).toHaveTextContent("09:30");
    expect(within(late).getByTestId("overdue-tag")).toHaveTextContent("逾期 3 天");
    expect(within(overdue).queryByTestId("reminder-item-RM-2")).not.toBeInTheDocument();

    const week = screen.getByTestId("today-week");
    expect(within(week).getByTestId("today-week-count")).toHaveTextContent("1");
    expect(within(week).getByTestId("week-item-RM-4")).toHaveTextContent("03-18 周一 10:00");
    expect(within(week).getByTestId("week-item-RM-4")).toHaveTextContent("王五六十大寿，电话祝福");
  });

  it("shows the most pressing client alerts with their kind, client, reason and date", async () => {
    const open = vi.fn();
    mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(
      <PanelNavContext.Provider value={{ open, request: null }}>
        <TodayPanel />
      </PanelNavContext.Provider>,
    );

    const card = await screen.findByTestId("today-alerts");
    const rows = within(card).getAllByTestId("today-alert");
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByTestId("alert-kind")).toHaveTextContent("投诉时限");
    expect(rows[0]).toHaveTextContent("赵六");
    expect(rows[0]).toHaveTextContent("投诉须于 3 月 17 日前答复，还剩 2 天");
    expect(rows[0]).toHaveTextContent("03-17 · 2 天后");
    expect(within(rows[1]).getByTestId("alert-kind")).toHaveTextContent("测评已过期");
    expect(rows[1]).toHaveTextContent("5 天前");
    expect(within(rows[2]).getByTestId("alert-kind")).toHaveTextContent("生日");
    expect(within(card).getByTestId("today-alerts-count")).toHaveTextContent("15");

    await user.click(within(card).getByTestId("today-alerts-more"));
    expect(open).toHaveBeenCalledWith("reminders", "alerts");
  });

  it("opens the client's profile from an alert", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<TodayPanel />);
    await user.click(await screen.findByTestId("alert-client-C8"));
    expect(await screen.findByTestId("client-profile")).toBeInTheDocument();
    await waitFor(() => expect(desk.calls("client_profile")).toBe(1));
  });

  it("shows the month's credit against its target and the pay it makes", async () => {
    mockAgenda();
    renderWithProviders(<TodayPanel />);
    const card = await screen.findByTestId("today-commission");
    expect(card).toHaveTextContent("2024年3月");
    expect(within(card).getByTestId("today-credited")).toHaveTextContent("¥12,345.67");
    expect(within(card).getByTestId("today-target")).toHaveTextContent("目标 ¥20,000.00");
    expect(within(card).getByTestId("today-target")).toHaveTextContent("已完成 61.7%");
    expect(within(card).getByTestId("today-pay")).toHaveTextContent("预计收入¥4,669.13");
  });

  it("leaves the commission out before head office has sent the pay terms", async () => {
    mockAgenda(undefined, { ...todayView, commission: null });
    renderWithProviders(<TodayPanel />);
    await screen.findByTestId("today-due");
    expect(screen.queryByTestId("today-commission")).not.toBeInTheDocument();
  });

  it("completes a reminder and shows the agenda the backend answers with", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<TodayPanel />);

    await user.click(await screen.findByTestId("reminder-done-RM-2"));
    await waitFor(() => expect(screen.queryByTestId("reminder-item-RM-2")).not.toBeInTheDocument());
    expect(desk.completed).toEqual(["RM-2"]);
    expect(await screen.findByText("已完成：提醒李四重新做风险测评")).toBeInTheDocument();
    expect(screen.getByTestId("reminder-item-RM-3")).toBeInTheDocument();
    expect(screen.getByTestId("today-due-count")).toHaveTextContent("2");
  });

  it("says when a repeating reminder comes next", async () => {
    const moved = { ...weeklyMeeting, due_on: "2024-03-22" };
    mockAgenda((cmd) =>
      cmd === "complete_reminder"
        ? { overdue: agenda.overdue, today: agenda.today.filter((i) => i.id !== "RM-3"), week: [...agenda.week, moved] }
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<TodayPanel />);
    await user.click(await screen.findByTestId("reminder-done-RM-3"));
    expect(await screen.findByText("已完成本次，下次 2024-03-22")).toBeInTheDocument();
    expect(within(screen.getByTestId("today-week")).getByTestId("week-item-RM-3")).toBeInTheDocument();
  });

  it("completes a lead's task, which head office hears of at the next sync", async () => {
    const desk = mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<TodayPanel />);
    await screen.findByTestId("reminder-item-TK-1");
    // A task is done, not put off or rewritten on the desk.
    expect(screen.queryByTestId("reminder-snooze-TK-1")).not.toBeInTheDocument();
    expect(screen.queryByTestId("reminder-edit-TK-1")).not.toBeInTheDocument();
    const statusAsked = desk.calls("sync_status");

    await user.click(screen.getByTestId("reminder-done-TK-1"));
    expect(await screen.findByText("任务已完成，将在同步时报告总部")).toBeInTheDocument();
    expect(desk.completed).toEqual(["TK-1"]);
    expect(screen.queryByTestId("reminder-item-TK-1")).not.toBeInTheDocument();
    // The outbox holds one more write: the status bar's count is asked again.
    await waitFor(() => expect(desk.calls("sync_status")).toBe(statusAsked + 1));
  });

  it("keeps the agenda and shows why when completing fails", async () => {
    mockAgenda((cmd) =>
      cmd === "complete_reminder" ? ipcReject({ code: "validation", message: "该提醒不存在或已完成" }) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<TodayPanel />);
    await user.click(await screen.findByTestId("reminder-done-RM-2"));
    expect(await screen.findByText("该提醒不存在或已完成")).toBeInTheDocument();
    expect(screen.getByTestId("reminder-item-RM-2")).toBeInTheDocument();
  });

  it("loads the day again when reminders fire and after a sync", async () => {
    const desk = mockAgenda();
    renderWithProviders(<TodayPanel />);
    await screen.findByTestId("today-due");
    expect(desk.calls("today_view")).toBe(1);

    await act(() => emit("reminders", [reminderEvent({ reminder_id: "RM-3", title: "部门周会" })]));
    await waitFor(() => expect(desk.calls("today_view")).toBe(2));

    // Progress during a sync changes nothing; the status after it does.
    await act(() => emit("sync-status", syncStatus({ syncing: true })));
    await act(() => emit("sync-status", syncStatus({ syncing: false })));
    await waitFor(() => expect(desk.calls("today_view")).toBe(3));
  });

  it("shows the backend's message when the day cannot load", async () => {
    mockAgenda((cmd) => (cmd === "today_view" ? ipcReject({ code: "storage", message: "本机数据读取失败" }) : undefined));
    renderWithProviders(<TodayPanel />);
    expect(await screen.findByTestId("today-error")).toHaveTextContent("本机数据读取失败");
    expect(screen.queryByTestId("today-due")).not.toBeInTheDocument();
  });
});
