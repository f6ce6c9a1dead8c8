//! Tauri commands: parse, call one function of the desk, map the error. Nothing else lives here.
//! Every command that touches the cache runs off the main thread (`async`), so that a command
//! waiting for the cache (a sync applying a page holds the writing connection) never freezes the
//! window; reads go to their own connection and do not wait at all.

use crate::background::emit_status;
use crate::background::SyncTrigger;
use chrono::NaiveDate;
use desk::ipc::{
    BookTag, ExportRequest, ExportResult, IpcError, LockSettings, SessionState, SignInForm,
    StatementExport, SyncStatus, TodayView,
};
use desk::Desk;
use domain::SensitiveField;
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, CommentQuery, CommentRecord, CommentSubject,
    NewComment, TeamDashboard, TransferDecision, TransferRequestRecord,
};
use std::sync::Arc;
use store::book_view::{ContributionReport, TierReport};
use store::{AccessLogEntry, LocalData, PaletteClient, SavedFilter};
use store::{Agenda, AgendaItem, BookAlert, NewReminder, ReminderEvent};
use store::{
    ClientPage, ClientProfile, ClientQuery, ConflictView, NewContactNote, PreferencesView,
    RefusalNotice,
};
use store::{
    ClientPushView, ProductQuery, ProductView, PushDetail, PushDraft, PushSummary, RecipientChecks,
    RecipientSelection,
};
use store::{CommentView, TransferRequestView};
use store::{
    CommissionMonth, MonthFigure, NewDispute, Reconciliation, TradeCommission, TradeFilter,
};
use tauri::{AppHandle, State};

type DeskState<'a> = State<'a, Arc<Desk>>;

#[tauri::command(async)]
pub fn session_state(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.session_state()?)
}

#[tauri::command]
pub async fn sign_in(desk: DeskState<'_>, form: SignInForm) -> Result<SessionState, IpcError> {
    Ok(desk.sign_in(form).await?)
}

/// `wipe`: also delete this broker's cache from the machine (refused while writes wait).
#[tauri::command]
pub async fn sign_out(desk: DeskState<'_>, wipe: bool) -> Result<SessionState, IpcError> {
    Ok(desk.sign_out(wipe).await?)
}

/// What only this machine holds of the broker's: what a wipe would take.
#[tauri::command(async)]
pub fn local_data(desk: DeskState<'_>) -> Result<LocalData, IpcError> {
    Ok(desk.local_data()?)
}

#[tauri::command(async)]
pub fn switch_user(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.switch_user()?)
}

#[tauri::command]
pub async fn sync_now(app: AppHandle, desk: DeskState<'_>) -> Result<SyncStatus, IpcError> {
    Ok(desk.sync(&|s| emit_status(&app, s)).await?)
}

#[tauri::command(async)]
pub fn sync_status(desk: DeskState<'_>) -> Result<SyncStatus, IpcError> {
    Ok(desk.sync_status())
}

#[tauri::command(async)]
pub fn list_clients(desk: DeskState<'_>, query: ClientQuery) -> Result<ClientPage, IpcError> {
    Ok(desk.list_clients(&query)?)
}

#[tauri::command(async)]
pub fn palette_clients(desk: DeskState<'_>, text: String) -> Result<Vec<PaletteClient>, IpcError> {
    Ok(desk.palette_clients(&text)?)
}

#[tauri::command(async)]
pub fn client_profile(desk: DeskState<'_>, client_id: String) -> Result<ClientProfile, IpcError> {
    Ok(desk.client_profile(&client_id)?)
}

#[tauri::command(async)]
pub fn add_contact_note(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    note: NewContactNote,
) -> Result<ClientProfile, IpcError> {
    let profile = desk.add_contact_note(&note)?;
    trigger.soon();
    Ok(profile)
}

#[tauri::command(async)]
pub fn refusals(desk: DeskState<'_>) -> Result<Vec<RefusalNotice>, IpcError> {
    Ok(desk.refusals()?)
}

#[tauri::command(async)]
pub fn dismiss_refusal(
    desk: DeskState<'_>,
    mutation_id: String,
) -> Result<Vec<RefusalNotice>, IpcError> {
    Ok(desk.dismiss_refusal(&mutation_id)?)
}

#[tauri::command(async)]
pub fn update_preferences(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    client_id: String,
    preferences: PreferencesView,
) -> Result<ClientProfile, IpcError> {
    let profile = desk.update_preferences(&client_id, &preferences)?;
    trigger.soon();
    Ok(profile)
}

#[tauri::command(async)]
pub fn conflicts(desk: DeskState<'_>) -> Result<Vec<ConflictView>, IpcError> {
    Ok(desk.conflicts()?)
}

#[tauri::command(async)]
pub fn resolve_conflict(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    mutation_id: String,
    field: String,
    keep_mine: bool,
) -> Result<Vec<ConflictView>, IpcError> {
    let remaining = desk.resolve_conflict(&mutation_id, &field, keep_mine)?;
    if keep_mine {
        trigger.soon();
    }
    Ok(remaining)
}

#[tauri::command(async)]
pub fn lock_desk(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.lock_desk()?)
}

/// The window saw the broker at the desk; the idle time starts again.
#[tauri::command(async)]
pub fn note_activity(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.note_activity()?)
}

#[tauri::command(async)]
pub fn unlock_desk(desk: DeskState<'_>, password: String) -> Result<SessionState, IpcError> {
    Ok(desk.unlock(&password)?)
}

#[tauri::command(async)]
pub fn lock_settings(desk: DeskState<'_>) -> Result<LockSettings, IpcError> {
    Ok(desk.lock_settings()?)
}

#[tauri::command(async)]
pub fn set_idle_lock_minutes(desk: DeskState<'_>, minutes: u32) -> Result<LockSettings, IpcError> {
    Ok(desk.set_idle_lock_minutes(minutes)?)
}

#[tauri::command(async)]
pub fn reveal_field(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    client_id: String,
    field: SensitiveField,
    reason: String,
) -> Result<String, IpcError> {
    let value = desk.reveal(&client_id, field, &reason)?;
    trigger.soon();
    Ok(value)
}

#[tauri::command(async)]
pub fn export_clients(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    request: ExportRequest,
) -> Result<ExportResult, IpcError> {
    let result = desk.export_clients(&request)?;
    trigger.soon();
    Ok(result)
}

#[tauri::command(async)]
pub fn access_log(desk: DeskState<'_>) -> Result<Vec<AccessLogEntry>, IpcError> {
    Ok(desk.access_log()?)
}

#[tauri::command(async)]
pub fn saved_filters(desk: DeskState<'_>) -> Result<Vec<SavedFilter>, IpcError> {
    Ok(desk.saved_filters()?)
}

#[tauri::command(async)]
pub fn save_filter(
    desk: DeskState<'_>,
    name: String,
    query: ClientQuery,
) -> Result<Vec<SavedFilter>, IpcError> {
    Ok(desk.save_filter(&name, &query)?)
}

#[tauri::command(async)]
pub fn delete_filter(desk: DeskState<'_>, name: String) -> Result<Vec<SavedFilter>, IpcError> {
    Ok(desk.delete_filter(&name)?)
}

#[tauri::command(async)]
pub fn book_tags(desk: DeskState<'_>) -> Result<Vec<BookTag>, IpcError> {
    Ok(desk.book_tags()?)
}

#[tauri::command(async)]
pub fn contribution(desk: DeskState<'_>) -> Result<ContributionReport, IpcError> {
    Ok(desk.contribution()?)
}

#[tauri::command(async)]
pub fn tier_report(desk: DeskState<'_>) -> Result<TierReport, IpcError> {
    Ok(desk.tier_report()?)
}

#[tauri::command(async)]
pub fn products(desk: DeskState<'_>, query: ProductQuery) -> Result<Vec<ProductView>, IpcError> {
    Ok(desk.products(&query)?)
}

#[tauri::command(async)]
pub fn check_recipients(
    desk: DeskState<'_>,
    product_id: String,
    selection: RecipientSelection,
) -> Result<RecipientChecks, IpcError> {
    Ok(desk.check_recipients(&product_id, &selection)?)
}

#[tauri::command(async)]
pub fn send_recommendation(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    draft: PushDraft,
) -> Result<PushDetail, IpcError> {
    let detail = desk.send_recommendation(&draft)?;
    trigger.soon();
    Ok(detail)
}

#[tauri::command(async)]
pub fn push_history(desk: DeskState<'_>, limit: u32) -> Result<Vec<PushSummary>, IpcError> {
    Ok(desk.push_history(limit)?)
}

#[tauri::command(async)]
pub fn push_detail(desk: DeskState<'_>, push_id: String) -> Result<PushDetail, IpcError> {
    Ok(desk.push_detail(&push_id)?)
}

#[tauri::command(async)]
pub fn client_pushes(
    desk: DeskState<'_>,
    client_id: String,
) -> Result<Vec<ClientPushView>, IpcError> {
    Ok(desk.client_pushes(&client_id)?)
}

#[tauri::command(async)]
pub fn commission_month(
    desk: DeskState<'_>,
    month: NaiveDate,
) -> Result<CommissionMonth, IpcError> {
    Ok(desk.commission_month(month)?)
}

#[tauri::command(async)]
pub fn commission_history(desk: DeskState<'_>, months: u32) -> Result<Vec<MonthFigure>, IpcError> {
    Ok(desk.commission_history(months)?)
}

#[tauri::command(async)]
pub fn commission_trades(
    desk: DeskState<'_>,
    month: NaiveDate,
    filter: TradeFilter,
) -> Result<Vec<TradeCommission>, IpcError> {
    Ok(desk.commission_trades(month, &filter)?)
}

#[tauri::command(async)]
pub fn reconcile(desk: DeskState<'_>, month: NaiveDate) -> Result<Reconciliation, IpcError> {
    Ok(desk.reconcile(month)?)
}

#[tauri::command(async)]
pub fn dispute_statement(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    dispute: NewDispute,
) -> Result<Reconciliation, IpcError> {
    let view = desk.dispute_statement(&dispute)?;
    trigger.soon();
    Ok(view)
}

#[tauri::command(async)]
pub fn export_statement(
    desk: DeskState<'_>,
    month: NaiveDate,
) -> Result<StatementExport, IpcError> {
    Ok(desk.export_statement(month)?)
}

#[tauri::command(async)]
pub fn agenda(desk: DeskState<'_>) -> Result<Agenda, IpcError> {
    Ok(desk.agenda()?)
}

#[tauri::command(async)]
pub fn reminders_between(
    desk: DeskState<'_>,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<AgendaItem>, IpcError> {
    Ok(desk.reminders_between(from, until)?)
}

#[tauri::command(async)]
pub fn add_reminder(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    reminder: NewReminder,
) -> Result<Agenda, IpcError> {
    let agenda = desk.add_reminder(&reminder)?;
    trigger.soon();
    Ok(agenda)
}

#[tauri::command(async)]
pub fn update_reminder(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    id: String,
    reminder: NewReminder,
) -> Result<Agenda, IpcError> {
    let agenda = desk.update_reminder(&id, &reminder)?;
    trigger.soon();
    Ok(agenda)
}

#[tauri::command(async)]
pub fn complete_reminder(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    id: String,
) -> Result<Agenda, IpcError> {
    let agenda = desk.complete_reminder(&id)?;
    trigger.soon();
    Ok(agenda)
}

#[tauri::command(async)]
pub fn snooze_reminder(desk: DeskState<'_>, id: String, minutes: u32) -> Result<Agenda, IpcError> {
    Ok(desk.snooze_reminder(&id, minutes)?)
}

#[tauri::command(async)]
pub fn snooze_reminder_to_next_trading_day(
    desk: DeskState<'_>,
    id: String,
) -> Result<Agenda, IpcError> {
    Ok(desk.snooze_reminder_to_next_trading_day(&id)?)
}

#[tauri::command(async)]
pub fn reminder_log(desk: DeskState<'_>, limit: u32) -> Result<Vec<ReminderEvent>, IpcError> {
    Ok(desk.reminder_log(limit)?)
}

#[tauri::command(async)]
pub fn book_alerts(desk: DeskState<'_>) -> Result<Vec<BookAlert>, IpcError> {
    Ok(desk.book_alerts()?)
}

#[tauri::command(async)]
pub fn today_view(desk: DeskState<'_>) -> Result<TodayView, IpcError> {
    Ok(desk.today_view()?)
}

#[tauri::command(async)]
pub fn team_dashboard(
    desk: DeskState<'_>,
    unit: Option<String>,
) -> Result<Option<TeamDashboard>, IpcError> {
    Ok(desk.team_dashboard(unit.as_deref())?)
}

#[tauri::command(async)]
pub fn team_broker(
    desk: DeskState<'_>,
    broker_id: String,
) -> Result<Option<BrokerDashboard>, IpcError> {
    Ok(desk.team_broker(&broker_id)?)
}

#[tauri::command]
pub async fn refresh_team(desk: DeskState<'_>) -> Result<Option<TeamDashboard>, IpcError> {
    Ok(desk.refresh_team().await?)
}

#[tauri::command]
pub async fn assign_tasks(
    desk: DeskState<'_>,
    request: AssignTasks,
) -> Result<AssignedTasks, IpcError> {
    Ok(desk.assign_tasks(&request).await?)
}

#[tauri::command(async)]
pub fn request_transfer(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    client_id: String,
    to_broker: String,
    reason: String,
) -> Result<Vec<TransferRequestView>, IpcError> {
    let requests = desk.request_transfer(&client_id, &to_broker, &reason)?;
    trigger.soon();
    Ok(requests)
}

#[tauri::command(async)]
pub fn transfer_requests(
    desk: DeskState<'_>,
    client_id: Option<String>,
) -> Result<Vec<TransferRequestView>, IpcError> {
    Ok(desk.transfer_requests(client_id.as_deref())?)
}

#[tauri::command(async)]
pub fn comments(
    desk: DeskState<'_>,
    subject: CommentSubject,
    subject_id: String,
) -> Result<Vec<CommentView>, IpcError> {
    Ok(desk.comments(subject, &subject_id)?)
}

#[tauri::command(async)]
pub fn add_comment(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    subject: CommentSubject,
    subject_id: String,
    body: String,
) -> Result<Vec<CommentView>, IpcError> {
    let thread = desk.add_comment(subject, &subject_id, &body)?;
    trigger.soon();
    Ok(thread)
}

#[tauri::command]
pub async fn team_transfers(desk: DeskState<'_>) -> Result<Vec<TransferRequestRecord>, IpcError> {
    Ok(desk.team_transfers().await?)
}

#[tauri::command]
pub async fn decide_transfer(
    desk: DeskState<'_>,
    decision: TransferDecision,
) -> Result<TransferRequestRecord, IpcError> {
    Ok(desk.decide_transfer(&decision).await?)
}

#[tauri::command]
pub async fn team_comments(
    desk: DeskState<'_>,
    subject: CommentSubject,
    subject_id: String,
) -> Result<Vec<CommentRecord>, IpcError> {
    let query = CommentQuery {
        subject,
        subject_id,
    };
    Ok(desk.team_comments(&query).await?)
}

#[tauri::command]
pub async fn add_team_comment(
    desk: DeskState<'_>,
    comment: NewComment,
) -> Result<Vec<CommentRecord>, IpcError> {
    Ok(desk.add_team_comment(&comment).await?)
}
