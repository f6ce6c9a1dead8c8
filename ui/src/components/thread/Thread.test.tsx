import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AgendaItemRow } from "../../panels/reminders/AgendaItemRow";
import { leadTask, overdueCall } from "../../test/agendaDesk";
import { ipcReject } from "../../test/fixtures";
import { mockDesk } from "../../test/mockDesk";
import { renderWithProviders } from "../../test/render";
import { argsOf, commentView, threadWith } from "../../test/threadDesk";
import { BrokerThread } from "./Thread";

const leadSays = commentView({ subject_id: "TK-1" });
const brokerSaid = commentView(
  { id: "CM-2", subject_id: "TK-1", author_id: "u1", author_name: "王丽", body: "收到，\n周五前完成", at: "2024-03-14T10:00:00Z" },
  true,
);

/** A desk whose task TK-1 has `thread`; add_comment answers with it plus the message, or `refusal`. */
function mockThread(thread = [leadSays, brokerSaid], refusal?: string) {
  return mockDesk((cmd, args) => {
    if (cmd === "comments") return thread;
    if (cmd === "add_comment") {
      if (refusal) return ipcReject({ code: "validation", message: refusal });
      return threadWith(thread, (args as { body: string }).body, "task", "TK-1");
    }
    return undefined;
  });
}

describe("Thread", () => {
  it("shows each message with its author, Beijing time, body and 待同步 while unsynced", async () => {
    const calls = mockThread();
    renderWithProviders(<BrokerThread subject="task" subjectId="TK-1" />);
    const thread = await screen.findByTestId("thread");
    await waitFor(() => expect(within(thread).getAllByTestId("thread-message")).toHaveLength(2));
    const [first, second] = within(thread).getAllByTestId("thread-message");

    expect(within(first).getByTestId("thread-author")).toHaveTextContent("陈经理");
    expect(within(first).getByTestId("thread-time")).toHaveTextContent("2024-03-14 17:20");
    expect(first).toHaveTextContent("重点回访近三个月未联系的客户");
    expect(within(first).queryByTestId("thread-pending")).not.toBeInTheDocument();
    expect(within(second).getByTestId("thread-author")).toHaveTextContent("王丽");
    expect(within(second).getByTestId("thread-time")).toHaveTextContent("2024-03-14 18:00");
    expect(within(second).getByTestId("thread-pending")).toHaveTextContent("待同步");
    expect(argsOf(calls, "comments")).toEqual([{ subject: "task", subjectId: "TK-1" }]);
  });

  it("refuses an empty or blank message with a Chinese hint", async () => {
    const calls = mockThread([]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerThread subject="task" subjectId="TK-1" />);
    expect(await screen.findByTestId("thread-empty")).toHaveTextContent("暂无留言");

    await user.click(screen.getByTestId("thread-send"));
    expect(screen.getByTestId("thread-hint")).toHaveTextContent("请输入留言内容");
    await user.type(screen.getByTestId("thread-input"), "   ");
    await user.click(screen.getByTestId("thread-send"));
    expect(screen.getByTestId("thread-hint")).toBeInTheDocument();
    expect(argsOf(calls, "add_comment")).toEqual([]);
  });

  it("sends add_comment with the trimmed body and shows the thread it returns", async () => {
    const calls = mockThread();
    const user = userEvent.setup();
    renderWithProviders(<BrokerThread subject="task" subjectId="TK-1" />);
    await waitFor(() => expect(screen.getAllByTestId("thread-message")).toHaveLength(2));
    await user.type(screen.getByTestId("thread-input"), "  已回访 3 位，其余明天完成 ");
    await user.click(screen.getByTestId("thread-send"));

    await waitFor(() => expect(screen.getAllByTestId("thread-message")).toHaveLength(3));
    expect(argsOf(calls, "add_comment")).toEqual([{ subject: "task", subjectId: "TK-1", body: "已回访 3 位，其余明天完成" }]);
    const added = screen.getAllByTestId("thread-message")[2];
    expect(added).toHaveTextContent("已回访 3 位，其余明天完成");
    expect(within(added).getByTestId("thread-time")).toHaveTextContent("2024-03-15 12:00");
    expect(within(added).getByTestId("thread-pending")).toHaveTextContent("待同步");
    expect(screen.getByTestId("thread-input")).toHaveValue("");
    // The message waits in the outbox: the status bar is asked for the new count.
    await waitFor(() => expect(argsOf(calls, "sync_status").length).toBeGreaterThan(0));
  });

  it("shows a refusal and keeps what was typed", async () => {
    mockThread([], "只能在本人的任务或移交申请下留言");
    const user = userEvent.setup();
    renderWithProviders(<BrokerThread subject="task" subjectId="TK-1" />);
    await screen.findByTestId("thread-empty");
    await user.type(screen.getByTestId("thread-input"), "请问截止日期能否延后？");
    await user.click(screen.getByTestId("thread-send"));

    expect(await screen.findByTestId("thread-send-error")).toHaveTextContent("只能在本人的任务或移交申请下留言");
    expect(screen.getByTestId("thread-input")).toHaveValue("请问截止日期能否延后？");
  });
});

describe("task threads in the agenda", () => {
  const now = new Date("2024-03-15T02:30:20Z");

  it("offers 留言 on a lead's task only, and opens its thread", async () => {
    const calls = mockThread();
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <AgendaItemRow item={leadTask} now={now} onAgenda={vi.fn()} />
        <AgendaItemRow item={overdueCall} now={now} onAgenda={vi.fn()} />
      </>,
    );
    const own = screen.getByTestId(`reminder-item-${overdueCall.id}`);
    expect(within(own).queryByTestId("task-thread-open")).not.toBeInTheDocument();

    const task = screen.getByTestId(`reminder-item-${leadTask.id}`);
    await user.click(within(task).getByTestId("task-thread-open"));
    const modal = await screen.findByTestId("thread-modal");
    await waitFor(() => expect(within(modal).getAllByTestId("thread-message")).toHaveLength(2));
    expect(screen.getByText("内部交流 · 本周完成 5 位高净值客户回访")).toBeInTheDocument();
    expect(argsOf(calls, "comments")).toEqual([{ subject: "task", subjectId: "TK-1" }]);
  });
});
