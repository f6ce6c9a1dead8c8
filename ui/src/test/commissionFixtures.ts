// What 佣金's tests are given: a month's pay, statements, trades with their commission, differences and disputes.
import type { DisputeView } from "../bindings/DisputeView";
import type { LineDifference } from "../bindings/LineDifference";
import type { MonthPay } from "../bindings/MonthPay";
import type { StatementRecord } from "../bindings/StatementRecord";
import type { TradeCommission } from "../bindings/TradeCommission";

/** March 2024 on one plan: ¥12,345.67 credited, ¥5,000 threshold; pay = base + share + bonus. */
export function monthPay(overrides: Partial<MonthPay> = {}): MonthPay {
  return {
    credited: 1_234_567,
    threshold: 500_000,
    share: 146_913,
    bonus: 20_000,
    base: 300_000,
    allowance: 0,
    adjustments: 0,
    total: 466_913,
    segments: [
      {
        plan_id: "PLAN-2024",
        plan_name: "2024 标准方案",
        from: "2024-03-01",
        until: "2024-03-31",
        credited: 1_234_567,
        threshold: 500_000,
        share: 146_913,
        bonus: 20_000,
        base: 300_000,
      },
    ],
    ...overrides,
  };
}

export function statementRecord(overrides: Partial<StatementRecord> = {}): StatementRecord {
  return {
    id: "ST-B0042-2024-03",
    month: "2024-03-01",
    published_at: "2024-04-03T02:00:00Z",
    credited: 1_234_567,
    threshold: 500_000,
    share: 146_913,
    bonus: 20_000,
    base: 300_000,
    allowance: 0,
    adjustments: 0,
    adjustment_note: null,
    total: 466_913,
    ...overrides,
  };
}

/** A buy of ¥170,000 at 万2.5 by a client the broker developed and serves. */
export function tradeCommission(overrides: Partial<TradeCommission> = {}): TradeCommission {
  return {
    trade_id: "T-1",
    client_id: "C1",
    client_name: "张三",
    traded_at: "2024-03-05T02:15:00Z",
    security_code: "600519",
    board: "main",
    side: "Buy",
    amount: 17_000_000,
    commission_rate: 2500,
    commission: 4_250,
    handling_fee: 58,
    regulatory_fee: 34,
    transfer_fee: 17,
    stamp_duty: 0,
    net_commission: 4_158,
    role: "both",
    credited: 4_158,
    source: "book",
    ...overrides,
  };
}

/** Head office credits half of a trade the desk credits whole. */
export function lineDifference(overrides: Partial<LineDifference> = {}): LineDifference {
  return {
    kind: "amount",
    trade_id: "T-7",
    client_id: "C1",
    client_name: "张三",
    traded_at: "2024-03-12T06:30:00Z",
    security_code: "300750",
    desk_net: 4_158,
    official_net: 4_158,
    desk_credited: 4_158,
    official_credited: 2_079,
    dispute: null,
    ...overrides,
  };
}

export function disputeView(overrides: Partial<DisputeView> = {}): DisputeView {
  return {
    pending: true,
    id: "D-1",
    statement_id: "ST-B0042-2024-03",
    trade_id: "T-7",
    client_id: "C1",
    desk_amount: 4_158,
    statement_amount: 2_079,
    comment: "该客户由本人开发并服务，应全额计入",
    raised_at: "2024-04-05T01:00:00Z",
    status: "open",
    answer: null,
    ...overrides,
  };
}
