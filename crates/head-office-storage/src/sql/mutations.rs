//! Applying broker mutations and moving clients between books, the same code on either backend.

use super::feed_registry::FEED_TABLES;
use super::feed_table::FeedScope;
use super::rows::CONTACT_NOTES;
use crate::db::Db;
use crate::error::{Result, StorageError};
use chrono::{DateTime, Duration, Utc};
use protocol::{EntityKind, ErrorCode, Mutation, MutationOp, MutationOutcome, Record};
use rusqlite::params;

fn refused(code: ErrorCode, message: impl Into<String>) -> MutationOutcome {
    MutationOutcome::Refused {
        code,
        message: message.into(),
    }
}

/// Applies one mutation of `user_id` exactly once: the first answer is stored with the effect, in
/// the same transaction, and returned again for any resend of the same id.
pub(super) fn apply(
    db: &Db<'_>,
    user_id: &str,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    let earlier = db.query_opt(
        "SELECT user_id, outcome FROM applied_mutations WHERE id = ?1",
        params![m.id],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
    )?;
    if let Some((owner, outcome)) = earlier {
        if owner != user_id {
            return Ok(refused(ErrorCode::Forbidden, "变更编号已被使用"));
        }
        return Ok(serde_json::from_str(&outcome)?);
    }
    let outcome = match &m.op {
        MutationOp::AddContactNote(note) => add_contact_note(db, user_id, note, now)?,
        MutationOp::UpdatePreferences(update) => {
            if serving_broker(db, &update.client_id)?.as_deref() != Some(user_id) {
                refused(
                    ErrorCode::Forbidden,
                    "该客户已不在您的服务范围内，偏好修改未保存",
                )
            } else {
                super::preferences::apply_update(db, user_id, update)?
            }
        }
        MutationOp::RecordAccess(event) => super::audit::record(db, user_id, event, now)?,
        MutationOp::SendRecommendation(push) => super::recommend::accept(db, user_id, push, now)?,
        MutationOp::DisputeStatement(dispute) => {
            super::commission::record_dispute(db, user_id, dispute, now)?
        }
        MutationOp::CompleteTask(done) => super::tasks::complete(db, user_id, done)?,
        MutationOp::SaveReminder(reminder) => {
            super::tasks::save_reminder(db, user_id, reminder, now)?
        }
        MutationOp::RequestTransfer(request) => super::transfers::request(db, user_id, request)?,
        MutationOp::AddComment(comment) => super::transfers::broker_comment(db, user_id, comment)?,
    };
    remember(db, user_id, m, &outcome, now)?;
    Ok(outcome)
}

/// Stores the answer to a mutation, so that a resend of it gets the same one.
pub(super) fn remember(
    db: &Db<'_>,
    user_id: &str,
    m: &Mutation,
    outcome: &MutationOutcome,
    now: DateTime<Utc>,
) -> Result<()> {
    db.execute(
        "INSERT INTO applied_mutations (id, user_id, outcome, applied_at) VALUES (?1, ?2, ?3, ?4)",
        params![m.id, user_id, serde_json::to_string(outcome)?, now],
    )?;
    Ok(())
}

/// The answer to a mutation the database itself refused (a record id already taken, a reference
/// to nothing): sending it again cannot help, so it is refused alone and the rest of the push, and
/// the desk's sync, go on.
pub(super) fn refused_by_database(m: &Mutation) -> MutationOutcome {
    refused(
        ErrorCode::Validation,
        format!(
            "总部无法保存这条{}（记录编号与已有记录冲突），内容已保留在本机，请重新提交",
            m.op.label_zh()
        ),
    )
}

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

fn add_contact_note(
    db: &Db<'_>,
    user_id: &str,
    note: &protocol::ContactNoteRecord,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    // Head office never trusts the desk: scope and content are checked again here.
    if serving_broker(db, &note.client_id)?.as_deref() != Some(user_id) {
        return Ok(refused(
            ErrorCode::Forbidden,
            "该客户已不在您的服务范围内，联系记录未保存",
        ));
    }
    if note.author_id != user_id {
        return Ok(refused(ErrorCode::Forbidden, "只能以本人名义记录联系"));
    }
    let summary = match domain::validate::contact_summary(&note.summary) {
        Ok(s) => s,
        Err(e) => return Ok(refused(ErrorCode::Validation, e.to_string())),
    };
    if note.contacted_at > now + Duration::minutes(5) {
        return Ok(refused(
            ErrorCode::Validation,
            domain::ValidationError::ContactInFuture.to_string(),
        ));
    }
    let exists: bool = db
        .query_opt(
            "SELECT 1 FROM contact_notes WHERE id = ?1",
            params![note.id],
            |_| Ok(true),
        )?
        .unwrap_or(false);
    if exists {
        return Ok(refused(ErrorCode::Validation, "联系记录编号重复"));
    }
    let seq = db.next_seq()?;
    let record = Record::ContactNote(protocol::ContactNoteRecord {
        summary,
        ..note.clone()
    });
    CONTACT_NOTES.write(db, user_id, seq, &record)?;
    Ok(MutationOutcome::Applied)
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
    // Deliveries of a push stay in the book of the broker who pushed; the library is everybody's.
    for t in FEED_TABLES
        .iter()
        .filter(|t| t.scope == FeedScope::ClientBook)
    {
        let key = if t.kind == EntityKind::Client {
            "id"
        } else {
            "client_id"
        };
        let ids: Vec<String> = db.query_map(
            &format!("SELECT id FROM {} WHERE {key} = ?1 ORDER BY seq", t.table),
            params![client_id],
            |r| r.get(0),
        )?;
        for id in ids {
            let seq = db.next_seq()?;
            db.execute(
                &format!(
                    "UPDATE {} SET broker_id = ?2, seq = ?3 WHERE id = ?1",
                    t.table
                ),
                params![id, to_broker, seq],
            )?;
        }
    }
    db.execute(
        "INSERT INTO client_moves (client_id, from_broker, to_broker, moved_at) \
         VALUES (?1, ?2, ?3, ?4)",
        params![client_id, from, to_broker, at],
    )?;
    Ok(())
}
