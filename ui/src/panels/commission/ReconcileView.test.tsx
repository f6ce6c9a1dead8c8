import { screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Reconciliation } from "../../bindings/Reconciliation";
import { agreeing, differing, freezeCommissionClock, mockCommission, unpublished } from "../../test/commissionDesk";
import { ipcReject } from "../../test/fixtures";
import { disputeView } from "../../test/commissionFixtures";
import { renderWithProviders } from "../../test/render";
import { CommissionPanel } from "../CommissionPanel";

beforeEach(freezeCommissionClock);
afterEach(() => {
  vi.useRealTimers();
});

async function openReconcile(user: UserEvent): Promise<HTMLElement> {
  renderWithProviders(<CommissionPanel />);
  await user.click(await screen.findByTestId("commission-tab-reconcile"));
  return screen.findByTestId("reconcile-panel");
}

/** March after disputing T-7: the line shows the dispute, waiting in the outbox. */
const afterDispute: Reconciliation = {
  ...differing,
  differences: differing.differences.map((d) => (d.trade_id === "T-7" ? { ...d, dispute: "open" } : d)),
  disputes: [
    disputeView({ id: "D-3", comment: "客户由本人开发并服务，应全额计入", raised_at: "2024-04-06T01:00:00Z" }),
    ...differing.disputes,
  ],
};

describe("Reconciliation", () => {
  it("sets the desk's figures beside the statement's and itemises every differing trade", async () => {
    mockCommission();
    const user = userEvent.setup();
    const panel = await openReconcile(user);

    const summary = await within(panel).findByTestId("reconcile-summary");
    const credited = within(summary).getByTestId("reconcile-summary-credited");
    expect(credited).toHaveAttribute("data-differs", "true");
    expect(credited).toHaveTextContent("¥12,345.67");
    expect(credited).toHaveTextContent("¥12,322.88");
    expect(credited).toHaveTextContent("-¥22.79");
    expect(within(summary).getByTestId("reconcile-summary-threshold")).toHaveAttribute("data-differs", "false");
    const allowance = within(summary).getByTestId("reconcile-summary-allowance");
    expect(allowance).toHaveTextContent("组别津贴");
    expect(allowance).toHaveAttribute("data-differs", "false");
    expect(within(summary).getByTestId("reconcile-summary-adjustments")).toHaveAttribute("data-differs", "false");
    expect(within(summary).getByTestId("reconcile-adjustment-note")).toHaveTextContent("2 月客户退佣追回");
    expect(within(summary).getByTestId("reconcile-summary-total")).toHaveTextContent("-¥2.28");
    expect(within(panel).getByTestId("reconcile-counts")).toHaveTextContent("39 笔成交一致，3 笔有差异");
    expect(within(panel).queryByTestId("reconcile-match")).not.toBeInTheDocument();

    const differences = within(panel).getByTestId("reconcile-differences");
    const amount = within(differences).getByTestId("reconcile-diff-T-7");
    expect(amount).toHaveTextContent("金额不符");
    expect(amount).toHaveTextContent("2024-03-12 14:30");
    expect(amount).toHaveTextContent("张三");
    expect(amount).toHaveTextContent("300750");
    expect(amount).toHaveTextContent("¥41.58 / ¥20.79");
    expect(amount).toHaveTextContent("-¥20.79");
    expect(within(amount).getByTestId("dispute-T-7")).toHaveTextContent("提出异议");

    const onlyStatement = within(differences).getByTestId("reconcile-diff-T-9");
    expect(onlyStatement).toHaveTextContent("本机无此成交");
    expect(onlyStatement).toHaveTextContent("— / ¥6.00");
    expect(onlyStatement).toHaveTextContent("+¥6.00");
    expect(within(onlyStatement).getByTestId("dispute-status")).toHaveTextContent("待同步");
    expect(within(onlyStatement).queryByTestId("dispute-T-9")).not.toBeInTheDocument();

    const onlyDesk = within(differences).getByTestId("reconcile-diff-T-11");
    expect(onlyDesk).toHaveTextContent("结算单未计入");
    expect(onlyDesk).toHaveTextContent("¥8.00 / —");
    expect(within(onlyDesk).getByTestId("dispute-status")).toHaveTextContent("不予调整");

    const disputes = within(panel).getByTestId("reconcile-disputes");
    expect(within(disputes).getByTestId("dispute-item-D-2")).toHaveTextContent("待同步");
    expect(within(disputes).getByTestId("dispute-item-D-2")).toHaveTextContent("成交 T-9 · 赵六 · 688981");
    const rejected = within(disputes).getByTestId("dispute-item-D-1");
    expect(rejected).toHaveTextContent("不予调整");
    expect(within(rejected).getByTestId("dispute-answer")).toHaveTextContent("总部答复：该笔成交已于当日撤单，不计佣金");
    expect(screen.getByTestId("commission-tab-reconcile")).toHaveTextContent("3");
  });

  it("disputes a trade: sends month, trade and comment, shows the answer and refreshes the pending count", async () => {
    const desk = mockCommission(differing, (cmd) => (cmd === "dispute_statement" ? afterDispute : undefined));
    const user = userEvent.setup();
    const panel = await openReconcile(user);
    const statusCalls = desk.calls("sync_status");

    await user.click(await within(panel).findByTestId("dispute-T-7"));
    const modal = await screen.findByTestId("dispute-modal");
    expect(within(modal).getByTestId("dispute-target")).toHaveTextContent("成交 T-7 · 张三 · 300750");
    expect(within(modal).getByTestId("dispute-target")).toHaveTextContent("本机计入 ¥41.58，结算单计入 ¥20.79");
    expect(within(modal).getByTestId("dispute-submit")).toBeDisabled();
    await user.type(within(modal).getByTestId("dispute-comment"), "客户由本人开发并服务，应全额计入");
    await user.click(within(modal).getByTestId("dispute-submit"));

    await waitFor(() => expect(screen.queryByTestId("dispute-modal")).not.toBeInTheDocument());
    expect(desk.disputes).toEqual([
      { month: "2024-03-01", trade_id: "T-7", comment: "客户由本人开发并服务，应全额计入" },
    ]);
    const row = screen.getByTestId("reconcile-diff-T-7");
    expect(within(row).getByTestId("dispute-status")).toHaveTextContent("待同步");
    expect(within(row).queryByTestId("dispute-T-7")).not.toBeInTheDocument();
    const item = within(screen.getByTestId("reconcile-disputes")).getByTestId("dispute-item-D-3");
    expect(item).toHaveTextContent("客户由本人开发并服务，应全额计入");
    expect(item).toHaveTextContent("待同步");
    await waitFor(() => expect(desk.calls("sync_status")).toBe(statusCalls + 1));
    expect(await screen.findByText("异议已记录，将在同步时提交总部")).toBeInTheDocument();
  });

  it("shows what head office made of a dispute once it has synced", async () => {
    mockCommission({
      ...afterDispute,
      differences: afterDispute.differences.map((d) => (d.trade_id === "T-7" ? { ...d, dispute: "resolved" } : d)),
      disputes: [
        disputeView({ id: "D-3", pending: false, status: "resolved", answer: "已核实，下月补发 ¥20.79" }),
      ],
    });
    const user = userEvent.setup();
    const panel = await openReconcile(user);
    const row = await within(panel).findByTestId("reconcile-diff-T-7");
    expect(within(row).getByTestId("dispute-status")).toHaveTextContent("已解决");
    const item = within(panel).getByTestId("dispute-item-D-3");
    expect(item).toHaveTextContent("已解决");
    expect(item).toHaveTextContent("总部答复：已核实，下月补发 ¥20.79");
  });

  it("keeps the comment and shows the backend's reason when a dispute is refused", async () => {
    const reason = "异议说明须为 4 到 500 字，请写明差异所在";
    const desk = mockCommission(differing, (cmd) =>
      cmd === "dispute_statement" ? ipcReject({ code: "validation", message: reason }) : undefined,
    );
    const user = userEvent.setup();
    const panel = await openReconcile(user);

    await user.click(await within(panel).findByTestId("dispute-T-7"));
    const modal = await screen.findByTestId("dispute-modal");
    await user.type(within(modal).getByTestId("dispute-comment"), "不对");
    await user.click(within(modal).getByTestId("dispute-submit"));

    expect(await within(modal).findByTestId("dispute-error")).toHaveTextContent(reason);
    expect(within(modal).getByTestId("dispute-comment")).toHaveValue("不对");
    expect(screen.getByTestId("dispute-modal")).toBeInTheDocument();
    expect(desk.disputes).toHaveLength(1);
    expect(within(screen.getByTestId("reconcile-diff-T-7")).getByTestId("dispute-T-7")).toBeInTheDocument();
  });

  it("disputes the statement's total with no trade", async () => {
    const desk = mockCommission();
    const user = userEvent.setup();
    const panel = await openReconcile(user);

    await user.click(await within(panel).findByTestId("dispute-total"));
    const modal = await screen.findByTestId("dispute-modal");
    expect(within(modal).getByTestId("dispute-target")).toHaveTextContent("结算单总额");
    expect(within(modal).getByTestId("dispute-target")).toHaveTextContent("本机合计 ¥4,619.13，结算单合计 ¥4,616.85");
    await user.type(within(modal).getByTestId("dispute-comment"), "合计与逐笔明细不符");
    await user.click(within(modal).getByTestId("dispute-submit"));
    await waitFor(() =>
      expect(desk.disputes).toEqual([{ month: "2024-03-01", trade_id: null, comment: "合计与逐笔明细不符" }]),
    );
  });

  it("says so when head office has not published the month's statement", async () => {
    mockCommission(unpublished);
    const user = userEvent.setup();
    const panel = await openReconcile(user);
    expect(await within(panel).findByTestId("reconcile-no-statement")).toHaveTextContent("总部尚未发布该月结算单");
    expect(within(panel).queryByTestId("reconcile-summary")).not.toBeInTheDocument();
    expect(within(panel).queryByTestId("dispute-total")).not.toBeInTheDocument();
    expect(screen.getByTestId("commission-statement-state")).toHaveTextContent("结算单未发布");
  });

  it("says so when the desk and the statement agree to the fen", async () => {
    mockCommission(agreeing);
    const user = userEvent.setup();
    const panel = await openReconcile(user);
    expect(await within(panel).findByTestId("reconcile-match")).toHaveTextContent("与总部结算单完全一致（精确到分）");
    expect(within(panel).getByTestId("reconcile-counts")).toHaveTextContent("42 笔成交一致，0 笔有差异");
    expect(within(panel).queryByTestId("reconcile-differences")).not.toBeInTheDocument();
    for (const row of within(panel).getAllByTestId(/^reconcile-summary-/)) {
      expect(row).toHaveAttribute("data-differs", "false");
    }
    expect(screen.getByTestId("commission-statement-state")).toHaveTextContent("结算单已发布");
  });
});
