//! The head office's storage, behind one trait so that the embedded SQLite file (demo, one branch)
//! and PostgreSQL (a whole firm) serve the same API and pass the same tests.

pub mod cases;
pub mod categories;
mod db;
pub mod delivery;
pub mod error;
pub mod library;
mod location;
pub mod org;
pub mod passwords;
pub mod pay;
mod pg;
mod pg_leader;
mod pg_schema;
mod pg_session;
mod pg_thread;
mod pg_value;
pub mod releases;
pub mod review;
pub mod scheduled;
pub mod seed;
pub mod shared;
pub mod shares;
mod sql;
mod sqlite;
pub mod staff;
pub mod test_support;

pub use error::{Result, StorageError};
pub(crate) use pg_thread::off_runtime;
pub use pg_thread::on_blocking_thread;
pub use sql::{DatabaseLocation, SqlStorage};

use crate::seed::FirmSeed;
use chrono::{DateTime, NaiveDate, Utc};
use domain::{FirmPolicy, Mobile};
use protocol::{ClientPreferences, Mutation, MutationOutcome, PullPage, Role};

/// A person who can sign in.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub password_hash: String,
    /// Names of the org units from the top down to the user's own, e.g. "上海分公司 / 浦东营业部 / 财富一组".
    pub org_path: String,
    /// The unit the user is placed in; a lead leads it and everything under it.
    pub org_unit_id: String,
    pub disabled: bool,
    /// Access tokens issued before this are dead (the user was disabled or given a new password).
    pub sessions_ended_at: Option<DateTime<Utc>>,
}

/// Who a refresh token was issued to. Tokens of one sign-in share a family, so that reuse of any
/// one of them can end the whole session.
#[derive(Debug, Clone)]
pub struct RefreshGrant {
    pub user_id: String,
    pub device_id: String,
    pub family_id: String,
    pub expires_at: DateTime<Utc>,
    /// When the sign-in began: no refresh carries a session past its absolute lifetime.
    pub signed_in_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub enum RefreshUse {
    /// First use: the token is now spent and a new one may be issued in the same family.
    Fresh(RefreshGrant),
    /// The token was spent moments ago by the same asker (same retry key) but its successor never
    /// came back (the answer was lost on the way): the desk may have a new pair.
    Retried(RefreshGrant),
    /// The token was spent before and the session has moved on: somebody replayed it. The family
    /// must be revoked.
    Reused { family_id: String },
    /// Unknown or expired.
    Invalid,
}

/// What became of one sign-in try, as the operation log keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInOutcome {
    SignedIn,
    Failed,
    Throttled,
}

impl SignInOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            SignInOutcome::SignedIn => "signed_in",
            SignInOutcome::Failed => "failed",
            SignInOutcome::Throttled => "throttled",
        }
    }
}

/// One line of the sign-in operation log. The device id is kept hashed: the log is read by
/// people, and the id is what lets a desk past failures from elsewhere.
#[derive(Debug, Clone)]
pub struct SignInEvent {
    pub at: DateTime<Utc>,
    /// As typed (bounded), whether or not such a user exists.
    pub username: String,
    pub user_id: Option<String>,
    pub source: String,
    pub device_hash: String,
    pub outcome: SignInOutcome,
    pub detail: String,
}

/// A name tried with wrong passwords lately: what head-office IT sees of an attack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInPressure {
    pub username: String,
    pub failures: u64,
    pub throttles: u64,
    pub sources: u64,
    pub last_at: DateTime<Utc>,
}

/// One reveal or export as the audit log keeps it: the very record the console lists.
pub use protocol::console::AccessAuditEntry as AuditEntry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub users: usize,
    pub clients: usize,
    pub rows: usize,
}

pub trait Storage:
    cases::ServiceCases
    + delivery::Deliveries
    + shared::SharedSessions
    + review::TeamReview
    + releases::DeskReleases
    + library::LibraryReviews
    + staff::StaffDesk
    + scheduled::ScheduledTransfers
    + shares::ClientShares
    + categories::BrokerCategories
    + Send
    + Sync
    + 'static
{
    fn user_by_username(&self, username: &str) -> Result<Option<UserRow>>;
    fn user_by_id(&self, user_id: &str) -> Result<Option<UserRow>>;

    fn insert_refresh_token(&self, token_hash: &str, grant: &RefreshGrant) -> Result<()>;
    /// Whether `device_id` held a session of the user whose tokens lasted until `since`.
    fn is_usual_device(&self, user_id: &str, device_id: &str, since: DateTime<Utc>)
        -> Result<bool>;
    fn record_sign_in(&self, event: &SignInEvent) -> Result<()>;
    /// Names tried with wrong passwords since `since`, most failures first.
    fn sign_in_pressure(&self, since: DateTime<Utc>) -> Result<Vec<SignInPressure>>;
    /// Spends a refresh token, atomically: of two concurrent uses, one is `Fresh` and one `Reused`.
    /// `retry_key_hash` is what a later retry of this same use must present to be `Retried`.
    fn use_refresh_token(
        &self,
        token_hash: &str,
        retry_key_hash: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<RefreshUse>;
    fn revoke_refresh_family(&self, family_id: &str, now: DateTime<Utc>) -> Result<()>;

    /// This life of the database: a restore from a backup starts a new one.
    fn epoch(&self) -> String;

    /// Changes after `query.cursor` in the book served by `broker_id`, in commit order.
    fn pull_page(&self, broker_id: &str, query: &protocol::PullQuery) -> Result<PullPage>;

    /// The same, counting what remains.
    fn pull(&self, broker_id: &str, cursor: u64, limit: u32) -> Result<PullPage> {
        let query = protocol::PullQuery {
            cursor,
            limit,
            count: true,
        };
        self.pull_page(broker_id, &query)
    }

    /// Head-office master data correction: a client's mobile number changed.
    fn correct_client_mobile(&self, client_id: &str, mobile: &Mobile) -> Result<()>;

    /// Applies a broker's mutation exactly once and returns its outcome (the stored one on a resend).
    fn apply_mutation(
        &self,
        user_id: &str,
        mutation: &Mutation,
        now: DateTime<Utc>,
    ) -> Result<MutationOutcome>;

    /// A client's profile (preferences and needs) as head office holds it; all empty when never
    /// edited.
    fn preferences(&self, client_id: &str) -> Result<ClientPreferences>;

    /// Head office's own edit of a client's profile (a call centre, an administrator), kept in
    /// the profile's history as 总部's.
    fn set_preferences(
        &self,
        client_id: &str,
        fields: &ClientPreferences,
        now: DateTime<Utc>,
    ) -> Result<()>;

    /// Moves a client, with all its rows, to another broker's book (客户划转).
    fn transfer_client(&self, client_id: &str, to_broker_id: &str, at: DateTime<Utc>)
        -> Result<()>;

    /// Moves each client of `moves` (client id, receiving broker id) as `transfer_client` does,
    /// and writes `log`, all or none: a handover never leaves a book half moved, and the
    /// operation log tells of exactly the moves made.
    fn transfer_clients(
        &self,
        moves: &[(String, String)],
        at: DateTime<Utc>,
        log: &staff::NewStaffAction<'_>,
    ) -> Result<()>;

    /// Reveals and exports reported by desks, made in `[from, until)`, oldest first.
    fn audit_entries(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<AuditEntry>>;

    /// The firm's configurable practice; DOMAIN.md's defaults until head office sets it.
    fn firm_policy(&self) -> Result<FirmPolicy>;
    fn set_firm_policy(&self, policy: &FirmPolicy) -> Result<()>;

    /// Re-tiers every client by the firm's tier policy; returns how many changed tier.
    fn recompute_tiers(&self) -> Result<usize>;

    /// A push's archive (JSON): the push as received and head office's verdict per recipient.
    fn push_archive(&self, push_id: &str) -> Result<Option<String>>;

    /// The pay document (fee schedules, plans, assignments, splits, targets, adjustments).
    fn pay_settings(&self) -> Result<crate::pay::PaySettings>;
    fn set_pay_settings(&self, pay: &crate::pay::PaySettings) -> Result<()>;
    /// Reads the pay settings, lets `change` edit them, and saves them with the operation-log
    /// line `log`, in one transaction, so two changes at once cannot lose either. `change` may
    /// run more than once (PostgreSQL retries a conflict), so it must only edit what it is given.
    fn change_pay_settings(
        &self,
        change: &(dyn Fn(&mut crate::pay::PaySettings) -> Result<()> + Sync),
        log: &staff::NewStaffAction<'_>,
    ) -> Result<()>;
    /// What one broker is paid by, as their desk receives it.
    fn pay_terms(&self, broker_id: &str) -> Result<protocol::PayTerms>;
    /// How many brokers' statements of `month`'s month are published.
    fn statements_published(&self, month: chrono::NaiveDate) -> Result<u32>;
    /// Writes every broker's official statement for the month of `month`; returns how many.
    fn publish_statements(
        &self,
        month: chrono::NaiveDate,
        now: DateTime<Utc>,
        log: Option<&staff::NewStaffAction<'_>>,
    ) -> Result<usize>;
    /// What one trade was charged.
    fn trade_charge(&self, trade_id: &str) -> Result<Option<protocol::console::TradeCharge>>;
    /// Finance's correction of what one trade was charged, made only if it is still charged
    /// `was` (else `Validation`: someone corrected it meanwhile), with `log` in the same
    /// transaction when the correction is a member of staff's.
    fn correct_trade_commission(
        &self,
        trade_id: &str,
        was: domain::Fen,
        commission: domain::Fen,
        log: Option<&staff::NewStaffAction<'_>>,
    ) -> Result<()>;
    fn answer_dispute(
        &self,
        dispute_id: &str,
        status: protocol::DisputeStatus,
        answer: &str,
        log: Option<&staff::NewStaffAction<'_>>,
    ) -> Result<()>;

    // The changes below take the operation-log line of a console change (`log`), written in
    // the change's own transaction; IT's command line passes none.

    /// Adds a user; returns the id given.
    fn create_user(
        &self,
        username: &str,
        display_name: &str,
        role: protocol::Role,
        unit_id: &str,
        password_hash: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<String>;
    /// Disabling ends every session of the user.
    fn set_user_disabled(
        &self,
        user_id: &str,
        disabled: bool,
        now: DateTime<Utc>,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()>;
    /// A new password ends every session of the user.
    fn set_password_hash(
        &self,
        user_id: &str,
        password_hash: &str,
        now: DateTime<Utc>,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()>;
    fn place_user(
        &self,
        user_id: &str,
        unit_id: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()>;
    /// A unit under `parent_id`, or the root of an empty tree.
    fn create_unit(
        &self,
        id: &str,
        parent_id: Option<&str>,
        name: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()>;
    /// Replaces `month`'s published appraisal with `cards` (broker id, card as JSON), in one
    /// transaction.
    fn publish_appraisals(
        &self,
        month: NaiveDate,
        cards: &[(String, String)],
        at: DateTime<Utc>,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()>;
    /// The broker's published cards as JSON, newest month first, `limit` at most.
    fn appraisals_of(&self, broker_id: &str, limit: u32) -> Result<Vec<String>>;
    /// Hangs a unit, with everything under it, under another.
    fn move_unit(
        &self,
        id: &str,
        parent_id: &str,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()>;
    /// Marks a unit closed on `on`; it stays in the tree.
    fn close_unit(
        &self,
        id: &str,
        on: NaiveDate,
        log: Option<&crate::staff::NewStaffAction<'_>>,
    ) -> Result<()>;
    /// A consistent copy of the whole database, taken while it serves.
    fn backup_to(&self, target: &std::path::Path) -> Result<()>;
    /// Where the console's backups go, as IT set it on the server (`head-office backup-dir`).
    fn backup_directory(&self) -> Result<Option<String>>;
    fn set_backup_directory(&self, directory: Option<&str>) -> Result<()>;

    /// A firm's own file, parsed: upserted by the firm's ids in one transaction, nothing written
    /// when a row is bad unless `skip_bad`.
    fn import_rows(
        &self,
        parsed: firm_import::Parsed,
        skip_bad: bool,
        now: DateTime<Utc>,
    ) -> Result<firm_import::ImportReport>;

    /// Loads a generated firm into an empty database.
    fn import_firm(&self, firm: FirmSeed) -> Result<ImportSummary>;
    fn is_empty(&self) -> Result<bool>;
}
