//! Which life of the database this is (`database_epoch`): made when the database is first opened,
//! made anew by a restore, sent with every pull page so desks notice a restore.

use super::{Backend, SqlStorage};
use crate::error::Result;
use rand::RngCore;
use rusqlite::params;

/// Random, so two databases never share an epoch; only its first 16 characters are kept.
fn new_epoch() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

impl SqlStorage {
    pub(super) fn with_epoch(backend: Backend) -> Result<SqlStorage> {
        let mut storage = SqlStorage {
            backend,
            epoch: String::new(),
            pay: Default::default(),
        };
        let fresh = new_epoch();
        storage.epoch = storage.write(|db| {
            db.execute(
                "INSERT INTO database_epoch (id, epoch) SELECT 1, CAST(?1 AS TEXT) \
                 WHERE NOT EXISTS (SELECT 1 FROM database_epoch)",
                params![&fresh[..16]],
            )?;
            db.query_row("SELECT epoch FROM database_epoch", &[], |r| r.get(0))
        })?;
        Ok(storage)
    }

    /// Starts a new life of the database: what a restore does, so desks notice.
    pub(super) fn start_new_epoch(&self) -> Result<()> {
        let fresh = new_epoch();
        self.write(|db| {
            db.execute(
                "UPDATE database_epoch SET epoch = ?1",
                params![&fresh[..16]],
            )
        })?;
        Ok(())
    }
}
