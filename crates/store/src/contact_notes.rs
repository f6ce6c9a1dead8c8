//! The contact log: what the broker records of each call, visit or message, offline or not.

use crate::error::{Result, StoreError};
use crate::outbox::{enqueue, Answer, WriteIds};
use crate::Store;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::{ContactChannel, ContactNoteRecord, Mutation, MutationOp};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;
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
}

/// Head office's answer to a note this desk wrote.
pub(crate) fn settle_answer(
    tx: &Transaction<'_>,
    note: &ContactNoteRecord,
    answer: &Answer<'_>,
) -> Result<()> {
    if answer.refusal().is_none() {
        tx.execute(
            "UPDATE contact_notes SET pending = 0 WHERE id = ?1",
            [&note.id],
        )?;
        return Ok(());
    }
    // Head office has no such note: its state is "no note", so the desk's goes.
    tx.execute("DELETE FROM contact_notes WHERE id = ?1", [&note.id])?;
    tx.execute("DELETE FROM reminders WHERE source_id = ?1", [&note.id])?;
    // The whole text is kept: the broker may want to record it elsewhere.
    answer.record_refusal(tx, &format!("联系记录：{}", note.summary))
}
