//! People and the org tree, on either backend, for head-office IT (`admin`).

use super::role_to_code;
use crate::db::Db;
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::Role;
use rusqlite::params;

/// Ids follow the demo's scheme: a role letter and the next number.
pub(super) fn create_user(
    db: &Db<'_>,
    username: &str,
    name: &str,
    role: Role,
    unit: &str,
    password_hash: &str,
) -> Result<String> {
    let prefix = match role {
        Role::Broker => "B",
        Role::TeamLead => "L",
        Role::BranchManager => "M",
        Role::Admin => "A",
        Role::Service => "S",
        Role::ManagerHq => "H",
        Role::Compliance => "C",
        Role::Finance => "F",
    };
    let next: i64 = db.query_row(
        "SELECT coalesce(max(CAST(substr(id, 2) AS INTEGER)), 0) + 1 FROM users \
         WHERE substr(id, 1, 1) = ?1",
        params![prefix],
        |r| r.get(0),
    )?;
    let width = if role == Role::Broker { 3 } else { 2 };
    let id = format!("{prefix}{next:0width$}");
    db.execute(
        "INSERT INTO users (id, username, display_name, role, password_hash, org_unit_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, username, name, role_to_code(role), password_hash, unit],
    )?;
    Ok(id)
}

fn end_sessions(db: &Db<'_>, user_id: &str, now: DateTime<Utc>) -> Result<()> {
    db.execute(
        "UPDATE refresh_tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
        params![user_id, now],
    )?;
    db.execute(
        "UPDATE users SET sessions_ended_at = ?2 WHERE id = ?1",
        params![user_id, now],
    )?;
    Ok(())
}

pub(super) fn set_disabled(
    db: &Db<'_>,
    user_id: &str,
    disabled: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    db.execute(
        "UPDATE users SET disabled = ?2 WHERE id = ?1",
        params![user_id, disabled],
    )?;
    if disabled {
        end_sessions(db, user_id, now)?;
    }
    Ok(())
}

pub(super) fn set_password_hash(
    db: &Db<'_>,
    user_id: &str,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    db.execute(
        "UPDATE users SET password_hash = ?2 WHERE id = ?1",
        params![user_id, hash],
    )?;
    end_sessions(db, user_id, now)
}

pub(super) fn place_user(db: &Db<'_>, user_id: &str, unit: &str) -> Result<()> {
    db.execute(
        "UPDATE users SET org_unit_id = ?2 WHERE id = ?1",
        params![user_id, unit],
    )?;
    Ok(())
}

pub(super) fn create_unit(db: &Db<'_>, id: &str, parent: Option<&str>, name: &str) -> Result<()> {
    db.execute(
        "INSERT INTO org_units (id, parent_id, name) VALUES (?1, ?2, ?3)",
        params![id, parent, name],
    )?;
    Ok(())
}

pub(super) fn move_unit(db: &Db<'_>, id: &str, parent: &str) -> Result<()> {
    db.execute(
        "UPDATE org_units SET parent_id = ?2 WHERE id = ?1",
        params![id, parent],
    )?;
    Ok(())
}

pub(super) fn close_unit(db: &Db<'_>, id: &str, on: NaiveDate) -> Result<()> {
    db.execute(
        "UPDATE org_units SET closed_on = ?2 WHERE id = ?1",
        params![id, on],
    )?;
    Ok(())
}

pub(super) fn publish_appraisals(
    db: &Db<'_>,
    month: NaiveDate,
    cards: &[(String, String)],
    at: DateTime<Utc>,
) -> Result<()> {
    db.execute("DELETE FROM appraisals WHERE month = ?1", params![month])?;
    for (broker_id, card) in cards {
        db.execute(
            "INSERT INTO appraisals (month, broker_id, card, published_at) VALUES (?1, ?2, ?3, ?4)",
            params![month, broker_id, card, at],
        )?;
    }
    Ok(())
}

pub(super) fn appraisals_of(db: &Db<'_>, broker_id: &str, limit: u32) -> Result<Vec<String>> {
    db.query_map(
        "SELECT card FROM appraisals WHERE broker_id = ?1 ORDER BY month DESC LIMIT ?2",
        params![broker_id, limit],
        |r| r.get(0),
    )
}
