import { emit } from "@tauri-apps/api/event";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { PushDetail } from "../bindings/PushDetail";
import { ipcReject, syncStatus } from "../test/fixtures";
import { pushRecipient, pushSummary } from "../test/recommendFixtures";
import { libraryReady, mockRecommend, report } from "../test/recommendDesk";
import { renderWithProviders } from "../test/render";
import { RecommendPanel } from "./RecommendPanel";

describe("RecommendPanel library", () => {
  it("lists pushable items with kind, risk, version, validity and approval, and filters them", async () => {
    const desk = mockRecommend();
    const user = userEvent.setup();
    renderWithProviders(<RecommendPanel />);

    const row = await screen.findByTestId("product-row-P-001");
    expect(row).toHaveTextContent("贵州茅台：高端白酒龙头");
    expect(within(row).getByText("个股点评")).toBeInTheDocument();
    expect(within(row).getByText("R3 中风险")).toBeInTheDocument();
    expect(within(row).getByText("第2版")).toBeInTheDocument();
    expect(within(row).getByText("有效期至 2099-12-31")).toBeInTheDocument();
    expect(within(row).getByText("合规审 2024-0123")).toBeInTheDocument();
    expect(screen.getByTestId("product-row-P-003")).toHaveTextContent("研究报告");
    // Only pushable items by default.
    expect(screen.queryByTestId("product-row-P-002")).not.toBeInTheDocument();
    expect(desk.productQueries[0]).toEqual({ search: null, kinds: [], risks: [], pushable_only: true });

    await user.click(screen.getByTestId("library-pushable"));
    const closed = await screen.findByTestId("product-row-P-002");
    await libraryReady();
    expect(within(closed).getByText("不可推送")).toBeInTheDocument();
    expect(within(closed).getByTestId("professional-only")).toHaveTextContent("仅限专业投资者");
    expect(within(row).queryByTestId("professional-only")).not.toBeInTheDocument();
    expect(within(closed).getByText("有效期至 2020-12-31")).toBeInTheDocument();
    expect(screen.getByTestId("compose-P-002")).toBeDisabled();
    // Clicking a closed item opens nothing.
    await user.click(within(closed).getByText("成长精选混合基金"));
    expect(screen.queryByTestId("compose-drawer")).not.toBeInTheDocument();

    await user.click(within(screen.getByTestId("library-risk")).getByRole("combobox"));
    await user.click(await screen.findByTitle("R5 高风险"));
    await waitFor(() => expect(screen.queryByTestId("product-row-P-001")).not.toBeInTheDocument());
    expect(desk.productQueries.at(-1)).toEqual({ search: null, kinds: [], risks: ["R5"], pushable_only: false });

    await user.type(screen.getByTestId("recommend-search"), "成长");
    await waitFor(() => expect(desk.productQueries.at(-1)?.search).toBe("成长"));
    expect(screen.getByTestId("product-row-P-002")).toBeInTheDocument();
  });

  it("shows the backend's message when the library cannot load", async () => {
    mockRecommend((cmd) =>
      cmd === "products" ? ipcReject({ code: "storage", message: "本机数据读取失败" }) : undefined,
    );
    renderWithProviders(<RecommendPanel />);
    expect(await screen.findByTestId("library-error")).toHaveTextContent("本机数据读取失败");
  });
});

describe("RecommendPanel history", () => {
  const pushes = [
    pushSummary({
      id: "push-3",
      sent_at: "2024-03-02T01:00:00Z",
      state: "pending",
      recipients: 2,
      counts: { waiting: 2, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0, refused: 0 },
    }),
    pushSummary({
      id: "push-2",
      product: report,
      sent_at: "2024-03-01T09:00:00Z",
      state: "refused",
      refusal: "产品已撤回，推送未发出",
      recipients: 1,
      counts: { waiting: 1, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0, refused: 0 },
    }),
    pushSummary({
      id: "push-1",
      recipients: 5,
      counts: { waiting: 0, sent: 0, delivered: 1, read: 1, replied: 1, failed: 1, refused: 1 },
    }),
  ];
  const detail: PushDetail = {
    summary: pushes[2],
    recipients: [
      pushRecipient({ client_id: "C1", client_name: "张三", status: "delivered" }),
      pushRecipient({
        client_id: "C2",
        client_name: "王老伯",
        status: "read",
        desk_verdict: { verdict: "needs_confirmation" },
        elderly_confirmed: true,
      }),
      pushRecipient({ client_id: "C5", client_name: "孙八", status: "replied", reply: "请电话联系我" }),
      pushRecipient({ client_id: "C6", client_name: "周九", status: "failed", reason: "客户手机号已停机" }),
      pushRecipient({ client_id: "C7", client_name: "吴十", status: "refused", reason: "总部复核：客户测评已过期" }),
    ],
  };

  it("lists pushes newest first with state and delivery, and opens one as archived", async () => {
    const detailCalls: unknown[] = [];
    const desk = mockRecommend((cmd, args) => {
      if (cmd !== "push_detail") return undefined;
      detailCalls.push(args);
      return detail;
    }, pushes);
    const user = userEvent.setup();
    renderWithProviders(<RecommendPanel />);

    await user.click(await screen.findByTestId("history-tab"));
    const rows = await screen.findAllByTestId(/^push-row-/);
    expect(rows.map((r) => r.getAttribute("data-testid"))).toEqual([
      "push-row-push-3",
      "push-row-push-2",
      "push-row-push-1",
    ]);
    expect(rows[0]).toHaveTextContent("2024-03-02 09:00");
    expect(rows[0]).toHaveTextContent("待同步");
    expect(rows[0]).toHaveTextContent("待发送 2");
    expect(rows[1]).toHaveTextContent("总部已拒绝");
    expect(rows[1]).toHaveTextContent("R1 低风险");
    const done = rows[2];
    expect(done).toHaveTextContent("2024-03-01 10:15");
    expect(done).toHaveTextContent("总部已受理");
    expect(done).toHaveTextContent("5 位");
    for (const text of ["已送达 1", "已读 1", "已回复 1", "发送失败 1", "总部拒绝 1"]) {
      expect(done).toHaveTextContent(text);
    }
    expect(within(done).queryByText(/待发送/)).not.toBeInTheDocument();

    await user.click(within(done).getByText("贵州茅台：高端白酒龙头，估值回到合理区间"));
    const opened = await screen.findByTestId("push-detail");
    expect(detailCalls).toEqual([{ pushId: "push-1" }]);
    expect(within(opened).getByText("存档，不可修改")).toBeInTheDocument();
    expect(within(opened).getByTestId("push-cover")).toHaveTextContent("白酒龙头估值回落，供您参考。");
    expect(within(opened).getByTestId("push-product-approval")).toHaveTextContent("合规审 2024-0123");
    expect(await within(opened).findByTestId("delivery-status-C1")).toHaveTextContent("已送达");
    expect(within(opened).getByTestId("delivery-status-C2")).toHaveTextContent("已读");
    expect(within(opened).getByTestId("delivery-status-C5")).toHaveTextContent("已回复");
    expect(within(opened).getByTestId("delivery-status-C6")).toHaveTextContent("发送失败");
    expect(within(opened).getByTestId("delivery-status-C7")).toHaveTextContent("总部拒绝");
    expect(within(opened).getByTestId("push-recipient-C5")).toHaveTextContent("请电话联系我");
    expect(within(opened).getByTestId("push-recipient-C6")).toHaveTextContent("客户手机号已停机");
    expect(within(opened).getByTestId("push-recipient-C2")).toHaveTextContent("已确认（高龄）");

    // A finished sync brings news of deliveries: the history loads again.
    const before = desk.calls("push_history");
    await act(() => emit("sync-status", syncStatus({ syncing: true })));
    await act(() => emit("sync-status", syncStatus({ syncing: false })));
    await waitFor(() => expect(desk.calls("push_history")).toBe(before + 1));
  });

  it("shows a push still in the outbox as 待同步 for every recipient", async () => {
    mockRecommend(
      (cmd) =>
        cmd === "push_detail"
          ? {
              summary: pushes[0],
              recipients: [pushRecipient({ client_id: "C1", status: null, updated_at: null })],
            }
          : undefined,
      pushes,
    );
    const user = userEvent.setup();
    renderWithProviders(<RecommendPanel />);
    await user.click(await screen.findByTestId("history-tab"));
    await user.click(await screen.findByTestId("push-row-push-3"));
    expect(await screen.findByTestId("delivery-status-C1")).toHaveTextContent("待同步");
  });
});
