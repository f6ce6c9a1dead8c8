//! What every head-office replica must see alike, so that any number of `head-office serve`
//! processes against one database serve the same desks interchangeably: the access tokens desks
//! present, the sign-in failures the throttle counts, and which replica runs the delivery loop.

use crate::error::Result;
use crate::UserRow;
use chrono::{DateTime, Utc};

/// A short-lived access token's grant, kept under the token's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessGrant {
    pub user_id: String,
    /// The sign-in it was issued under, so ending that sign-in ends its access too.
    pub family_id: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Wrong passwords counted under one throttle key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureCount {
    pub failures: u32,
    pub last_failure: DateTime<Utc>,
    /// Whether a refusal by this count was already logged since its last failure.
    pub reported: bool,
}

pub trait SharedSessions {
    /// Keeps a new access token; tokens past their expiry are swept at the same time, so the
    /// table holds about fifteen minutes of sign-ins and renewals.
    fn insert_access_token(&self, token_hash: &str, grant: &AccessGrant) -> Result<()>;
    /// The live grant behind a token with its user, in one read: every request asks it.
    fn access_caller(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(AccessGrant, UserRow)>>;
    /// Ends every access token of a user (a refresh token shown by a second device).
    fn revoke_user_access(&self, user_id: &str) -> Result<()>;

    /// The counts kept under `keys`, those that exist.
    fn failure_counts(&self, keys: &[String]) -> Result<Vec<(String, FailureCount)>>;
    /// One more failure under each key; a count quiet for longer than `forget_after` starts over.
    fn record_failure(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
        forget_after: chrono::Duration,
    ) -> Result<()>;
    /// Notes that a refusal by `key` was logged; false when it already was.
    fn mark_reported(&self, key: &str) -> Result<bool>;
    fn clear_failures(&self, keys: &[String]) -> Result<()>;

    /// Whether this process should run the delivery loop now. On PostgreSQL, one replica at a
    /// time holds a session-level advisory lock on a connection of its own and keeps it while
    /// it lives; when it dies its connection closes, the lock is free, and the next replica to
    /// ask takes it. On SQLite, a single process serves, so it always leads.
    fn lead_deliveries(&self) -> Result<bool>;
}
