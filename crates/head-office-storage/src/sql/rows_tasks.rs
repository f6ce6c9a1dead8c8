//! The feed table of tasks from leads (in the assignee's feed). Same shape as `rows`; `tasks`
//! completes them and `team` assigns them.

use super::feed_table::{FeedScope, FeedTable};
use crate::db::{Db, Row};
use crate::error::Result;
use protocol::{EntityKind, Record, TaskRecord};
use rusqlite::params;

pub(super) const TASKS: FeedTable = FeedTable {
    scope: FeedScope::Author,
    kind: EntityKind::Task,
    table: "tasks",
    // The lead's name is looked up as the row is read.
    columns: "title, detail, client_id, (SELECT display_name FROM users u WHERE u.id = tasks.assigned_by), \
              due_on, done_at",
    read: read_task,
    insert: "INSERT INTO tasks (id, broker_id, seq, title, detail, client_id, assigned_by, due_on, done_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",    bind: insert,
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

/// `assigned_by_name` carries the lead's user id on the way in (import and assignment). `sql` is
/// `TASKS.insert`.
fn insert(db: &Db<'_>, sql: &str, broker: &str, seq: i64, record: &Record) -> Result<usize> {
    match record {
        Record::Task(t) => db.execute(
            sql,
            params![
                t.id,
                broker,
                seq,
                t.title,
                t.detail,
                t.client_id,
                t.assigned_by_name,
                t.due_on,
                t.done_at
            ],
        ),
        _ => Err(rusqlite::Error::InvalidQuery.into()),
    }
}
