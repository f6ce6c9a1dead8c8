//! Applying broker mutations and moving clients between books, on SQLite.

use super::sqlite::next_seq;
use super::sqlite_rows::{insert, FeedScope, FEED_TABLES};
use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Duration, Utc};
use protocol::{EntityKind, ErrorCode, Mutation, MutationOp, MutationOutcome, Record};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

fn refused(code: ErrorCode, message: impl Into<String>) -> MutationOutcome {
    MutationOutcome::Refused {
        code,
        message: message.into(),
    }
}

/// Applies one mutation of `user_id` exactly once: the first answer is stored with the effect, in
/// the same transaction, and returned again for any resend of the same id.
pub(super) fn apply(
    conn: &mut Connection,
    user_id: &str,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    let tx = conn.transaction()?;
    let earlier = tx
        .query_row(
            "SELECT user_id, outcome FROM applied_mutations WHERE id = ?1",
            [&m.id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    if let Some((owner, outcome)) = earlier {
        if owner != user_id {
            return Ok(refused(ErrorCode::Forbidden, "变更编号已被使用"));
        }
        return Ok(serde_json::from_str(&outcome)?);
    }
    let outcome = match &m.op {
        MutationOp::AddContactNote(note) => add_contact_note(&tx, user_id, note, now)?,
        MutationOp::UpdatePreferences(update) => {
            if serving_broker(&tx, &update.client_id)?.as_deref() != Some(user_id) {
                refused(
                    ErrorCode::Forbidden,
                    "该客户已不在您的服务范围内，偏好修改未保存",
                )
            } else {
                super::sqlite_preferences::apply_update(&tx, user_id, update)?
            }
        }
        MutationOp::RecordAccess(event) => super::sqlite_audit::record(&tx, user_id, event, now)?,
        MutationOp::SendRecommendation(push) => {
            super::sqlite_recommend::accept(&tx, user_id, push, now)?
        }
        MutationOp::DisputeStatement(dispute) => {
            super::sqlite_commission::record_dispute(&tx, user_id, dispute, now)?
        }
        MutationOp::CompleteTask(done) => super::sqlite_tasks::complete(&tx, user_id, done)?,
        MutationOp::SaveReminder(reminder) => {
            super::sqlite_tasks::save_reminder(&tx, user_id, reminder, now)?
        }
        MutationOp::RequestTransfer(request) => {
            super::sqlite_transfers::request(&tx, user_id, request)?
        }
        MutationOp::AddComment(comment) => {
            super::sqlite_transfers::broker_comment(&tx, user_id, comment)?
        }
    };
    tx.execute(
        "INSERT INTO applied_mutations (id, user_id, outcome, applied_at) VALUES (?1, ?2, ?3, ?4)",
        params![m.id, user_id, serde_json::to_string(&outcome)?, now],
    )?;
    tx.commit()?;
    Ok(outcome)
}

pub(super) fn serving_broker(tx: &Transaction<'_>, client_id: &str) -> Result<Option<String>> {
    Ok(tx
        .query_row(
            "SELECT broker_id FROM clients WHERE id = ?1",
            [client_id],
            |r| r.get(0),
        )
        .optional()?)
}

fn add_contact_note(
    tx: &Transaction<'_>,
    user_id: &str,
    note: &protocol::ContactNoteRecord,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    // Head office never trusts the desk: scope and content are checked again here.
    if serving_broker(tx, &note.client_id)?.as_deref() != Some(user_id) {
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
    let exists: bool = tx
        .query_row(
            "SELECT 1 FROM contact_notes WHERE id = ?1",
            [&note.id],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if exists {
        return Ok(refused(ErrorCode::Validation, "联系记录编号重复"));
    }
    let seq = next_seq(tx)?;
    let table = FEED_TABLES
        .iter()
        .find(|t| t.kind == EntityKind::ContactNote)
        .ok_or_else(|| HeadOfficeError::NotFound("contact_notes table".into()))?;
    let record = Record::ContactNote(protocol::ContactNoteRecord {
        summary,
        ..note.clone()
    });
    let mut stmt = tx.prepare_cached(table.insert)?;
    insert(&mut stmt, user_id, seq, &record)?;
    Ok(MutationOutcome::Applied)
}

/// Moves a client and everything hanging off it to another broker's book. The old book gets a
/// tombstone for the client (the desk purges the client and its children), the new book gets every
/// row again with fresh sequence numbers, client first so children never arrive before it.
pub(super) fn transfer_client(
    conn: &mut Connection,
    client_id: &str,
    to_broker: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    let tx = conn.transaction()?;
    move_client(&tx, client_id, to_broker, at)?;
    tx.commit()?;
    Ok(())
}

/// The move itself, inside the caller's transaction (an approved transfer request moves the
/// client and records the decision at once).
pub(super) fn move_client(
    tx: &Transaction<'_>,
    client_id: &str,
    to_broker: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    let from = serving_broker(tx, client_id)?
        .ok_or_else(|| HeadOfficeError::NotFound(format!("客户 {client_id}")))?;
    let is_broker: bool = tx
        .query_row(
            "SELECT 1 FROM users WHERE id = ?1 AND role = 'Broker'",
            [to_broker],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if !is_broker {
        return Err(HeadOfficeError::Validation(format!(
            "{to_broker} 不是经纪人"
        )));
    }
    if from == to_broker {
        return Ok(());
    }
    let seq = next_seq(tx)?;
    tx.execute(
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
        let ids: Vec<String> = tx
            .prepare(&format!(
                "SELECT id FROM {} WHERE {key} = ?1 ORDER BY seq",
                t.table
            ))?
            .query_map([client_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids {
            let seq = next_seq(tx)?;
            tx.execute(
                &format!(
                    "UPDATE {} SET broker_id = ?2, seq = ?3 WHERE id = ?1",
                    t.table
                ),
                params![id, to_broker, seq],
            )?;
        }
    }
    tx.execute(
        "INSERT INTO client_moves (client_id, from_broker, to_broker, moved_at) \
         VALUES (?1, ?2, ?3, ?4)",
        params![client_id, from, to_broker, at],
    )?;
    Ok(())
}
