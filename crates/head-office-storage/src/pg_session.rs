//! One unit of work on one PostgreSQL connection (`PgSession`, what `Db` runs statements on), and
//! the change feed's two PostgreSQL-specific statements: taking a seq and reading the horizon.
//! `pg.rs` says why the feed needs them.

use super::pg_value::{translate, AnyValue, PgParam};
use crate::error::{Result, StorageError};
use postgres::{Client, Statement};
use rusqlite::types::Value;
use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// One pooled connection with the statements it has prepared.
pub(super) struct PgConn {
    pub(super) client: Client,
    pub(super) statements: HashMap<String, Statement>,
}

/// A unit of work on one connection; `Db` borrows it.
pub struct PgSession<'c> {
    pub(super) client: &'c mut Client,
    pub(super) statements: &'c mut HashMap<String, Statement>,
    pub(super) feed_locked: bool,
    pub(super) horizon: &'c HorizonGate,
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
            .ok_or_else(|| StorageError::Internal("nextval returned nothing".into()))?;
        self.feed_locked = true;
        Ok(seq)
    }

    /// Takes the feed's lock as a first `next_seq` does, if this transaction has not yet.
    pub(super) fn lock_feed(&mut self) -> Result<()> {
        if !self.feed_locked {
            self.next_seq()?;
        }
        Ok(())
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
pub(super) struct HorizonGate {
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
