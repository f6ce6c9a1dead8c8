//! The change feed, on either backend: rows of the caller's book above the cursor, merged across
//! tables in seq order.

use super::rows::{FeedScope, FEED_TABLES};
use crate::error::Result;
use crate::storage::db::Db;
use protocol::{Change, EntityKind, PullPage, PullQuery};
use rusqlite::params;

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Which rows of a table are in the caller's (`?1`) feed. Firm-wide rows are everybody's; `?1` is
/// still named so every statement takes the same parameters (cast, so PostgreSQL knows its type).
fn owner_clause(scope: FeedScope) -> &'static str {
    match scope {
        FeedScope::ClientBook | FeedScope::Author => "broker_id = ?1",
        FeedScope::Firm => "broker_id = '*' AND CAST(?1 AS TEXT) IS NOT NULL",
    }
}

/// Every table a feed reads, with its owner clause; tombstones last.
fn feed_sources() -> impl Iterator<Item = (&'static str, &'static str)> {
    FEED_TABLES
        .iter()
        .map(|t| (t.table, owner_clause(t.scope)))
        .chain([("tombstones", "broker_id = ?1")])
}

pub(super) fn pull(db: &Db<'_>, broker: &str, cursor: u64, limit: u32) -> Result<PullPage> {
    // On PostgreSQL a change with a lower seq may still commit after one with a higher seq is
    // visible; reading past the horizon could move the cursor over it and lose it for good.
    let horizon = db.feed_horizon()?.unwrap_or(i64::MAX);
    let limit = limit.clamp(1, PullQuery::MAX_LIMIT);
    let upper = page_upper_bound(db, broker, cursor, limit)?.min(horizon);
    let mut changes: Vec<Change> = Vec::new();
    for t in &FEED_TABLES {
        let seq_index = t.columns.split(',').count() + 1;
        let sql = format!(
            "SELECT id, {}, seq FROM {} WHERE {} AND seq > ?2 AND seq <= ?4 \
             ORDER BY seq LIMIT ?3",
            t.columns,
            t.table,
            owner_clause(t.scope)
        );
        let rows = db.query_map(&sql, params![broker, to_i64(cursor), limit, upper], |r| {
            Ok(Change::Upsert {
                seq: r.get::<_, i64>(seq_index)?.unsigned_abs(),
                record: (t.read)(r)?,
            })
        })?;
        changes.extend(rows);
    }
    let tombstones = db.query_map(
        "SELECT seq, kind, id FROM tombstones WHERE broker_id = ?1 AND seq > ?2 AND seq <= ?4 \
         ORDER BY seq LIMIT ?3",
        params![broker, to_i64(cursor), limit, upper],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        },
    )?;
    for (seq, kind, id) in tombstones {
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
    // Rows above the horizon are not readable yet, so they do not count as more to pull.
    let remaining = count_after(db, broker, next, horizon)?;
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
fn page_upper_bound(db: &Db<'_>, broker: &str, cursor: u64, limit: u32) -> Result<i64> {
    let mut upper = i64::MAX;
    for (table, owner) in feed_sources() {
        let sql = format!(
            "SELECT seq FROM {table} WHERE {owner} AND seq > ?2 ORDER BY seq LIMIT 1 OFFSET ?3"
        );
        let nth: Option<i64> =
            db.query_opt(&sql, params![broker, to_i64(cursor), limit - 1], |r| {
                r.get(0)
            })?;
        if let Some(seq) = nth {
            upper = upper.min(seq);
        }
    }
    Ok(upper)
}

/// How many rows of the caller's feed are above `cursor` and at or below `horizon`.
fn count_after(db: &Db<'_>, broker: &str, cursor: u64, horizon: i64) -> Result<u64> {
    let mut total = 0u64;
    for (table, owner) in feed_sources() {
        let sql = format!("SELECT count(*) FROM {table} WHERE {owner} AND seq > ?2 AND seq <= ?3");
        let n: i64 = db.query_row(&sql, params![broker, to_i64(cursor), horizon], |r| r.get(0))?;
        total += n.unsigned_abs();
    }
    Ok(total)
}
