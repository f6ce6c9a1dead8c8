//! The head office on PostgreSQL, for a whole firm: a pool of connections, serializable write
//! transactions retried on conflict, and a change feed that never steps over a late commit.
//!
//! Why the feed needs care: seqs come from a sequence, which hands out numbers outside any
//! transaction, so a transaction holding seq 5 can commit after one holding seq 6. A desk that
//! read 6 and moved its cursor there would never see 5. So a writer, before taking its first seq,
//! takes a transaction-scoped shared advisory lock keyed on the lowest seq it can get; a reader
//! reads the sequence's last value and then the smallest such key still held, and reads the feed
//! only below both. Any seq at or below that horizon was taken by a transaction that has ended.

use super::db::Db;
use super::pg_leader::LeaderLock;
use super::pg_schema::{translate_migration, BOOTSTRAP};
use super::pg_session::{HorizonGate, PgConn, PgSession};
use super::pg_thread::off_runtime;
use super::sqlite::MIGRATIONS;
use crate::error::{Result, StorageError};
use postgres::error::SqlState;
use postgres::{Client, NoTls};
use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// How often a serializable transaction is retried after losing a conflict before giving up.
const MAX_ATTEMPTS: u32 = 12;

/// A bounded pool: requests beyond its size wait for a connection instead of opening more than
/// the server was sized for.
pub struct PgBackend {
    url: String,
    size: usize,
    idle: Mutex<(Vec<PgConn>, usize)>,
    returned: Condvar,
    horizon: HorizonGate,
    leader: LeaderLock,
}

#[derive(Debug, Clone, Copy)]
enum Isolation {
    RepeatableRead,
    ReadCommitted,
}

fn is_conflict(e: &StorageError) -> bool {
    match e {
        StorageError::Postgres(pg) => matches!(
            pg.code(),
            Some(c) if *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::UNIQUE_VIOLATION
        ),
        _ => false,
    }
}

impl PgBackend {
    pub fn connect(url: &str, size: usize) -> Result<PgBackend> {
        let backend = PgBackend {
            url: url.to_owned(),
            size: size.max(1),
            idle: Mutex::new((Vec::new(), 0)),
            returned: Condvar::new(),
            horizon: HorizonGate::default(),
            leader: LeaderLock::new(url),
        };
        off_runtime(|| backend.migrate())?;
        Ok(backend)
    }

    fn take(&self) -> Result<PgConn> {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            if let Some(conn) = idle.0.pop() {
                return Ok(conn);
            }
            if idle.1 < self.size {
                idle.1 += 1;
                drop(idle);
                return Client::connect(&self.url, NoTls)
                    .map(|client| PgConn {
                        client,
                        statements: HashMap::new(),
                    })
                    .map_err(|e| {
                        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
                        idle.1 -= 1;
                        e.into()
                    });
            }
            let (guard, timeout) = self
                .returned
                .wait_timeout(idle, Duration::from_secs(30))
                .unwrap_or_else(|p| p.into_inner());
            idle = guard;
            if timeout.timed_out() && idle.0.is_empty() {
                return Err(StorageError::Internal("数据库连接池已满，等待超时".into()));
            }
        }
    }

    /// Runs `f` on a connection out of the pool and returns it after, also when `f` panics: then
    /// the connection is closed instead (it may be mid-transaction) and its slot freed, so that a
    /// panic in one request never shrinks the pool for good.
    fn with_conn<T>(&self, f: impl FnOnce(&mut PgConn) -> Result<T>) -> Result<T> {
        let mut conn = self.take()?;
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut conn)));
        match out {
            Ok(out) => {
                self.give_back(conn);
                out
            }
            Err(panic) => {
                drop(conn);
                let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
                idle.1 -= 1;
                self.returned.notify_one();
                drop(idle);
                std::panic::resume_unwind(panic)
            }
        }
    }

    fn give_back(&self, conn: PgConn) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if conn.client.is_closed() {
            idle.1 -= 1;
        } else {
            idle.0.push(conn);
        }
        self.returned.notify_one();
    }

    /// Whether this process leads the delivery loop (`SharedSessions::lead_deliveries`).
    pub fn lead_deliveries(&self) -> Result<bool> {
        off_runtime(|| self.leader.hold())
    }

    /// Runs `f` outside any explicit transaction: each statement sees what has committed.
    pub fn read<T: Send>(&self, f: impl FnOnce(&Db<'_>) -> Result<T> + Send) -> Result<T> {
        off_runtime(|| self.read_here(f))
    }

    fn read_here<T>(&self, f: impl FnOnce(&Db<'_>) -> Result<T>) -> Result<T> {
        self.with_conn(|conn| {
            let db = Db::pg(PgSession {
                client: &mut conn.client,
                statements: &mut conn.statements,
                feed_locked: false,
                horizon: &self.horizon,
            });
            f(&db)
        })
    }

    /// Runs `f` in a REPEATABLE READ transaction, as if alone (as on SQLite), retrying when
    /// PostgreSQL reports that a concurrent transaction made that impossible. `f` may run more
    /// than once.
    pub fn write<T: Send>(&self, f: impl FnMut(&Db<'_>) -> Result<T> + Send) -> Result<T> {
        off_runtime(|| self.write_here(f, Isolation::RepeatableRead))
    }

    /// The same at READ COMMITTED, for a write that first locks the rows it hangs on (a move of
    /// a client locks the client): each later statement then sees whatever committed before it
    /// got the lock, and it queues for the lock instead of losing, retry after retry, to a
    /// stream of small writes on the same row.
    pub fn write_locking<T: Send>(&self, f: impl FnMut(&Db<'_>) -> Result<T> + Send) -> Result<T> {
        off_runtime(|| self.write_here(f, Isolation::ReadCommitted))
    }

    fn write_here<T>(
        &self,
        mut f: impl FnMut(&Db<'_>) -> Result<T>,
        isolation: Isolation,
    ) -> Result<T> {
        self.with_conn(|conn| {
            let mut attempt = 0;
            loop {
                attempt += 1;
                match Self::attempt(conn, &self.horizon, &mut f, isolation) {
                    Err(e) if is_conflict(&e) && attempt < MAX_ATTEMPTS => {
                        std::thread::sleep(Duration::from_millis(u64::from(attempt) * 3));
                    }
                    other => break other,
                }
            }
        })
    }

    fn attempt<T>(
        conn: &mut PgConn,
        horizon: &HorizonGate,
        f: &mut impl FnMut(&Db<'_>) -> Result<T>,
        isolation: Isolation,
    ) -> Result<T> {
        conn.client.batch_execute(match isolation {
            Isolation::RepeatableRead => "BEGIN ISOLATION LEVEL REPEATABLE READ",
            Isolation::ReadCommitted => "BEGIN ISOLATION LEVEL READ COMMITTED",
        })?;
        let out = {
            let db = Db::pg(PgSession {
                client: &mut conn.client,
                statements: &mut conn.statements,
                feed_locked: false,
                horizon,
            });
            f(&db)
        };
        match out {
            Ok(v) => {
                conn.client.batch_execute("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                // A broken connection cannot roll back; the pool drops it when it is returned.
                let _ = conn.client.batch_execute("ROLLBACK");
                Err(e)
            }
        }
    }

    fn migrate(&self) -> Result<()> {
        let mut conn = self.take()?;
        let out = (|| -> Result<()> {
            let client = &mut conn.client;
            // One server migrates at a time; the others wait and then find nothing to do.
            let mut tx = client.transaction()?;
            tx.batch_execute(
                "SET LOCAL client_min_messages = warning; SELECT pg_advisory_xact_lock(-1); \
                 CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL); ",
            )?;
            let applied: i64 = tx
                .query_opt("SELECT version FROM schema_version", &[])?
                .map(|r| r.get(0))
                .unwrap_or(0);
            tx.batch_execute(BOOTSTRAP)?;
            // SQLite's migrations, translated: `schema_version` counts them as `user_version` does.
            for (i, sql) in MIGRATIONS
                .iter()
                .enumerate()
                .skip(applied.unsigned_abs() as usize)
            {
                tx.batch_execute(&translate_migration(sql)?)?;
                let version = (i + 1) as i64;
                tx.execute("DELETE FROM schema_version", &[])?;
                tx.execute(
                    "INSERT INTO schema_version (version) VALUES ($1)",
                    &[&version],
                )?;
            }
            tx.commit()?;
            Ok(())
        })();
        self.give_back(conn);
        out
    }

    /// A pg_dump archive (custom format) of the whole database, consistent while it serves.
    pub fn backup_to(&self, target: &std::path::Path) -> Result<()> {
        if target.exists() {
            return Err(StorageError::Validation(format!(
                "{} 已存在：请换一个备份文件名",
                target.display()
            )));
        }
        run_tool(
            std::process::Command::new("pg_dump")
                .arg("--format=custom")
                .arg("--no-owner")
                .arg("--file")
                .arg(target)
                .arg("--dbname")
                .arg(&self.url),
        )
    }

    /// Loads a pg_dump archive into the database at `url`. An existing head office is replaced only
    /// when asked: the server must be stopped.
    pub fn restore(backup: &std::path::Path, url: &str, replace: bool) -> Result<()> {
        if !backup.is_file() {
            return Err(StorageError::Validation(format!(
                "备份文件 {} 不存在",
                backup.display()
            )));
        }
        let has_firm = off_runtime(|| -> Result<bool> {
            let mut client = Client::connect(url, NoTls)?;
            Ok(client
                .query_one("SELECT to_regclass('public.users') IS NOT NULL", &[])?
                .get::<_, bool>(0))
        })?;
        if has_firm && !replace {
            return Err(StorageError::Validation(
                "目标数据库已有总部数据；确认要覆盖请加 --replace".into(),
            ));
        }
        let mut cmd = std::process::Command::new("pg_restore");
        cmd.arg("--no-owner").arg("--single-transaction");
        if has_firm {
            cmd.arg("--clean").arg("--if-exists");
        }
        run_tool(cmd.arg("--dbname").arg(url).arg(backup))?;
        // Any migration the backup predates.
        PgBackend::connect(url, 1).map(|_| ())
    }
}

impl Drop for PgBackend {
    fn drop(&mut self) {
        // A client owns a small runtime of its own, which must not be dropped inside another.
        let idle = std::mem::take(&mut self.idle.lock().unwrap_or_else(|p| p.into_inner()).0);
        off_runtime(move || drop(idle));
    }
}

fn run_tool(cmd: &mut std::process::Command) -> Result<()> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let output = cmd.output().map_err(|e| {
        StorageError::Validation(format!(
            "无法运行 {program}（请安装 PostgreSQL 客户端工具）：{e}"
        ))
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(StorageError::Validation(format!(
            "{program} 失败：{}",
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DatabaseLocation;

    /// Runs on the PostgreSQL pass of `make test`; on SQLite there is no pool to leak.
    #[test]
    fn a_panic_in_a_request_frees_its_connection() {
        if !crate::test_support::on_postgres() {
            return;
        }
        let Ok(DatabaseLocation::Postgres(url)) = crate::test_support::fresh_postgres_database()
        else {
            panic!("a PostgreSQL database for the test");
        };
        let pool = PgBackend::connect(&url, 2).unwrap();
        for _ in 0..5 {
            let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                pool.write(|_| -> Result<()> { panic!("a bug in a handler") })
            }));
            assert!(panicked.is_err());
        }
        // With the two slots lost, this would wait for the pool and fail ("连接池已满").
        let one: i64 = pool
            .read(|db| db.query_row("SELECT 1", &[], |r| r.get(0)))
            .unwrap();
        assert_eq!(one, 1);
    }
}
