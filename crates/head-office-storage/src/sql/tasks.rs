//! The agenda at head office, on either backend: tasks from leads (feed rows in the assignee's
//! book, completed only by the assignee) and the brokers' own reminders as their desks push them.

use crate::db::Db;
use crate::error::Result;
use chrono::{DateTime, Utc};
use protocol::{ErrorCode, MutationOutcome, ReminderRecord, TaskCompletion};
use rusqlite::params;

pub(super) fn complete(
    db: &Db<'_>,
    user_id: &str,
    done: &TaskCompletion,
) -> Result<MutationOutcome> {
    let assignee: Option<String> = db.query_opt(
        "SELECT broker_id FROM tasks WHERE id = ?1",
        params![done.task_id],
        |r| r.get(0),
    )?;
    if assignee.as_deref() != Some(user_id) {
        return Ok(MutationOutcome::Refused {
            code: ErrorCode::Forbidden,
            message: "只能完成分配给本人的任务".into(),
        });
    }
    let seq = db.next_seq()?;
    // Done once: a second report keeps the first time.
    db.execute(
        "UPDATE tasks SET done_at = coalesce(done_at, ?2), seq = ?3 WHERE id = ?1",
        params![done.task_id, done.done_at, seq],
    )?;
    Ok(MutationOutcome::Applied)
}

const REPEATS: [&str; 5] = ["never", "daily", "weekly", "monthly", "yearly"];

fn refused(message: &str) -> MutationOutcome {
    MutationOutcome::Refused {
        code: ErrorCode::Validation,
        message: message.into(),
    }
}

/// Stores a reminder's state as the broker's desk last saw it. A reminder is its author's alone
/// (it is keyed by author), and one about a client only while the client is in the author's book.
pub(super) fn save_reminder(
    db: &Db<'_>,
    user_id: &str,
    r: &ReminderRecord,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    if let Some(client) = &r.client_id {
        if super::books::serving_broker(db, client)?.as_deref() != Some(user_id) {
            return Ok(MutationOutcome::Refused {
                code: ErrorCode::Forbidden,
                message: "该客户已不在您的服务范围内，提醒未同步".into(),
            });
        }
    }
    if r.title.trim().is_empty() || r.title.chars().count() > 200 {
        return Ok(refused("提醒内容不能为空，且不超过 200 字"));
    }
    if !REPEATS.contains(&r.repeat.as_str()) {
        return Ok(refused("重复方式无效"));
    }
    db.execute(
        "INSERT INTO broker_reminders (id, broker_id, client_id, title, due_on, due_time, repeat, \
         source, done_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
         ON CONFLICT(broker_id, id) DO UPDATE SET client_id = excluded.client_id, \
         title = excluded.title, due_on = excluded.due_on, due_time = excluded.due_time, \
         repeat = excluded.repeat, source = excluded.source, done_at = excluded.done_at, \
         updated_at = excluded.updated_at",
        params![
            r.id,
            user_id,
            r.client_id,
            r.title,
            r.due_on,
            r.due_time,
            r.repeat,
            r.source,
            r.done_at,
            now
        ],
    )?;
    Ok(MutationOutcome::Applied)
}

pub(super) fn broker_reminders(db: &Db<'_>, broker_id: &str) -> Result<Vec<ReminderRecord>> {
    db.query_map(
        "SELECT id, client_id, title, due_on, due_time, repeat, source, done_at \
         FROM broker_reminders WHERE broker_id = ?1 ORDER BY due_on, id",
        params![broker_id],
        |r| {
            Ok(ReminderRecord {
                id: r.get(0)?,
                client_id: r.get(1)?,
                title: r.get(2)?,
                due_on: r.get(3)?,
                due_time: r.get(4)?,
                repeat: r.get(5)?,
                source: r.get(6)?,
                done_at: r.get(7)?,
            })
        },
    )
}
