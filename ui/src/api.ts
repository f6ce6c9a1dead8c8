// The only way the window talks to the Rust side. Every command resolves with its
// typed result or rejects with an IpcError whose message is Chinese text for the user.

import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AccessLogEntry } from "./bindings/AccessLogEntry";
import type { Agenda } from "./bindings/Agenda";
import type { PublishedAppraisal } from "./bindings/PublishedAppraisal";
import type { AgendaItem } from "./bindings/AgendaItem";
import type { AssignedTasks } from "./bindings/AssignedTasks";
import type { AssignTasks } from "./bindings/AssignTasks";
import type { ComplaintInput } from "./bindings/ComplaintInput";
import type { ServiceCaseView } from "./bindings/ServiceCaseView";
import type { BookAlert } from "./bindings/BookAlert";
import type { BookTag } from "./bindings/BookTag";
import type { BrokerDashboard } from "./bindings/BrokerDashboard";
import type { ClientPage } from "./bindings/ClientPage";
import type { ClientProfile } from "./bindings/ClientProfile";
import type { ClientPushView } from "./bindings/ClientPushView";
import type { ClientQuery } from "./bindings/ClientQuery";
import type { CommentRecord } from "./bindings/CommentRecord";
import type { CommentSubject } from "./bindings/CommentSubject";
import type { CommentView } from "./bindings/CommentView";
import type { CommissionMonth } from "./bindings/CommissionMonth";
import type { ConflictView } from "./bindings/ConflictView";
import type { ContributionReport } from "./bindings/ContributionReport";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ExportResult } from "./bindings/ExportResult";
import type { IpcError } from "./bindings/IpcError";
import type { IpcErrorCode } from "./bindings/IpcErrorCode";
import type { LocalData } from "./bindings/LocalData";
import type { LockSettings } from "./bindings/LockSettings";
import type { MonthFigure } from "./bindings/MonthFigure";
import type { NewComment } from "./bindings/NewComment";
import type { NewContactNote } from "./bindings/NewContactNote";
import type { NewDispute } from "./bindings/NewDispute";
import type { NewReminder } from "./bindings/NewReminder";
import type { PaletteClient } from "./bindings/PaletteClient";
import type { PreferencesView } from "./bindings/PreferencesView";
import type { ProductQuery } from "./bindings/ProductQuery";
import type { ProductView } from "./bindings/ProductView";
import type { PushDetail } from "./bindings/PushDetail";
import type { PushDraft } from "./bindings/PushDraft";
import type { PushSummary } from "./bindings/PushSummary";
import type { RecipientChecks } from "./bindings/RecipientChecks";
import type { RecipientSelection } from "./bindings/RecipientSelection";
import type { Reconciliation } from "./bindings/Reconciliation";
import type { RefusalNotice } from "./bindings/RefusalNotice";
import type { ReminderEvent } from "./bindings/ReminderEvent";
import type { SavedFilter } from "./bindings/SavedFilter";
import type { SensitiveField } from "./bindings/SensitiveField";
import type { SessionState } from "./bindings/SessionState";
import type { SignInForm } from "./bindings/SignInForm";
import type { StatementExport } from "./bindings/StatementExport";
import type { SyncStatus } from "./bindings/SyncStatus";
import type { TeamDashboard } from "./bindings/TeamDashboard";
import type { TierReport } from "./bindings/TierReport";
import type { TodayView } from "./bindings/TodayView";
import type { TradeCommission } from "./bindings/TradeCommission";
import type { TradeFilter } from "./bindings/TradeFilter";
import type { TransferDecision } from "./bindings/TransferDecision";
import type { TransferRequestRecord } from "./bindings/TransferRequestRecord";
import type { TransferRequestView } from "./bindings/TransferRequestView";
import type { EventInput } from "./bindings/EventInput";
import type { EventResponse } from "./bindings/EventResponse";
import type { EventView } from "./bindings/EventView";
import type { InvitationView } from "./bindings/InvitationView";
import { zhCN } from "./i18n/messages";

export const SYNC_STATUS_EVENT = "sync-status";
/** Payload: ReminderEvent[], when the scheduler fires reminders or finds some missed. */
export const REMINDERS_EVENT = "reminders";

/** Every code the backend sends; a Record, so a code added in Rust fails the type-check here. */
const ERROR_CODES: Record<IpcErrorCode, true> = {
  validation: true,
  bad_credentials: true,
  account_disabled: true,
  rate_limited: true,
  offline: true,
  session_ended: true,
  not_signed_in: true,
  locked: true,
  protocol_mismatch: true,
  not_found: true,
  keyring: true,
  storage: true,
  update: true,
  internal: true,
};

export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code) && typeof message === "string";
}

/** Any rejection as an IpcError; anything not of that shape becomes an "internal" one. */
export function toIpcError(reason: unknown): IpcError {
  if (isIpcError(reason)) return { code: reason.code, message: reason.message };
  if (typeof console !== "undefined") console.error("unexpected IPC rejection", reason);
  return { code: "internal", message: zhCN["error.internal"] };
}

/** Codes after which the window must go back to the sign-in screen. */
const SESSION_LOST: ReadonlySet<IpcErrorCode> = new Set<IpcErrorCode>(["session_ended", "not_signed_in"]);

type SessionLostHandler = (error: IpcError) => void;
const sessionLostHandlers = new Set<SessionLostHandler>();

/** Called whenever a command reports that the session is gone. Returns an unsubscribe function. */
export function onSessionLost(handler: SessionLostHandler): () => void {
  sessionLostHandlers.add(handler);
  return () => {
    sessionLostHandlers.delete(handler);
  };
}

type LockedHandler = (error: IpcError) => void;
const lockedHandlers = new Set<LockedHandler>();

/**
 * Called whenever a command is refused because the desk is locked (idle lock, or a restart):
 * the window must hide the book and show the lock screen. Returns an unsubscribe function.
 */
export function onLocked(handler: LockedHandler): () => void {
  lockedHandlers.add(handler);
  return () => {
    lockedHandlers.delete(handler);
  };
}

async function call<T>(cmd: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (reason) {
    const error = toIpcError(reason);
    if (SESSION_LOST.has(error.code)) for (const h of sessionLostHandlers) h(error);
    if (error.code === "locked") for (const h of lockedHandlers) h(error);
    // The contract's rejections are plain { code, message } objects, not Error instances.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw error;
  }
}

export const api = {
  sessionState: () => call<SessionState>("session_state"),
  signIn: (form: SignInForm) => call<SessionState>("sign_in", { form }),
  /** `wipe`: also delete this broker's cache from the machine. */
  signOut: (wipe = false) => call<SessionState>("sign_out", { wipe }),
  syncNow: () => call<SyncStatus>("sync_now"),
  syncStatus: () => call<SyncStatus>("sync_status"),
  /** Pushes the outbox, installs the offered release and restarts; resolves only on failure's opposite. */
  installUpdate: () => call<null>("install_update"),
  listClients: (query: ClientQuery) => call<ClientPage>("list_clients", { query }),
  clientProfile: (clientId: string) => call<ClientProfile>("client_profile", { clientId }),
  /** The palette's clients for what was typed; the ones opened lately when nothing was. */
  paletteClients: (text: string) => call<PaletteClient[]>("palette_clients", { text }),
  /** Records a contact locally (it syncs later); resolves to that client's updated profile. */
  addContactNote: (note: NewContactNote) => call<ClientProfile>("add_contact_note", { note }),
  /** Changes head office refused, newest first. */
  refusals: () => call<RefusalNotice[]>("refusals"),
  /** Hides one refusal; resolves to the ones that remain. */
  dismissRefusal: (mutationId: string) => call<RefusalNotice[]>("dismiss_refusal", { mutationId }),
  /**
   * Saves the client's preferences locally (they sync later); resolves to the updated profile.
   * `pending` is ignored by the backend, and empty strings count as null.
   */
  updatePreferences: (clientId: string, preferences: PreferencesView) =>
    call<ClientProfile>("update_preferences", { clientId, preferences }),
  /** Fields both this desk and head office changed; head office's value currently stands. */
  conflicts: () => call<ConflictView[]>("conflicts"),
  /** Keeps this desk's value (submitted again) or head office's; resolves to the remaining conflicts. */
  resolveConflict: (mutationId: string, field: string, keepMine: boolean) =>
    call<ConflictView[]>("resolve_conflict", { mutationId, field, keepMine }),
  /** A masked field in clear. The reason (4–200 characters) goes to the audit log and head office. */
  revealField: (clientId: string, field: SensitiveField, reason: string) =>
    call<string>("reveal_field", { clientId, field, reason }),
  /** Writes the filtered list (offset and limit ignored) to a file; audited like a reveal. */
  exportClients: (request: ExportRequest) => call<ExportResult>("export_clients", { request }),
  /** The desk's access log, newest first; `pending` entries have not reached head office yet. */
  accessLog: () => call<AccessLogEntry[]>("access_log"),
  savedFilters: () => call<SavedFilter[]>("saved_filters"),
  /** Saves (or replaces) a named filter; resolves to all saved filters. */
  saveFilter: (name: string, query: ClientQuery) => call<SavedFilter[]>("save_filter", { name, query }),
  deleteFilter: (name: string) => call<SavedFilter[]>("delete_filter", { name }),
  /** Every tag in the book with how many clients carry it. */
  bookTags: () => call<BookTag[]>("book_tags"),
  /** Net commission per client over the last 12 months, largest first. */
  contribution: () => call<ContributionReport>("contribution"),
  tierReport: () => call<TierReport>("tier_report"),
  /** The approved library (推荐资料库) as head office sent it, filtered. */
  products: (query: ProductQuery) => call<ProductView[]>("products", { query }),
  /** The suitability gate's verdict for every selected client (hand-picked and/or by filter). */
  checkRecipients: (productId: string, selection: RecipientSelection) =>
    call<RecipientChecks>("check_recipients", { productId, selection }),
  /**
   * Archives the push and queues it for the next sync. Refused whole if any recipient is blocked
   * or an elderly one is unconfirmed, or the cover message promises returns.
   */
  sendRecommendation: (draft: PushDraft) => call<PushDetail>("send_recommendation", { draft }),
  /** The broker's pushes, newest first. */
  pushHistory: (limit: number) => call<PushSummary[]>("push_history", { limit }),
  pushDetail: (pushId: string) => call<PushDetail>("push_detail", { pushId }),
  /** Every push one client was sent, newest first. */
  clientPushes: (clientId: string) => call<ClientPushView[]>("client_pushes", { clientId }),
  /** The broker's month ("YYYY-MM-DD", any day of it): pay, forecast, by client, board and day. */
  commissionMonth: (month: string) => call<CommissionMonth>("commission_month", { month }),
  /** The last `months` months up to this one, oldest first, with head office's totals beside. */
  commissionHistory: (months: number) => call<MonthFigure[]>("commission_history", { months }),
  /** The broker's own scorecards (考核) as head office last published them, newest first. */
  myAppraisals: () => call<PublishedAppraisal[]>("my_appraisals"),
  /** The trades behind a figure of the month, with their fees and the broker's credit. */
  commissionTrades: (month: string, filter: TradeFilter) =>
    call<TradeCommission[]>("commission_trades", { month, filter }),
  /** The desk's month beside head office's statement, line by line, with the broker's disputes. */
  reconcile: (month: string) => call<Reconciliation>("reconcile", { month }),
  /**
   * Queues a dispute of one trade (or the total, `trade_id` null) for the next sync; resolves to
   * the month's reconciliation with it. The comment must be 4–500 characters.
   */
  disputeStatement: (dispute: NewDispute) => call<Reconciliation>("dispute_statement", { dispute }),
  /** Writes the month's statement as XLSX and as a printable page into the export folder. */
  exportStatement: (month: string) => call<StatementExport>("export_statement", { month }),
  /** 工作台: the agenda, the most pressing alerts of the book (with their total) and the month's pay. */
  todayView: () => call<TodayView>("today_view"),
  /** Open reminders: overdue, due today and in the next seven days. */
  agenda: () => call<Agenda>("agenda"),
  /** Open and done reminders due from `from` to `until` ("YYYY-MM-DD", both included). */
  remindersBetween: (from: string, until: string) =>
    call<AgendaItem[]>("reminders_between", { from, until }),
  /** Resolves to the agenda with it; a Chinese IpcError for an empty title, an unknown client… */
  addReminder: (reminder: NewReminder) => call<Agenda>("add_reminder", { reminder }),
  /** A changed reminder starts its repeat afresh from the new date. */
  updateReminder: (id: string, reminder: NewReminder) => call<Agenda>("update_reminder", { id, reminder }),
  /** Done; a repeating reminder moves to its next date instead. */
  completeReminder: (id: string) => call<Agenda>("complete_reminder", { id }),
  /** Comes back `minutes` from now. */
  snoozeReminder: (id: string, minutes: number) => call<Agenda>("snooze_reminder", { id, minutes }),
  /** Comes back at 09:00 on the next day the exchanges trade (head office's holiday calendar). */
  snoozeToNextTradingDay: (id: string) => call<Agenda>("snooze_reminder_to_next_trading_day", { id }),
  /** What the scheduler and the broker did with reminders, newest first. */
  reminderLog: (limit: number) => call<ReminderEvent[]>("reminder_log", { limit }),
  /** Everything the book raises today (deadlines, expiries, outflows, birthdays, dormancy). */
  bookAlerts: () => call<BookAlert[]>("book_alerts"),
  /**
   * 团队: a unit of the lead's subtree from the desk's cache (`null`: the lead's own unit).
   * Null before the first refresh, or for a unit the cache does not hold.
   */
  teamDashboard: (unit: string | null) => call<TeamDashboard | null>("team_dashboard", { unit }),
  /** One broker of the lead's subtree from the cache, read-only and masked; null if not cached. */
  teamBroker: (brokerId: string) => call<BrokerDashboard | null>("team_broker", { brokerId }),
  /**
   * Fetches every dashboard of the subtree from head office; resolves to the lead's own unit.
   * Rejects with `offline` when head office cannot be reached (the cache stays as it was).
   */
  refreshTeam: () => call<TeamDashboard | null>("refresh_team"),
  /** One task in each assignee's agenda; needs head office (a Chinese validation error offline). */
  assignTasks: (request: AssignTasks) => call<AssignedTasks>("assign_tasks", { request }),
  /** 客户移交: queued for the next sync; resolves to that client's requests (a Chinese IpcError if invalid). */
  requestTransfer: (clientId: string, toBroker: string, reason: string) =>
    call<TransferRequestView[]>("request_transfer", { clientId, toBroker, reason }),
  /** 登记投诉: queued for the next sync; resolves to the client's cases (a Chinese IpcError if invalid). */
  registerComplaint: (complaint: ComplaintInput) => call<ServiceCaseView[]>("register_complaint", { complaint }),
  /** 客户活动: events to come, then the last half year's, with this book's invitations counted. */
  events: () => call<EventView[]>("events"),
  /** Queued for the next sync; resolves to the events with the new one (a Chinese IpcError if invalid). */
  createEvent: (event: EventInput) => call<EventView[]>("create_event", { event }),
  /** This book's clients invited to the event, signed-up ones first. */
  eventInvitations: (eventId: string) => call<InvitationView[]>("event_invitations", { eventId }),
  /** Invites the selected clients; resolves to how many were newly invited. */
  inviteToEvent: (eventId: string, selection: RecipientSelection) =>
    call<number>("invite_to_event", { eventId, selection }),
  /** A client's answer and attendance; resolves to the event's invitations as they now stand. */
  recordEventResponse: (response: EventResponse) =>
    call<InvitationView[]>("record_event_response", { response }),
  /** The broker's transfer requests, pending first; those of one client unless `clientId` is null. */
  transferRequests: (clientId: string | null) => call<TransferRequestView[]>("transfer_requests", { clientId }),
  /** The broker's thread (内部交流) on a task or transfer request, oldest first. */
  comments: (subject: CommentSubject, subjectId: string) =>
    call<CommentView[]>("comments", { subject, subjectId }),
  /** Queues the broker's message for the next sync; resolves to the thread with it. */
  addComment: (subject: CommentSubject, subjectId: string, body: string) =>
    call<CommentView[]>("add_comment", { subject, subjectId, body }),
  /** A lead's transfer requests to decide, pending first; needs head office (a Chinese error offline). */
  teamTransfers: () => call<TransferRequestRecord[]>("team_transfers"),
  decideTransfer: (decision: TransferDecision) => call<TransferRequestRecord>("decide_transfer", { decision }),
  /** A thread as head office holds it, for a lead; needs head office. */
  teamComments: (subject: CommentSubject, subjectId: string) =>
    call<CommentRecord[]>("team_comments", { subject, subjectId }),
  addTeamComment: (comment: NewComment) => call<CommentRecord[]>("add_team_comment", { comment }),
  lockDesk: () => call<SessionState>("lock_desk"),
  localData: () => call<LocalData>("local_data"),
  switchUser: () => call<SessionState>("switch_user"),
  noteActivity: () => call<SessionState>("note_activity"),
  unlockDesk: (password: string) => call<SessionState>("unlock_desk", { password }),
  lockSettings: () => call<LockSettings>("lock_settings"),
  setIdleLockMinutes: (minutes: number) => call<LockSettings>("set_idle_lock_minutes", { minutes }),
};

/** Subscribes to `sync-status` events. Resolves to the function that unsubscribes. */
export function onSyncStatus(handler: (status: SyncStatus) => void): Promise<UnlistenFn> {
  return listen<SyncStatus>(SYNC_STATUS_EVENT, (event) => handler(event.payload));
}

/** Subscribes to `reminders` events. Resolves to the function that unsubscribes. */
export function onReminders(handler: (events: ReminderEvent[]) => void): Promise<UnlistenFn> {
  return listen<ReminderEvent[]>(REMINDERS_EVENT, (event) => handler(event.payload));
}
