//! Access tokens, sign-in failure counts and delivery-loop leadership, kept where every replica
//! sees them (`shared::SharedSessions`).

use super::users::{user_row, USER_COLUMNS};
use super::{Backend, SqlStorage};
use crate::db::Db;
use crate::error::Result;
use crate::shared::{AccessGrant, FailureCount, SharedSessions};
use crate::UserRow;
use chrono::{DateTime, Duration, Utc};
use rusqlite::params;

/// Deletes rows under each key of `keys`, one statement each (the lists hold two or three keys).
fn delete_keys(db: &Db<'_>, sql: &str, keys: &[String]) -> Result<()> {
    for key in keys {
        db.execute(sql, params![key])?;
    }
    Ok(())
}

impl SharedSessions for SqlStorage {
    fn insert_access_token(&self, token_hash: &str, grant: &AccessGrant) -> Result<()> {
        self.write(|db| {
            db.execute(
                "DELETE FROM access_tokens WHERE expires_at < ?1",
                params![grant.issued_at],
            )?;
            db.execute(
                "INSERT INTO access_tokens (token_hash, user_id, family_id, issued_at, expires_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    token_hash,
                    grant.user_id,
                    grant.family_id,
                    grant.issued_at,
                    grant.expires_at
                ],
            )
        })?;
        Ok(())
    }

    fn access_caller(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(AccessGrant, UserRow)>> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, a.family_id, a.issued_at, a.expires_at \
             FROM access_tokens a JOIN users u ON u.id = a.user_id WHERE a.token_hash = ?1"
        );
        let found = self.read(|db| {
            db.query_opt(&sql, params![token_hash], |r| {
                let user = user_row(r)?;
                let grant = AccessGrant {
                    user_id: user.id.clone(),
                    family_id: r.get(9)?,
                    issued_at: r.get(10)?,
                    expires_at: r.get(11)?,
                };
                Ok((grant, user))
            })
        })?;
        Ok(found.filter(|(grant, _)| grant.expires_at > now))
    }

    fn revoke_user_access(&self, user_id: &str) -> Result<()> {
        self.write(|db| {
            db.execute(
                "DELETE FROM access_tokens WHERE user_id = ?1",
                params![user_id],
            )
        })?;
        Ok(())
    }

    fn failure_counts(&self, keys: &[String]) -> Result<Vec<(String, FailureCount)>> {
        self.read(|db| {
            let mut out = Vec::new();
            for key in keys {
                let count = db.query_opt(
                    "SELECT failures, last_failure, reported FROM sign_in_failures WHERE key = ?1",
                    params![key],
                    |r| {
                        Ok(FailureCount {
                            failures: r.get::<_, i64>(0)?.clamp(0, i64::from(u32::MAX)) as u32,
                            last_failure: r.get(1)?,
                            reported: r.get(2)?,
                        })
                    },
                )?;
                out.extend(count.map(|c| (key.clone(), c)));
            }
            Ok(out)
        })
    }

    fn record_failure(&self, keys: &[String], now: DateTime<Utc>, forget: Duration) -> Result<()> {
        let stale = now - forget;
        self.write(|db| {
            // A table of made-up names stays small: counts past their quiet time go as new come.
            db.execute(
                "DELETE FROM sign_in_failures WHERE last_failure < ?1",
                params![stale],
            )?;
            for key in keys {
                db.execute(
                    "INSERT INTO sign_in_failures (key, failures, last_failure, reported) \
                     VALUES (?1, 1, ?2, 0) \
                     ON CONFLICT(key) DO UPDATE SET failures = sign_in_failures.failures + 1, \
                     last_failure = excluded.last_failure, reported = 0",
                    params![key, now],
                )?;
            }
            Ok(())
        })
    }

    fn mark_reported(&self, key: &str) -> Result<bool> {
        let changed = self.write(|db| {
            db.execute(
                "UPDATE sign_in_failures SET reported = 1 WHERE key = ?1 AND reported = 0",
                params![key],
            )
        })?;
        Ok(changed > 0)
    }

    fn clear_failures(&self, keys: &[String]) -> Result<()> {
        self.write(|db| delete_keys(db, "DELETE FROM sign_in_failures WHERE key = ?1", keys))
    }

    fn lead_deliveries(&self) -> Result<bool> {
        match &self.backend {
            Backend::Sqlite(_) => Ok(true),
            Backend::Pg(pg) => pg.lead_deliveries(),
        }
    }
}
