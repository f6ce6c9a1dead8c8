//! What head office knows of one feed table: whose feed its rows are in, its columns, how a row
//! reads into a record and how a record binds into a row, in one record. Each table's record lives
//! beside its neighbours (`rows`, `rows_360`, `rows_library`, `rows_commission`, `rows_tasks`,
//! `calendar`, `rows_transfers`); `feed_registry` lists them all.

use crate::db::{Db, Row};
use crate::error::Result;
use domain::TradeSide;
use protocol::{EntityKind, Record};
use rusqlite::types::Type;

/// Whose feed a table's rows are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FeedScope {
    /// The book of the broker serving the row's client; the row moves when the client does.
    ClientBook,
    /// The broker who wrote it (a push's deliveries); it stays with them when the client moves.
    Author,
    /// Every broker: `broker_id` is `*`.
    Firm,
}

/// The `broker_id` of firm-wide rows.
pub(super) const FIRM_WIDE: &str = "*";

pub(super) struct FeedTable {
    pub kind: EntityKind,
    pub scope: FeedScope,
    pub table: &'static str,
    /// Data columns after `id`, in the order `read` expects them at index 1...
    pub columns: &'static str,
    pub read: fn(&Row<'_>) -> rusqlite::Result<Record>,
    /// Parameters: `id, broker_id, seq`, then the record's fields as `bind` binds them.
    pub insert: &'static str,
    /// Runs `insert` with a record of this table's kind.
    pub bind: Bind,
}

/// `(db, insert, broker, seq, record)`.
pub(super) type Bind = fn(&Db<'_>, &str, &str, i64, &Record) -> Result<usize>;

impl FeedTable {
    /// Writes one record into this table, in `broker`'s feed at sequence number `seq`.
    pub fn write(&self, db: &Db<'_>, broker: &str, seq: i64, record: &Record) -> Result<usize> {
        (self.bind)(db, self.insert, broker, seq, record)
    }
}

pub(super) fn bad(i: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, Type::Text, format!("unknown {what}").into())
}

pub(super) fn side_code(side: TradeSide) -> &'static str {
    match side {
        TradeSide::Buy => "Buy",
        TradeSide::Sell => "Sell",
    }
}

/// A record handed to another kind's table: a bug in the caller.
pub(super) fn wrong_kind() -> crate::error::StorageError {
    rusqlite::Error::InvalidQuery.into()
}
