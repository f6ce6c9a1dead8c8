//! Types that cross the IPC boundary and are not already defined by a lower crate. Their
//! TypeScript twins are generated into `ui/src/bindings` by ts-rs when the tests run.

use chrono::{DateTime, Utc};
use protocol::UserProfile;
use serde::{Deserialize, Serialize};
use store::SyncCounters;
use sync::SyncProgress;
use ts_rs::TS;

/// Every command error, as the window receives it. `message` is Chinese text for the broker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub code: IpcErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IpcErrorCode {
    /// A form field is missing or malformed; the message says which and how to fix it.
    Validation,
    BadCredentials,
    AccountDisabled,
    RateLimited,
    /// Head office cannot be reached; the desk works from its cache.
    Offline,
    /// The session ended (signed out elsewhere, token replayed, expired): sign in again.
    SessionEnded,
    NotSignedIn,
    /// The desk locked itself; unlock with the sign-in password.
    Locked,
    ProtocolMismatch,
    NotFound,
    Keyring,
    Storage,
    /// An update was refused (its signature) or could not be installed; the desk is unchanged.
    Update,
    Internal,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SignInForm {
    pub server_url: String,
    pub username: String,
    pub password: String,
}

/// What the window needs to decide between the sign-in screen and the workstation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SessionState {
    pub signed_in: bool,
    /// Signed in, but the book is hidden until the broker enters their password.
    pub locked: bool,
    pub user: Option<UserProfile>,
    /// Remembered from the last sign-in, to prefill the form. Never a password.
    pub server_url: Option<String>,
    /// Branch IT set the server for every desk (`/etc/brokerdesk/desk.toml`): the form shows it
    /// and the broker cannot change it.
    pub server_fixed: bool,
    pub last_username: Option<String>,
    /// What the broker must be told, e.g. that a cache this desk could not open was kept aside.
    pub notice: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Connection {
    /// No sync attempted since start.
    Unknown,
    Online,
    Offline,
}

/// The status bar: connection, pending writes, last sync, and a running sync's progress.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SyncStatus {
    pub connection: Connection,
    pub syncing: bool,
    pub progress: Option<SyncProgress>,
    #[ts(type = "number")]
    pub pending: u64,
    pub last_sync_at: Option<DateTime<Utc>>,
    /// Why the last attempt failed, in Chinese; `None` after a success.
    pub last_error: Option<String>,
    /// Something about sync the broker should know though nothing failed, e.g. that head office
    /// was restored from a backup and what the desk did about it.
    pub notice: Option<String>,
    /// A newer desk head office offers this one, shown in the status bar until installed.
    pub update: Option<UpdateOffer>,
    /// The running desk's version (`X.Y.Z`), in the status bar's corner.
    pub version: String,
}

/// "新版本 X.Y.Z 可用", with what changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UpdateOffer {
    pub version: String,
    pub notes: String,
}

impl SyncStatus {
    pub fn from_counters(counters: &SyncCounters, version: String) -> SyncStatus {
        SyncStatus {
            connection: Connection::Unknown,
            syncing: false,
            progress: None,
            pending: counters.pending,
            last_sync_at: counters.last_sync_at,
            last_error: None,
            notice: None,
            update: None,
            version,
        }
    }
}

/// Names of the events the backend emits to the window.
pub mod events {
    /// Payload: `SyncStatus`, whenever any part of it changes.
    pub const SYNC_STATUS: &str = "sync-status";
    /// Payload: `ReminderEvent[]`, whenever the scheduler fires or finds missed reminders.
    pub const REMINDERS: &str = "reminders";
}

/// The month's commission so far, as the Today panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TodayCommission {
    pub month: chrono::NaiveDate,
    pub credited: domain::Fen,
    pub target: domain::Fen,
    pub total: domain::Fen,
}

/// 工作台: the day's work at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TodayView {
    pub agenda: store::Agenda,
    /// The most pressing alerts of the book.
    pub alerts: Vec<store::BookAlert>,
    #[ts(type = "number")]
    pub alert_total: u32,
    /// None before head office has sent the pay terms.
    pub commission: Option<TodayCommission>,
}

/// How long the desk waits, idle, before it locks itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LockSettings {
    pub idle_lock_minutes: u32,
    /// The firm's limit; the broker may choose less, never more.
    pub max_idle_lock_minutes: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

/// Export of the filtered client list. Every export states a reason for the audit log; `in_clear`
/// writes ID and phone numbers unmasked.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub query: store::ClientQuery,
    pub format: ExportFormat,
    pub in_clear: bool,
    pub reason: String,
}

/// A month's statement written out: a workbook and a page to print (or save as PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StatementExport {
    pub xlsx_path: String,
    pub html_path: String,
    #[ts(type = "number")]
    pub lines: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportResult {
    pub path: String,
    #[ts(type = "number")]
    pub rows: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BookTag {
    pub tag: String,
    #[ts(type = "number")]
    pub clients: u64,
}
