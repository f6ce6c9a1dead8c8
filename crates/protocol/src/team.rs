//! What leads and managers read and do about their subtree (issue 8). Head office answers only
//! within the caller's subtree; the desk caches the last answers so they can be read offline.
//! These types reach the window as they are, so they are exported to TypeScript.

use chrono::{DateTime, NaiveDate, Utc};
use domain::kpi::{KpiFigures, TrendPoint};
use domain::{Fen, Tier};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
}

/// One org unit of the caller's subtree, with its leader, the brokers placed directly in it and
/// its child units: as deep as the firm's tree goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TeamNode {
    pub unit_id: String,
    pub name: String,
    pub leader: Option<PersonRef>,
    pub brokers: Vec<PersonRef>,
    pub children: Vec<TeamNode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportKind {
    /// A child unit, with its leader: its figures are its whole subtree's.
    Unit,
    /// A broker placed directly in the unit.
    Broker,
}

/// One direct report of a unit: a child unit or a broker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TeamRow {
    pub kind: ReportKind,
    /// The unit's or the broker's id.
    pub id: String,
    pub name: String,
    pub leader_name: Option<String>,
    pub figures: KpiFigures,
    /// Net commission of the last six months, oldest first.
    pub trend: Vec<TrendPoint>,
    /// By net commission of the month, 1 = highest.
    pub rank: u32,
}

/// `GET /api/v1/team/dashboard`: a unit of the caller's subtree and its direct reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TeamDashboard {
    pub unit_id: String,
    pub unit_name: String,
    /// From the caller's own unit down to this one, for the breadcrumb.
    pub path: Vec<PersonRef>,
    pub month: NaiveDate,
    /// Contact coverage counts contacts in this many days before the month's end (or today).
    pub coverage_days: u32,
    pub taken_at: DateTime<Utc>,
    pub rows: Vec<TeamRow>,
    /// The unit's whole subtree; equal to the sum of the rows.
    pub totals: KpiFigures,
    pub trend: Vec<TrendPoint>,
    /// The caller's whole subtree, for the tree beside the table.
    pub tree: TeamNode,
}

/// A client as a lead may see it: name whole (DOMAIN.md lets lists keep it), mobile masked,
/// nothing that could be revealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct MaskedClient {
    pub client_id: String,
    pub name: String,
    pub mobile_masked: String,
    pub tier: Tier,
    pub total_assets: Fen,
    pub net_commission: Fen,
    pub last_contact_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct OverdueItem {
    /// `reminder` or `task`.
    pub kind: String,
    pub title: String,
    pub due_on: NaiveDate,
    pub client_name: Option<String>,
}

/// `GET /api/v1/team/broker`: one broker of the caller's subtree, read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BrokerDashboard {
    pub broker_id: String,
    pub broker_name: String,
    pub unit_id: String,
    pub unit_name: String,
    pub month: NaiveDate,
    pub coverage_days: u32,
    pub taken_at: DateTime<Utc>,
    pub figures: KpiFigures,
    pub trend: Vec<TrendPoint>,
    /// The book's largest clients by assets.
    pub top_clients: Vec<MaskedClient>,
    pub overdue: Vec<OverdueItem>,
    /// The broker's clients' complaints still open, soonest deadline first.
    #[serde(default)]
    pub open_complaints: Vec<crate::service::OpenComplaint>,
    /// The broker's clients' return-visit scores, month by month (the last six).
    #[serde(default)]
    pub satisfaction: Vec<crate::service::SatisfactionPoint>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TeamQuery {
    /// The caller's own unit when absent.
    pub unit: Option<String>,
    /// Any day of the month; the current month when absent.
    pub month: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BrokerQuery {
    pub broker: String,
    pub month: Option<NaiveDate>,
}

/// `POST /api/v1/team/tasks`: one task for each assignee, each in that broker's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AssignTasks {
    pub assignees: Vec<String>,
    pub title: String,
    pub detail: Option<String>,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AssignedTasks {
    pub task_ids: Vec<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TransferStatus {
    Pending,
    Approved,
    Rejected,
}

impl TransferStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TransferStatus::Pending => "pending",
            TransferStatus::Approved => "approved",
            TransferStatus::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> Option<TransferStatus> {
        [
            TransferStatus::Pending,
            TransferStatus::Approved,
            TransferStatus::Rejected,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// A broker's request to hand a client to a colleague (客户移交), as it stands: in the requesting
/// broker's feed, and in the list of the leads who may decide it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TransferRequestRecord {
    pub id: String,
    pub client_id: String,
    /// Kept on the request: once approved the client leaves the requester's desk, the request
    /// stays.
    pub client_name: String,
    pub from_broker_id: String,
    pub from_broker_name: String,
    pub to_broker_id: String,
    pub to_broker_name: String,
    pub reason: String,
    pub raised_at: DateTime<Utc>,
    pub status: TransferStatus,
    pub decided_by_name: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
}

/// `MutationOp::RequestTransfer`: what the broker asks. `to_broker` is the colleague's user name
/// or id, as the broker knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NewTransferRequest {
    pub id: String,
    pub client_id: String,
    pub to_broker: String,
    pub reason: String,
    pub raised_at: DateTime<Utc>,
}

/// `POST /api/v1/team/transfers/decide`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TransferDecision {
    pub request_id: String,
    pub approve: bool,
    pub note: Option<String>,
}

/// What an internal thread (内部交流) hangs off.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CommentSubject {
    Task,
    Transfer,
}

impl CommentSubject {
    pub fn as_str(self) -> &'static str {
        match self {
            CommentSubject::Task => "task",
            CommentSubject::Transfer => "transfer",
        }
    }

    pub fn parse(text: &str) -> Option<CommentSubject> {
        [CommentSubject::Task, CommentSubject::Transfer]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// One message of a thread between a broker and the leads above them, on a task or a transfer
/// request. It is in the broker's feed; leads read threads with `GET /api/v1/team/comments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct CommentRecord {
    pub id: String,
    pub subject: CommentSubject,
    pub subject_id: String,
    pub author_id: String,
    pub author_name: String,
    pub body: String,
    pub at: DateTime<Utc>,
}

/// A lead's message (`POST /api/v1/team/comments`); a broker's goes as `MutationOp::AddComment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct NewComment {
    pub subject: CommentSubject,
    pub subject_id: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CommentQuery {
    pub subject: CommentSubject,
    pub subject_id: String,
}
