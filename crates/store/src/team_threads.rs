//! The broker's side of what leads decide and say: client transfer requests (客户移交) and the
//! internal threads (内部交流) on tasks and requests. A broker's own request or message shows at
//! once, marked pending, and goes to head office with the next sync; what head office answers
//! (the decision, a lead's message) arrives in the feed.

use crate::error::{Result, StoreError};
use crate::feed_table::{wrong_kind, FeedTable};
use crate::outbox::{enqueue, Answer, WriteIds};
use crate::Store;
use chrono::{DateTime, Utc};
use protocol::team::{
    CommentRecord, CommentSubject, NewTransferRequest, TransferRequestRecord, TransferStatus,
};
use protocol::{EntityKind, Mutation, MutationOp, Record};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

pub(crate) const TRANSFER_REQUESTS: FeedTable = FeedTable {
    kind: EntityKind::TransferRequest,
    table: "transfer_requests",
    follows_client: false,
    columns: TRANSFER_COLUMNS,
    bind: |stmt, record| match record {
        Record::TransferRequest(t) => bind_transfer(stmt, t),
        other => Err(wrong_kind(EntityKind::TransferRequest, other)),
    },
};

pub(crate) const COMMENTS: FeedTable = FeedTable {
    kind: EntityKind::Comment,
    table: "comments",
    follows_client: false,
    columns: COMMENT_COLUMNS,
    bind: |stmt, record| match record {
        Record::Comment(c) => bind_comment(stmt, c),
        other => Err(wrong_kind(EntityKind::Comment, other)),
    },
};

const TRANSFER_COLUMNS: &[&str] = &[
    "id",
    "client_id",
    "client_name",
    "from_broker_id",
    "from_broker_name",
    "to_broker_id",
    "to_broker_name",
    "reason",
    "raised_at",
    "status",
    "decided_by_name",
    "decided_at",
    "decision_note",
    "pending",
];

const COMMENT_COLUMNS: &[&str] = &[
    "id",
    "subject",
    "subject_id",
    "author_id",
    "author_name",
    "body",
    "at",
    "pending",
];

fn bind_transfer(stmt: &mut rusqlite::Statement<'_>, t: &TransferRequestRecord) -> Result<usize> {
    Ok(stmt.execute(params![
        t.id,
        t.client_id,
        t.client_name,
        t.from_broker_id,
        t.from_broker_name,
        t.to_broker_id,
        t.to_broker_name,
        t.reason,
        t.raised_at,
        t.status.as_str(),
        t.decided_by_name,
        t.decided_at,
        t.decision_note,
        0
    ])?)
}

fn bind_comment(stmt: &mut rusqlite::Statement<'_>, c: &CommentRecord) -> Result<usize> {
    Ok(stmt.execute(params![
        c.id,
        c.subject.as_str(),
        c.subject_id,
        c.author_id,
        c.author_name,
        c.body,
        c.at,
        0
    ])?)
}

/// A transfer request as the window shows it: the record, and whether head office has it yet.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TransferRequestView {
    pub request: TransferRequestRecord,
    pub pending: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CommentView {
    pub comment: CommentRecord,
    pub pending: bool,
}

fn transfer_row(r: &Row<'_>) -> rusqlite::Result<TransferRequestView> {
    let status: String = r.get(9)?;
    Ok(TransferRequestView {
        request: TransferRequestRecord {
            id: r.get(0)?,
            client_id: r.get(1)?,
            client_name: r.get(2)?,
            from_broker_id: r.get(3)?,
            from_broker_name: r.get(4)?,
            to_broker_id: r.get(5)?,
            to_broker_name: r.get(6)?,
            reason: r.get(7)?,
            raised_at: r.get(8)?,
            status: TransferStatus::parse(&status).unwrap_or(TransferStatus::Pending),
            decided_by_name: r.get(10)?,
            decided_at: r.get(11)?,
            decision_note: r.get(12)?,
        },
        pending: r.get(13)?,
    })
}

fn comment_row(r: &Row<'_>) -> rusqlite::Result<CommentView> {
    let subject: String = r.get(1)?;
    Ok(CommentView {
        comment: CommentRecord {
            id: r.get(0)?,
            subject: CommentSubject::parse(&subject).unwrap_or(CommentSubject::Task),
            subject_id: r.get(2)?,
            author_id: r.get(3)?,
            author_name: r.get(4)?,
            body: r.get(5)?,
            at: r.get(6)?,
        },
        pending: r.get(7)?,
    })
}

impl Store {
    /// Asks head office to hand a client of this book to a colleague (user name or id).
    pub fn request_transfer(
        &mut self,
        ids: WriteIds,
        me: (&str, &str),
        client_id: &str,
        to_broker: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let reason = reason.trim();
        if reason.chars().count() < 4 || reason.chars().count() > 500 {
            return Err(StoreError::Invalid("请填写移交原因（4 到 500 字）".into()));
        }
        let to_broker = to_broker.trim();
        if to_broker.is_empty() {
            return Err(StoreError::Invalid("请填写接收经纪人的工号".into()));
        }
        let tx = self.conn.transaction()?;
        let name: Option<String> = tx
            .query_row("SELECT name FROM clients WHERE id = ?1", [client_id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(client_name) = name else {
            return Err(StoreError::Invalid(format!(
                "客户 {client_id} 不在您的客户名单中"
            )));
        };
        let open: Option<String> = tx
            .query_row(
                "SELECT id FROM transfer_requests WHERE client_id = ?1 AND status = 'pending'",
                [client_id],
                |r| r.get(0),
            )
            .optional()?;
        if open.is_some() {
            return Err(StoreError::Invalid("该客户已有一条待审批的移交申请".into()));
        }
        tx.execute(
            "INSERT INTO transfer_requests (id, client_id, client_name, from_broker_id, \
             from_broker_name, to_broker_id, to_broker_name, reason, raised_at, status, pending) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, 'pending', 1)",
            params![
                ids.record_id,
                client_id,
                client_name,
                me.0,
                me.1,
                to_broker,
                reason,
                now
            ],
        )?;
        enqueue(
            &tx,
            &Mutation {
                id: ids.mutation_id,
                made_at: now,
                op: MutationOp::RequestTransfer(NewTransferRequest {
                    id: ids.record_id,
                    client_id: client_id.to_string(),
                    to_broker: to_broker.to_string(),
                    reason: reason.to_string(),
                    raised_at: now,
                }),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The broker's requests, pending first; those about one client when `client_id` is given.
    pub fn transfer_requests(&self, client_id: Option<&str>) -> Result<Vec<TransferRequestView>> {
        let sql = format!(
            "SELECT {} FROM transfer_requests WHERE ?1 IS NULL OR client_id = ?1 \
             ORDER BY status <> 'pending', raised_at DESC",
            TRANSFER_COLUMNS.join(", ")
        );
        let rows = self
            .conn()
            .prepare_cached(&sql)?
            .query_map([client_id], transfer_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The broker's message on their task or transfer request.
    pub fn add_comment(
        &mut self,
        ids: WriteIds,
        me: (&str, &str),
        subject: CommentSubject,
        subject_id: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let body = body.trim();
        if body.is_empty() || body.chars().count() > 1_000 {
            return Err(StoreError::Invalid("留言不能为空，且不超过 1000 字".into()));
        }
        let table = match subject {
            CommentSubject::Task => "tasks",
            CommentSubject::Transfer => "transfer_requests",
        };
        let tx = self.conn.transaction()?;
        let known: Option<i64> = tx
            .query_row(
                &format!("SELECT 1 FROM {table} WHERE id = ?1"),
                [subject_id],
                |r| r.get(0),
            )
            .optional()?;
        if known.is_none() {
            return Err(StoreError::Invalid(
                "只能在本人的任务或移交申请下留言".into(),
            ));
        }
        let comment = CommentRecord {
            id: ids.record_id,
            subject,
            subject_id: subject_id.to_string(),
            author_id: me.0.to_string(),
            author_name: me.1.to_string(),
            body: body.to_string(),
            at: now,
        };
        tx.execute(
            "INSERT INTO comments (id, subject, subject_id, author_id, author_name, body, at, \
             pending) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
            params![
                comment.id,
                subject.as_str(),
                subject_id,
                comment.author_id,
                comment.author_name,
                comment.body,
                now
            ],
        )?;
        enqueue(
            &tx,
            &Mutation {
                id: ids.mutation_id,
                made_at: now,
                op: MutationOp::AddComment(comment),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A thread, oldest first.
    pub fn comments(&self, subject: CommentSubject, subject_id: &str) -> Result<Vec<CommentView>> {
        let sql = format!(
            "SELECT {} FROM comments WHERE subject = ?1 AND subject_id = ?2 ORDER BY at, id",
            COMMENT_COLUMNS.join(", ")
        );
        let rows = self
            .conn()
            .prepare_cached(&sql)?
            .query_map(params![subject.as_str(), subject_id], comment_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// Head office's answer to a transfer request: taken, or refused (head office holds no such
/// request, so the desk's goes and the reason is kept).
pub(crate) fn settle_transfer(
    tx: &rusqlite::Transaction<'_>,
    request: &NewTransferRequest,
    answer: &Answer<'_>,
) -> Result<()> {
    if answer.refusal().is_none() {
        tx.execute(
            "UPDATE transfer_requests SET pending = 0 WHERE id = ?1",
            [&request.id],
        )?;
        return Ok(());
    }
    tx.execute("DELETE FROM transfer_requests WHERE id = ?1", [&request.id])?;
    answer.record_refusal(tx, &format!("客户移交申请（转给 {}）", request.to_broker))
}

/// Head office's answer to a comment: taken, or refused (the desk's copy goes).
pub(crate) fn settle_comment(
    tx: &rusqlite::Transaction<'_>,
    comment: &CommentRecord,
    answer: &Answer<'_>,
) -> Result<()> {
    if answer.refusal().is_none() {
        tx.execute(
            "UPDATE comments SET pending = 0 WHERE id = ?1",
            [&comment.id],
        )?;
        return Ok(());
    }
    tx.execute("DELETE FROM comments WHERE id = ?1", [&comment.id])?;
    answer.record_refusal(tx, &format!("留言：{}", comment.body))
}
