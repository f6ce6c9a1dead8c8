//! What the 提醒 and 工作台 panels list: the open agenda split into overdue, today and the coming
//! week, a date range for the calendar, and edits of a reminder.

use crate::agenda::{repeat_code, repeat_of, NewReminder};
use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use domain::repeat::Repeat;
use rusqlite::{params, Row};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AgendaItem {
    pub id: String,
    pub client_id: Option<String>,
    pub client_name: Option<String>,
    pub title: String,
    pub due_on: NaiveDate,
    pub due_time: Option<NaiveTime>,
    pub repeat: Repeat,
    pub note: Option<String>,
    /// `own`, `follow_up` from a contact note, or `task` from a lead.
    pub source: String,
    /// For a task: the lead who set it.
    pub assigned_by: Option<String>,
    pub snoozed_until: Option<DateTime<Utc>>,
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Agenda {
    pub overdue: Vec<AgendaItem>,
    pub today: Vec<AgendaItem>,
    /// The next seven days after today.
    pub week: Vec<AgendaItem>,
}

/// Reminders and tasks from leads, one list: a task is due in the morning and does not repeat.
const ITEM: &str = "SELECT * FROM (SELECT r.id, r.client_id, c.name, r.title, r.due_on, r.due_time, \
    r.repeat, r.note, r.source, r.snoozed_until, r.done_at, NULL AS assigned_by FROM reminders r \
    LEFT JOIN clients c ON c.id = r.client_id \
    UNION ALL SELECT t.id, t.client_id, c.name, t.title, t.due_on, NULL, 'never', t.detail, 'task', \
    NULL, t.done_at, t.assigned_by_name FROM tasks t LEFT JOIN clients c ON c.id = t.client_id) r";

fn item(r: &Row<'_>) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.get(0)?,
        client_id: r.get(1)?,
        client_name: r.get(2)?,
        title: r.get(3)?,
        due_on: r.get(4)?,
        due_time: r.get(5)?,
        repeat: repeat_of(&r.get::<_, String>(6)?),
        note: r.get(7)?,
        source: r.get(8)?,
        snoozed_until: r.get(9)?,
        done_at: r.get(10)?,
        assigned_by: r.get(11)?,
    })
}

impl Store {
    pub fn agenda(&self, today: NaiveDate) -> Result<Agenda> {
        let until = today + Days::new(7);
        let open: Vec<AgendaItem> = self
            .conn()
            .prepare_cached(&format!(
                "{ITEM} WHERE r.done_at IS NULL AND r.due_on <= ?1 \
                 ORDER BY r.due_on, coalesce(r.due_time, '09:00:00'), r.id"
            ))?
            .query_map([until], item)?
            .collect::<rusqlite::Result<_>>()?;
        let mut agenda = Agenda {
            overdue: Vec::new(),
            today: Vec::new(),
            week: Vec::new(),
        };
        for i in open {
            match i.due_on.cmp(&today) {
                std::cmp::Ordering::Less => agenda.overdue.push(i),
                std::cmp::Ordering::Equal => agenda.today.push(i),
                std::cmp::Ordering::Greater => agenda.week.push(i),
            }
        }
        Ok(agenda)
    }

    /// Open and done reminders due in `[from, until]`, for the calendar.
    pub fn reminders_between(&self, from: NaiveDate, until: NaiveDate) -> Result<Vec<AgendaItem>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "{ITEM} WHERE r.due_on BETWEEN ?1 AND ?2 \
                 ORDER BY r.due_on, coalesce(r.due_time, '09:00:00'), r.id"
            ))?
            .query_map([from, until], item)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// A changed reminder starts its repeat afresh from the new date.
    pub fn update_reminder(&mut self, id: &str, r: &NewReminder, now: DateTime<Utc>) -> Result<()> {
        let title = crate::agenda::valid_title(&r.title)?;
        self.known_client(r.client_id.as_deref())?;
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE reminders SET client_id = ?2, title = ?3, due_on = ?4, first_due_on = ?4, \
             due_time = ?5, repeat = ?6, note = ?7, snoozed_until = NULL \
             WHERE id = ?1 AND done_at IS NULL",
            params![
                id,
                r.client_id,
                title,
                r.due_on,
                r.due_time,
                repeat_code(r.repeat),
                r.note
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::Invalid("该提醒不存在或已完成".into()));
        }
        crate::reminders::queue_state(&tx, id, now)?;
        tx.commit()?;
        Ok(())
    }
}
