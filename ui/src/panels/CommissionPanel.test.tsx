import { emit } from "@tauri-apps/api/event";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { freezeCommissionClock, march, mockCommission } from "../test/commissionDesk";
import { ipcReject, syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { CommissionPanel } from "./CommissionPanel";

beforeEach(freezeCommissionClock);
afterEach(() => {
  vi.useRealTimers();
});

const MARCH = "2024-03-01";

describe("CommissionPanel overview", () => {
  it("shows the month's credit, pay and its parts, target, forecast and the plan change", async () => {
    const desk = mockCommission();
    renderWithProviders(<CommissionPanel />);

    const headline = await screen.findByTestId("commission-headline");
    expect(desk.months).toEqual([MARCH]);
    expect(within(headline).getByTestId("headline-credited")).toHaveTextContent("¥12,345.67");
    expect(within(headline).getByTestId("headline-credited")).toHaveTextContent("42 笔成交 · 月度门槛 ¥5,000.00");
    expect(within(headline).getByTestId("headline-total")).toHaveTextContent("¥4,669.13");
    expect(within(headline).getByTestId("headline-breakdown")).toHaveTextContent(
      "底薪 ¥3,000.00 · 提成 ¥1,469.13 · 奖励 ¥200.00 · 调整 ¥0.00",
    );
    expect(within(headline).getByTestId("headline-target")).toHaveTextContent("61.7%");
    expect(within(headline).getByTestId("headline-target")).toHaveTextContent("目标 ¥20,000.00");
    expect(within(headline).getByTestId("headline-forecast")).toHaveTextContent("¥25,514.38");
    expect(within(headline).getByTestId("headline-forecast")).toHaveTextContent("预计收入 ¥9,032.10");
    expect(within(headline).queryByTestId("headline-ended")).not.toBeInTheDocument();
    const change = within(headline).getByTestId("headline-plan-change");
    expect(change).toHaveTextContent("2024-03-01 至 2024-03-14：2024 标准方案");
    expect(change).toHaveTextContent("2024-03-15 至 2024-03-31：2024 激励方案");
  });

  it("names the group allowance among the parts of pay when the broker has one", async () => {
    mockCommission(undefined, (cmd, args) => {
      if (cmd !== "commission_month") return undefined;
      const month = (args as { month: string }).month;
      return { ...march, month, pay: { ...march.pay, allowance: 41_290, total: march.pay.total + 41_290 } };
    });
    renderWithProviders(<CommissionPanel />);
    const headline = await screen.findByTestId("commission-headline");
    expect(within(headline).getByTestId("headline-total")).toHaveTextContent("¥5,082.03");
    expect(within(headline).getByTestId("headline-breakdown")).toHaveTextContent(
      "底薪 ¥3,000.00 · 提成 ¥1,469.13 · 奖励 ¥200.00 · 调整 ¥0.00 · 组别津贴 ¥412.90",
    );
  });

  it("ranks clients by credit with their share, and lists the boards", async () => {
    mockCommission();
    renderWithProviders(<CommissionPanel />);

    const ranking = await screen.findByTestId("commission-by-client");
    const rows = within(ranking).getAllByTestId(/^client-row-/);
    expect(rows.map((r) => r.getAttribute("data-testid"))).toEqual(["client-row-C1", "client-row-C2", "client-row-C3"]);
    expect(rows[1]).toHaveTextContent("李四");
    expect(rows[1]).toHaveTextContent("¥5,000.00");
    expect(rows[1]).toHaveTextContent("¥4,000.00");
    expect(rows[1]).toHaveTextContent("32.40%");
    expect(rows[2]).toHaveTextContent("10.90%");

    const boards = screen.getByTestId("commission-by-board");
    expect(within(boards).getByTestId("board-main")).toHaveTextContent("沪深主板");
    expect(within(boards).getByTestId("board-main")).toHaveTextContent("30 笔");
    expect(within(boards).getByTestId("board-main")).toHaveTextContent("¥9,000.00");
    expect(within(boards).getByTestId("board-chi_next")).toHaveTextContent("创业板");
    expect(within(boards).getByTestId("board-star")).toHaveTextContent("科创板");
    expect(screen.getByTestId("commission-daily-chart")).toBeInTheDocument();
  });

  it("draws 24 months with head office's totals and opens a month from the chart or the selector", async () => {
    const desk = mockCommission();
    const user = userEvent.setup();
    renderWithProviders(<CommissionPanel />);

    const chart = await screen.findByTestId("commission-history-chart");
    const bars = within(chart).getAllByTestId("commission-history-bar");
    expect(bars).toHaveLength(24);
    expect(bars[23]).toHaveAttribute("data-month", MARCH);
    expect(bars[23]).toHaveAttribute("data-selected", "true");
    const official = within(chart).getAllByTestId("commission-history-official");
    // March has no statement yet; February's differs from the desk.
    expect(official).toHaveLength(23);
    expect(official[22]).toHaveAttribute("data-month", "2024-02-01");
    expect(official[22]).toHaveAttribute("data-differs", "true");
    expect(official[21]).toHaveAttribute("data-differs", "false");

    const february = within(chart)
      .getAllByTestId("commission-history-hit")
      .find((hit) => hit.getAttribute("data-month") === "2024-02-01");
    if (!february) throw new Error("no bar for February");
    await user.click(february);
    await waitFor(() => expect(desk.months).toEqual([MARCH, "2024-02-01"]));
    expect(await screen.findByTestId("headline-ended")).toHaveTextContent("已结束");
    expect(screen.getByTestId("headline-forecast")).toHaveTextContent("最终计入 ¥9,800.00 · 收入 ¥4,100.00");
    expect(desk.reconciled).toEqual([MARCH, "2024-02-01"]);
    expect(within(screen.getByTestId("commission-month")).getByText("2024年2月")).toBeInTheDocument();

    await user.click(within(screen.getByTestId("commission-month")).getByRole("combobox"));
    await user.click(await screen.findByTitle("2024年3月"));
    await waitFor(() => expect(desk.months.at(-1)).toBe(MARCH));
    await waitFor(() => expect(screen.queryByTestId("headline-ended")).not.toBeInTheDocument());
  });

  it("offers the latest 24 months, newest first", async () => {
    mockCommission();
    const user = userEvent.setup();
    renderWithProviders(<CommissionPanel />);
    await screen.findByTestId("commission-headline");
    await user.click(within(screen.getByTestId("commission-month")).getByRole("combobox"));
    await waitFor(() => expect(document.querySelector(".ant-select-item-option")).not.toBeNull());
    const options = [...document.querySelectorAll(".ant-select-item-option")];
    expect(options.slice(0, 3).map((o) => o.getAttribute("title"))).toEqual(["2024年3月", "2024年2月", "2024年1月"]);
  });

  it("loads everything again when a sync finishes", async () => {
    const desk = mockCommission();
    renderWithProviders(<CommissionPanel />);
    await screen.findByTestId("commission-headline");
    await waitFor(() => expect(desk.calls("commission_history")).toBe(1));
    expect(desk.calls("reconcile")).toBe(1);

    await act(() => emit("sync-status", syncStatus({ syncing: true })));
    await act(() => emit("sync-status", syncStatus({ syncing: false })));
    await waitFor(() => expect(desk.calls("commission_month")).toBe(2));
    await waitFor(() => expect(desk.calls("reconcile")).toBe(2));
    await waitFor(() => expect(desk.calls("commission_history")).toBe(2));
  });

  it("shows the backend's message when the month cannot load", async () => {
    mockCommission(undefined, (cmd) =>
      cmd === "commission_month" ? ipcReject({ code: "storage", message: "本机数据读取失败" }) : undefined,
    );
    renderWithProviders(<CommissionPanel />);
    expect(await screen.findByTestId("commission-error")).toHaveTextContent("本机数据读取失败");
    expect(screen.queryByTestId("commission-headline")).not.toBeInTheDocument();
  });

  it("exports the month's statement and says where both files went", async () => {
    const calls: unknown[] = [];
    mockCommission(undefined, (cmd, args) => {
      if (cmd === "export_statement") calls.push(args);
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<CommissionPanel />);
    await screen.findByTestId("commission-headline");

    await user.click(screen.getByTestId("commission-export"));
    const result = await screen.findByTestId("commission-export-result");
    expect(calls).toEqual([{ month: MARCH }]);
    expect(result).toHaveTextContent("共 42 笔成交");
    expect(within(result).getByTestId("export-xlsx-path")).toHaveTextContent(
      "/home/wangli/BrokerDesk/exports/佣金对账单-2024-03.xlsx",
    );
    expect(within(result).getByTestId("export-html-path")).toHaveTextContent(
      "/home/wangli/BrokerDesk/exports/佣金对账单-2024-03.html",
    );
  });
});

describe("CommissionPanel drill-down", () => {
  it("opens a client's trades with every fee, the role, the credit and a total row", async () => {
    const desk = mockCommission();
    const user = userEvent.setup();
    renderWithProviders(<CommissionPanel />);

    await user.click(await screen.findByTestId("client-row-C2"));
    const drawer = await screen.findByTestId("commission-drilldown");
    expect(desk.filters).toEqual([{ month: MARCH, filter: { client_id: "C2", board: null, day: null } }]);
    expect(within(drawer).getByText("2024年3月 · 客户：李四")).toBeInTheDocument();

    const first = await within(drawer).findByTestId("trade-row-T-21");
    expect(first).toHaveTextContent("2024-03-05 10:15");
    expect(first).toHaveTextContent("600519");
    expect(first).toHaveTextContent("买入");
    expect(first).toHaveTextContent("¥170,000.00");
    expect(first).toHaveTextContent("万2.5");
    expect(first).toHaveTextContent("¥42.50");
    expect(first).toHaveTextContent("服务");
    expect(first).toHaveTextContent("¥33.27");
    expect(within(first).queryByTestId("from-statement")).not.toBeInTheDocument();

    const second = within(drawer).getByTestId("trade-row-T-22");
    expect(second).toHaveTextContent("卖出");
    expect(second).toHaveTextContent("万3");
    expect(second).toHaveTextContent("¥25.00");
    expect(second).toHaveTextContent("开发");
    expect(within(second).getByTestId("from-statement")).toHaveTextContent("来自结算单");

    const total = within(drawer).getByTestId("drill-total");
    expect(total).toHaveTextContent("合计 2 笔");
    expect(total).toHaveTextContent("¥220,000.00");
    expect(total).toHaveTextContent("¥56.31");
    expect(total).toHaveTextContent("¥36.22");
  });

  it("asks for a board's trades, a day's and the whole month's", async () => {
    const desk = mockCommission();
    const user = userEvent.setup();
    renderWithProviders(<CommissionPanel />);

    await user.click(await screen.findByTestId("board-chi_next"));
    expect(await screen.findByText("2024年3月 · 板块：创业板")).toBeInTheDocument();
    await waitFor(() =>
      expect(desk.filters.at(-1)).toEqual({ month: MARCH, filter: { client_id: null, board: "chi_next", day: null } }),
    );
    await user.click(screen.getByRole("button", { name: /close|关闭/i }));
    await waitFor(() => expect(screen.queryByTestId("commission-drilldown")).not.toBeInTheDocument());

    const day = screen
      .getAllByTestId("commission-daily-point")
      .find((p) => p.getAttribute("data-day") === "2024-03-05");
    if (!day) throw new Error("no point for 5 March");
    await user.click(day);
    expect(await screen.findByText("成交日：2024-03-05")).toBeInTheDocument();
    await waitFor(() =>
      expect(desk.filters.at(-1)).toEqual({ month: MARCH, filter: { client_id: null, board: null, day: "2024-03-05" } }),
    );
    await user.click(screen.getByRole("button", { name: /close|关闭/i }));
    await waitFor(() => expect(screen.queryByTestId("commission-drilldown")).not.toBeInTheDocument());

    await user.click(screen.getByTestId("commission-all-trades"));
    expect(await screen.findByText("2024年3月 全部成交")).toBeInTheDocument();
    await waitFor(() =>
      expect(desk.filters.at(-1)).toEqual({ month: MARCH, filter: { client_id: null, board: null, day: null } }),
    );
  });
});
