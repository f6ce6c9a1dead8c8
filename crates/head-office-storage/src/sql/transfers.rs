//! Client transfer requests and internal threads, on either backend: their feed rows (in the
//! requesting or assigned broker's feed), the broker's writes (through mutations) and the lead's
//! (through the team endpoints, after `team` has checked scope).

use super::books::{move_client, serving_broker};
use super::rows_transfers::{read_comment, read_request, COMMENTS, TRANSFER_REQUESTS};
use crate::db::Db;
use crate::error::{Result, StorageError};
use chrono::{DateTime, Utc};
use protocol::team::{
    CommentRecord, CommentSubject, NewTransferRequest, TransferDecision, TransferRequestRecord,
    TransferStatus,
};
use protocol::{ErrorCode, MutationOutcome, Record};
use rusqlite::params;

/// A broker asks to hand one of their clients to a colleague, named by user name or id.
pub(super) fn request(
    db: &Db<'_>,
    user_id: &str,
    req: &NewTransferRequest,
) -> Result<MutationOutcome> {
    if serving_broker(db, &req.client_id)?.as_deref() != Some(user_id) {
        return Ok(MutationOutcome::refused(
            ErrorCode::Forbidden,
            "只能申请移交本人名下的客户",
        ));
    }
    let reason = req.reason.trim();
    if reason.chars().count() < 4 || reason.chars().count() > 500 {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "请填写移交原因（4 到 500 字）",
        ));
    }
    let target: Option<String> = db.query_opt(
        "SELECT id FROM users WHERE (username = ?1 OR id = ?1) AND role = 'Broker' \
         AND disabled = 0",
        params![req.to_broker.trim()],
        |r| r.get(0),
    )?;
    let Some(to) = target else {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            format!("找不到经纪人 {}，请核对工号", req.to_broker.trim()),
        ));
    };
    if to == user_id {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "不能移交给自己",
        ));
    }
    let open: Option<String> = db.query_opt(
        "SELECT id FROM transfer_requests WHERE client_id = ?1 AND status = 'pending'",
        params![req.client_id],
        |r| r.get(0),
    )?;
    if open.is_some() {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "该客户已有一条待审批的移交申请",
        ));
    }
    let client_name: String = db.query_row(
        "SELECT name FROM clients WHERE id = ?1",
        params![req.client_id],
        |r| r.get(0),
    )?;
    let seq = db.next_seq()?;
    db.execute(
        TRANSFER_REQUESTS.insert,
        params![
            req.id,
            user_id,
            seq,
            req.client_id,
            client_name,
            user_id,
            to,
            reason,
            req.raised_at,
            TransferStatus::Pending.as_str(),
            Option::<String>::None,
            Option::<DateTime<Utc>>::None,
            Option::<String>::None
        ],
    )?;
    Ok(MutationOutcome::Applied)
}

/// The broker whose feed a thread is in: the task's assignee or the request's requester.
pub(super) fn subject_broker(
    db: &Db<'_>,
    subject: CommentSubject,
    subject_id: &str,
) -> Result<Option<String>> {
    let sql = match subject {
        CommentSubject::Task => "SELECT broker_id FROM tasks WHERE id = ?1",
        CommentSubject::Transfer => "SELECT broker_id FROM transfer_requests WHERE id = ?1",
    };
    db.query_opt(sql, params![subject_id], |r| r.get(0))
}

fn valid_body(body: &str) -> Option<&str> {
    let body = body.trim();
    (!body.is_empty() && body.chars().count() <= 1_000).then_some(body)
}

fn insert_comment(
    db: &Db<'_>,
    broker: &str,
    author: &str,
    c: &CommentRecord,
    body: &str,
) -> Result<()> {
    let seq = db.next_seq()?;
    db.execute(
        COMMENTS.insert,
        params![
            c.id,
            broker,
            seq,
            c.subject.as_str(),
            c.subject_id,
            author,
            body,
            c.at
        ],
    )?;
    Ok(())
}

/// A broker's message: only on their own task or request.
pub(super) fn broker_comment(
    db: &Db<'_>,
    user_id: &str,
    c: &CommentRecord,
) -> Result<MutationOutcome> {
    if subject_broker(db, c.subject, &c.subject_id)?.as_deref() != Some(user_id) {
        return Ok(MutationOutcome::refused(
            ErrorCode::Forbidden,
            "只能在本人的任务或申请下留言",
        ));
    }
    let Some(body) = valid_body(&c.body) else {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "留言不能为空，且不超过 1000 字",
        ));
    };
    insert_comment(db, user_id, user_id, c, body)?;
    Ok(MutationOutcome::Applied)
}

/// A lead's message, once `team` has checked the thread's broker is in their subtree.
pub(super) fn lead_comment(db: &Db<'_>, author: &str, c: &CommentRecord) -> Result<()> {
    let body = valid_body(&c.body)
        .ok_or_else(|| StorageError::Validation("留言不能为空，且不超过 1000 字".into()))?;
    let broker = subject_broker(db, c.subject, &c.subject_id)?
        .ok_or_else(|| StorageError::NotFound(format!("留言对象 {}", c.subject_id)))?;
    insert_comment(db, &broker, author, c, body)
}

pub(super) fn comments(
    db: &Db<'_>,
    subject: CommentSubject,
    subject_id: &str,
) -> Result<Vec<CommentRecord>> {
    let sql = format!(
        "SELECT id, {} FROM comments WHERE subject = ?1 AND subject_id = ?2 ORDER BY at, seq",
        COMMENTS.columns
    );
    db.query_map(
        &sql,
        params![subject.as_str(), subject_id],
        |r| match read_comment(r)? {
            Record::Comment(c) => Ok(c),
            _ => Err(rusqlite::Error::InvalidQuery),
        },
    )
}

fn request_rows(db: &Db<'_>, filter: &str, arg: &str) -> Result<Vec<TransferRequestRecord>> {
    let sql = format!(
        "SELECT id, {} FROM transfer_requests WHERE {filter} \
         ORDER BY status <> 'pending', raised_at DESC LIMIT 200",
        TRANSFER_REQUESTS.columns
    );
    db.query_map(&sql, params![arg], |r| match read_request(r)? {
        Record::TransferRequest(t) => Ok(t),
        _ => Err(rusqlite::Error::InvalidQuery),
    })
}

/// Requests raised by any of `brokers`, pending first, then the latest decided.
pub(super) fn requests_from(db: &Db<'_>, brokers: &[String]) -> Result<Vec<TransferRequestRecord>> {
    let scope = serde_json::to_string(brokers)?;
    request_rows(
        db,
        "from_broker IN (SELECT value FROM json_each(?1))",
        &scope,
    )
}

pub(super) fn request_by_id(db: &Db<'_>, id: &str) -> Result<Option<TransferRequestRecord>> {
    Ok(request_rows(db, "id = ?1", id)?.into_iter().next())
}

/// Records the decision and, if approved, moves the client, in one transaction (the caller's).
/// `team` has checked that both brokers are in the decider's subtree.
pub(super) fn decide(
    db: &Db<'_>,
    decider: &str,
    d: &TransferDecision,
    now: DateTime<Utc>,
) -> Result<()> {
    // Read by writing the request's row: of two leads deciding at once, the second waits and
    // then finds it decided.
    let row: Option<(String, String, String, String)> = db.query_opt(
        "UPDATE transfer_requests SET status = status WHERE id = ?1 \
         RETURNING client_id, from_broker, to_broker, status",
        params![d.request_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let Some((client, from, to, status)) = row else {
        return Err(StorageError::NotFound(format!("移交申请 {}", d.request_id)));
    };
    if status != TransferStatus::Pending.as_str() {
        return Err(StorageError::Validation(
            "该申请已处理，不能再次审批".into(),
        ));
    }
    let status = if d.approve {
        if serving_broker(db, &client)?.as_deref() != Some(from.as_str()) {
            return Err(StorageError::Validation(
                "客户已不在申请人名下，不能批准；请驳回".into(),
            ));
        }
        move_client(db, &client, &to, now)?;
        TransferStatus::Approved
    } else {
        TransferStatus::Rejected
    };
    let note = d.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let seq = db.next_seq()?;
    db.execute(
        "UPDATE transfer_requests SET status = ?2, decided_by = ?3, decided_at = ?4, \
         decision_note = ?5, seq = ?6 WHERE id = ?1",
        params![d.request_id, status.as_str(), decider, now, note, seq],
    )?;
    Ok(())
}
