import { mockIPC } from "@tauri-apps/api/mocks";
import type { InvokeArgs } from "@tauri-apps/api/core";
import type { ClientPage } from "../bindings/ClientPage";
import type { LockSettings } from "../bindings/LockSettings";
import type { TodayView } from "../bindings/TodayView";
import { profile, syncStatus } from "./fixtures";

/** Answers a command; return undefined to fall back to the defaults. */
export type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

export const lockSettings: LockSettings = { idle_lock_minutes: 10, max_idle_lock_minutes: 30 };

const emptyPage: ClientPage = { total: 0, rows: [] };

/** 工作台 on a quiet day: nothing due, nothing raised, no pay terms yet. */
export const quietToday: TodayView = {
  agenda: { overdue: [], today: [], week: [] },
  alerts: [],
  alert_total: 0,
  commission: null,
};

/** What a quiet desk answers to every command the window makes on its own. */
function fallback(cmd: string): unknown {
  switch (cmd) {
    case "sync_status":
    case "sync_now":
      return syncStatus();
    case "list_clients":
      return emptyPage;
    case "client_profile":
      return profile;
    case "refusals":
    case "conflicts":
    case "saved_filters":
    case "book_tags":
    case "access_log":
    case "products":
    case "push_history":
    case "client_pushes":
    case "palette_clients":
    case "transfer_requests":
    case "comments":
    case "team_transfers":
      return [];
    case "lock_settings":
      return lockSettings;
    case "today_view":
      return quietToday;
    default:
      return undefined;
  }
}

/**
 * Mocks the backend: `handler` answers first, the defaults above the rest. Records every call
 * as [command, args] in the returned array.
 */
export function mockDesk(handler: Handler = () => undefined): Array<[string, Record<string, unknown>]> {
  const calls: Array<[string, Record<string, unknown>]> = [];
  mockIPC(
    (cmd: string, payload?: InvokeArgs) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push([cmd, args]);
      const answer = handler(cmd, args);
      return answer === undefined ? fallback(cmd) : answer;
    },
    { shouldMockEvents: true },
  );
  return calls;
}
