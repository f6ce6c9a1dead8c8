//! Tasks from leads at head office: their feed rows (in the assignee's book) and their completion,
//! which only the assignee can report.

use super::sqlite::next_seq;
use super::sqlite_rows::{FeedScope, FeedTable};
use crate::error::Result;
use protocol::{EntityKind, ErrorCode, MutationOutcome, Record, TaskCompletion, TaskRecord};
use rusqlite::{params, OptionalExtension, Row, Statement, Transaction};

pub(super) const TASKS: FeedTable = FeedTable {
    scope: FeedScope::Author,
    kind: EntityKind::Task,
    table: "tasks",
    // The lead's name is looked up as the row is read.
    columns: "title, detail, client_id, (SELECT display_name FROM users u WHERE u.id = tasks.assigned_by), \
              due_on, done_at",
    read: read_task,
    insert: "INSERT INTO tasks (id, broker_id, seq, title, detail, client_id, assigned_by, due_on, done_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
};

fn read_task(r: &Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::Task(TaskRecord {
        id: r.get(0)?,
        title: r.get(1)?,
        detail: r.get(2)?,
        client_id: r.get(3)?,
        assigned_by_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        due_on: r.get(5)?,
        done_at: r.get(6)?,
    }))
}

/// `assigned_by_name` carries the lead's user id on the way in (import and assignment).
pub(super) fn insert(
    stmt: &mut Statement<'_>,
    broker: &str,
    seq: i64,
    record: &Record,
) -> rusqlite::Result<usize> {
    match record {
        Record::Task(t) => stmt.execute(params![
            t.id,
            broker,
            seq,
            t.title,
            t.detail,
            t.client_id,
            t.assigned_by_name,
            t.due_on,
            t.done_at
        ]),
        _ => Err(rusqlite::Error::InvalidQuery),
    }
}

pub(super) fn complete(
    tx: &Transaction<'_>,
    user_id: &str,
    done: &TaskCompletion,
) -> Result<MutationOutcome> {
    let assignee: Option<String> = tx
        .query_row(
            "SELECT broker_id FROM tasks WHERE id = ?1",
            [&done.task_id],
            |r| r.get(0),
        )
        .optional()?;
    if assignee.as_deref() != Some(user_id) {
        return Ok(MutationOutcome::Refused {
            code: ErrorCode::Forbidden,
            message: "只能完成分配给本人的任务".into(),
        });
    }
    let seq = next_seq(tx)?;
    // Done once: a second report keeps the first time.
    tx.execute(
        "UPDATE tasks SET done_at = coalesce(done_at, ?2), seq = ?3 WHERE id = ?1",
        params![done.task_id, done.done_at, seq],
    )?;
    Ok(MutationOutcome::Applied)
}
