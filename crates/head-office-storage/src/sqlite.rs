//! The embedded backend: one SQLite file, for the demo and for a single branch.
//!
//! SQLite lets one transaction write at a time, and every write takes its `seq` inside that
//! transaction, so seq order is commit order and a cursor can never step over a change that commits
//! late. (PostgreSQL needs more care; see `pg`.)

use super::db::Db;
use crate::error::{Result, StorageError};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

pub struct SqliteBackend {
    conn: Mutex<Connection>,
}

/// Schema migrations, run at open; `user_version` counts those applied. Released ones never change.
/// PostgreSQL runs the same ones, translated (`pg_schema`).
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_firm.sql"),
    include_str!("migrations/002_contact_log.sql"),
    include_str!("migrations/003_preferences.sql"),
    include_str!("migrations/004_client_360.sql"),
    include_str!("migrations/005_recommendations.sql"),
    include_str!("migrations/006_commission.sql"),
    include_str!("migrations/007_tasks.sql"),
    include_str!("migrations/008_calendar.sql"),
    include_str!("migrations/009_team.sql"),
    include_str!("migrations/010_transfers.sql"),
    include_str!("migrations/011_audit_received.sql"),
    include_str!("migrations/012_sessions_ended.sql"),
    include_str!("migrations/013_session_bounds.sql"),
    include_str!("migrations/014_epoch.sql"),
    include_str!("migrations/015_sign_in_log.sql"),
    include_str!("migrations/016_statement_line_clients.sql"),
    include_str!("migrations/017_complaints.sql"),
    include_str!("migrations/018_satisfaction.sql"),
    include_str!("migrations/019_needs.sql"),
    include_str!("migrations/020_events.sql"),
    include_str!("migrations/021_channel.sql"),
    include_str!("migrations/022_client_email.sql"),
    include_str!("migrations/023_library_body.sql"),
    include_str!("migrations/024_shared_sessions.sql"),
    include_str!("migrations/025_statement_lookups.sql"),
    include_str!("migrations/026_desk_releases.sql"),
    include_str!("migrations/027_library_review.sql"),
    include_str!("migrations/028_staff_actions.sql"),
    include_str!("migrations/029_unit_closing.sql"),
    include_str!("migrations/030_appraisals.sql"),
    include_str!("migrations/031_library_target.sql"),
    include_str!("migrations/032_client_row_indexes.sql"),
    include_str!("migrations/033_scheduled_transfers.sql"),
    include_str!("migrations/034_broker_categories.sql"),
    include_str!("migrations/035_client_shares.sql"),
    include_str!("migrations/036_scheduled_shares.sql"),
    include_str!("migrations/037_broker_category_periods.sql"),
    include_str!("migrations/038_statement_allowance.sql"),
];

/// Statements kept prepared; the feed alone has two per table.
const STATEMENT_CACHE: usize = 256;

impl SqliteBackend {
    pub fn open(path: &Path) -> Result<SqliteBackend> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        migrate(&mut conn)?;
        Ok(SqliteBackend {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn read<T>(&self, f: impl FnOnce(&Db<'_>) -> Result<T>) -> Result<T> {
        f(&Db::sqlite(&self.conn()))
    }

    pub fn write<T>(&self, mut f: impl FnMut(&Db<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&Db::sqlite(&tx))?;
        tx.commit()?;
        Ok(out)
    }

    pub fn checkpoint(&self) -> Result<()> {
        self.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }

    /// A consistent copy through SQLite's online backup, taken while the server serves.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(StorageError::Validation(format!(
                "{} 已存在：请换一个备份文件名",
                target.display()
            )));
        }
        let conn = self.conn();
        let mut out = Connection::open(target)?;
        let backup = rusqlite::backup::Backup::new(&conn, &mut out)?;
        backup.run_to_completion(1_000, std::time::Duration::from_millis(10), None)?;
        Ok(())
    }

    /// Puts a backup in place as the database at `target`: copied beside it first, checked to open
    /// as a head-office database, then renamed over it, so a failed restore leaves the old one.
    pub fn restore(backup: &Path, target: &Path, replace: bool) -> Result<()> {
        if !backup.is_file() {
            return Err(StorageError::Validation(format!(
                "备份文件 {} 不存在",
                backup.display()
            )));
        }
        if target.exists() && !replace {
            return Err(StorageError::Validation(format!(
                "{} 已存在：确认要用备份覆盖时加 --replace（请先停止服务）",
                target.display()
            )));
        }
        let staging = target.with_extension("restoring");
        let _ = std::fs::remove_file(&staging);
        {
            let source =
                Connection::open_with_flags(backup, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            let mut out = Connection::open(&staging)?;
            rusqlite::backup::Backup::new(&source, &mut out)?.run_to_completion(
                1_000,
                std::time::Duration::from_millis(10),
                None,
            )?;
        }
        let users: rusqlite::Result<i64> =
            Connection::open(&staging)?.query_row("SELECT count(*) FROM users", [], |r| r.get(0));
        if users.is_err() {
            let _ = std::fs::remove_file(&staging);
            return Err(StorageError::Validation(format!(
                "{} 不是总部数据库的备份",
                backup.display()
            )));
        }
        for stale in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{stale}", target.display()));
        }
        std::fs::rename(&staging, target)
            .map_err(|e| StorageError::Validation(format!("无法写入 {}：{e}", target.display())))?;
        // Opening runs any migration the backup predates.
        SqliteBackend::open(target).map(|_| ())
    }
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let applied: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(applied.unsigned_abs() as usize)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
