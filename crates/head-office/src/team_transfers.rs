//! What leads decide and say (issue 8): client transfer requests raised by brokers of their
//! subtree, and the internal threads on tasks and requests. A lead may decide a transfer only if
//! both brokers are in their subtree, and read or join a thread only if its broker is.

use crate::error::Result;
use crate::team::{out_of_scope, scope_root};
use chrono::{DateTime, Utc};
use head_office_storage::{Storage, UserRow};
use protocol::team::{
    CommentQuery, CommentRecord, NewComment, TransferDecision, TransferRequestRecord,
};

/// Requests raised by brokers of the caller's subtree, pending first.
pub fn transfer_requests(
    storage: &dyn Storage,
    caller: &UserRow,
) -> Result<Vec<TransferRequestRecord>> {
    let root = scope_root(caller)?;
    let brokers = storage.org_chart()?.brokers_under(root);
    Ok(storage.transfer_requests(&brokers)?)
}

pub fn decide_transfer(
    storage: &dyn Storage,
    caller: &UserRow,
    decision: &TransferDecision,
    now: DateTime<Utc>,
) -> Result<TransferRequestRecord> {
    let root = scope_root(caller)?;
    let mine = storage.org_chart()?.brokers_under(root);
    let what = || out_of_scope(&format!("移交申请 {}", decision.request_id));
    let request = storage
        .transfer_request(&decision.request_id)?
        .ok_or_else(what)?;
    if !mine.contains(&request.from_broker_id) || !mine.contains(&request.to_broker_id) {
        return Err(what());
    }
    storage.decide_transfer(&caller.id, decision, now)?;
    storage
        .transfer_request(&decision.request_id)?
        .ok_or_else(what)
}

fn thread_in_scope(storage: &dyn Storage, caller: &UserRow, q: &CommentQuery) -> Result<()> {
    let root = scope_root(caller)?;
    let mine = storage.org_chart()?.brokers_under(root);
    match storage.comment_subject_broker(q.subject, &q.subject_id)? {
        Some(broker) if mine.contains(&broker) => Ok(()),
        _ => Err(out_of_scope(&format!("留言对象 {}", q.subject_id))),
    }
}

pub fn comments(
    storage: &dyn Storage,
    caller: &UserRow,
    q: &CommentQuery,
) -> Result<Vec<CommentRecord>> {
    thread_in_scope(storage, caller, q)?;
    Ok(storage.comments(q.subject, &q.subject_id)?)
}

/// Adds the lead's message; returns the whole thread as it now stands.
pub fn add_comment(
    storage: &dyn Storage,
    caller: &UserRow,
    new: &NewComment,
    id: String,
    now: DateTime<Utc>,
) -> Result<Vec<CommentRecord>> {
    let q = CommentQuery {
        subject: new.subject,
        subject_id: new.subject_id.clone(),
    };
    thread_in_scope(storage, caller, &q)?;
    let comment = CommentRecord {
        id,
        subject: new.subject,
        subject_id: new.subject_id.clone(),
        author_id: caller.id.clone(),
        author_name: caller.display_name.clone(),
        body: new.body.clone(),
        at: now,
    };
    storage.add_lead_comment(&caller.id, &comment)?;
    Ok(storage.comments(q.subject, &q.subject_id)?)
}
