// The 佣金 panel's desk for tests: March 2024 (the current month, see COMMISSION_NOW) with three
// clients, three boards and a mid-month plan change; 24 months of history; a published statement
// that differs on three trades; and a mock that records what the window asked for.

import { vi } from "vitest";
import type { CommissionMonth } from "../bindings/CommissionMonth";
import type { MonthFigure } from "../bindings/MonthFigure";
import type { NewDispute } from "../bindings/NewDispute";
import type { Reconciliation } from "../bindings/Reconciliation";
import type { StatementExport } from "../bindings/StatementExport";
import type { TradeCommission } from "../bindings/TradeCommission";
import type { TradeFilter } from "../bindings/TradeFilter";
import { disputeView, lineDifference, monthPay, statementRecord, tradeCommission } from "./commissionFixtures";
import { mockDesk, type Handler } from "./mockDesk";

/** 2024-03-15 12:00 in Shanghai: March is the current month, February is over. */
export const COMMISSION_NOW = new Date("2024-03-15T04:00:00Z");

/** Freezes the clock (only Date: timers stay real for the UI and user-event). */
export function freezeCommissionClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(COMMISSION_NOW);
}

export const march: CommissionMonth = {
  month: "2024-03-01",
  pay: monthPay({
    segments: [
      {
        plan_id: "PLAN-A",
        plan_name: "2024 标准方案",
        from: "2024-03-01",
        until: "2024-03-14",
        credited: 700_000,
        threshold: 225_806,
        share: 80_000,
        bonus: 20_000,
        base: 135_484,
      },
      {
        plan_id: "PLAN-B",
        plan_name: "2024 激励方案",
        from: "2024-03-15",
        until: "2024-03-31",
        credited: 534_567,
        threshold: 274_194,
        share: 66_913,
        bonus: 0,
        base: 164_516,
      },
    ],
  }),
  target: 2_000_000,
  forecast_credited: 2_551_438,
  forecast_total: 903_210,
  trades: 42,
  by_client: [
    { client_id: "C1", client_name: "张三", trades: 20, net_commission: 700_000, credited: 700_000, share_bp: 5670 },
    { client_id: "C2", client_name: "李四", trades: 12, net_commission: 500_000, credited: 400_000, share_bp: 3240 },
    { client_id: "C3", client_name: "王五", trades: 10, net_commission: 268_000, credited: 134_567, share_bp: 1090 },
  ],
  by_board: [
    { board: "main", trades: 30, credited: 900_000 },
    { board: "chi_next", trades: 8, credited: 300_000 },
    { board: "star", trades: 4, credited: 34_567 },
  ],
  by_day: [
    { day: "2024-03-01", credited: 200_000, cumulative: 200_000, earned_to_date: 400_000 },
    { day: "2024-03-05", credited: 500_000, cumulative: 700_000, earned_to_date: 400_000 },
    { day: "2024-03-12", credited: 534_567, cumulative: 1_234_567, earned_to_date: 450_370 },
  ],
  statement: null,
};

/** February: over, on one plan. */
export const february: CommissionMonth = {
  ...march,
  month: "2024-02-01",
  pay: monthPay({ credited: 980_000, total: 410_000 }),
  forecast_credited: 980_000,
  forecast_total: 410_000,
  trades: 31,
};

/** April 2022 to March 2024; head office's totals for the months before March, one off by ¥19.13. */
export const history: MonthFigure[] = Array.from({ length: 24 }, (_, i) => {
  const index = 2022 * 12 + 3 + i;
  const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  const total = 300_000 + i * 10_000;
  const official = i === 23 ? null : i === 22 ? total - 1_913 : total;
  return { month, credited: 800_000 + i * 20_000, total, official_total: official };
});

/** March's statement: three trades differ, one disputed and waiting, one rejected. */
export const differing: Reconciliation = {
  month: "2024-03-01",
  statement: statementRecord({
    credited: 1_232_288,
    share: 146_685,
    adjustments: -5_000,
    adjustment_note: "2 月客户退佣追回",
    total: 461_685,
  }),
  desk: monthPay({ adjustments: -5_000, total: 461_913 }),
  matched: 39,
  differences: [
    lineDifference(),
    lineDifference({
      kind: "only_statement",
      trade_id: "T-9",
      client_id: "C8",
      client_name: "赵六",
      traded_at: "2024-03-18T03:00:00Z",
      security_code: "688981",
      desk_net: null,
      official_net: 3_000,
      desk_credited: null,
      official_credited: 600,
      dispute: "open",
    }),
    lineDifference({
      kind: "only_desk",
      trade_id: "T-11",
      client_id: "C2",
      client_name: "李四",
      traded_at: "2024-03-29T06:00:00Z",
      security_code: "000001",
      desk_net: 1_000,
      official_net: null,
      desk_credited: 800,
      official_credited: null,
      dispute: "rejected",
    }),
  ],
  disputes: [
    disputeView({
      id: "D-2",
      trade_id: "T-9",
      client_id: "C8",
      desk_amount: 0,
      statement_amount: 600,
      comment: "本机无此成交，请核实",
      pending: true,
    }),
    disputeView({
      id: "D-1",
      trade_id: "T-11",
      client_id: "C2",
      desk_amount: 800,
      statement_amount: 0,
      comment: "成交已确认，应计入",
      raised_at: "2024-04-04T01:00:00Z",
      status: "rejected",
      pending: false,
      answer: "该笔成交已于当日撤单，不计佣金",
    }),
  ],
};

/** A month head office has not published. */
export const unpublished: Reconciliation = {
  month: "2024-03-01",
  statement: null,
  desk: monthPay(),
  matched: 0,
  differences: [],
  disputes: [],
};

/** A statement the desk agrees with to the fen. */
export const agreeing: Reconciliation = {
  month: "2024-03-01",
  statement: statementRecord(),
  desk: monthPay(),
  matched: 42,
  differences: [],
  disputes: [],
};

export const drillTrades: TradeCommission[] = [
  tradeCommission({ trade_id: "T-21", client_id: "C2", client_name: "李四", role: "serving", credited: 3_327 }),
  tradeCommission({
    trade_id: "T-22",
    client_id: "C2",
    client_name: "李四",
    traded_at: "2024-03-06T06:59:00Z",
    security_code: "300750",
    board: "chi_next",
    side: "Sell",
    amount: 5_000_000,
    commission_rate: 3000,
    commission: 1_500,
    handling_fee: 17,
    regulatory_fee: 10,
    transfer_fee: 5,
    stamp_duty: 2_500,
    net_commission: 1_473,
    role: "developing",
    credited: 295,
    source: "statement",
  }),
];

export const exported: StatementExport = {
  xlsx_path: "/home/wangli/BrokerDesk/exports/佣金对账单-2024-03.xlsx",
  html_path: "/home/wangli/BrokerDesk/exports/佣金对账单-2024-03.html",
  lines: 42,
};

export interface CommissionDesk {
  months: string[];
  reconciled: string[];
  filters: Array<{ month: string; filter: TradeFilter }>;
  disputes: NewDispute[];
  /** How many times the window has called `cmd`. */
  calls: (cmd: string) => number;
}

/** A desk answering with the figures above; `reconciliation` for every month; `extra` answers first. */
export function mockCommission(
  reconciliation: Reconciliation = differing,
  extra: Handler = () => undefined,
): CommissionDesk {
  const desk: CommissionDesk = { months: [], reconciled: [], filters: [], disputes: [], calls: () => 0 };
  const calls = mockDesk((cmd, args) => {
    // What the window asked for is recorded whoever answers.
    if (cmd === "commission_month") desk.months.push((args as { month: string }).month);
    if (cmd === "reconcile") desk.reconciled.push((args as { month: string }).month);
    if (cmd === "commission_trades") desk.filters.push(args as { month: string; filter: TradeFilter });
    if (cmd === "dispute_statement") desk.disputes.push((args as { dispute: NewDispute }).dispute);
    const answer = extra(cmd, args);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case "commission_month": {
        const { month } = args as { month: string };
        return month === february.month ? february : { ...march, month };
      }
      case "commission_history":
        return history;
      case "commission_trades":
        return drillTrades;
      case "reconcile":
        return { ...reconciliation, month: (args as { month: string }).month };
      case "dispute_statement":
        return reconciliation;
      case "export_statement":
        return exported;
      default:
        return undefined;
    }
  });
  desk.calls = (command) => calls.filter(([cmd]) => cmd === command).length;
  return desk;
}
