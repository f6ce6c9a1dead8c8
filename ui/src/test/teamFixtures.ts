/** Fixtures of the 团队 panel, kept apart from the broker's book fixtures in `fixtures.ts`. */
import type { BrokerDashboard } from "../bindings/BrokerDashboard";
import type { KpiFigures } from "../bindings/KpiFigures";
import type { MaskedClient } from "../bindings/MaskedClient";
import type { TeamDashboard } from "../bindings/TeamDashboard";
import type { TeamNode } from "../bindings/TeamNode";
import type { TeamRow } from "../bindings/TeamRow";
import type { TierCoverage } from "../bindings/TierCoverage";
import type { TrendPoint } from "../bindings/TrendPoint";
import type { UserProfile } from "../bindings/UserProfile";
// 团队: a branch (上海浦东营业部, led by 陈经理) with two groups and a broker of its own; the second
// group has a team below it. Each unit's figures are the sum of its rows.

/** A branch manager: sees 团队 and opens on it. */
export const leadUser: UserProfile = {
  user_id: "P0",
  username: "chenjl",
  display_name: "陈经理",
  role: "BranchManager",
  org_path: "上海浦东营业部",
};

/** Clients and contacted clients per tier, Standard to Diamond. */
export function tierCoverage(pairs: Array<[number, number]>): TierCoverage[] {
  const tiers = ["Standard", "Silver", "Gold", "Platinum", "Diamond"] as const;
  return tiers.map((tier, i) => ({ tier, clients: pairs[i]?.[0] ?? 0, contacted: pairs[i]?.[1] ?? 0 }));
}

export function kpiFigures(overrides: Partial<KpiFigures> = {}): KpiFigures {
  return {
    brokers: 1,
    clients: 0,
    total_assets: 0,
    net_new_assets: 0,
    net_commission: 0,
    active_clients: 0,
    dormant_clients: 0,
    coverage: tierCoverage([]),
    overdue_reminders: 0,
    overdue_tasks: 0,
    pushes_sent: 0,
    recipients_blocked: 0,
    open_complaints: 0,
    scored_visits: 0,
    satisfaction_points: 0,
    transfers_in: 0,
    transfers_out: 0,
    ...overrides,
  };
}

/** Six months of net commission up to March 2024, oldest first. */
export function trendOf(values: number[]): TrendPoint[] {
  return values.map((net_commission, i) => ({
    month: `${i < 3 ? "2023" : "2024"}-${String(i < 3 ? 10 + i : i - 2).padStart(2, "0")}-01`,
    net_commission,
  }));
}

export function teamRow(overrides: Partial<TeamRow> = {}): TeamRow {
  return {
    kind: "broker",
    id: "B1",
    name: "王丽",
    leader_name: null,
    figures: kpiFigures(),
    trend: trendOf([1, 2, 3, 4, 5, 6]),
    rank: 1,
    ...overrides,
  };
}

export const wangliFigures = kpiFigures({
  clients: 70,
  total_assets: 3_000_000_000,
  net_new_assets: 10_000_000,
  net_commission: 6_000_000,
  active_clients: 25,
  dormant_clients: 6,
  coverage: tierCoverage([[35, 20], [20, 15], [10, 8], [4, 3], [1, 1]]),
  overdue_reminders: 2,
  overdue_tasks: 1,
  pushes_sent: 3,
  recipients_blocked: 1,
  transfers_in: 1,
  transfers_out: 1,
});

export const lileiFigures = kpiFigures({
  clients: 50,
  total_assets: 2_000_000_000,
  net_new_assets: 2_345_600,
  net_commission: 2_800_000,
  active_clients: 15,
  dormant_clients: 4,
  coverage: tierCoverage([[25, 10], [10, 5], [10, 7], [4, 3], [1, 1]]),
  overdue_reminders: 1,
  pushes_sent: 2,
  transfers_in: 1,
});

export const groupOneFigures = kpiFigures({
  brokers: 2,
  clients: 120,
  total_assets: 5_000_000_000,
  net_new_assets: 12_345_600,
  net_commission: 8_800_000,
  active_clients: 40,
  dormant_clients: 10,
  coverage: tierCoverage([[60, 30], [30, 20], [20, 15], [8, 6], [2, 2]]),
  overdue_reminders: 3,
  overdue_tasks: 1,
  pushes_sent: 5,
  recipients_blocked: 1,
  transfers_in: 2,
  transfers_out: 1,
});

export const groupTwoFigures = kpiFigures({
  clients: 50,
  total_assets: 2_000_000_000,
  net_new_assets: -500_000,
  net_commission: 3_000_000,
  active_clients: 20,
  dormant_clients: 5,
  coverage: tierCoverage([[30, 10], [10, 5], [10, 5]]),
  pushes_sent: 2,
  open_complaints: 1,
  transfers_out: 2,
});

/** 170 clients, 93 contacted: 54.7%. */
export const branchFigures = kpiFigures({
  brokers: 4,
  clients: 170,
  total_assets: 7_000_000_000,
  net_new_assets: 11_845_600,
  net_commission: 11_800_000,
  active_clients: 60,
  dormant_clients: 15,
  coverage: tierCoverage([[90, 40], [40, 25], [30, 20], [8, 6], [2, 2]]),
  overdue_reminders: 3,
  overdue_tasks: 1,
  pushes_sent: 7,
  recipients_blocked: 1,
  open_complaints: 1,
  transfers_in: 2,
  transfers_out: 3,
});

export const teamTree: TeamNode = {
  unit_id: "U0",
  name: "上海浦东营业部",
  leader: { id: "P0", name: "陈经理" },
  brokers: [{ id: "B3", name: "赵六" }],
  children: [
    {
      unit_id: "U1",
      name: "财富管理一组",
      leader: { id: "P1", name: "张三" },
      brokers: [
        { id: "B1", name: "王丽" },
        { id: "B2", name: "李雷" },
      ],
      children: [],
    },
    {
      unit_id: "U2",
      name: "财富管理二组",
      leader: { id: "P2", name: "孙七" },
      brokers: [],
      children: [
        { unit_id: "U3", name: "机构服务小组", leader: null, brokers: [{ id: "B4", name: "周八" }], children: [] },
      ],
    },
  ],
};

export function teamDashboard(overrides: Partial<TeamDashboard> = {}): TeamDashboard {
  return {
    unit_id: "U0",
    unit_name: "上海浦东营业部",
    path: [{ id: "U0", name: "上海浦东营业部" }],
    month: "2024-03-01",
    coverage_days: 30,
    taken_at: "2024-03-15T01:20:00Z",
    rows: [
      teamRow({
        kind: "unit",
        id: "U1",
        name: "财富管理一组",
        leader_name: "张三",
        figures: groupOneFigures,
        trend: trendOf([7_000_000, 7_500_000, 6_900_000, 8_100_000, 9_000_000, 8_800_000]),
        rank: 1,
      }),
      teamRow({
        kind: "unit",
        id: "U2",
        name: "财富管理二组",
        leader_name: "孙七",
        figures: groupTwoFigures,
        trend: trendOf([2_000_000, 2_500_000, 2_600_000, 2_800_000, 3_100_000, 3_000_000]),
        rank: 2,
      }),
      teamRow({ id: "B3", name: "赵六", figures: kpiFigures(), trend: trendOf([0, 0, 0, 0, 0, 0]), rank: 3 }),
    ],
    totals: branchFigures,
    trend: trendOf([9_000_000, 10_000_000, 9_500_000, 10_900_000, 12_100_000, 11_800_000]),
    tree: teamTree,
    ...overrides,
  };
}

/** 财富管理一组: 王丽 and 李雷. */
export const groupOneDashboard = teamDashboard({
  unit_id: "U1",
  unit_name: "财富管理一组",
  path: [
    { id: "U0", name: "上海浦东营业部" },
    { id: "U1", name: "财富管理一组" },
  ],
  rows: [
    teamRow({ id: "B1", name: "王丽", figures: wangliFigures, rank: 1 }),
    teamRow({ id: "B2", name: "李雷", figures: lileiFigures, rank: 2 }),
  ],
  totals: groupOneFigures,
});

export function maskedClient(overrides: Partial<MaskedClient> = {}): MaskedClient {
  return {
    client_id: "C1",
    name: "张三",
    mobile_masked: "138****5678",
    tier: "Diamond",
    total_assets: 1_200_000_000,
    net_commission: 1_500_000,
    last_contact_at: "2024-03-10T02:00:00Z",
    ...overrides,
  };
}

export function brokerDashboard(overrides: Partial<BrokerDashboard> = {}): BrokerDashboard {
  return {
    broker_id: "B1",
    broker_name: "王丽",
    unit_id: "U1",
    unit_name: "财富管理一组",
    month: "2024-03-01",
    coverage_days: 30,
    taken_at: "2024-03-15T01:20:00Z",
    figures: wangliFigures,
    trend: trendOf([4_000_000, 4_500_000, 4_100_000, 5_200_000, 6_300_000, 6_000_000]),
    top_clients: [
      maskedClient(),
      maskedClient({
        client_id: "C2",
        name: "李四",
        mobile_masked: "139****1234",
        tier: "Gold",
        total_assets: 300_000_000,
        net_commission: 250_000,
        last_contact_at: null,
      }),
    ],
    overdue: [
      { kind: "reminder", title: "回访张三，确认调仓意向", due_on: "2024-03-12", client_name: "张三" },
      { kind: "task", title: "本周完成 5 位高净值客户回访", due_on: "2024-03-14", client_name: null },
    ],
    open_complaints: [
      {
        id: "CP-1",
        case_no: "TS20240310-000042",
        client_name: "张三",
        broker_id: "B001",
        broker_name: "王丽",
        category: "suitability",
        status: "in_progress",
        opened_on: "2024-03-10",
        due_on: "2024-03-17",
        days_left: 2,
        summary: "客户称产品风险高于其承受能力",
        handler: "周敏",
      },
    ],
    satisfaction: [
      { month: "2024-02-01", visits: 6, average_tenths: 45, low: 0 },
      { month: "2024-03-01", visits: 3, average_tenths: 37, low: 1 },
    ],
    ...overrides,
  };
}
