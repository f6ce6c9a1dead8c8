import type { IpcError } from "../bindings/IpcError";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { AccessLogEntry } from "../bindings/AccessLogEntry";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { BookAlert } from "../bindings/BookAlert";
import type { ReminderEvent } from "../bindings/ReminderEvent";
import type { ClientRow } from "../bindings/ClientRow";
import type { ConflictView } from "../bindings/ConflictView";
import type { ContactNoteView } from "../bindings/ContactNoteView";
import type { RefusalNotice } from "../bindings/RefusalNotice";
import type { SessionState } from "../bindings/SessionState";
import type { SyncStatus } from "../bindings/SyncStatus";

export const signedOut: SessionState = {
  signed_in: false,
  locked: false,
  user: null,
  server_url: null,
  server_fixed: false,
  last_username: null,
  notice: null,
};

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    connection: "online",
    syncing: false,
    progress: null,
    pending: 0,
    last_sync_at: "2024-03-01T16:30:00Z",
    last_error: null,
    notice: null,
    update: null,
    version: "0.1.0",
    ...overrides,
  };
}

export function clientRow(overrides: Partial<ClientRow> = {}): ClientRow {
  return {
    id: "C000123",
    name: "张三",
    mobile_masked: "138****5678",
    tier: "Gold",
    risk_level: "C3",
    assessment_expires_on: "2099-12-31",
    assessment_status: "valid",
    total_assets: 123_456_789,
    last_contact_at: "2024-03-01T16:30:00Z",
    tags: ["高净值", "退休"],
    ...overrides,
  };
}

export const profile: ClientProfile = {
  id: "C000123",
  name: "张三",
  id_number_masked: "3101**********123X",
  mobile_masked: "138****5678",
  age: 48,
  investor_class: "Ordinary",
  tier: "Platinum",
  total_assets: 523_456_789,
  opened_on: "2015-06-18",
  serving_broker_id: "B0042",
  serving_broker_name: "王丽",
  developing_broker_id: "B0007",
  developing_broker_name: "李强",
  co_server: null,
  last_contact_at: "2024-03-01T16:30:00Z",
  tags: ["高净值", "偏好红利"],
  risk_level: "C4",
  assessed_on: "2023-05-10",
  assessment_expires_on: "2026-05-09",
  assessment_status: "valid",
  accounts: [
    {
      id: "A1",
      account_no_masked: "3100****8812",
      commission_rate: 2500,
      waive_minimum: true,
      cash: 1_234_500,
      opened_on: "2015-06-18",
    },
  ],
  holdings: [
    {
      security_code: "600519",
      security_name: "贵州茅台",
      asset_class: "Equity",
      quantity: 200,
      cost: 30_000_000,
      market_value: 34_000_000,
      profit: 4_000_000,
    },
    {
      security_code: "000001",
      security_name: "平安银行",
      asset_class: "Equity",
      quantity: 10_000,
      cost: 12_000_000,
      market_value: 11_000_000,
      profit: -1_000_000,
    },
  ],
  asset_months: [
    { month: "2024-01-01", total_assets: 500_000_000 },
    { month: "2024-02-01", total_assets: 510_000_000 },
    { month: "2024-03-01", total_assets: 523_456_789 },
  ],
  allocation: [
    { asset_class: "Equity", value: 45_000_000 },
    { asset_class: "Cash", value: 1_234_500 },
  ],
  trades: [
    {
      id: "T1",
      traded_at: "2024-03-01T02:15:00Z",
      security_code: "600519",
      side: "Buy",
      quantity: 100,
      price_li: 1_700_000,
      amount: 17_000_000,
      commission: 4_250,
      handling_fee: 58,
      regulatory_fee: 34,
      transfer_fee: 17,
      stamp_duty: 0,
      net_commission: 4_158,
    },
  ],
  cash_transfers: [
    { id: "X1", transferred_at: "2024-02-20T01:00:00Z", direction: "in", amount: 10_000_000 },
    { id: "X2", transferred_at: "2024-02-25T01:00:00Z", direction: "out", amount: 2_500_000 },
  ],
  cash_flow_12m: { transferred_in: 10_000_000, transferred_out: 2_500_000 },
  contacts: [],
  reminders: [
    { id: "R1", client_id: "C000123", title: "回访：分红政策", due_on: "2099-01-05", source: "follow_up", done_at: null },
  ],
  service_cases: [
    {
      id: "S1",
      kind: "complaint",
      opened_on: "2024-01-10",
      due_on: "2024-01-25",
      closed_on: "2024-01-20",
      summary: "对交易系统卡顿不满",
      outcome: "已解释并致歉",
      category: "trading_system",
      channel: "phone",
      client_asks: "要求解释",
      case_no: "TS20240110-000001",
      status: "closed",
      handler: "周敏",
      history: [
        { at: "2024-01-10T02:00:00Z", status: "registered", by: "李明", note: "经纪人登记" },
        { at: "2024-01-20T08:00:00Z", status: "closed", by: "周敏", note: "已解释并致歉" },
      ],
      pending: false,
      satisfaction: null,
      client_words: null,
    },
    {
      id: "S2",
      kind: "return_visit",
      opened_on: "2024-02-01",
      due_on: null,
      closed_on: "2024-02-01",
      summary: "开户回访",
      outcome: "客户满意",
      category: null,
      channel: null,
      client_asks: null,
      case_no: null,
      status: "closed",
      handler: "总部客服 周敏",
      history: [],
      pending: false,
      satisfaction: 2,
      client_words: "很久没人联系我",
    },
  ],
  relations: [
    { related_client_id: "C000456", related_name: "李四", kind: "family", label: "配偶", in_book: true },
    { related_client_id: "C000999", related_name: "赵六", kind: "same_company", label: "同事", in_book: false },
  ],
  access_log: [],
  preferences: {
    preferred_channel: "phone",
    best_time_to_call: "工作日 9:30 前",
    remark: null,
    investment_goal: "steady_growth",
    horizon: "3y_to_5y",
    liquidity_need: null,
    products_of_interest: ["fund", "bond"],
    family_stage: null,
    pending: false,
  },
  profile_history: [],
  events: [],
};

export const signedInUser = {
  user_id: "u1",
  username: "wangli",
  display_name: "王丽",
  role: "Broker",
  org_path: "上海浦东营业部",
} as const;

export const signedIn: SessionState = {
  signed_in: true,
  locked: false,
  user: { ...signedInUser },
  server_url: "http://127.0.0.1:8787",
  server_fixed: false,
  last_username: "wangli",
  notice: null,
};

export function accessEntry(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    id: "L1",
    action: "reveal",
    client_id: "C000123",
    client_name: "张三",
    field: "id_number",
    reason: "客户来电核实身份",
    detail: "查看身份证号",
    at: "2024-03-01T16:30:00Z",
    pending: true,
    ...overrides,
  };
}

export function contactNote(overrides: Partial<ContactNoteView> = {}): ContactNoteView {
  return {
    id: "N-1",
    channel: "visit",
    summary: "面谈：客户关心分红政策",
    contacted_at: "2024-03-01T16:30:00Z",
    follow_up_on: null,
    pending: false,
    ...overrides,
  };
}

export function refusal(overrides: Partial<RefusalNotice> = {}): RefusalNotice {
  return {
    mutation_id: "m-1",
    summary: "联系记录：电话回访，客户关心分红",
    reason: "客户 C000123 已转出，不能再添加联系记录",
    refused_at: "2024-03-01T16:30:00Z",
    ...overrides,
  };
}

export function conflict(overrides: Partial<ConflictView> = {}): ConflictView {
  return {
    mutation_id: "m-7",
    client_id: "C000123",
    client_name: "张三",
    field: "best_time_to_call",
    before: "工作日 9:30 前",
    mine: "周末上午",
    head_office: "工作日下午",
    created_at: "2024-03-01T16:30:00Z",
    ...overrides,
  };
}

export function agendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: "RM-1",
    client_id: "C1",
    client_name: "张三",
    title: "回访张三，确认调仓意向",
    due_on: "2024-03-15",
    due_time: "14:00:00",
    repeat: "never",
    note: null,
    source: "own",
    assigned_by: null,
    snoozed_until: null,
    done_at: null,
    ...overrides,
  };
}

/** An alert about one client. */
export function bookAlert(overrides: Partial<BookAlert> = {}): BookAlert {
  return {
    kind: "complaint_deadline",
    client_id: "C8",
    client_name: "赵六",
    due_on: "2024-03-17",
    reason: "投诉须于 3 月 17 日前答复，还剩 2 天",
    ...overrides,
  };
}

/** An alert about the whole book, no client: a new share to subscribe to. */
export function wholeBookAlert(overrides: Partial<BookAlert> = {}): BookAlert {
  return bookAlert({
    kind: "new_share_subscription",
    client_id: null,
    client_name: null,
    due_on: "2024-03-15",
    reason: "2024-03-15 新股申购：科创新股（787999）。名下 12 位客户沪市持仓市值满 1 万元可申购",
    ...overrides,
  });
}

export function reminderEvent(overrides: Partial<ReminderEvent> = {}): ReminderEvent {
  return {
    reminder_id: "RM-1",
    title: "回访张三，确认调仓意向",
    client_id: "C1",
    due_at: "2024-03-15T06:00:00Z",
    event: "fired",
    at: "2024-03-15T06:00:05Z",
    ...overrides,
  };
}

/** What a mocked command returns to reject the way the backend does: a plain IpcError object. */
export function ipcReject(error: IpcError): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(error);
}
