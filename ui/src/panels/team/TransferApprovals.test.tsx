import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NewComment } from "../../bindings/NewComment";
import type { TransferDecision } from "../../bindings/TransferDecision";
import type { TransferRequestRecord } from "../../bindings/TransferRequestRecord";
import { ipcReject } from "../../test/fixtures";
import type { Handler } from "../../test/mockDesk";
import { renderWithProviders } from "../../test/render";
import { freezeTeamClock, mockTeam } from "../../test/teamDesk";
import { commentRecord, decided, leadApproved, leadPending } from "../../test/threadDesk";
import { TeamPanel } from "../TeamPanel";

beforeEach(freezeTeamClock);
afterEach(() => {
  vi.useRealTimers();
});

type User = ReturnType<typeof userEvent.setup>;

const OFFLINE = "查看移交申请需要连接总部，请联网后再试";

interface Lead {
  decisions: TransferDecision[];
  loads: number;
  comments: Array<Record<string, unknown>>;
  added: NewComment[];
}

/** A lead's desk: `team_transfers` answers from `lists` in turn (the last one repeats). */
function mockLead(lists: Array<TransferRequestRecord[] | "offline"> = [[leadApproved, leadPending]], extra?: Handler) {
  const lead: Lead = { decisions: [], loads: 0, comments: [], added: [] };
  mockTeam((cmd, args) => {
    const answer = extra?.(cmd, args);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case "team_transfers": {
        const list = lists[Math.min(lead.loads, lists.length - 1)];
        lead.loads += 1;
        return list === "offline" ? ipcReject({ code: "validation", message: OFFLINE }) : list;
      }
      case "decide_transfer": {
        const { decision } = args as { decision: TransferDecision };
        lead.decisions.push(decision);
        return decided(decision);
      }
      case "team_comments":
        lead.comments.push(args);
        return [commentRecord({ subject: "transfer", subject_id: "TR-1", author_id: "B0042", author_name: "王丽", body: "客户已口头同意" })];
      case "add_team_comment": {
        const { comment } = args as { comment: NewComment };
        lead.added.push(comment);
        return [
          commentRecord({ subject: "transfer", subject_id: "TR-1", author_id: "B0042", author_name: "王丽", body: "客户已口头同意" }),
          commentRecord({ id: "CM-9", subject: "transfer", subject_id: "TR-1", body: comment.body, at: "2024-03-15T04:00:00Z" }),
        ];
      }
      default:
        return undefined;
    }
  });
  return lead;
}

async function openTab(user: User) {
  await screen.findByTestId("team-totals");
  await user.click(screen.getByTestId("team-tab-transfers"));
  return screen.findByTestId("team-transfers");
}

const row = (id: string) => {
  const found = screen.getAllByTestId("team-transfer").find((r) => r.dataset.id === id);
  if (!found) throw new Error(`no request ${id}`);
  return found;
};

describe("TransferApprovals", () => {
  it("loads the requests when the tab opens, pending first, with 批准 / 驳回 on pending ones", async () => {
    const lead = mockLead();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    expect(lead.loads).toBe(0);
    await openTab(user);

    await waitFor(() => expect(screen.getAllByTestId("team-transfer")).toHaveLength(2));
    expect(lead.loads).toBe(1);
    const pending = row("TR-1");
    expect(within(pending).getByTestId("team-transfer-client")).toHaveTextContent("张三");
    expect(within(pending).getByTestId("team-transfer-route")).toHaveTextContent("王丽 → 李雷");
    expect(pending).toHaveTextContent("客户常住地迁至北京，由北京分公司就近服务");
    expect(pending).toHaveTextContent("申请于 2024-03-15 10:05");
    expect(within(pending).getByTestId("transfer-status")).toHaveTextContent("待审批");
    expect(within(pending).getByTestId("transfer-approve")).toBeInTheDocument();
    expect(within(pending).getByTestId("transfer-reject")).toBeInTheDocument();

    const approved = row("TR-7");
    expect(within(approved).getByTestId("team-transfer-route")).toHaveTextContent("赵六 → 王丽");
    expect(within(approved).getByTestId("transfer-status")).toHaveTextContent("已批准");
    expect(within(approved).getByTestId("transfer-decided-by")).toHaveTextContent("陈经理 于 2024-03-11 10:00 批准");
    expect(within(approved).queryByTestId("transfer-approve")).not.toBeInTheDocument();
  });

  it("approves with decide_transfer (approve true, no note) and shows the request decided", async () => {
    const lead = mockLead([[leadPending, leadApproved]]);
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    await openTab(user);
    await user.click(within(await waitFor(() => row("TR-1"))).getByTestId("transfer-approve"));
    const form = await screen.findByTestId("transfer-decision-form");
    expect(within(form).getByTestId("transfer-decision-summary")).toHaveTextContent("客户 张三：王丽 → 李雷");
    await user.click(within(form).getByTestId("transfer-decision-submit"));

    await waitFor(() => expect(lead.decisions).toEqual([{ request_id: "TR-1", approve: true, note: null }]));
    expect(await screen.findByText("已批准移交：张三")).toBeInTheDocument();
    await waitFor(() => expect(within(row("TR-1")).getByTestId("transfer-status")).toHaveTextContent("已批准"));
    expect(within(row("TR-1")).queryByTestId("transfer-approve")).not.toBeInTheDocument();
  });

  it("asks for a reason to reject, then sends decide_transfer (approve false) with the note", async () => {
    const lead = mockLead([[leadPending]]);
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    await openTab(user);
    await user.click(within(await waitFor(() => row("TR-1"))).getByTestId("transfer-reject"));
    const form = await screen.findByTestId("transfer-decision-form");
    await user.click(within(form).getByTestId("transfer-decision-submit"));
    expect(await within(form).findByText("请填写驳回理由")).toBeInTheDocument();
    expect(lead.decisions).toEqual([]);

    await user.type(within(form).getByTestId("transfer-note"), " 请先取得客户书面同意 ");
    await user.click(within(form).getByTestId("transfer-decision-submit"));
    await waitFor(() =>
      expect(lead.decisions).toEqual([{ request_id: "TR-1", approve: false, note: "请先取得客户书面同意" }]),
    );
    expect(await screen.findByText("已驳回移交：张三")).toBeInTheDocument();
    await waitFor(() => expect(within(row("TR-1")).getByTestId("transfer-status")).toHaveTextContent("已驳回"));
    expect(within(row("TR-1")).getByTestId("transfer-note-text")).toHaveTextContent("审批意见：请先取得客户书面同意");
  });

  it("shows head office's message offline, and keeps what was loaded when a refresh fails", async () => {
    mockLead([[leadPending], "offline"]);
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const tab = await openTab(user);
    await waitFor(() => expect(screen.getAllByTestId("team-transfer")).toHaveLength(1));

    await user.click(within(tab).getByTestId("team-transfers-refresh"));
    expect(await within(tab).findByTestId("team-transfers-error")).toHaveTextContent(OFFLINE);
    expect(screen.getAllByTestId("team-transfer")).toHaveLength(1);
  });

  it("shows the offline error when nothing could be loaded", async () => {
    mockLead(["offline"]);
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const tab = await openTab(user);
    expect(await within(tab).findByTestId("team-transfers-error")).toHaveTextContent(OFFLINE);
    expect(screen.queryByTestId("team-transfer")).not.toBeInTheDocument();
  });

  it("keeps the note when deciding fails offline", async () => {
    const lead = mockLead([[leadPending]], (cmd) =>
      cmd === "decide_transfer" ? ipcReject({ code: "validation", message: "审批需要连接总部，请联网后再试" }) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    await openTab(user);
    await user.click(within(await waitFor(() => row("TR-1"))).getByTestId("transfer-reject"));
    const form = await screen.findByTestId("transfer-decision-form");
    await user.type(within(form).getByTestId("transfer-note"), "资料不全");
    await user.click(within(form).getByTestId("transfer-decision-submit"));

    expect(await within(form).findByTestId("transfer-decision-error")).toHaveTextContent("审批需要连接总部，请联网后再试");
    expect(within(form).getByTestId("transfer-note")).toHaveValue("资料不全");
    expect(lead.decisions).toEqual([]);
    expect(within(row("TR-1")).getByTestId("transfer-status")).toHaveTextContent("待审批");
  });

  it("opens a request's thread from head office and adds the lead's message", async () => {
    const lead = mockLead([[leadPending]]);
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    await openTab(user);
    await user.click(within(await waitFor(() => row("TR-1"))).getByTestId("transfer-thread-open"));
    const modal = await screen.findByTestId("thread-modal");
    expect(await within(modal).findByText("客户已口头同意")).toBeInTheDocument();
    expect(lead.comments).toEqual([{ subject: "transfer", subjectId: "TR-1" }]);

    await user.type(within(modal).getByTestId("thread-input"), "请上传客户签字的申请表");
    await user.click(within(modal).getByTestId("thread-send"));
    await waitFor(() => expect(within(modal).getAllByTestId("thread-message")).toHaveLength(2));
    expect(lead.added).toEqual([{ subject: "transfer", subject_id: "TR-1", body: "请上传客户签字的申请表" }]);
    expect(within(modal).queryByTestId("thread-pending")).not.toBeInTheDocument();
  });
});
