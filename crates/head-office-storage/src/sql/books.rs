//! Whose book a client is in, and moving a client (with everything hanging off it) between
//! books: what a note, a push and a transfer decision all ask first.

use super::feed_registry::FEED_TABLES;
use super::feed_table::FeedScope;
use crate::db::Db;
use crate::error::{Result, StorageError};
use chrono::{DateTime, Utc};
use protocol::EntityKind;
use rusqlite::params;

/// Who serves the client, read by writing the client's row. Every write scoped by the serving
/// broker reads it here, so on PostgreSQL a note and a move of its client can never both commit
/// from snapshots that miss each other: a note (REPEATABLE READ) that finds the row rewritten by a
/// move fails, is retried, and sees the new broker; a move (READ COMMITTED, `write_locking`) that
/// finds a note holding the row waits, then sees the note. A plain read would let a note land in
/// the book the client just left. On SQLite writers never overlap; the touch costs one row write.
pub(super) fn serving_broker(db: &Db<'_>, client_id: &str) -> Result<Option<String>> {
    db.query_opt(
        "UPDATE clients SET broker_id = broker_id WHERE id = ?1 RETURNING broker_id",
        params![client_id],
        |r| r.get(0),
    )
}

/// Moves a client and everything hanging off it to another broker's book. The old book gets a
/// tombstone for the client (the desk purges the client and its children), the new book gets every
/// row again with fresh sequence numbers, client first so children never arrive before it.
pub(super) fn transfer_client(
    db: &Db<'_>,
    client_id: &str,
    to_broker: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    move_client(db, client_id, to_broker, at)
}

/// The move itself, inside the caller's transaction (an approved transfer request moves the
/// client and records the decision at once).
pub(super) fn move_client(
    db: &Db<'_>,
    client_id: &str,
    to_broker: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    let from = serving_broker(db, client_id)?
        .ok_or_else(|| StorageError::NotFound(format!("客户 {client_id}")))?;
    let is_broker: bool = db
        .query_opt(
            "SELECT 1 FROM users WHERE id = ?1 AND role = 'Broker'",
            params![to_broker],
            |_| Ok(true),
        )?
        .unwrap_or(false);
    if !is_broker {
        return Err(StorageError::Validation(format!("{to_broker} 不是经纪人")));
    }
    if from == to_broker {
        return Ok(());
    }
    let seq = db.next_seq()?;
    db.execute(
        "INSERT INTO tombstones (seq, broker_id, kind, id) VALUES (?1, ?2, ?3, ?4)",
        params![seq, from, EntityKind::Client.as_str(), client_id],
    )?;
    reissue(db, client_id, to_broker)?;
    // A co-server who receives the client serves them alone from now on.
    db.execute(
        "UPDATE client_shares SET ended_at = ?3, end_reason = '客户已划转给共同服务人' \
         WHERE client_id = ?1 AND broker_id = ?2 AND ended_at IS NULL",
        params![client_id, to_broker, at],
    )?;
    db.execute(
        "INSERT INTO client_moves (client_id, from_broker, to_broker, moved_at) \
         VALUES (?1, ?2, ?3, ?4)",
        params![client_id, from, to_broker, at],
    )?;
    Ok(())
}

/// Puts the client and everything hanging off it in `broker`'s book with fresh sequence numbers,
/// client first so children never arrive before it: every feed that reads the client (the book's
/// and a co-server's) gets it all again, whatever its cursor. Deliveries of a push stay in the
/// book of the broker who pushed; the library is everybody's.
pub(super) fn reissue(db: &Db<'_>, client_id: &str, broker: &str) -> Result<()> {
    for t in FEED_TABLES
        .iter()
        .filter(|t| t.scope == FeedScope::ClientBook)
    {
        db.move_rows(t.table, key_of(t.kind), client_id, broker)?;
    }
    Ok(())
}

/// The column naming a book row's client.
pub(super) fn key_of(kind: EntityKind) -> &'static str {
    if kind == EntityKind::Client {
        "id"
    } else {
        "client_id"
    }
}

/// The book a broker may write to for `client_id`: the serving broker's, when `broker` serves
/// the client or co-serves it (客户共享). Reads the client's row as `serving_broker` does.
pub(super) fn book_served_by(db: &Db<'_>, client_id: &str, broker: &str) -> Result<Option<String>> {
    let Some(serving) = serving_broker(db, client_id)? else {
        return Ok(None);
    };
    if serving == broker {
        return Ok(Some(serving));
    }
    let co_serves = db
        .query_opt(
            "SELECT 1 FROM client_shares WHERE client_id = ?1 AND broker_id = ?2 \
             AND ended_at IS NULL",
            params![client_id, broker],
            |_| Ok(true),
        )?
        .unwrap_or(false);
    Ok(co_serves.then_some(serving))
}
