//! Broker–client relationships as head office's console handles them (客户关系): finding any
//! client of the firm, moving one to another broker's book at once or from a day ahead, the
//! moves still waiting for their day, and sharing a client with a second, serving broker.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Looks a client up anywhere in the firm, by id or by part of the name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ClientSearch {
    pub q: String,
}

impl ClientSearch {
    /// A search names a person, not the firm: a longer list is a report's job.
    pub const MAX_RESULTS: u32 = 50;
}

/// A client and who serves them, as 经纪业务管理部 sees it (personal data stays masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ClientOwnership {
    pub client_id: String,
    pub name: String,
    pub tier: domain::Tier,
    pub total_assets: domain::Fen,
    pub serving_broker_id: String,
    pub serving_broker_name: String,
    pub developing_broker_id: String,
    pub unit_id: String,
    /// A move set for a later day and not made yet, if any.
    #[serde(default)]
    pub scheduled: Option<ScheduledMove>,
    /// The second broker serving the client beside the first, if the client is shared.
    #[serde(default)]
    pub co_server: Option<CoServer>,
}

/// The second broker serving a shared client (客户共享), and their part of the service credit:
/// the part of the net commission left after the developer's share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct CoServer {
    pub broker_id: String,
    pub broker_name: String,
    pub share: domain::Rate,
    /// The day (Beijing) the share began.
    pub since: NaiveDate,
}

/// Shares a client with a second, serving broker, with the split of the service credit; both
/// desks get the client by the feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ClientShare {
    pub client_id: String,
    pub co_broker_id: String,
    pub share: domain::Rate,
    pub reason: String,
    /// The day (Beijing) the share begins: none or today at once; a later day, up to three
    /// months ahead, at the start of that day.
    #[serde(default)]
    pub effective_on: Option<NaiveDate>,
}

/// Ends a client's share: the co-server's desk drops the client at its next sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ClientShareEnd {
    pub client_id: String,
    pub reason: String,
}

/// Where and when a client is set to move, or to be shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ScheduledMove {
    pub to_broker_id: String,
    pub to_broker_name: String,
    pub effective_on: NaiveDate,
    /// A share rather than a move: `to_broker` becomes the co-server with this part of the
    /// service credit.
    #[serde(default)]
    pub share: Option<domain::Rate>,
}

/// Moves a client with their whole history to another broker's book (客户划转).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ClientTransfer {
    pub client_id: String,
    pub to_broker_id: String,
    /// Why, for the operation log and both brokers' leads.
    pub reason: String,
    /// The day (Beijing) the move takes effect: none or today moves at once; a later day, up to
    /// three months ahead, at the start of that day.
    #[serde(default)]
    pub effective_on: Option<NaiveDate>,
}

/// A move waiting for its day, as the console lists them (待生效的划转).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ScheduledTransfer {
    pub id: String,
    pub client_id: String,
    pub client_name: String,
    /// Who serves the client now; the one who gives them up on the day.
    pub serving_broker_id: String,
    pub serving_broker_name: String,
    pub to_broker_id: String,
    pub to_broker_name: String,
    pub effective_on: NaiveDate,
    /// A share rather than a move: `to_broker` becomes the co-server with this part of the
    /// service credit.
    #[serde(default)]
    pub share: Option<domain::Rate>,
    pub reason: String,
    pub requested_by: String,
    pub requested_by_name: String,
    pub requested_at: DateTime<Utc>,
}

/// Calls off a move before its day, with why (for the operation log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ScheduledTransferCancel {
    pub id: String,
    pub reason: String,
}
