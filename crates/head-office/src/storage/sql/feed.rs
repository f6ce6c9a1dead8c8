//! The change feed, on either backend: rows of the caller's book above the cursor, merged across
//! tables in seq order.

use super::rows::{FeedScope, FEED_TABLES};
use crate::error::Result;
use crate::storage::db::Db;
use protocol::{Change, EntityKind, PullPage, PullQuery};
use rusqlite::params;
use std::sync::OnceLock;

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

/// One statement that tells, for every source, how many of the caller's rows are in
/// `(cursor, horizon]` and the seq of the `limit`-th of them: parameters `?1` broker, `?2` cursor,
/// `?3` horizon, `?4` limit - 1. One round trip instead of two per table, which matters on
/// PostgreSQL, where each statement crosses a socket.
fn survey_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let columns: Vec<String> = feed_sources()
            .map(|(table, owner)| {
                let range = format!("FROM {table} WHERE {owner} AND seq > ?2 AND seq <= ?3");
                format!(
                    "(SELECT count(*) {range}), \
                     (SELECT seq {range} ORDER BY seq LIMIT 1 OFFSET ?4)"
                )
            })
            .collect();
        format!("SELECT {}", columns.join(", "))
    })
}

/// Per source, in `feed_sources` order: (rows in range, seq of the `limit`-th).
fn survey(
    db: &Db<'_>,
    broker: &str,
    cursor: u64,
    horizon: i64,
    limit: u32,
) -> Result<Vec<(u64, Option<i64>)>> {
    let sources = feed_sources().count();
    db.query_row(
        survey_sql(),
        params![broker, to_i64(cursor), horizon, limit - 1],
        |r| {
            (0..sources)
                .map(|i| {
                    Ok((
                        r.get::<_, i64>(2 * i)?.unsigned_abs(),
                        r.get::<_, Option<i64>>(2 * i + 1)?,
                    ))
                })
                .collect()
        },
    )
}

pub(super) fn pull(db: &Db<'_>, broker: &str, cursor: u64, limit: u32) -> Result<PullPage> {
    // On PostgreSQL a change with a lower seq may still commit after one with a higher seq is
    // visible; reading past the horizon could move the cursor over it and lose it for good.
    let horizon = db.feed_horizon()?.unwrap_or(i64::MAX);
    let limit = limit.clamp(1, PullQuery::MAX_LIMIT);
    let survey = survey(db, broker, cursor, horizon, limit)?;
    let in_range: u64 = survey.iter().map(|(n, _)| n).sum();
    // No table has more than `limit` rows up to `upper`, so each is read only that far.
    let upper = survey
        .iter()
        .filter_map(|(_, nth)| *nth)
        .min()
        .unwrap_or(horizon)
        .min(horizon);
    let mut changes: Vec<Change> = Vec::new();
    for (t, (rows, _)) in FEED_TABLES.iter().zip(&survey) {
        if *rows == 0 {
            continue;
        }
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
    if survey.last().is_some_and(|(rows, _)| *rows > 0) {
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
    }
    changes.sort_by_key(Change::seq);
    changes.truncate(limit as usize);
    let next = changes.last().map_or(cursor, Change::seq);
    // Every row in range up to `next` is on this page; rows above the horizon are not readable
    // yet, so they do not count as more to pull.
    let remaining = in_range.saturating_sub(changes.len() as u64);
    Ok(PullPage {
        changes,
        cursor: next,
        has_more: remaining > 0,
        remaining,
    })
}
