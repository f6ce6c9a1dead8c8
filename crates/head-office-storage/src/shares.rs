//! Clients shared with a second, serving broker (客户共享). The co-server's desk gets the
//! client's whole book by the feed for as long as the share lasts, may write to it as the
//! serving broker does, and is credited its agreed part of the service commission
//! (`domain::pay_plan::credited`). Each change is written with its operation-log line in the
//! same transaction.

use crate::error::Result;
use crate::staff::NewStaffAction;
use chrono::{DateTime, NaiveDate, Utc};
use domain::Rate;

/// A share as 经纪业务管理部 sets it.
pub struct NewClientShare<'a> {
    pub id: &'a str,
    pub client_id: &'a str,
    pub co_broker_id: &'a str,
    pub share: Rate,
    pub since: NaiveDate,
    pub reason: &'a str,
    pub started_by: &'a str,
    pub started_at: DateTime<Utc>,
}

pub trait ClientShares {
    /// Shares the client and logs it. Refused (`Validation`) by `domain::shared_service`'s rules,
    /// checked against who serves and brought in the client as the share is written, or when
    /// the client is already shared.
    fn share_client(&self, s: &NewClientShare<'_>, log: &NewStaffAction<'_>) -> Result<()>;
    /// How many clients `broker` co-serves now.
    fn co_served_by(&self, broker: &str) -> Result<u32>;
    /// A leaving broker's handover, in one transaction with its log line: each of `moves`
    /// (client, receiver) made as a transfer, and every share in which `leaving` co-serves a
    /// colleague's client ended (their desk drops the client; its broker serves alone), and
    /// every move waiting to bring a client to `leaving` called off.
    fn hand_over_book(
        &self,
        leaving: &str,
        moves: &[(String, String)],
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<()>;
    /// Ends the client's share and logs it; `NotFound` when the client is not shared.
    fn end_client_share(
        &self,
        client_id: &str,
        reason: &str,
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<()>;
}
