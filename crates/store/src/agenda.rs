//! The broker's agenda on the desk (issue 6 groundwork): own reminders with a time, a repeat rule
//! and a snooze; the scheduler's tick, which fires what came due while the desk ran and reports
//! as missed what came due while it was closed, each occurrence once, in a log that is kept.
//! Times are Shanghai wall-clock times; a reminder without one is due at 09:00.

use crate::error::{Result, StoreError};
use crate::outbox::Answer;
use crate::sync_state::set_value;
use crate::Store;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use domain::clock::shanghai_midnight;
use domain::repeat::{next_after, Repeat};
use domain::schedule::{classify, Firing};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const ALIVE: &str = "scheduler_alive";
/// How late a tick may notice an occurrence and still call it on time.
const GRACE_MINUTES: i64 = 2;
const TITLE_MAX: usize = 100;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewReminder {
    pub client_id: Option<String>,
    pub title: String,
    pub due_on: NaiveDate,
    /// `HH:MM` in Shanghai; the morning (09:00) when absent.
    pub due_time: Option<NaiveTime>,
    pub repeat: Repeat,
    pub note: Option<String>,
}

/// One occurrence the scheduler acted on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReminderEvent {
    pub reminder_id: String,
    pub title: String,
    pub client_id: Option<String>,
    pub due_at: DateTime<Utc>,
    /// `fired`, `missed`, `snoozed` or `done`.
    pub event: String,
    pub at: DateTime<Utc>,
}

pub(crate) fn repeat_code(r: Repeat) -> &'static str {
    match r {
        Repeat::Never => "never",
        Repeat::Daily => "daily",
        Repeat::Weekly => "weekly",
        Repeat::Monthly => "monthly",
        Repeat::Yearly => "yearly",
    }
}

pub(crate) fn repeat_of(code: &str) -> Repeat {
    match code {
        "daily" => Repeat::Daily,
        "weekly" => Repeat::Weekly,
        "monthly" => Repeat::Monthly,
        "yearly" => Repeat::Yearly,
        _ => Repeat::Never,
    }
}

/// The instant a reminder of `day` at `time` (Shanghai) comes due.
fn due_instant(day: NaiveDate, time: Option<NaiveTime>) -> DateTime<Utc> {
    let time = time.unwrap_or(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default());
    shanghai_midnight(day) + (time - NaiveTime::MIN)
}

pub(crate) fn valid_title(text: &str) -> Result<&str> {
    let title = text.trim();
    if title.is_empty() || title.chars().count() > TITLE_MAX {
        return Err(StoreError::Invalid(format!(
            "请填写提醒内容（不超过 {TITLE_MAX} 字）"
        )));
    }
    Ok(title)
}

struct Open {
    id: String,
    title: String,
    client_id: Option<String>,
    due_on: NaiveDate,
    due_time: Option<NaiveTime>,
    snoozed_until: Option<DateTime<Utc>>,
    created_at: Option<DateTime<Utc>>,
}

impl Store {
    pub(crate) fn known_client(&self, client: Option<&str>) -> Result<()> {
        if let Some(client) = client {
            let known: Option<i64> = self
                .conn()
                .query_row("SELECT 1 FROM clients WHERE id = ?1", [client], |r| {
                    r.get(0)
                })
                .optional()?;
            if known.is_none() {
                return Err(StoreError::Invalid(format!(
                    "客户 {client} 不在您的客户名单中"
                )));
            }
        }
        Ok(())
    }

    pub fn add_reminder(&mut self, id: &str, r: &NewReminder, now: DateTime<Utc>) -> Result<()> {
        let title = valid_title(&r.title)?;
        self.known_client(r.client_id.as_deref())?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO reminders (id, client_id, title, due_on, source, created_at, due_time, \
             repeat, first_due_on, note) VALUES (?1, ?2, ?3, ?4, 'own', ?5, ?6, ?7, ?4, ?8)",
            params![
                id,
                r.client_id,
                title,
                r.due_on,
                now,
                r.due_time,
                repeat_code(r.repeat),
                r.note
            ],
        )?;
        crate::reminders::queue_state(&tx, id, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Done: a repeating reminder moves to its next occurrence, counted from its first date so
    /// that a month-end reminder does not drift; any other is closed.
    pub fn complete_reminder(&mut self, id: &str, now: DateTime<Utc>) -> Result<()> {
        let row: Option<(NaiveDate, Option<NaiveDate>, String)> = self
            .conn()
            .query_row(
                "SELECT due_on, first_due_on, repeat FROM reminders WHERE id = ?1 AND done_at IS NULL",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((due_on, first, repeat)) = row else {
            return Err(StoreError::Invalid("该提醒不存在或已完成".into()));
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO reminder_log (reminder_id, due_at, event, at) VALUES (?1, ?2, 'done', ?3)",
            params![id, shanghai_midnight(due_on), now],
        )?;
        match next_after(first.unwrap_or(due_on), repeat_of(&repeat), due_on) {
            Some(next) if repeat_of(&repeat) != Repeat::Never => tx.execute(
                "UPDATE reminders SET due_on = ?2, snoozed_until = NULL WHERE id = ?1",
                params![id, next],
            )?,
            _ => tx.execute(
                "UPDATE reminders SET done_at = ?2 WHERE id = ?1",
                params![id, now],
            )?,
        };
        crate::reminders::queue_state(&tx, id, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Not now: the occurrence comes back at `until`.
    pub fn snooze_reminder(
        &mut self,
        id: &str,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if until <= now {
            return Err(StoreError::Invalid("稍后提醒的时间须晚于现在".into()));
        }
        let changed = self.conn().execute(
            "UPDATE reminders SET snoozed_until = ?2 WHERE id = ?1 AND done_at IS NULL",
            params![id, until],
        )?;
        if changed == 0 {
            return Err(StoreError::Invalid("该提醒不存在或已完成".into()));
        }
        self.conn().execute(
            "INSERT OR REPLACE INTO reminder_log (reminder_id, due_at, event, at) VALUES (?1, ?2, 'snoozed', ?3)",
            params![id, until, now],
        )?;
        Ok(())
    }

    /// One tick of the scheduler at `now`: every open occurrence that has come due and was not
    /// acted on yet is logged as fired or missed, and returned for the window to show.
    pub fn scheduler_tick(&mut self, now: DateTime<Utc>) -> Result<Vec<ReminderEvent>> {
        let alive: Option<DateTime<Utc>> = self
            .conn()
            .query_row(
                "SELECT value FROM sync_state WHERE key = ?1",
                [ALIVE],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .and_then(|v| v.parse().ok());
        let open: Vec<Open> = self
            .conn()
            .prepare_cached(
                "SELECT id, title, client_id, due_on, due_time, snoozed_until, created_at \
                 FROM reminders WHERE done_at IS NULL AND due_on <= ?1 \
                 UNION ALL SELECT id, title, client_id, due_on, NULL, NULL, NULL FROM tasks \
                 WHERE done_at IS NULL AND due_on <= ?1",
            )?
            .query_map([domain::clock::shanghai_date(now)], |r| {
                Ok(Open {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    client_id: r.get(2)?,
                    due_on: r.get(3)?,
                    due_time: r.get(4)?,
                    snoozed_until: r.get(5)?,
                    created_at: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let tx = self.conn.transaction()?;
        let mut events = Vec::new();
        for o in open {
            let due_at = o
                .snoozed_until
                .unwrap_or_else(|| due_instant(o.due_on, o.due_time));
            // Set already overdue (a follow-up date pulled from head office, a date typed in the
            // past): it is on the agenda as overdue, but no desk ever had it to fire or miss. One
            // made a moment after its time (typed as "now") still fires.
            let grace = Duration::minutes(GRACE_MINUTES);
            if o.created_at.is_some_and(|c| due_at + grace < c) {
                continue;
            }
            let Some(firing) = classify(due_at, now, alive, grace) else {
                continue;
            };
            let event = match firing {
                Firing::Fire => "fired",
                Firing::Missed => "missed",
            };
            // Each occurrence is acted on once, whichever way.
            let new = tx.execute(
                "INSERT INTO reminder_log (reminder_id, due_at, event, at) SELECT ?1, ?2, ?3, ?4 \
                 WHERE NOT EXISTS (SELECT 1 FROM reminder_log WHERE reminder_id = ?1 AND due_at = ?2 \
                 AND event IN ('fired', 'missed'))",
                params![o.id, due_at, event, now],
            )?;
            if new > 0 {
                events.push(ReminderEvent {
                    reminder_id: o.id,
                    title: o.title,
                    client_id: o.client_id,
                    due_at,
                    event: event.to_string(),
                    at: now,
                });
            }
        }
        set_value(&tx, ALIVE, &now.to_rfc3339())?;
        tx.commit()?;
        Ok(events)
    }

    pub fn is_task(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn()
            .query_row("SELECT 1 FROM tasks WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// A lead's task done: shown done at once, and reported to head office with the next sync.
    pub fn complete_task(
        &mut self,
        mutation_id: String,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE tasks SET done_at = ?2, pending = 1 WHERE id = ?1 AND done_at IS NULL",
            params![id, now],
        )?;
        if changed == 0 {
            return Err(StoreError::Invalid("该任务不存在或已完成".into()));
        }
        let due_on: NaiveDate =
            tx.query_row("SELECT due_on FROM tasks WHERE id = ?1", [id], |r| r.get(0))?;
        tx.execute(
            "INSERT OR IGNORE INTO reminder_log (reminder_id, due_at, event, at) VALUES (?1, ?2, 'done', ?3)",
            params![id, shanghai_midnight(due_on), now],
        )?;
        crate::outbox::enqueue(
            &tx,
            &protocol::Mutation {
                id: mutation_id,
                made_at: now,
                op: protocol::MutationOp::CompleteTask(protocol::TaskCompletion {
                    task_id: id.to_string(),
                    done_at: now,
                }),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The scheduler's log, newest first.
    pub fn reminder_log(&self, limit: u32) -> Result<Vec<ReminderEvent>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.reminder_id, coalesce(r.title, t.title, ''), coalesce(r.client_id, t.client_id), \
             l.due_at, l.event, l.at FROM reminder_log l LEFT JOIN reminders r ON r.id = l.reminder_id \
             LEFT JOIN tasks t ON t.id = l.reminder_id \
             ORDER BY l.at DESC, l.due_at DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit.clamp(1, 1_000)], |r| {
            Ok(ReminderEvent {
                reminder_id: r.get(0)?,
                title: r.get(1)?,
                client_id: r.get(2)?,
                due_at: r.get(3)?,
                event: r.get(4)?,
                at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Head office's answer to a task marked done: taken, or refused (head office's state is "not
/// done", so the task opens again).
pub(crate) fn settle_answer(
    tx: &rusqlite::Transaction<'_>,
    done: &protocol::TaskCompletion,
    answer: &Answer<'_>,
) -> Result<()> {
    if answer.refusal().is_none() {
        tx.execute(
            "UPDATE tasks SET pending = 0 WHERE id = ?1",
            [&done.task_id],
        )?;
        return Ok(());
    }
    tx.execute(
        "UPDATE tasks SET done_at = NULL, pending = 0 WHERE id = ?1",
        [&done.task_id],
    )?;
    answer.record_refusal(tx, "完成任务")
}
