//! One way to run SQL against either backend, so the head office's storage is written once.
//!
//! Statements are written in the dialect both databases share, with SQLite's `?N` placeholders;
//! `pg` rewrites the few spellings PostgreSQL lacks. Values cross as rusqlite's `Value` in both
//! directions, so every row mapper reads a PostgreSQL row exactly as it reads a SQLite one.

use super::pg_session::PgSession;
use crate::error::Result;
use rusqlite::types::{FromSql, FromSqlError, Value, ValueRef};
use rusqlite::ToSql;
use std::cell::RefCell;

/// A connection inside the unit of work the backend opened for it: a transaction when writing.
pub struct Db<'c> {
    inner: Inner<'c>,
}

enum Inner<'c> {
    Sqlite(&'c rusqlite::Connection),
    Pg(RefCell<PgSession<'c>>),
}

/// One result row. Columns are read by position with rusqlite's `FromSql`, whatever the backend.
pub enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Values(&'a [Value]),
}

/// A column position; only `usize`, so that `r.get(0)` needs no annotation.
pub trait ColumnIndex {
    fn position(self) -> usize;
}

impl ColumnIndex for usize {
    fn position(self) -> usize {
        self
    }
}

impl Row<'_> {
    pub fn get<I: ColumnIndex, T: FromSql>(&self, idx: I) -> rusqlite::Result<T> {
        let idx = idx.position();
        match self {
            Row::Sqlite(r) => r.get(idx),
            Row::Values(values) => {
                let value = values
                    .get(idx)
                    .ok_or(rusqlite::Error::InvalidColumnIndex(idx))?;
                T::column_result(ValueRef::from(value)).map_err(|e| match e {
                    FromSqlError::InvalidType => rusqlite::Error::InvalidColumnType(
                        idx,
                        format!("column {idx}"),
                        value.data_type(),
                    ),
                    other => rusqlite::Error::FromSqlConversionFailure(
                        idx,
                        value.data_type(),
                        Box::new(other),
                    ),
                })
            }
        }
    }
}

impl<'c> Db<'c> {
    pub(super) fn sqlite(conn: &'c rusqlite::Connection) -> Db<'c> {
        Db {
            inner: Inner::Sqlite(conn),
        }
    }

    pub(super) fn pg(session: PgSession<'c>) -> Db<'c> {
        Db {
            inner: Inner::Pg(RefCell::new(session)),
        }
    }

    /// Runs a statement; returns how many rows it changed.
    pub fn execute(&self, sql: &str, params: &[&dyn ToSql]) -> Result<usize> {
        match &self.inner {
            Inner::Sqlite(conn) => Ok(conn.prepare_cached(sql)?.execute(params)?),
            Inner::Pg(session) => session.borrow_mut().execute(sql, params),
        }
    }

    /// Every row, each mapped by `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: &[&dyn ToSql],
        mut f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        match &self.inner {
            Inner::Sqlite(conn) => {
                let mut stmt = conn.prepare_cached(sql)?;
                let rows = stmt.query_map(params, |r| f(&Row::Sqlite(r)))?;
                Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
            }
            Inner::Pg(session) => {
                // The session is released before any mapper runs, so a mapper may query again.
                let rows = session.borrow_mut().query(sql, params)?;
                let mut out = Vec::with_capacity(rows.len());
                for values in &rows {
                    out.push(f(&Row::Values(values))?);
                }
                Ok(out)
            }
        }
    }

    /// The first row, if there is one.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: &[&dyn ToSql],
        f: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        match &self.inner {
            Inner::Sqlite(conn) => {
                let mut stmt = conn.prepare_cached(sql)?;
                let mut rows = stmt.query(params)?;
                match rows.next()? {
                    Some(r) => Ok(Some(f(&Row::Sqlite(r))?)),
                    None => Ok(None),
                }
            }
            Inner::Pg(session) => {
                let rows = session.borrow_mut().query(sql, params)?;
                match rows.first() {
                    Some(values) => Ok(Some(f(&Row::Values(values))?)),
                    None => Ok(None),
                }
            }
        }
    }

    /// The one row a statement must return (an aggregate, a `RETURNING`).
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: &[&dyn ToSql],
        f: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, params, f)?
            .ok_or(rusqlite::Error::QueryReturnedNoRows.into())
    }

    /// Takes the next firm-wide sequence number for a change this unit of work writes.
    pub fn next_seq(&self) -> Result<i64> {
        match &self.inner {
            // SQLite lets one transaction write at a time, so seq order is commit order.
            Inner::Sqlite(_) => self.query_row(
                "UPDATE feed_seq SET last = last + 1 WHERE id = 1 RETURNING last",
                &[],
                |r| r.get(0),
            ),
            Inner::Pg(session) => session.borrow_mut().next_seq(),
        }
    }

    /// Gives every row of `table` whose `key` column is `owner` to `broker_id`, each under a new
    /// seq, so that both brokers' feeds carry the move. One statement per table, not per row: a
    /// leaving broker's book is thousands of clients with dozens of rows each.
    pub fn move_rows(&self, table: &str, key: &str, owner: &str, broker_id: &str) -> Result<usize> {
        match &self.inner {
            Inner::Sqlite(_) => {
                let count: i64 = self.query_row(
                    &format!("SELECT count(*) FROM {table} WHERE {key} = ?1"),
                    rusqlite::params![owner],
                    |r| r.get(0),
                )?;
                if count == 0 {
                    return Ok(0);
                }
                // One writer at a time: the block of numbers is this transaction's alone, and the
                // rows keep their order within it.
                let last: i64 = self.query_row(
                    "UPDATE feed_seq SET last = last + ?1 WHERE id = 1 RETURNING last",
                    rusqlite::params![count],
                    |r| r.get(0),
                )?;
                self.execute(
                    &format!(
                        "UPDATE {table} SET broker_id = ?2, seq = ?3 + moved.n FROM \
                         (SELECT id AS moved_id, row_number() OVER (ORDER BY seq) AS n \
                          FROM {table} WHERE {key} = ?1) AS moved WHERE {table}.id = moved.moved_id"
                    ),
                    rusqlite::params![owner, broker_id, last - count],
                )
            }
            Inner::Pg(session) => {
                // The first number is taken as `next_seq` takes it (behind the feed's lock); the
                // rest come straight from the sequence, as `next_seq` then does.
                session.borrow_mut().lock_feed()?;
                self.execute(
                    &format!(
                        "UPDATE {table} SET broker_id = ?2, seq = nextval('feed_seq_numbers') \
                         WHERE {key} = ?1"
                    ),
                    rusqlite::params![owner, broker_id],
                )
            }
        }
    }

    /// Moves the sequence past `seq` after rows were written with numbers counted here (import).
    pub fn advance_seq_to(&self, seq: i64) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(_) => {
                self.execute(
                    "UPDATE feed_seq SET last = max(last, ?1) WHERE id = 1",
                    rusqlite::params![seq],
                )?;
            }
            Inner::Pg(session) => session.borrow_mut().advance_seq_to(seq)?,
        }
        Ok(())
    }

    /// The highest seq a feed may be read up to now: every change at or below it has committed or
    /// never will. `None` when nothing can still commit below what is visible.
    pub fn feed_horizon(&self) -> Result<Option<i64>> {
        match &self.inner {
            Inner::Sqlite(_) => Ok(None),
            Inner::Pg(session) => session.borrow_mut().feed_horizon().map(Some),
        }
    }
}
