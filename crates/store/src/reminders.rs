//! The broker's own reminders: follow-ups from contact notes, and (in `agenda`) the ones the
//! broker sets. They live on the desk; each change is also pushed to head office as broker data,
//! the reminder's whole state at a time, so a lead can see what is overdue.

use crate::error::Result;
use crate::outbox::Answer;
use crate::Store;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use protocol::{ContactNoteRecord, Mutation, MutationOp, ReminderRecord};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
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

const SERIAL: &str = "reminder_serial";

/// Queues the reminder's current state for head office. An earlier state still waiting in the
/// outbox is replaced: only the latest matters, and it is sent once.
pub(crate) fn queue_state(conn: &Connection, id: &str, now: DateTime<Utc>) -> Result<()> {
    let row = conn
        .query_row(
            "SELECT client_id, title, due_on, due_time, repeat, source, done_at FROM reminders \
             WHERE id = ?1",
            [id],
            |r| {
                Ok(ReminderRecord {
                    id: id.to_string(),
                    client_id: r.get(0)?,
                    title: r.get(1)?,
                    due_on: r.get(2)?,
                    due_time: r
                        .get::<_, Option<NaiveTime>>(3)?
                        .map(|t| t.format("%H:%M").to_string()),
                    repeat: r.get(4)?,
                    source: r.get(5)?,
                    done_at: r.get(6)?,
                })
            },
        )
        .optional()?;
    let Some(record) = row else { return Ok(()) };
    conn.execute(
        "DELETE FROM outbox WHERE kind = 'save_reminder' \
         AND json_extract(payload, '$.op.data.id') = ?1",
        [id],
    )?;
    // A serial keeps two changes at the same instant apart; the instant keeps two desks apart.
    let serial: i64 = conn.query_row(
        "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = ?1), 0) + 1",
        [SERIAL],
        |r| r.get(0),
    )?;
    crate::sync_state::set_value(conn, SERIAL, &serial.to_string())?;
    let nanos = now.timestamp_nanos_opt().unwrap_or_default();
    crate::outbox::enqueue(
        conn,
        &Mutation {
            id: format!("reminder-{id}-{serial}-{nanos}"),
            made_at: now,
            op: MutationOp::SaveReminder(record),
        },
    )
}

/// How far back a pulled follow-up date still becomes a reminder: older ones were dealt with,
/// or are history the broker need not be nagged about.
const ADOPT_DAYS: u64 = 7;

impl Store {
    /// Follow-up dates on contact notes this desk pulled (written on another desk, or before the
    /// client came to this book) become reminders like the ones written here. Each note gives one
    /// reminder, once: a reminder already done or changed stays as the broker left it.
    pub fn adopt_follow_ups(&self, today: NaiveDate, now: DateTime<Utc>) -> Result<usize> {
        let since = today - chrono::Days::new(ADOPT_DAYS);
        let title_chars = TITLE_CHARS as i64;
        // Every sync ends here: the statement stays prepared, and the partial index on
        // follow-up dates keeps it to the book's recent follow-ups instead of every note.
        Ok(self.conn().prepare_cached(
            "INSERT OR IGNORE INTO reminders (id, client_id, title, due_on, source, source_id, \
             created_at) \
             SELECT 'follow-up-' || n.id, n.client_id, \
               '跟进：' || substr(n.summary, 1, ?3) || \
               (CASE WHEN length(n.summary) > ?3 THEN '…' ELSE '' END), \
               n.follow_up_on, 'follow_up', n.id, ?2 \
             FROM contact_notes n JOIN clients c ON c.id = n.client_id \
             WHERE n.follow_up_on >= ?1",
        )?
        .execute(params![since, now, title_chars])?)
    }

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

/// The reminder lives on the desk whatever head office answers; a refusal only tells the broker
/// why head office would not keep a copy.
pub(crate) fn settle_answer(
    tx: &rusqlite::Transaction<'_>,
    reminder: &ReminderRecord,
    answer: &Answer<'_>,
) -> Result<()> {
    answer.record_refusal(tx, &format!("提醒：{}", reminder.title))
}
