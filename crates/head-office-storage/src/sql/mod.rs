//! The head office's storage, written once for both backends: the embedded SQLite file (demo, a
//! single branch) and PostgreSQL (a whole firm). Each submodule holds the statements of one part
//! of the firm; `Db` runs them on whichever backend this storage was opened on.

mod admin;
mod audit;
mod books;
mod calendar;
mod categories;
mod channel;
mod commission;
mod complaints;
mod epoch;
mod events;
mod feed;
mod feed_registry;
#[cfg(test)]
mod feed_safety;
mod feed_table;
mod firm_files;
mod import;
#[cfg(test)]
mod kept_tests;
mod library;
mod mutations;
mod pay_cache;
mod policy;
mod preferences;
mod recommend;
mod releases;
mod return_visits;
mod rows;
mod rows_360;
mod rows_commission;
mod rows_events;
mod rows_library;
mod rows_tasks;
mod rows_transfers;
mod scheduled;
mod shared_sessions;
mod shares;
mod sign_in_log;
mod staff;
mod storage_impl;
mod tasks;
mod team;
mod team_review;
mod tiers;
mod transfers;
mod users;

use crate::db::Db;
use crate::error::Result;
use crate::pg::PgBackend;
use crate::sqlite::SqliteBackend;
use std::path::Path;
use users::{role_from_code, role_to_code};

pub use crate::location::DatabaseLocation;

enum Backend {
    Sqlite(SqliteBackend),
    Pg(PgBackend),
}

pub struct SqlStorage {
    backend: Backend,
    /// This life of the database (see `database_epoch`): read once, as a restore needs the
    /// server stopped.
    epoch: String,
    pay: pay_cache::PayCache,
}

/// Connections a PostgreSQL head office keeps open, unless `BROKERDESK_PG_POOL` says otherwise:
/// twice the cores and two more, the usual size for a server where PostgreSQL shares the CPUs. More
/// only makes the backends take turns (200 desks on 2 cores: 6 connections sync 1,560 times a
/// second, 16 connections 1,360, 32 connections 1,320).
fn default_pg_pool() -> usize {
    std::thread::available_parallelism().map_or(4, |n| n.get()) * 2 + 2
}

impl SqlStorage {
    pub fn open(location: &DatabaseLocation) -> Result<SqlStorage> {
        match location {
            DatabaseLocation::Sqlite(path) => SqlStorage::sqlite(path),
            DatabaseLocation::Postgres(url) => SqlStorage::postgres(url),
        }
    }

    pub fn sqlite(path: &Path) -> Result<SqlStorage> {
        SqlStorage::with_epoch(Backend::Sqlite(SqliteBackend::open(path)?))
    }

    pub fn postgres(url: &str) -> Result<SqlStorage> {
        let size = std::env::var("BROKERDESK_PG_POOL")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(default_pg_pool);
        SqlStorage::with_epoch(Backend::Pg(PgBackend::connect(url, size)?))
    }

    /// Puts a backup taken by `backup_to` in place (the server stopped); runs any migration the
    /// backup predates.
    /// The restored database starts a new epoch: desks that synced past the backup pull again
    /// from the start and push again what they sent since.
    pub fn restore(backup: &Path, target: &DatabaseLocation, replace: bool) -> Result<()> {
        match target {
            DatabaseLocation::Sqlite(path) => SqliteBackend::restore(backup, path, replace)?,
            DatabaseLocation::Postgres(url) => PgBackend::restore(backup, url, replace)?,
        }
        SqlStorage::open(target)?.start_new_epoch()
    }

    /// Folds SQLite's write-ahead log into the main file, so a plain copy of the file is complete.
    pub fn checkpoint(&self) -> Result<()> {
        match &self.backend {
            Backend::Sqlite(sqlite) => sqlite.checkpoint(),
            Backend::Pg(_) => Ok(()),
        }
    }

    /// The first column of a query's rows as text: for checks that look at the tables themselves
    /// (the sync fault scenarios compare a desk with head office row by row).
    pub fn first_column_text(&self, sql: &str) -> Result<Vec<String>> {
        self.read(|db| db.query_map(sql, &[], |r| r.get(0)))
    }

    fn read<T: Send>(&self, f: impl FnOnce(&Db<'_>) -> Result<T> + Send) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(sqlite) => sqlite.read(f),
            Backend::Pg(pg) => pg.read(f),
        }
    }

    /// One transaction, committed when `f` succeeds; on PostgreSQL `f` may be run again after a
    /// serialization conflict, so it must do nothing but database work.
    fn write<T: Send>(&self, f: impl FnMut(&Db<'_>) -> Result<T> + Send) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(sqlite) => sqlite.write(f),
            Backend::Pg(pg) => pg.write(f),
        }
    }

    /// A write whose first statement locks the row everything it reads hangs on (see
    /// `PgBackend::write_locking`); on SQLite, where writers take turns, an ordinary write.
    fn write_locking<T: Send>(&self, f: impl FnMut(&Db<'_>) -> Result<T> + Send) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(sqlite) => sqlite.write(f),
            Backend::Pg(pg) => pg.write_locking(f),
        }
    }
}
