//! The wire contract between the desk and the head office. Both sides compile against these types,
//! so a field renamed here is renamed on both ends; `PROTOCOL_VERSION` says when old desks must update.

pub mod auth;
pub mod backups;
pub mod broker_force;
pub mod calendar;
pub mod channel;
pub mod commission;
pub mod console;
pub mod entities;
pub mod error;
pub mod events;
pub mod feed;
pub mod gateway;
pub mod handover;
pub mod library;
pub mod pay_adjustments;
pub mod preferences;
pub mod push;
pub mod relationships;
pub mod release;
pub mod service;
mod tagged;
pub mod tasks;
pub mod team;

pub use auth::{RefreshRequest, Role, SessionTokens, SignInRequest, SignedOut, UserProfile};
pub use calendar::{MarketEventKind, MarketEventRecord};
pub use commission::{
    DisputeRecord, DisputeStatus, PayTerms, StatementLineRecord, StatementRecord,
};
pub use entities::{
    AccountRecord, AssetMonthRecord, ClientRecord, EntityKind, HoldingRecord, Record,
    RiskAssessmentRecord, TradeRecord,
};
pub use error::{ApiError, ErrorCode};
pub use events::{ClientEventRecord, EventInvitationRecord, EventResponse, NewInvitations};
pub use feed::{Change, PullPage, PullQuery};
pub use library::{
    ApprovalState, DeliveryStatus, ProductKind, ProductRecord, PushDeliveryRecord, PushRecipient,
    RecommendationPush,
};
pub use preferences::{FieldChange, ProfileChange, PREFERENCE_FIELD_COUNT, RECENT_CHANGES};
pub use push::{
    AccessEventRecord, ClientPreferences, ContactChannel, ContactNoteRecord, FieldConflictRecord,
    Mutation, MutationOp, MutationOutcome, MutationResult, PreferencesRecord, PreferencesUpdate,
    PushRequest, PushResponse,
};
pub use service::{
    CaseStep, CaseUpdate, CashTransferRecord, ClientRelationRecord, NewComplaint, NewReturnVisit,
    OpenComplaint, RelationKind, SatisfactionPoint, ServiceCaseKind, ServiceCaseRecord,
    TransferDirection,
};
pub use tasks::{ReminderRecord, TaskCompletion, TaskRecord};

/// Bumped whenever a change to these types would be misread by the other side. 5: a client may
/// be shared (`ClientRecord.co_server`); a desk that ignored it would credit itself the whole
/// service part of a shared client's commission. 6: a published scorecard may rank a broker
/// among their class (`PublishedAppraisal.cohort_name`, `ranked_among`), and carries no scheme.
pub const PROTOCOL_VERSION: u32 = 6;

/// Every request and response carries the sender's protocol version in this header.
pub const VERSION_HEADER: &str = "x-brokerdesk-protocol";

/// What `GET /api/v1/health` answers: for a load balancer's check and head-office IT's eyes.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[ts(export)]
pub struct Health {
    /// Always `ok`: a server that cannot answer does not answer at all.
    pub status: String,
    pub protocol: u32,
}

/// Paths of the head office API, shared so that neither side spells one differently.
pub mod paths {
    pub const SIGN_IN: &str = "/api/v1/auth/sign-in";
    pub const REFRESH: &str = "/api/v1/auth/refresh";
    /// `POST`, with the access token of the sign-in to end: its refresh and access tokens die.
    pub const SIGN_OUT: &str = "/api/v1/auth/sign-out";
    pub const ME: &str = "/api/v1/me";
    pub const FEED: &str = "/api/v1/feed";
    pub const PUSH: &str = "/api/v1/push";
    pub const HEALTH: &str = "/api/v1/health";
    /// The firm's configurable practice (`domain::FirmPolicy`), fetched with every sync.
    pub const POLICY: &str = "/api/v1/policy";
    /// What the caller is paid by (`commission::PayTerms`), fetched with every sync.
    pub const PAY_TERMS: &str = "/api/v1/pay-terms";
    /// A unit of the caller's subtree with its direct reports' figures (`team::TeamDashboard`).
    pub const TEAM_DASHBOARD: &str = "/api/v1/team/dashboard";
    /// One broker of the caller's subtree, read-only (`team::BrokerDashboard`).
    pub const TEAM_BROKER: &str = "/api/v1/team/broker";
    /// Tasks for subordinates (`team::AssignTasks`).
    pub const TEAM_TASKS: &str = "/api/v1/team/tasks";
    /// Transfer requests the caller may decide (`team::TransferRequestRecord`).
    pub const TEAM_TRANSFERS: &str = "/api/v1/team/transfers";
    pub const TEAM_TRANSFER_DECIDE: &str = "/api/v1/team/transfers/decide";
    /// A thread on a task or a transfer request of the caller's subtree; POST adds to it.
    pub const TEAM_COMMENTS: &str = "/api/v1/team/comments";
    /// Customer service's complaint queue by deadline (`service::ComplaintQuery`).
    pub const SERVICE_COMPLAINTS: &str = "/api/v1/service/complaints";
    /// Moves a complaint one step on (`service::ComplaintUpdate`).
    pub const SERVICE_COMPLAINT_UPDATE: &str = "/api/v1/service/complaints/update";
    /// Records a return visit and its satisfaction score (`service::NewReturnVisit`).
    pub const SERVICE_VISITS: &str = "/api/v1/service/visits";
    /// Where the firm's message gateway reports what became of each message
    /// (`gateway::ReceiptBatch`, signed, no bearer token).
    pub const CHANNEL_RECEIPTS: &str = "/api/v1/channel/receipts";
    /// One of the firm's files (CSV), for its nightly job; `{kind}` as `head-office import` takes.
    pub const ADMIN_IMPORT: &str = "/api/v1/admin/import/{kind}";
    /// Whether a newer desk is there for the caller (`release::DeskUpdateQuery`): 204, or a
    /// `release::DeskUpdate` in the form Tauri's updater reads. Outside the protocol version check,
    /// so a desk too old to sync can still update.
    pub const DESK_UPDATE: &str = "/api/v1/desk/update";
    /// A published bundle, `{version}` as `X.Y.Z` and `{bundle}` as `deb` or `appimage`.
    pub const DESK_UPDATE_BUNDLE: &str = "/api/v1/desk/update/{version}/{bundle}";
    /// The firm's units and everyone placed in them (`console::StaffDirectory`).
    pub const CONSOLE_STAFF: &str = "/api/v1/console/staff";
    /// Reveals and exports of clients' personal data received in a span of days
    /// (`console::DaySpan`).
    pub const CONSOLE_ACCESS_LOG: &str = "/api/v1/console/access-log";
    /// The firm's pay plans and how many brokers each pays (`console::PayPlanOverview`).
    pub const CONSOLE_PAY_PLANS: &str = "/api/v1/console/pay-plans";
    /// Adds or changes a pay plan (`console::PayPlanChange` → `console::PayPlanOverview`).
    pub const CONSOLE_PAY_PLAN_SAVE: &str = "/api/v1/console/pay-plans/plan";
    /// Sets the development split from a day on (`console::DevelopmentSplitChange`).
    pub const CONSOLE_DEVELOPMENT_SPLIT: &str = "/api/v1/console/pay-plans/split";
    /// Adds a fee schedule from its day (`console::FeeScheduleChange`).
    pub const CONSOLE_FEE_SCHEDULE: &str = "/api/v1/console/pay-plans/fees";
    /// Sets a group's monthly allowance (`console::GroupAllowanceChange`).
    pub const CONSOLE_GROUP_ALLOWANCE: &str = "/api/v1/console/pay-plans/group-allowance";
    /// A month's pay adjustments (`pay_adjustments::MonthAdjustments`), by `month`.
    pub const CONSOLE_PAY_ADJUSTMENTS: &str = "/api/v1/console/pay-adjustments";
    /// Adds an adjustment to a broker's month (`domain::pay_adjustment::PayAdjustment`).
    pub const CONSOLE_PAY_ADJUSTMENT_ADD: &str = "/api/v1/console/pay-adjustments/add";
    /// Takes an adjustment back out (`pay_adjustments::AdjustmentRemoval`).
    pub const CONSOLE_PAY_ADJUSTMENT_REMOVE: &str = "/api/v1/console/pay-adjustments/remove";
    /// Every active broker's monthly target (`pay_adjustments::BrokerTarget`).
    pub const CONSOLE_MONTHLY_TARGETS: &str = "/api/v1/console/monthly-targets";
    /// Sets one broker's monthly target (`pay_adjustments::MonthlyTargetChange`).
    pub const CONSOLE_MONTHLY_TARGET_SET: &str = "/api/v1/console/monthly-targets/set";
    /// What a trade was charged (`console::TradeCharge`), by `trade_id`.
    pub const CONSOLE_TRADE_CHARGE: &str = "/api/v1/console/trades/charge";
    /// Corrects what a trade was charged (`console::TradeCommissionCorrection`).
    pub const CONSOLE_TRADE_CORRECTION: &str = "/api/v1/console/trades/charge/correct";
    /// A unit's summary report for a month as an XLSX workbook (`team::TeamQuery`).
    pub const CONSOLE_REPORT_XLSX: &str = "/api/v1/console/report.xlsx";
    /// Adds an account (`console::NewAccount`).
    pub const CONSOLE_ACCOUNTS: &str = "/api/v1/console/accounts";
    /// Disables or enables an account (`console::AccountStatus`).
    pub const CONSOLE_ACCOUNT_STATUS: &str = "/api/v1/console/accounts/status";
    /// A new temporary password for an account (`console::AccountRef`).
    pub const CONSOLE_ACCOUNT_PASSWORD: &str = "/api/v1/console/accounts/password";
    /// Adds a unit to the firm's tree (`console::NewOrgUnit`).
    pub const CONSOLE_UNITS: &str = "/api/v1/console/units";
    /// Moves a unit under another (`console::UnitMove`).
    pub const CONSOLE_UNIT_MOVE: &str = "/api/v1/console/units/move";
    /// Closes a unit (`console::UnitClosure`).
    pub const CONSOLE_UNIT_CLOSE: &str = "/api/v1/console/units/close";
    /// Places an account in a unit (`console::Placement`).
    pub const CONSOLE_PLACEMENT: &str = "/api/v1/console/staff/place";
    /// Every active broker's level (`broker_force::LevelBoard`).
    pub const CONSOLE_LEVELS: &str = "/api/v1/console/levels";
    /// Moves a broker to another level from a day (`broker_force::LevelMove`).
    pub const CONSOLE_LEVEL_MOVE: &str = "/api/v1/console/levels/move";
    /// Adds a class or group to the firm's lists (`broker_force::NewBrokerCategory`).
    pub const CONSOLE_BROKER_CATEGORY: &str = "/api/v1/console/levels/categories";
    /// Places a broker in a class and a group (`broker_force::BrokerCategorization`).
    pub const CONSOLE_BROKER_CATEGORIZE: &str = "/api/v1/console/levels/categorize";
    /// A month's appraisal (考核) of every broker, level by level (`broker_force::AppraisalQuery`).
    pub const CONSOLE_APPRAISAL: &str = "/api/v1/console/appraisal";
    /// Publishes a month's appraisal to the brokers (`broker_force::AppraisalMonth`).
    pub const CONSOLE_APPRAISAL_PUBLISH: &str = "/api/v1/console/appraisal/publish";
    /// Sets a level's or class's appraisal scheme (`broker_force::SchemeChange`).
    pub const CONSOLE_APPRAISAL_SCHEME: &str = "/api/v1/console/appraisal/scheme";
    /// Drops a level's or class's own scheme (`broker_force::SchemeRemoval`).
    pub const CONSOLE_APPRAISAL_SCHEME_REMOVE: &str = "/api/v1/console/appraisal/scheme/remove";
    /// The caller's own published scorecards, newest first (`broker_force::PublishedAppraisal`).
    pub const APPRAISALS: &str = "/api/v1/appraisals";
    /// Any client of the firm by id or name, with who serves them (`relationships::ClientSearch`).
    pub const CONSOLE_CLIENTS: &str = "/api/v1/console/clients";
    /// Moves a client to another broker's book, at once or from a later day
    /// (`relationships::ClientTransfer`).
    pub const CONSOLE_CLIENT_TRANSFER: &str = "/api/v1/console/clients/transfer";
    /// The moves set for a later day and not made yet (`relationships::ScheduledTransfer`).
    pub const CONSOLE_SCHEDULED_TRANSFERS: &str = "/api/v1/console/clients/transfers/scheduled";
    /// Calls a scheduled move off (`relationships::ScheduledTransferCancel`).
    pub const CONSOLE_SCHEDULED_TRANSFER_CANCEL: &str =
        "/api/v1/console/clients/transfers/scheduled/cancel";
    /// Shares a client with a second, serving broker (`relationships::ClientShare`).
    pub const CONSOLE_CLIENT_SHARE: &str = "/api/v1/console/clients/share";
    /// Ends a client's share (`relationships::ClientShareEnd`).
    pub const CONSOLE_CLIENT_SHARE_END: &str = "/api/v1/console/clients/share/end";
    /// What handing a leaving broker's whole book to colleagues would do
    /// (`handover::BookHandover` → `handover::HandoverPlan`); changes nothing.
    pub const CONSOLE_HANDOVER_PREVIEW: &str = "/api/v1/console/clients/handover/preview";
    /// Hands the book over as previewed.
    pub const CONSOLE_HANDOVER: &str = "/api/v1/console/clients/handover";
    /// Head office's backups (`backups::BackupShelf`).
    pub const CONSOLE_BACKUPS: &str = "/api/v1/console/backups";
    /// Takes a backup now into the configured directory (`backups::BackupFile`).
    pub const CONSOLE_BACKUP_TAKE: &str = "/api/v1/console/backups/take";
    /// What head office's staff did in the console on a span of days (`console::DaySpan`).
    pub const CONSOLE_ACTIONS: &str = "/api/v1/console/actions";
    /// The same as an XLSX workbook, a year at most (`console::ActionQuery`).
    pub const CONSOLE_ACTIONS_XLSX: &str = "/api/v1/console/actions.xlsx";
    /// Brokers' disputes of their statements, open ones unless `all` (`console::DisputeQuery`).
    pub const CONSOLE_DISPUTES: &str = "/api/v1/console/disputes";
    /// Finance's answer to one (`console::DisputeAnswer`).
    pub const CONSOLE_DISPUTE_ANSWER: &str = "/api/v1/console/disputes/answer";
    /// Publishes a month's statements (`console::StatementMonth`).
    pub const CONSOLE_STATEMENTS_PUBLISH: &str = "/api/v1/console/statements/publish";
    /// Every item of the firm's library with its review state (`console::LibraryItem`).
    pub const CONSOLE_LIBRARY: &str = "/api/v1/console/library";
    /// Saves a draft or the next version of an item (`console::LibraryDraft`).
    pub const CONSOLE_LIBRARY_DRAFT: &str = "/api/v1/console/library/draft";
    /// Sends a draft to compliance (`console::LibrarySubmission`).
    pub const CONSOLE_LIBRARY_SUBMIT: &str = "/api/v1/console/library/submit";
    /// Approves (publishes), returns or withdraws an item (`console::LibraryReview`).
    pub const CONSOLE_LIBRARY_REVIEW: &str = "/api/v1/console/library/review";
    /// The OpenAPI 3.1 document of all of these, served by head office itself.
    pub const OPENAPI: &str = "/api/v1/openapi.json";

    /// Every path above, so a test can check that each is served and described.
    pub const ALL: &[&str] = &[
        SIGN_IN,
        REFRESH,
        SIGN_OUT,
        ME,
        FEED,
        PUSH,
        HEALTH,
        POLICY,
        PAY_TERMS,
        TEAM_DASHBOARD,
        TEAM_BROKER,
        TEAM_TASKS,
        TEAM_TRANSFERS,
        TEAM_TRANSFER_DECIDE,
        TEAM_COMMENTS,
        SERVICE_COMPLAINTS,
        SERVICE_COMPLAINT_UPDATE,
        CONSOLE_STAFF,
        CONSOLE_ACCESS_LOG,
        CONSOLE_PAY_PLANS,
        CONSOLE_PAY_PLAN_SAVE,
        CONSOLE_DEVELOPMENT_SPLIT,
        CONSOLE_FEE_SCHEDULE,
        CONSOLE_GROUP_ALLOWANCE,
        CONSOLE_PAY_ADJUSTMENTS,
        CONSOLE_PAY_ADJUSTMENT_ADD,
        CONSOLE_PAY_ADJUSTMENT_REMOVE,
        CONSOLE_MONTHLY_TARGETS,
        CONSOLE_MONTHLY_TARGET_SET,
        CONSOLE_TRADE_CHARGE,
        CONSOLE_TRADE_CORRECTION,
        CONSOLE_REPORT_XLSX,
        CONSOLE_ACCOUNTS,
        CONSOLE_ACCOUNT_STATUS,
        CONSOLE_ACCOUNT_PASSWORD,
        CONSOLE_UNITS,
        CONSOLE_UNIT_MOVE,
        CONSOLE_UNIT_CLOSE,
        CONSOLE_PLACEMENT,
        CONSOLE_LEVELS,
        CONSOLE_LEVEL_MOVE,
        CONSOLE_BROKER_CATEGORY,
        CONSOLE_BROKER_CATEGORIZE,
        CONSOLE_APPRAISAL,
        CONSOLE_APPRAISAL_PUBLISH,
        CONSOLE_APPRAISAL_SCHEME,
        CONSOLE_APPRAISAL_SCHEME_REMOVE,
        APPRAISALS,
        CONSOLE_CLIENTS,
        CONSOLE_CLIENT_TRANSFER,
        CONSOLE_SCHEDULED_TRANSFERS,
        CONSOLE_SCHEDULED_TRANSFER_CANCEL,
        CONSOLE_CLIENT_SHARE,
        CONSOLE_CLIENT_SHARE_END,
        CONSOLE_HANDOVER_PREVIEW,
        CONSOLE_HANDOVER,
        CONSOLE_BACKUPS,
        CONSOLE_BACKUP_TAKE,
        CONSOLE_ACTIONS,
        CONSOLE_ACTIONS_XLSX,
        CONSOLE_DISPUTES,
        CONSOLE_DISPUTE_ANSWER,
        CONSOLE_STATEMENTS_PUBLISH,
        CONSOLE_LIBRARY,
        CONSOLE_LIBRARY_DRAFT,
        CONSOLE_LIBRARY_SUBMIT,
        CONSOLE_LIBRARY_REVIEW,
        SERVICE_VISITS,
        CHANNEL_RECEIPTS,
        ADMIN_IMPORT,
        DESK_UPDATE,
        DESK_UPDATE_BUNDLE,
        OPENAPI,
    ];
}
