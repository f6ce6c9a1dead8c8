-- Tasks a lead assigns to a broker (issue 6 receives them; issue 8 assigns them).
CREATE TABLE IF NOT EXISTS tasks (
    id TEXT PRIMARY KEY,
    -- The assignee: the task is in their feed.
    broker_id TEXT NOT NULL REFERENCES users(id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    detail TEXT,
    client_id TEXT,
    assigned_by TEXT NOT NULL REFERENCES users(id),
    due_on TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX IF NOT EXISTS tasks_feed ON tasks(broker_id, seq);
