//! Client moves set for a later day (客户划转 with an effective date), and shares (客户共享): kept
//! until their day, then made, or voided when they no longer make sense, by
//! `domain::client_transfer::settle` and `settle_share`.
//! Each change to one is written with its operation-log line in the same transaction, so the log
//! never tells of a change that did not happen, nor misses one that did.

use crate::error::Result;
use crate::staff::NewStaffAction;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::relationships::ScheduledTransfer;

/// A move, or a share, as 经纪业务管理部 sets it.
pub struct NewScheduledTransfer<'a> {
    pub id: &'a str,
    pub client_id: &'a str,
    /// The receiver of a move, the co-server of a share.
    pub to_broker_id: &'a str,
    /// A share's part of the service credit for the co-server; none for a move.
    pub share: Option<domain::Rate>,
    pub effective_on: NaiveDate,
    pub reason: &'a str,
    pub requested_by: &'a str,
    pub requested_at: DateTime<Utc>,
}

/// What a round of settling did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SettledTransfers {
    pub moved: usize,
    pub void: usize,
}

impl SettledTransfers {
    pub fn total(&self) -> usize {
        self.moved + self.void
    }
}

pub trait ScheduledTransfers {
    /// Sets the move or share and logs it. Refused (`Validation`) when the client already has
    /// one waiting.
    fn schedule_transfer(
        &self,
        t: &NewScheduledTransfer<'_>,
        log: &NewStaffAction<'_>,
    ) -> Result<()>;
    /// The moves waiting, soonest first.
    fn scheduled_transfers(&self) -> Result<Vec<ScheduledTransfer>>;
    /// The move waiting for `client_id`, if any.
    fn scheduled_transfer_of(&self, client_id: &str) -> Result<Option<ScheduledTransfer>>;
    /// Calls a waiting move off and logs it; `NotFound` when it is no longer waiting.
    fn cancel_scheduled_transfer(
        &self,
        id: &str,
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<()>;
    /// Settles at most `limit` of the moves due by `today`, in one transaction, each logged
    /// under the name of whoever set it. Of two head offices settling at once, one does each.
    fn settle_due_transfers(
        &self,
        today: NaiveDate,
        at: DateTime<Utc>,
        limit: usize,
    ) -> Result<SettledTransfers>;
}
