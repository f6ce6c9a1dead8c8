//! People as the API meets them: a user row with its place in the org tree, and the single-use,
//! rotating refresh tokens of their sessions.

use crate::db::{Db, Row};
use crate::error::Result;
use crate::{RefreshGrant, RefreshUse, UserRow};
use chrono::{DateTime, Utc};
use protocol::Role;
use rusqlite::params;

/// How long after a refresh token's use its lost answer may be asked for again.
const REFRESH_RETRY_GRACE: chrono::Duration = chrono::Duration::minutes(10);

pub(super) fn role_to_code(role: Role) -> &'static str {
    match role {
        Role::Broker => "Broker",
        Role::TeamLead => "TeamLead",
        Role::BranchManager => "BranchManager",
        Role::Admin => "Admin",
        Role::Service => "Service",
        Role::ManagerHq => "ManagerHq",
        Role::Compliance => "Compliance",
        Role::Finance => "Finance",
    }
}

/// An unknown code fails the read rather than grant a broker's rights to whoever holds it.
pub(super) fn role_from_code(code: &str) -> rusqlite::Result<Role> {
    Role::ALL
        .into_iter()
        .find(|r| role_to_code(*r) == code)
        .ok_or_else(|| {
            rusqlite::Error::InvalidColumnType(
                0,
                format!("role {code}"),
                rusqlite::types::Type::Text,
            )
        })
}

pub(super) const USER_COLUMNS: &str = "u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled, \
    (WITH RECURSIVE up(id, parent_id, name, depth) AS ( \
        SELECT id, parent_id, name, 0 FROM org_units WHERE id = u.org_unit_id \
        UNION ALL SELECT o.id, o.parent_id, o.name, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id) \
     SELECT group_concat(name, ' / ') FROM (SELECT name FROM up ORDER BY depth DESC) AS path), \
    u.org_unit_id, u.sessions_ended_at";

pub(super) fn user_row(r: &Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        id: r.get(0)?,
        username: r.get(1)?,
        display_name: r.get(2)?,
        role: role_from_code(&r.get::<_, String>(3)?)?,
        password_hash: r.get(4)?,
        disabled: r.get(5)?,
        org_path: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        org_unit_id: r.get(7)?,
        sessions_ended_at: r.get(8)?,
    })
}

pub(super) fn insert_refresh_token(
    db: &Db<'_>,
    token_hash: &str,
    grant: &RefreshGrant,
) -> Result<()> {
    db.execute(
        "INSERT INTO refresh_tokens \
         (token_hash, user_id, device_id, family_id, expires_at, signed_in_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            token_hash,
            grant.user_id,
            grant.device_id,
            grant.family_id,
            grant.expires_at,
            grant.signed_in_at
        ],
    )?;
    Ok(())
}

/// Every token of the family, spent or not, is dead: no retry can revive a revoked session,
/// and the access tokens issued under it end with it.
pub(super) fn revoke_refresh_family(
    db: &Db<'_>,
    family_id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    db.execute(
        "DELETE FROM access_tokens WHERE family_id = ?1",
        params![family_id],
    )?;
    db.execute(
        "UPDATE refresh_tokens SET revoked_at = ?2 WHERE family_id = ?1",
        params![family_id, now],
    )?;
    Ok(())
}

pub(super) fn refresh_token_known(db: &Db<'_>, token_hash: &str) -> Result<bool> {
    let found = db.query_opt(
        "SELECT 1 FROM refresh_tokens WHERE token_hash = ?1 AND revoked_at IS NULL",
        params![token_hash],
        |r| r.get::<_, i64>(0),
    )?;
    Ok(found.is_some())
}

pub(super) fn use_refresh_token(
    db: &Db<'_>,
    token_hash: &str,
    retry_key_hash: Option<&str>,
    now: DateTime<Utc>,
) -> Result<RefreshUse> {
    let row = db.query_opt(
        "SELECT user_id, device_id, family_id, expires_at, signed_in_at, used_at, retry_key_hash \
         FROM refresh_tokens WHERE token_hash = ?1 AND revoked_at IS NULL",
        params![token_hash],
        |r| {
            Ok((
                RefreshGrant {
                    user_id: r.get(0)?,
                    device_id: r.get(1)?,
                    family_id: r.get(2)?,
                    expires_at: r.get(3)?,
                    // Issued before sign-ins were dated: the lifetime starts counting now.
                    signed_in_at: r.get::<_, Option<DateTime<Utc>>>(4)?.unwrap_or(now),
                },
                r.get::<_, Option<DateTime<Utc>>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        },
    )?;
    let outcome = match row {
        None => RefreshUse::Invalid,
        Some((grant, Some(used_at), first_key)) => {
            // Has any token of the family been used since? Then the session moved on and this
            // is a replay. If not, the answer to the first use may have been lost: its asker (who
            // alone knows the retry key) may ask again, briefly. Anyone else holds a copy.
            let moved_on: bool = db.query_row(
                "SELECT count(*) > 0 FROM refresh_tokens WHERE family_id = ?1 \
                         AND token_hash != ?2 AND used_at IS NOT NULL AND used_at > ?3",
                params![grant.family_id, token_hash, used_at],
                |r| r.get(0),
            )?;
            let same_asker = first_key.is_some() && first_key.as_deref() == retry_key_hash;
            if same_asker && !moved_on && now - used_at < REFRESH_RETRY_GRACE {
                // The successor the desk never got stays valid until a sibling is used.
                RefreshUse::Retried(grant)
            } else {
                RefreshUse::Reused {
                    family_id: grant.family_id,
                }
            }
        }
        Some((grant, None, _)) if grant.expires_at <= now => RefreshUse::Invalid,
        Some((grant, None, _)) => {
            // Siblings issued for lost answers were never received or are now abandoned.
            db.execute(
                "UPDATE refresh_tokens SET expires_at = ?3 WHERE family_id = ?1 \
                     AND token_hash != ?2 AND used_at IS NULL",
                params![grant.family_id, token_hash, now],
            )?;
            db.execute(
                "UPDATE refresh_tokens SET used_at = ?2, retry_key_hash = ?3 WHERE token_hash = ?1",
                params![token_hash, now, retry_key_hash],
            )?;
            RefreshUse::Fresh(grant)
        }
    };
    Ok(outcome)
}

/// The name a user's writes are signed with; the id when the user is gone.
pub(super) fn display_name(db: &Db<'_>, user_id: &str) -> Result<String> {
    Ok(db
        .query_opt(
            "SELECT display_name FROM users WHERE id = ?1",
            params![user_id],
            |r| r.get(0),
        )?
        .unwrap_or_else(|| user_id.to_string()))
}
