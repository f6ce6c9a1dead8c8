//! The change feed on SQLite: rows of the caller's book above the cursor, merged across tables in
//! seq order.

use super::sqlite_rows::FEED_TABLES;
use crate::error::Result;
use protocol::{Change, EntityKind, PullPage, PullQuery};
use rusqlite::{params, Connection, OptionalExtension};

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

pub(super) fn pull(conn: &Connection, broker: &str, cursor: u64, limit: u32) -> Result<PullPage> {
    let limit = limit.clamp(1, PullQuery::MAX_LIMIT);
    let upper = page_upper_bound(conn, broker, cursor, limit)?;
    let mut changes: Vec<Change> = Vec::new();
    for t in &FEED_TABLES {
        let seq_index = t.columns.split(',').count() + 1;
        let sql = format!(
            "SELECT id, {}, seq FROM {} WHERE broker_id = ?1 AND seq > ?2 AND seq <= ?4 \
             ORDER BY seq LIMIT ?3",
            t.columns, t.table
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![broker, to_i64(cursor), limit, upper], |r| {
            Ok(Change::Upsert {
                seq: r.get::<_, i64>(seq_index)?.unsigned_abs(),
                record: (t.read)(r)?,
            })
        })?;
        for row in rows {
            changes.push(row?);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT seq, kind, id FROM tombstones WHERE broker_id = ?1 AND seq > ?2 AND seq <= ?4 \
         ORDER BY seq LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![broker, to_i64(cursor), limit, upper], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (seq, kind, id) = row?;
        if let Some(kind) = EntityKind::parse(&kind) {
            changes.push(Change::Remove {
                seq: seq.unsigned_abs(),
                kind,
                id,
            });
        }
    }
    changes.sort_by_key(Change::seq);
    changes.truncate(limit as usize);
    let next = changes.last().map_or(cursor, Change::seq);
    let remaining = count_after(conn, broker, next)?;
    Ok(PullPage {
        changes,
        cursor: next,
        has_more: remaining > 0,
        remaining,
    })
}

/// The highest seq that can be on this page: no table has more than `limit` rows up to it, so
/// reading each table only up to it reads little more than the page (instead of `limit` rows from
/// every table). Only the index on (broker_id, seq) is touched.
fn page_upper_bound(conn: &Connection, broker: &str, cursor: u64, limit: u32) -> Result<i64> {
    let mut upper = i64::MAX;
    let tables = FEED_TABLES.iter().map(|t| t.table).chain(["tombstones"]);
    for table in tables {
        let sql = format!(
            "SELECT seq FROM {table} WHERE broker_id = ?1 AND seq > ?2 ORDER BY seq LIMIT 1 OFFSET ?3"
        );
        let nth: Option<i64> = conn
            .prepare_cached(&sql)?
            .query_row(params![broker, to_i64(cursor), limit - 1], |r| r.get(0))
            .optional()?;
        if let Some(seq) = nth {
            upper = upper.min(seq);
        }
    }
    Ok(upper)
}

fn count_after(conn: &Connection, broker: &str, cursor: u64) -> Result<u64> {
    let mut total = 0u64;
    let tables = FEED_TABLES.iter().map(|t| t.table).chain(["tombstones"]);
    for table in tables {
        let sql = format!("SELECT count(*) FROM {table} WHERE broker_id = ?1 AND seq > ?2");
        let n: i64 = conn
            .prepare_cached(&sql)?
            .query_row(params![broker, to_i64(cursor)], |r| r.get(0))?;
        total += n.unsigned_abs();
    }
    Ok(total)
}
