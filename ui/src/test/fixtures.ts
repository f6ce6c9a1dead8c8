import type { IpcError } from "../bindings/IpcError";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { ClientRow } from "../bindings/ClientRow";
import type { ConflictView } from "../bindings/ConflictView";
import type { ContactNoteView } from "../bindings/ContactNoteView";
import type { RefusalNotice } from "../bindings/RefusalNotice";
import type { SessionState } from "../bindings/SessionState";
import type { SyncStatus } from "../bindings/SyncStatus";

export const signedOut: SessionState = {
  signed_in: false,
  user: null,
  server_url: null,
  last_username: null,
};

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    connection: "online",
    syncing: false,
    progress: null,
    pending: 0,
    last_sync_at: "2024-03-01T16:30:00Z",
    last_error: null,
    ...overrides,
  };
}

export function clientRow(overrides: Partial<ClientRow> = {}): ClientRow {
  return {
    id: "C000123",
    name: "张三",
    tier: "Gold",
    risk_level: "C3",
    assessment_expires_on: "2099-12-31",
    total_assets: 123_456_789,
    last_contact_at: "2024-03-01T16:30:00Z",
    ...overrides,
  };
}

export const profile: ClientProfile = {
  id: "C000123",
  name: "张三",
  id_number_masked: "3101**********123X",
  mobile_masked: "138****5678",
  investor_class: "Ordinary",
  tier: "Platinum",
  total_assets: 523_456_789,
  opened_on: "2015-06-18",
  serving_broker_id: "B0042",
  developing_broker_id: "B0007",
  last_contact_at: "2024-03-01T16:30:00Z",
  risk_level: "C4",
  assessed_on: "2023-05-10",
  assessment_expires_on: "2026-05-09",
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
      quantity: 200,
      cost: 30_000_000,
      market_value: 34_000_000,
      profit: 4_000_000,
    },
    {
      security_code: "000001",
      security_name: "平安银行",
      quantity: 10_000,
      cost: 12_000_000,
      market_value: 11_000_000,
      profit: -1_000_000,
    },
  ],
  contacts: [],
  preferences: {
    preferred_channel: "phone",
    best_time_to_call: "工作日 9:30 前",
    remark: null,
    pending: false,
  },
};

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

/** What a mocked command returns to reject the way the backend does: a plain IpcError object. */
export function ipcReject(error: IpcError): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(error);
}
