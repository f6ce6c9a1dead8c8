//! What head office's staff read and leave behind in the console beyond the library: any client
//! of the firm and who serves them, and the operation log of what staff did.

use crate::error::Result;
use chrono::{DateTime, Utc};
use protocol::console::{DisputeInQueue, StaffAction};
use protocol::relationships::ClientOwnership;

/// One line of the operation log, as written.
pub struct NewStaffAction<'a> {
    pub id: &'a str,
    pub at: DateTime<Utc>,
    pub user_id: &'a str,
    pub action: &'a str,
    pub subject: &'a str,
    pub detail: &'a str,
}

pub trait StaffDesk {
    /// Clients whose id is `text`, or whose name contains it, at most `limit`, by id.
    fn find_clients(&self, text: &str, limit: u32) -> Result<Vec<ClientOwnership>>;
    /// Every client `broker_id` serves, by id.
    fn broker_book(&self, broker_id: &str) -> Result<Vec<ClientOwnership>>;
    /// How many clients `broker_id` serves.
    fn book_size(&self, broker_id: &str) -> Result<u32>;
    fn record_staff_action(&self, action: &NewStaffAction<'_>) -> Result<()>;
    /// Brokers' disputes of their statements, oldest first; only the open ones when `open_only`.
    fn dispute_queue(&self, open_only: bool) -> Result<Vec<DisputeInQueue>>;
    /// The log in `[from, until)`, newest first.
    fn staff_actions(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<StaffAction>>;
}
