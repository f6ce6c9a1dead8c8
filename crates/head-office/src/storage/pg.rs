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
use super::pg_value::{translate, AnyValue, PgParam};
use crate::error::{HeadOfficeError, Result};
use postgres::error::SqlState;
use postgres::{Client, NoTls, Statement};
use rusqlite::types::Value;
use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Schema migrations; the table `schema_version` counts those applied. Released ones never change.
const MIGRATIONS: &[&str] = &[include_str!("migrations/pg/001_firm.sql")];

/// How often a serializable transaction is retried after losing a conflict before giving up.
const MAX_ATTEMPTS: u32 = 12;

/// One pooled connection with the statements it has prepared.
struct PgConn {
    client: Client,
    statements: HashMap<String, Statement>,
}

/// A unit of work on one connection; `Db` borrows it.
pub struct PgSession<'c> {
    client: &'c mut Client,
    statements: &'c mut HashMap<String, Statement>,
    feed_locked: bool,
    horizon: &'c HorizonGate,
}

fn pg_rows(rows: Vec<postgres::Row>) -> Result<Vec<Vec<Value>>> {
    rows.iter()
        .map(|row| {
            (0..row.len())
                .map(|i| Ok(row.try_get::<_, AnyValue>(i)?.0))
                .collect()
        })
        .collect()
}

impl PgSession<'_> {
    fn statement(&mut self, sql: &str) -> Result<Statement> {
        if let Some(stmt) = self.statements.get(sql) {
            return Ok(stmt.clone());
        }
        let stmt = self.client.prepare(&translate(sql))?;
        self.statements.insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }

    fn bind(params: &[&dyn rusqlite::ToSql]) -> Result<Vec<PgParam>> {
        Ok(params
            .iter()
            .map(|p| PgParam::from_sqlite(*p))
            .collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn execute(&mut self, sql: &str, params: &[&dyn rusqlite::ToSql]) -> Result<usize> {
        let stmt = self.statement(sql)?;
        let owned = Self::bind(params)?;
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = owned
            .iter()
            .map(|p| p as &(dyn postgres::types::ToSql + Sync))
            .collect();
        let n = self.client.execute(&stmt, &refs)?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    pub(super) fn query(
        &mut self,
        sql: &str,
        params: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<Vec<Value>>> {
        let stmt = self.statement(sql)?;
        let owned = Self::bind(params)?;
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = owned
            .iter()
            .map(|p| p as &(dyn postgres::types::ToSql + Sync))
            .collect();
        pg_rows(self.client.query(&stmt, &refs)?)
    }

    fn scalar(&mut self, sql: &str) -> Result<Option<i64>> {
        let rows = self.query(sql, &[])?;
        match rows.first().and_then(|r| r.first()) {
            Some(Value::Integer(n)) => Ok(Some(*n)),
            _ => Ok(None),
        }
    }

    pub(super) fn next_seq(&mut self) -> Result<i64> {
        let sql = if self.feed_locked {
            "SELECT nextval('feed_seq_numbers')"
        } else {
            // The key is read before the lock is taken and the lock before nextval (the CTE is
            // materialized first), so every seq this transaction takes is at or above its key
            // while a reader can see the lock.
            "WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(CASE WHEN is_called \
             THEN last_value + 1 ELSE last_value END) FROM feed_seq_numbers) \
             SELECT nextval('feed_seq_numbers') FROM locked"
        };
        let seq = self
            .scalar(sql)?
            .ok_or_else(|| HeadOfficeError::Internal("nextval returned nothing".into()))?;
        self.feed_locked = true;
        Ok(seq)
    }

    pub(super) fn advance_seq_to(&mut self, seq: i64) -> Result<()> {
        self.next_seq()?;
        self.query(
            "SELECT setval('feed_seq_numbers', greatest(?1, (SELECT last_value FROM feed_seq_numbers)))",
            rusqlite::params![seq],
        )?;
        Ok(())
    }

    pub(super) fn feed_horizon(&mut self) -> Result<i64> {
        let gate = self.horizon;
        gate.get(|| self.compute_horizon())
    }

    fn compute_horizon(&mut self) -> Result<i64> {
        // The sequence first, the locks second (see the module comment): the lock scan depends on
        // the materialized sequence row, so it cannot run before it.
        let horizon = self.scalar(
            "WITH taken AS MATERIALIZED (SELECT CASE WHEN is_called THEN last_value \
             ELSE last_value - 1 END AS last FROM feed_seq_numbers) \
             SELECT least(last, (SELECT min((classid::bigint << 32) | objid::bigint) - 1 \
               FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND last IS NOT NULL \
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))) \
             FROM taken",
        )?;
        Ok(horizon.unwrap_or(0))
    }
}

/// Concurrent pulls share horizon readings (scanning `pg_locks` is the dearest statement of a
/// pull): a pull takes a reading that was started after it asked, its own or a concurrent one's.
/// Any such reading is as good as its own, since the rows it then reads are read later still.
#[derive(Default)]
struct HorizonGate {
    state: Mutex<GateState>,
    done: Condvar,
}

#[derive(Default)]
struct GateState {
    started: u64,
    running: bool,
    latest: Option<(u64, i64)>,
}

impl HorizonGate {
    fn get(&self, read: impl FnOnce() -> Result<i64>) -> Result<i64> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        // A reading already running began before this call; the next one will not.
        let needed = state.started + 1;
        loop {
            if let Some((_, horizon)) = state.latest.filter(|(n, _)| *n >= needed) {
                return Ok(horizon);
            }
            if !state.running {
                state.started += 1;
                let mine = state.started;
                state.running = true;
                drop(state);
                let out = read();
                let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
                state.running = false;
                if let Ok(horizon) = out {
                    if state.latest.is_none_or(|(n, _)| n < mine) {
                        state.latest = Some((mine, horizon));
                    }
                }
                self.done.notify_all();
                return out;
            }
            state = self
                .done
                .wait_timeout(state, Duration::from_secs(1))
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }
}

/// A bounded pool: requests beyond its size wait for a connection instead of opening more than
/// the server was sized for.
pub struct PgBackend {
    url: String,
    size: usize,
    idle: Mutex<(Vec<PgConn>, usize)>,
    returned: Condvar,
    horizon: HorizonGate,
}

fn is_conflict(e: &HeadOfficeError) -> bool {
    match e {
        HeadOfficeError::Postgres(pg) => matches!(
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
                return Err(HeadOfficeError::Internal(
                    "数据库连接池已满，等待超时".into(),
                ));
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

    /// Runs `f` outside any explicit transaction: each statement sees what has committed.
    pub fn read<T: Send>(&self, f: impl FnOnce(&Db<'_>) -> Result<T> + Send) -> Result<T> {
        off_runtime(|| self.read_here(f))
    }

    fn read_here<T>(&self, f: impl FnOnce(&Db<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.take()?;
        let out = {
            let db = Db::pg(PgSession {
                client: &mut conn.client,
                statements: &mut conn.statements,
                feed_locked: false,
                horizon: &self.horizon,
            });
            f(&db)
        };
        self.give_back(conn);
        out
    }

    /// Runs `f` in a serializable transaction, as if alone (as on SQLite), retrying when PostgreSQL
    /// reports that a concurrent transaction made that impossible. `f` may run more than once.
    pub fn write<T: Send>(&self, f: impl FnMut(&Db<'_>) -> Result<T> + Send) -> Result<T> {
        off_runtime(|| self.write_here(f))
    }

    fn write_here<T>(&self, mut f: impl FnMut(&Db<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.take()?;
        let mut attempt = 0;
        let out = loop {
            attempt += 1;
            let result = Self::attempt(&mut conn, &self.horizon, &mut f);
            match result {
                Err(e) if is_conflict(&e) && attempt < MAX_ATTEMPTS => {
                    std::thread::sleep(Duration::from_millis(u64::from(attempt) * 3));
                }
                other => break other,
            }
        };
        self.give_back(conn);
        out
    }

    fn attempt<T>(
        conn: &mut PgConn,
        horizon: &HorizonGate,
        f: &mut impl FnMut(&Db<'_>) -> Result<T>,
    ) -> Result<T> {
        conn.client
            .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ")?;
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
                "SELECT pg_advisory_xact_lock(-1); \
                 CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL); ",
            )?;
            let applied: i64 = tx
                .query_opt("SELECT version FROM schema_version", &[])?
                .map(|r| r.get(0))
                .unwrap_or(0);
            for (i, sql) in MIGRATIONS
                .iter()
                .enumerate()
                .skip(applied.unsigned_abs() as usize)
            {
                tx.batch_execute(sql)?;
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
            return Err(HeadOfficeError::Validation(format!(
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
            return Err(HeadOfficeError::Validation(format!(
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
            return Err(HeadOfficeError::Validation(
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

thread_local! {
    static ON_BLOCKING_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` on a thread the caller vouches is not an async worker (one of tokio's blocking
/// threads), so storage calls in it need no thread of their own.
pub fn on_blocking_thread<T>(f: impl FnOnce() -> T) -> T {
    let before = ON_BLOCKING_THREAD.with(|b| b.replace(true));
    let out = f();
    ON_BLOCKING_THREAD.with(|b| b.set(before));
    out
}

/// The synchronous client drives its own runtime, which cannot run on a thread that is already
/// inside one (async tests, the CLI's `main`); there, the work moves to a scoped thread. The API's
/// handlers call storage from blocking threads (`on_blocking_thread`), where it runs in place:
/// a thread per call costs more than the query under load.
pub(crate) fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    if ON_BLOCKING_THREAD.with(std::cell::Cell::get)
        || tokio::runtime::Handle::try_current().is_err()
    {
        return f();
    }
    std::thread::scope(|s| match s.spawn(f).join() {
        Ok(v) => v,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

fn run_tool(cmd: &mut std::process::Command) -> Result<()> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let output = cmd.output().map_err(|e| {
        HeadOfficeError::Validation(format!(
            "无法运行 {program}（请安装 PostgreSQL 客户端工具）：{e}"
        ))
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(HeadOfficeError::Validation(format!(
            "{program} 失败：{}",
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}
