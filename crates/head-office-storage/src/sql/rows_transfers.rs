//! The feed tables of transfer requests and threads (in the requesting or assigned broker's
//! feed). Same shape as `rows`; `transfers` writes and reads them.

use super::feed_table::{bad, FeedScope, FeedTable};
use crate::db::{Db, Row};
use crate::error::Result;
use protocol::team::{CommentRecord, CommentSubject, TransferRequestRecord, TransferStatus};
use protocol::{EntityKind, Record};
use rusqlite::params;

pub(super) const TRANSFER_REQUESTS: FeedTable = FeedTable {
    scope: FeedScope::Author,
    kind: EntityKind::TransferRequest,
    table: "transfer_requests",
    columns: "client_id, client_name, from_broker, \
              (SELECT display_name FROM users u WHERE u.id = transfer_requests.from_broker), \
              to_broker, (SELECT display_name FROM users u WHERE u.id = transfer_requests.to_broker), \
              reason, raised_at, status, \
              (SELECT display_name FROM users u WHERE u.id = transfer_requests.decided_by), \
              decided_at, decision_note",
    read: read_request,
    // Names are looked up as rows are read; `decided_by_name` carries the decider's id on the way in.
    insert: "INSERT INTO transfer_requests (id, broker_id, seq, client_id, client_name, from_broker, \
             to_broker, reason, raised_at, status, decided_by, decided_at, decision_note) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",    bind: insert,
};

pub(super) const COMMENTS: FeedTable = FeedTable {
    scope: FeedScope::Author,
    kind: EntityKind::Comment,
    table: "comments",
    columns: "subject, subject_id, author_id, \
              (SELECT display_name FROM users u WHERE u.id = comments.author_id), body, at",
    read: read_comment,
    insert: "INSERT INTO comments (id, broker_id, seq, subject, subject_id, author_id, body, at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    bind: insert,
};

pub(super) fn read_request(r: &Row<'_>) -> rusqlite::Result<Record> {
    let status: String = r.get(9)?;
    Ok(Record::TransferRequest(TransferRequestRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        client_name: r.get(2)?,
        from_broker_id: r.get(3)?,
        from_broker_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        to_broker_id: r.get(5)?,
        to_broker_name: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        reason: r.get(7)?,
        raised_at: r.get(8)?,
        status: TransferStatus::parse(&status).ok_or_else(|| bad(9, "transfer status"))?,
        decided_by_name: r.get(10)?,
        decided_at: r.get(11)?,
        decision_note: r.get(12)?,
    }))
}

pub(super) fn read_comment(r: &Row<'_>) -> rusqlite::Result<Record> {
    let subject: String = r.get(1)?;
    Ok(Record::Comment(CommentRecord {
        id: r.get(0)?,
        subject: CommentSubject::parse(&subject).ok_or_else(|| bad(1, "comment subject"))?,
        subject_id: r.get(2)?,
        author_id: r.get(3)?,
        author_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        body: r.get(5)?,
        at: r.get(6)?,
    }))
}

/// `sql` is the record's table's `insert` (`TRANSFER_REQUESTS` or `COMMENTS`).
fn insert(db: &Db<'_>, sql: &str, broker: &str, seq: i64, record: &Record) -> Result<usize> {
    match record {
        Record::TransferRequest(t) => db.execute(
            sql,
            params![
                t.id,
                broker,
                seq,
                t.client_id,
                t.client_name,
                t.from_broker_id,
                t.to_broker_id,
                t.reason,
                t.raised_at,
                t.status.as_str(),
                t.decided_by_name,
                t.decided_at,
                t.decision_note
            ],
        ),
        Record::Comment(c) => db.execute(
            sql,
            params![
                c.id,
                broker,
                seq,
                c.subject.as_str(),
                c.subject_id,
                c.author_id,
                c.body,
                c.at
            ],
        ),
        _ => Err(rusqlite::Error::InvalidQuery.into()),
    }
}
