//! The broker's own reminders. For now they come from contact notes with a follow-up date; the
//! agenda (issue 6) builds on this table.

use crate::error::Result;
use crate::Store;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::ContactNoteRecord;
use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReminderView {
    pub id: String,
    pub client_id: Option<String>,
    pub title: String,
    pub due_on: NaiveDate,
    /// `follow_up` for a contact note's follow-up date.
    pub source: String,
    pub done_at: Option<DateTime<Utc>>,
}

/// How much of the note a reminder's title repeats: enough to recognise it in a list.
const TITLE_CHARS: usize = 40;

pub(crate) fn add_follow_up(
    tx: &Transaction<'_>,
    note: &ContactNoteRecord,
    due_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut title: String = note.summary.chars().take(TITLE_CHARS).collect();
    if note.summary.chars().count() > TITLE_CHARS {
        title.push('…');
    }
    tx.execute(
        "INSERT INTO reminders (id, client_id, title, due_on, source, source_id, created_at) \
         VALUES (?1, ?2, ?3, ?4, 'follow_up', ?5, ?6)",
        params![
            format!("follow-up-{}", note.id),
            note.client_id,
            format!("跟进：{title}"),
            due_on,
            note.id,
            now
        ],
    )?;
    Ok(())
}

impl Store {
    /// A client's reminders, open ones first by due date, then the done ones.
    pub fn client_reminders(&self, client_id: &str) -> Result<Vec<ReminderView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, client_id, title, due_on, source, done_at FROM reminders \
             WHERE client_id = ?1 ORDER BY done_at IS NOT NULL, due_on",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            Ok(ReminderView {
                id: r.get(0)?,
                client_id: r.get(1)?,
                title: r.get(2)?,
                due_on: r.get(3)?,
                source: r.get(4)?,
                done_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
