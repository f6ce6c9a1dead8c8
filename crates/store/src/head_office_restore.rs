//! Head office restored from a backup. Its feed may have rolled back behind this desk's cursor
//! (new changes there would be skipped) and writes it acknowledged after the backup are gone
//! (the desk shows them saved). Each head-office database has an epoch that a restore changes;
//! seeing a new one, the desk pulls again from the start and pushes again every write head office
//! accepted in the last `HISTORY_DAYS`, which head office applies once each by id.

use crate::error::Result;
use crate::sync_state::{set_value, value, CURSOR};
use crate::Store;
use chrono::{DateTime, Duration, Utc};
use rusqlite::params;

const EPOCH: &str = "head_office_epoch";
/// How far back accepted writes are kept to push again: longer than any backup a firm restores.
const HISTORY_DAYS: i64 = 35;

/// Keeps an accepted write (inside `settle`'s transaction).
pub(crate) fn keep_accepted(
    tx: &rusqlite::Connection,
    position: i64,
    id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO outbox_history (position, id, kind, payload, created_at, settled_at) \
         SELECT position, id, kind, payload, created_at, ?3 FROM outbox WHERE position = ?1 AND id = ?2",
        params![position, id, now],
    )?;
    Ok(())
}

/// Forgets accepted writes older than any restore could need.
pub(crate) fn prune_accepted(tx: &rusqlite::Connection, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "DELETE FROM outbox_history WHERE settled_at < ?1",
        params![now - Duration::days(HISTORY_DAYS)],
    )?;
    Ok(())
}

/// What a pull found about head office's epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpochCheck {
    /// The same database as before (or the first one this desk meets).
    Same,
    /// Restored: this many accepted writes were queued again and the cursor went back to 0.
    Restored { requeued: u64 },
}

impl Store {
    /// Compares head office's epoch with the one this desk last synced with, and when it changed
    /// puts the recent accepted writes back in the outbox (before anything still waiting, in their
    /// old order) and the cursor back to the start, in one transaction.
    pub fn check_head_office_epoch(&mut self, epoch: &str) -> Result<EpochCheck> {
        if epoch.is_empty() {
            // A head office too old to say: nothing to compare.
            return Ok(EpochCheck::Same);
        }
        let tx = self.conn.transaction()?;
        let known = value(&tx, EPOCH)?;
        let check = match known.as_deref() {
            Some(k) if k == epoch => EpochCheck::Same,
            None => EpochCheck::Same,
            Some(_) => {
                let requeued = tx.execute(
                    "INSERT OR IGNORE INTO outbox (position, id, kind, payload, created_at) \
                     SELECT position, id, kind, payload, created_at FROM outbox_history",
                    [],
                )?;
                tx.execute("DELETE FROM outbox_history", [])?;
                set_value(&tx, CURSOR, "0")?;
                EpochCheck::Restored {
                    requeued: requeued as u64,
                }
            }
        };
        set_value(&tx, EPOCH, epoch)?;
        tx.commit()?;
        Ok(check)
    }
}
