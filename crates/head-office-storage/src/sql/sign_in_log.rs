//! The operation log of sign-ins, on either backend, and what it tells: whether a device is one
//! the user has signed in from, and who has been tried with wrong passwords lately.

use crate::db::Db;
use crate::error::Result;
use crate::{SignInEvent, SignInPressure};
use chrono::{DateTime, Utc};
use rusqlite::params;

pub(super) fn record(db: &Db<'_>, e: &SignInEvent) -> Result<()> {
    db.execute(
        "INSERT INTO sign_in_log (at, username, user_id, source, device_hash, outcome, detail) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            e.at,
            e.username,
            e.user_id,
            e.source,
            e.device_hash,
            e.outcome.as_str(),
            e.detail
        ],
    )?;
    Ok(())
}

/// A device that held a session of the user whose tokens lasted until `since` or later: the
/// desk the broker uses, not one an attacker made up.
pub(super) fn is_usual_device(
    db: &Db<'_>,
    user_id: &str,
    device_id: &str,
    since: DateTime<Utc>,
) -> Result<bool> {
    let found = db.query_opt(
        "SELECT 1 FROM refresh_tokens WHERE user_id = ?1 AND device_id = ?2 AND expires_at >= ?3 \
         LIMIT 1",
        params![user_id, device_id, since],
        |r| r.get::<_, i64>(0),
    )?;
    Ok(found.is_some())
}

/// Names tried with a wrong password since `since`, most failures first.
pub(super) fn pressure(db: &Db<'_>, since: DateTime<Utc>) -> Result<Vec<SignInPressure>> {
    db.query_map(
        "SELECT username, \
         SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN outcome = 'throttled' THEN 1 ELSE 0 END), \
         COUNT(DISTINCT source), MAX(at) \
         FROM sign_in_log WHERE at >= ?1 AND outcome <> 'signed_in' \
         GROUP BY username ORDER BY 2 DESC, 1",
        params![since],
        |r| {
            Ok(SignInPressure {
                username: r.get(0)?,
                failures: r.get::<_, i64>(1)?.unsigned_abs(),
                throttles: r.get::<_, i64>(2)?.unsigned_abs(),
                sources: r.get::<_, i64>(3)?.unsigned_abs(),
                last_at: r.get(4)?,
            })
        },
    )
}
