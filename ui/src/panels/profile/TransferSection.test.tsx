import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TransferRequestView } from "../../bindings/TransferRequestView";
import { ipcReject, profile } from "../../test/fixtures";
import { mockDesk } from "../../test/mockDesk";
import { renderWithProviders } from "../../test/render";
import { argsOf, commentView, rejectedRequest, threadWith, unsyncedRequest } from "../../test/threadDesk";
import { TransferSection } from "./TransferSection";

type User = ReturnType<typeof userEvent.setup>;

/** A desk whose client 张三 has `initial` requests; request_transfer answers with `after`. */
function mockTransfers(initial: TransferRequestView[], after: TransferRequestView[] | "refuse" = [unsyncedRequest]) {
  return mockDesk((cmd) => {
    if (cmd === "transfer_requests") return initial;
    if (cmd === "request_transfer") {
      return after === "refuse"
        ? ipcReject({ code: "validation", message: "工号 broker99 不存在，请核对接收经纪人" })
        : after;
    }
    return undefined;
  });
}

async function openForm(user: User) {
  await user.click(await screen.findByTestId("transfer-request"));
  return screen.findByTestId("transfer-form");
}

const item = (id: string) => {
  const found = screen.getAllByTestId("transfer-item").find((i) => i.dataset.id === id);
  if (!found) throw new Error(`no request ${id}`);
  return found;
};

describe("TransferSection", () => {
  it("refuses a missing broker and a too short reason in Chinese, sending nothing", async () => {
    const calls = mockTransfers([]);
    const user = userEvent.setup();
    renderWithProviders(<TransferSection profile={profile} />);
    const form = await openForm(user);

    await user.click(within(form).getByTestId("transfer-submit"));
    expect(await within(form).findByText("请填写接收经纪人的工号")).toBeInTheDocument();
    expect(within(form).getByText("请填写移交原因")).toBeInTheDocument();

    await user.type(within(form).getByTestId("transfer-to"), "broker07");
    await user.type(within(form).getByTestId("transfer-reason"), " 搬家 ");
    await user.click(within(form).getByTestId("transfer-submit"));
    expect(await within(form).findByText("移交原因须为 4 到 500 个字")).toBeInTheDocument();
    expect(argsOf(calls, "request_transfer")).toEqual([]);
  });

  it("sends request_transfer with the client, the colleague and the trimmed reason, then lists it as 待同步", async () => {
    const calls = mockTransfers([]);
    const user = userEvent.setup();
    renderWithProviders(<TransferSection profile={profile} />);
    expect(await screen.findByTestId("transfer-empty")).toHaveTextContent("暂无移交申请");
    const form = await openForm(user);
    await user.type(within(form).getByTestId("transfer-to"), " broker07 ");
    await user.type(within(form).getByTestId("transfer-reason"), "  客户常住地迁至北京，由北京分公司就近服务 ");
    await user.click(within(form).getByTestId("transfer-submit"));

    await waitFor(() => expect(argsOf(calls, "request_transfer")).toHaveLength(1));
    expect(argsOf(calls, "request_transfer")[0]).toEqual({
      clientId: "C000123",
      toBroker: "broker07",
      reason: "客户常住地迁至北京，由北京分公司就近服务",
    });
    expect(argsOf(calls, "transfer_requests")[0]).toEqual({ clientId: "C000123" });
    expect(await screen.findByText("移交申请已提交，将在同步时发送总部")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("transfer-form")).not.toBeInTheDocument());

    const request = item("TR-1");
    expect(within(request).getByTestId("transfer-status")).toHaveTextContent("待审批");
    expect(within(request).getByTestId("transfer-pending")).toHaveTextContent("待同步");
    expect(within(request).getByTestId("transfer-to-name")).toHaveTextContent("移交给 broker07");
    expect(within(request).queryByTestId("transfer-decision")).not.toBeInTheDocument();
    // One request awaiting a decision at a time.
    expect(screen.getByTestId("transfer-request")).toBeDisabled();
  });

  it("shows the backend's refusal in the form and keeps what was typed", async () => {
    const calls = mockTransfers([], "refuse");
    const user = userEvent.setup();
    renderWithProviders(<TransferSection profile={profile} />);
    const form = await openForm(user);
    await user.type(within(form).getByTestId("transfer-to"), "broker99");
    await user.type(within(form).getByTestId("transfer-reason"), "客户要求更换经纪人");
    await user.click(within(form).getByTestId("transfer-submit"));

    expect(await within(form).findByTestId("transfer-error")).toHaveTextContent("工号 broker99 不存在，请核对接收经纪人");
    expect(argsOf(calls, "request_transfer")).toHaveLength(1);
    expect(within(form).getByTestId("transfer-to")).toHaveValue("broker99");
    expect(within(form).getByTestId("transfer-reason")).toHaveValue("客户要求更换经纪人");
    expect(within(form).getByTestId("transfer-submit")).toBeEnabled();
  });

  it("lists 待同步 for an unsynced request and the decision with its note for a rejected one", async () => {
    mockTransfers([unsyncedRequest, rejectedRequest]);
    renderWithProviders(<TransferSection profile={profile} />);
    await waitFor(() => expect(screen.getAllByTestId("transfer-item")).toHaveLength(2));

    const pending = item("TR-1");
    expect(within(pending).getByTestId("transfer-pending")).toHaveTextContent("待同步");
    expect(within(pending).getByTestId("transfer-status")).toHaveTextContent("待审批");
    expect(pending).toHaveTextContent("申请于 2024-03-15 10:05");

    const rejected = item("TR-0");
    expect(within(rejected).getByTestId("transfer-status")).toHaveTextContent("已驳回");
    expect(within(rejected).queryByTestId("transfer-pending")).not.toBeInTheDocument();
    expect(within(rejected).getByTestId("transfer-to-name")).toHaveTextContent("移交给 周八");
    expect(within(rejected).getByTestId("transfer-reason-text")).toHaveTextContent("客户希望由机构服务小组对接");
    expect(within(rejected).getByTestId("transfer-decided-by")).toHaveTextContent("陈经理 于 2024-02-21 14:30 驳回");
    expect(within(rejected).getByTestId("transfer-note-text")).toHaveTextContent("审批意见：客户本人未确认，请先与客户沟通");
    expect(screen.getByTestId("transfer-request")).toBeDisabled();
  });

  it("allows a new request when the earlier one was decided", async () => {
    mockTransfers([rejectedRequest]);
    renderWithProviders(<TransferSection profile={profile} />);
    await screen.findByTestId("transfer-item");
    expect(screen.getByTestId("transfer-request")).toBeEnabled();
  });

  it("opens a request's thread and adds the broker's message to it", async () => {
    const lead = commentView({ subject: "transfer", subject_id: "TR-0", body: "请补充客户的书面意见" });
    const calls = mockDesk((cmd, args) => {
      if (cmd === "transfer_requests") return [rejectedRequest];
      if (cmd === "comments") return [lead];
      if (cmd === "add_comment") return threadWith([lead], (args as { body: string }).body, "transfer", "TR-0");
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<TransferSection profile={profile} />);
    await user.click(within(await screen.findByTestId("transfer-item")).getByTestId("transfer-thread-open"));

    const thread = await screen.findByTestId("thread");
    expect(await within(thread).findByText("请补充客户的书面意见")).toBeInTheDocument();
    expect(argsOf(calls, "comments")).toEqual([{ subject: "transfer", subjectId: "TR-0" }]);
    await user.type(within(thread).getByTestId("thread-input"), "已联系客户，明天提交书面意见");
    await user.click(within(thread).getByTestId("thread-send"));

    await waitFor(() => expect(within(thread).getAllByTestId("thread-message")).toHaveLength(2));
    expect(argsOf(calls, "add_comment")).toEqual([
      { subject: "transfer", subjectId: "TR-0", body: "已联系客户，明天提交书面意见" },
    ]);
    const mine = within(thread).getAllByTestId("thread-message")[1];
    expect(within(mine).getByTestId("thread-pending")).toHaveTextContent("待同步");
  });
});
