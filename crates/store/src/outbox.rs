//! Broker writes: each goes into its table and into the outbox in one transaction, shows at once,
//! and leaves the outbox only when head office has answered for it.

use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::{
    ContactChannel, ContactNoteRecord, Mutation, MutationOp, MutationOutcome, MutationResult,
};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A contact-log entry as the broker types it.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewContactNote {
    pub client_id: String,
    /// `phone`, `visit`, `wechat`, `email` or `meeting`.
    pub channel: String,
    pub summary: String,
    pub follow_up_on: Option<NaiveDate>,
}

/// A change head office refused, shown to the broker until dismissed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RefusalNotice {
    pub mutation_id: String,
    pub summary: String,
    pub reason: String,
    pub refused_at: DateTime<Utc>,
}

/// Ids made by the caller (the desk), so the store stays free of randomness.
pub struct WriteIds {
    pub mutation_id: String,
    pub record_id: String,
}

pub(crate) fn enqueue(tx: &rusqlite::Connection, mutation: &Mutation) -> Result<()> {
    let payload =
        serde_json::to_string(mutation).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let kind = match mutation.op {
        MutationOp::AddContactNote(_) => "add_contact_note",
        MutationOp::UpdatePreferences(_) => "update_preferences",
        MutationOp::RecordAccess(_) => "record_access",
        MutationOp::SendRecommendation(_) => "send_recommendation",
        MutationOp::DisputeStatement(_) => "dispute_statement",
        MutationOp::CompleteTask(_) => "complete_task",
        MutationOp::SaveReminder(_) => "save_reminder",
        MutationOp::RequestTransfer(_) => "request_transfer",
        MutationOp::AddComment(_) => "add_comment",
    };
    tx.execute(
        "INSERT INTO outbox (id, kind, payload, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![mutation.id, kind, payload, mutation.made_at],
    )?;
    Ok(())
}

impl Store {
    /// Records a contact with a client, offline or not. Returns the stored note's id.
    pub fn add_contact_note(
        &mut self,
        ids: WriteIds,
        author_id: &str,
        note: &NewContactNote,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let channel = ContactChannel::parse(&note.channel).ok_or_else(|| {
            StoreError::Invalid("请选择联系方式：电话、面谈、微信、邮件或会议".into())
        })?;
        let summary = domain::validate::contact_summary(&note.summary)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let tx = self.conn.transaction()?;
        let known: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM clients WHERE id = ?1",
                [&note.client_id],
                |r| r.get(0),
            )
            .optional()?;
        if known.is_none() {
            return Err(StoreError::Invalid(format!(
                "客户 {} 不在您的客户名单中",
                note.client_id
            )));
        }
        let record = ContactNoteRecord {
            id: ids.record_id,
            client_id: note.client_id.clone(),
            channel,
            summary,
            contacted_at: now,
            follow_up_on: note.follow_up_on,
            author_id: author_id.to_string(),
        };
        tx.execute(
            "INSERT INTO contact_notes (id, client_id, channel, summary, contacted_at, follow_up_on, \
             author_id, pending) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
            params![
                record.id, record.client_id, channel.as_str(), record.summary, record.contacted_at,
                record.follow_up_on, record.author_id
            ],
        )?;
        // Contacting a client is what "last contact" means on the list.
        tx.execute(
            "UPDATE clients SET last_contact_at = max(coalesce(last_contact_at, ''), ?2) WHERE id = ?1",
            params![record.client_id, now],
        )?;
        if let Some(due_on) = record.follow_up_on {
            crate::reminders::add_follow_up(&tx, &record, due_on, now)?;
        }
        let id = record.id.clone();
        enqueue(
            &tx,
            &Mutation {
                id: ids.mutation_id,
                made_at: now,
                op: MutationOp::AddContactNote(record),
            },
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The oldest `limit` waiting mutations, in the order they were made.
    pub fn outbox_batch(&self, limit: usize) -> Result<Vec<Mutation>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT payload FROM outbox ORDER BY position LIMIT ?1")?;
        let rows = stmt.query_map([limit as i64], |r| r.get::<_, String>(0))?;
        rows.map(|row| {
            let text = row?;
            serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("outbox: {e}")))
        })
        .collect()
    }

    /// Takes head office's answers: applied entries leave the outbox; refused ones leave it too,
    /// their optimistic rows are rolled back and the reason is kept for the broker.
    pub fn settle(&mut self, results: &[MutationResult], now: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.transaction()?;
        for result in results {
            let queued: Option<(i64, String)> = tx
                .query_row(
                    "SELECT position, payload FROM outbox WHERE id = ?1",
                    [&result.id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((position, payload)) = queued else {
                continue;
            };
            let mutation: Mutation = serde_json::from_str(&payload)
                .map_err(|e| StoreError::Corrupt(format!("outbox: {e}")))?;
            if result.outcome == MutationOutcome::Applied {
                crate::head_office_restore::keep_accepted(&tx, position, &result.id, now)?;
            }
            tx.execute("DELETE FROM outbox WHERE id = ?1", [&result.id])?;
            match (&result.outcome, &mutation.op) {
                (MutationOutcome::Refused { message, .. }, MutationOp::AddContactNote(n)) => {
                    // Head office has no such note: its state is "no note", so the desk's goes.
                    tx.execute("DELETE FROM contact_notes WHERE id = ?1", [&n.id])?;
                    tx.execute("DELETE FROM reminders WHERE source_id = ?1", [&n.id])?;
                    // The whole text is kept: the broker may want to record it elsewhere.
                    refuse(
                        &tx,
                        &result.id,
                        &format!("联系记录：{}", n.summary),
                        message,
                        now,
                    )?;
                }
                (_, MutationOp::AddContactNote(n)) => {
                    tx.execute(
                        "UPDATE contact_notes SET pending = 0 WHERE id = ?1",
                        [&n.id],
                    )?;
                }
                (MutationOutcome::Refused { message, .. }, MutationOp::UpdatePreferences(u)) => {
                    crate::preferences::restore(&tx, u)?;
                    let what = crate::preferences::describe(&u.after);
                    refuse(&tx, &result.id, &format!("客户偏好：{what}"), message, now)?;
                }
                (MutationOutcome::Merged { conflicts }, MutationOp::UpdatePreferences(u)) => {
                    crate::preferences::record_conflicts(
                        &tx,
                        &result.id,
                        &u.client_id,
                        conflicts,
                        now,
                    )?;
                }
                (MutationOutcome::Applied, MutationOp::UpdatePreferences(_)) => {}
                (MutationOutcome::Refused { message, .. }, MutationOp::SendRecommendation(p)) => {
                    // The archive stays as sent; only its state says head office refused it.
                    crate::push_history::settle_push(&tx, &p.id, Some(message))?;
                    let title: String = tx
                        .query_row(
                            "SELECT json_extract(product_snapshot, '$.title') FROM recommendation_pushes WHERE id = ?1",
                            [&p.id],
                            |r| r.get(0),
                        )
                        .optional()?
                        .unwrap_or_default();
                    let what = format!("推荐《{title}》给 {} 位客户", p.recipients.len());
                    refuse(&tx, &result.id, &what, message, now)?;
                }
                (_, MutationOp::SendRecommendation(p)) => {
                    crate::push_history::settle_push(&tx, &p.id, None)?;
                }
                (MutationOutcome::Refused { message, .. }, MutationOp::DisputeStatement(d)) => {
                    // Head office holds no such dispute: the desk's goes, the text is kept.
                    tx.execute("DELETE FROM disputes WHERE id = ?1", [&d.id])?;
                    refuse(
                        &tx,
                        &result.id,
                        &format!("佣金异议：{}", d.comment),
                        message,
                        now,
                    )?;
                }
                (_, MutationOp::DisputeStatement(d)) => {
                    tx.execute("UPDATE disputes SET pending = 0 WHERE id = ?1", [&d.id])?;
                }
                (MutationOutcome::Refused { message, .. }, MutationOp::CompleteTask(done)) => {
                    // Head office's state is "not done": the task opens again.
                    tx.execute(
                        "UPDATE tasks SET done_at = NULL, pending = 0 WHERE id = ?1",
                        [&done.task_id],
                    )?;
                    refuse(&tx, &result.id, "完成任务", message, now)?;
                }
                (MutationOutcome::Refused { message, .. }, MutationOp::SaveReminder(r)) => {
                    // The reminder stays on the desk, where it lives; the broker learns why head
                    // office would not keep a copy.
                    refuse(&tx, &result.id, &format!("提醒：{}", r.title), message, now)?;
                }
                (_, MutationOp::SaveReminder(_)) => {}
                (MutationOutcome::Refused { message, .. }, MutationOp::RequestTransfer(r)) => {
                    // Head office holds no such request: the desk's goes, the reason is kept.
                    tx.execute("DELETE FROM transfer_requests WHERE id = ?1", [&r.id])?;
                    let what = format!("客户移交申请（转给 {}）", r.to_broker);
                    refuse(&tx, &result.id, &what, message, now)?;
                }
                (_, MutationOp::RequestTransfer(r)) => {
                    tx.execute(
                        "UPDATE transfer_requests SET pending = 0 WHERE id = ?1",
                        [&r.id],
                    )?;
                }
                (MutationOutcome::Refused { message, .. }, MutationOp::AddComment(c)) => {
                    tx.execute("DELETE FROM comments WHERE id = ?1", [&c.id])?;
                    refuse(&tx, &result.id, &format!("留言：{}", c.body), message, now)?;
                }
                (_, MutationOp::AddComment(c)) => {
                    tx.execute("UPDATE comments SET pending = 0 WHERE id = ?1", [&c.id])?;
                }
                (_, MutationOp::CompleteTask(done)) => {
                    tx.execute(
                        "UPDATE tasks SET pending = 0 WHERE id = ?1",
                        [&done.task_id],
                    )?;
                }
                (outcome, MutationOp::RecordAccess(event)) => {
                    // The entry stays in the desk's log either way; a refusal is shown too.
                    tx.execute(
                        "UPDATE access_log SET pending = 0 WHERE id = ?1",
                        [&event.id],
                    )?;
                    if let MutationOutcome::Refused { message, .. } = outcome {
                        refuse(&tx, &result.id, "访问审计记录", message, now)?;
                    }
                }
            }
        }
        crate::head_office_restore::prune_accepted(&tx, now)?;
        tx.commit()?;
        Ok(())
    }

    pub fn refusals(&self) -> Result<Vec<RefusalNotice>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT mutation_id, summary, reason, refused_at FROM refusals ORDER BY refused_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RefusalNotice {
                mutation_id: r.get(0)?,
                summary: r.get(1)?,
                reason: r.get(2)?,
                refused_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn dismiss_refusal(&self, mutation_id: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM refusals WHERE mutation_id = ?1", [mutation_id])?;
        Ok(())
    }
}

fn refuse(
    tx: &Transaction<'_>,
    mutation_id: &str,
    summary: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO refusals (mutation_id, summary, reason, refused_at) VALUES (?1, ?2, ?3, ?4)",
        params![mutation_id, summary, reason, now],
    )?;
    Ok(())
}
