//! Applying broker mutations exactly once, the same code on either backend: each kind is checked
//! again here (scope, content) and handed to the module that keeps it.

use super::books::book_served_by;
use super::rows::CONTACT_NOTES;
use crate::db::Db;
use crate::error::Result;
use chrono::{DateTime, Duration, Utc};
use protocol::{ErrorCode, Mutation, MutationOp, MutationOutcome, Record};
use rusqlite::params;

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
            return Ok(MutationOutcome::refused(
                ErrorCode::Forbidden,
                "变更编号已被使用",
            ));
        }
        return Ok(serde_json::from_str(&outcome)?);
    }
    let outcome = match &m.op {
        MutationOp::AddContactNote(note) => add_contact_note(db, user_id, note, now)?,
        MutationOp::UpdatePreferences(update) => {
            match book_served_by(db, &update.client_id, user_id)? {
                None => MutationOutcome::refused(
                    ErrorCode::Forbidden,
                    "该客户已不在您的服务范围内，偏好修改未保存",
                ),
                Some(book) => super::preferences::apply_update(db, user_id, &book, update, now)?,
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
        MutationOp::CreateEvent(event) => super::events::create(db, user_id, event, now)?,
        MutationOp::InviteToEvent(invitations) => {
            super::events::invite(db, user_id, invitations, now)?
        }
        MutationOp::RecordEventResponse(response) => {
            super::events::respond(db, user_id, response, now)?
        }
        MutationOp::RegisterComplaint(c) => super::complaints::register(db, user_id, c, now)?,
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
    MutationOutcome::refused(
        ErrorCode::Validation,
        format!(
            "总部无法保存这条{}（记录编号与已有记录冲突），内容已保留在本机，请重新提交",
            m.op.label_zh()
        ),
    )
}

fn add_contact_note(
    db: &Db<'_>,
    user_id: &str,
    note: &protocol::ContactNoteRecord,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    // Head office never trusts the desk: scope and content are checked again here.
    let Some(book) = book_served_by(db, &note.client_id, user_id)? else {
        return Ok(MutationOutcome::refused(
            ErrorCode::Forbidden,
            "该客户已不在您的服务范围内，联系记录未保存",
        ));
    };
    if note.author_id != user_id {
        return Ok(MutationOutcome::refused(
            ErrorCode::Forbidden,
            "只能以本人名义记录联系",
        ));
    }
    let summary = match domain::validate::contact_summary(&note.summary) {
        Ok(s) => s,
        Err(e) => {
            return Ok(MutationOutcome::refused(
                ErrorCode::Validation,
                e.to_string(),
            ))
        }
    };
    if note.contacted_at > now + Duration::minutes(5) {
        return Ok(MutationOutcome::refused(
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
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "联系记录编号重复",
        ));
    }
    let seq = db.next_seq()?;
    let record = Record::ContactNote(protocol::ContactNoteRecord {
        summary,
        ..note.clone()
    });
    CONTACT_NOTES.write(db, &book, seq, &record)?;
    Ok(MutationOutcome::Applied)
}
