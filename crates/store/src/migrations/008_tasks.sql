-- Tasks from leads, mirrored; `pending` while the broker's completion waits in the outbox.
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    detail TEXT,
    client_id TEXT,
    assigned_by_name TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_at TEXT,
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tasks_due ON tasks(done_at, due_on);
-- Tasks already assigned before this desk knew them: pull everything again.
UPDATE sync_state SET value = '0' WHERE key = 'cursor';
