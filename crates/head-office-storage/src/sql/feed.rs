//! The change feed, on either backend: rows of the caller's book, and of the clients shared with
//! them, above the cursor, merged across tables in seq order.

use super::books::key_of;
use super::feed_registry::FEED_TABLES;
use super::feed_table::{FeedScope, FeedTable};
use crate::db::Db;
use crate::error::Result;
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

/// The rows of a client-book table that a co-server (`?1`) reads: those of the clients shared
/// with them (客户共享). The serving broker's own rows are `owner_clause`'s. A client's relations
/// stay with the serving broker: each names another client of that book, whom the co-server
/// does not serve.
fn co_served(table: &FeedTable) -> Option<String> {
    let shared = table.scope == FeedScope::ClientBook && table.kind != EntityKind::ClientRelation;
    shared.then(|| {
        format!(
            "{} IN (SELECT client_id FROM client_shares WHERE broker_id = ?1 AND ended_at IS NULL)",
            key_of(table.kind)
        )
    })
}

/// Every way a feed reads a table, with the table's position in `FEED_TABLES` (the page's
/// `source`): its owner clause, and for a client-book table, when the caller co-serves clients,
/// the co-served clause; tombstones last.
fn feed_sources(co_serving: bool) -> impl Iterator<Item = (usize, &'static str, String)> {
    FEED_TABLES
        .iter()
        .enumerate()
        .flat_map(move |(i, t)| {
            let co = co_serving.then(|| co_served(t)).flatten();
            std::iter::once((i, t.table, owner_clause(t.scope).to_string()))
                .chain(co.map(|c| (i, t.table, c)))
        })
        .chain([(FEED_TABLES.len(), "tombstones", "broker_id = ?1".into())])
}

/// A feed's statements, built once per kind of caller (a pull runs on every sync): a broker
/// who co-serves nobody, most of them, reads exactly as if sharing did not exist.
struct FeedStatements {
    /// Finds the page: the seqs of the caller's first `?4` rows in `(?2 cursor, ?3 horizon]`
    /// across every source (`?1` broker), each with its source's position in `FEED_TABLES`. Each
    /// branch is a short range scan of an index (the source's (broker_id, seq), or for the
    /// co-served clients their rows by client), and the whole is one round trip, which matters
    /// on PostgreSQL, where each statement crosses a socket.
    page: String,
    /// Each feed table's page read, with the position of its `seq` column: `?1` broker, `?2`
    /// cursor, `?3` limit, `?4` the page's last seq. A client-book table of a co-server is read
    /// in two parts, the book's and the co-served clients', so each uses its index.
    reads: Vec<(String, usize)>,
    /// How many rows of the caller's feed are in `(?2 cursor, ?3 horizon]`.
    count: String,
}

impl FeedStatements {
    fn of(co_serving: bool) -> &'static FeedStatements {
        static PLAIN: OnceLock<FeedStatements> = OnceLock::new();
        static SHARING: OnceLock<FeedStatements> = OnceLock::new();
        let cell = if co_serving { &SHARING } else { &PLAIN };
        cell.get_or_init(|| FeedStatements::build(co_serving))
    }

    fn build(co_serving: bool) -> FeedStatements {
        let branches: Vec<String> = feed_sources(co_serving)
            .enumerate()
            .map(|(b, (i, table, owner))| {
                format!(
                    "SELECT * FROM (SELECT seq, {i} AS source FROM {table} WHERE {owner} \
                     AND seq > ?2 AND seq <= ?3 ORDER BY seq LIMIT ?4) AS s{b}"
                )
            })
            .collect();
        let reads = FEED_TABLES
            .iter()
            .map(|t| {
                let part = |owner: &str| {
                    format!(
                        "SELECT id, {}, seq FROM {} WHERE {owner} AND seq > ?2 AND seq <= ?4",
                        t.columns, t.table
                    )
                };
                let co = co_serving.then(|| co_served(t)).flatten();
                let parts: Vec<String> = std::iter::once(owner_clause(t.scope).to_string())
                    .chain(co)
                    .map(|owner| part(&owner))
                    .collect();
                let sql = format!("{} ORDER BY seq LIMIT ?3", parts.join(" UNION ALL "));
                (sql, t.columns.split(',').count() + 1)
            })
            .collect();
        let counts: Vec<String> = feed_sources(co_serving)
            .map(|(_, table, owner)| {
                format!("(SELECT count(*) FROM {table} WHERE {owner} AND seq > ?2 AND seq <= ?3)")
            })
            .collect();
        FeedStatements {
            page: format!("{} ORDER BY seq LIMIT ?4", branches.join(" UNION ALL ")),
            reads,
            count: format!("SELECT {}", counts.join(" + ")),
        }
    }
}

/// How many rows of the caller's feed are in `(cursor, horizon]`, for a desk's progress.
fn count_in_range(
    db: &Db<'_>,
    sql: &FeedStatements,
    broker: &str,
    cursor: u64,
    horizon: i64,
) -> Result<u64> {
    let n: i64 = db.query_row(&sql.count, params![broker, to_i64(cursor), horizon], |r| {
        r.get(0)
    })?;
    Ok(n.unsigned_abs())
}

pub(super) fn pull(db: &Db<'_>, broker: &str, query: &PullQuery, epoch: &str) -> Result<PullPage> {
    let cursor = query.cursor;
    // On PostgreSQL a change with a lower seq may still commit after one with a higher seq is
    // visible; reading past the horizon could move the cursor over it and lose it for good.
    let horizon = db.feed_horizon()?.unwrap_or(i64::MAX);
    let limit = query.limit.clamp(1, PullQuery::MAX_LIMIT);
    let co_serving = db
        .query_opt(
            "SELECT 1 FROM client_shares WHERE broker_id = ?1 AND ended_at IS NULL LIMIT 1",
            params![broker],
            |_| Ok(true),
        )?
        .unwrap_or(false);
    let sql = FeedStatements::of(co_serving);
    // One row more than the page, to know whether there is more.
    let found: Vec<(i64, usize)> = db.query_map(
        &sql.page,
        params![broker, to_i64(cursor), horizon, limit + 1],
        |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.unsigned_abs() as usize)),
    )?;
    let full = found.len() > limit as usize;
    let page = &found[..found.len().min(limit as usize)];
    let upper = page.last().map_or(to_i64(cursor), |(seq, _)| *seq);
    let has_rows = |source: usize| page.iter().any(|(_, s)| *s == source);
    let mut changes: Vec<Change> = Vec::new();
    for (source, t) in FEED_TABLES.iter().enumerate() {
        if !has_rows(source) {
            continue;
        }
        let (read, seq_index) = &sql.reads[source];
        let rows = db.query_map(read, params![broker, to_i64(cursor), limit, upper], |r| {
            Ok(Change::Upsert {
                seq: r.get::<_, i64>(*seq_index)?.unsigned_abs(),
                record: (t.read)(r)?,
            })
        })?;
        changes.extend(rows);
    }
    if has_rows(FEED_TABLES.len()) {
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
    // Rows above the horizon are not readable yet, so they do not count as more to pull; a page
    // that is not full has nothing after it.
    let remaining = if full && query.count {
        count_in_range(db, sql, broker, next, horizon)?
    } else {
        0
    };
    Ok(PullPage {
        changes,
        cursor: next,
        has_more: full,
        remaining,
        epoch: epoch.to_string(),
    })
}
