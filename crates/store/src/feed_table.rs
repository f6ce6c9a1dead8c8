//! What the desk knows of one mirrored table: its name, its columns and how a record binds to
//! them, in one record, so upsert, plain insert and removal cannot disagree. Each table's record
//! lives beside its neighbours (`rows_book`, `rows_firm`, `market_alerts`, `team_threads`);
//! `feed_registry` finds the one for a kind.

use crate::error::{Result, StoreError};
use protocol::{EntityKind, Record};
use rusqlite::Statement;

pub(crate) struct FeedTable {
    pub kind: EntityKind,
    pub table: &'static str,
    /// `id` first; the order `bind` binds in.
    pub columns: &'static [&'static str],
    /// Leaves the desk with its client (see `apply::remove`).
    pub follows_client: bool,
    /// Runs the statement (the table's upsert or insert) with the record's fields.
    pub bind: fn(&mut Statement<'_>, &Record) -> Result<usize>,
}

/// A record handed to another kind's table: a bug in the caller, never the broker's doing.
pub(crate) fn wrong_kind(table: EntityKind, record: &Record) -> StoreError {
    StoreError::Corrupt(format!(
        "{} 记录不能写入 {} 表",
        record.kind().as_str(),
        table.as_str()
    ))
}

pub(crate) fn side_code(side: domain::TradeSide) -> &'static str {
    match side {
        domain::TradeSide::Buy => "Buy",
        domain::TradeSide::Sell => "Sell",
    }
}
