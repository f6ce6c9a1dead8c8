//! The firm's configurable practice (DOMAIN.md's defaults until head office sets it), kept as
//! one JSON document in `firm_settings`.

use crate::db::Db;
use crate::error::Result;
use domain::FirmPolicy;
use rusqlite::params;

/// The firm's practice as stored, or DOMAIN.md's defaults.
pub(super) fn firm_policy(db: &Db<'_>) -> Result<FirmPolicy> {
    let stored: Option<String> = db.query_opt(
        "SELECT value FROM firm_settings WHERE key = 'policy'",
        &[],
        |r| r.get(0),
    )?;
    match stored {
        Some(text) => Ok(serde_json::from_str(&text)?),
        None => Ok(FirmPolicy::default()),
    }
}

pub(super) fn store(db: &Db<'_>, policy_json: &str) -> Result<()> {
    db.execute(
        "INSERT INTO firm_settings (key, value) VALUES ('policy', ?1) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![policy_json],
    )?;
    Ok(())
}
