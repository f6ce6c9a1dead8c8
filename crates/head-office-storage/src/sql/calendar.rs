//! The market calendar's feed rows (firm-wide). Same shape as `rows`.

use super::feed_table::{bad, FeedScope, FeedTable};
use crate::db::{Db, Row};
use crate::error::Result;
use protocol::{EntityKind, MarketEventKind, MarketEventRecord, Record};
use rusqlite::params;

pub(super) const MARKET_EVENTS: FeedTable = FeedTable {
    scope: FeedScope::Firm,
    kind: EntityKind::MarketEvent,
    table: "market_events",
    columns: "event, on_day, security_code, security_name, window_days, detail",
    read: read_event,
    insert: "INSERT INTO market_events (id, broker_id, seq, event, on_day, security_code, \
             security_name, window_days, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    bind: insert,
};

fn read_event(r: &Row<'_>) -> rusqlite::Result<Record> {
    let event: String = r.get(1)?;
    Ok(Record::MarketEvent(MarketEventRecord {
        id: r.get(0)?,
        event: MarketEventKind::parse(&event).ok_or_else(|| bad(1, "market event"))?,
        on: r.get(2)?,
        security_code: r.get(3)?,
        security_name: r.get(4)?,
        window_days: r.get(5)?,
        detail: r.get(6)?,
    }))
}

fn insert(db: &Db<'_>, sql: &str, broker: &str, seq: i64, record: &Record) -> Result<usize> {
    match record {
        Record::MarketEvent(e) => db.execute(
            sql,
            params![
                e.id,
                broker,
                seq,
                e.event.as_str(),
                e.on,
                e.security_code,
                e.security_name,
                e.window_days,
                e.detail
            ],
        ),
        _ => Err(rusqlite::Error::InvalidQuery.into()),
    }
}
