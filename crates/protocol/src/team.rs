//! What leads and managers read and do about their subtree (issue 8). Head office answers only
//! within the caller's subtree; the desk caches the last answers so they can be read offline.
//! These types reach the window as they are, so they are exported to TypeScript.

use chrono::{DateTime, NaiveDate, Utc};
use domain::kpi::{KpiFigures, TrendPoint};
use domain::{Fen, Tier};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
}

/// One org unit of the caller's subtree, with its leader, the brokers placed directly in it and
/// its child units: as deep as the firm's tree goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamNode {
    pub unit_id: String,
    pub name: String,
    pub leader: Option<PersonRef>,
    pub brokers: Vec<PersonRef>,
    pub children: Vec<TeamNode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportKind {
    /// A child unit, with its leader: its figures are its whole subtree's.
    Unit,
    /// A broker placed directly in the unit.
    Broker,
}

/// One direct report of a unit: a child unit or a broker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OverdueItem {
    /// `reminder` or `task`.
    pub kind: String,
    pub title: String,
    pub due_on: NaiveDate,
    pub client_name: Option<String>,
}

/// `GET /api/v1/team/broker`: one broker of the caller's subtree, read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TeamQuery {
    /// The caller's own unit when absent.
    pub unit: Option<String>,
    /// Any day of the month; the current month when absent.
    pub month: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BrokerQuery {
    pub broker: String,
    pub month: Option<NaiveDate>,
}

/// `POST /api/v1/team/tasks`: one task for each assignee, each in that broker's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssignTasks {
    pub assignees: Vec<String>,
    pub title: String,
    pub detail: Option<String>,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssignedTasks {
    pub task_ids: Vec<String>,
}
