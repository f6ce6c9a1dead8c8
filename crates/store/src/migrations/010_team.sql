-- Issue 8: a lead's last dashboards, readable offline with the time they were taken.
CREATE TABLE team_snapshots (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    taken_at TEXT NOT NULL
);
-- Transfer requests this broker raised, and the threads on their tasks and requests. `pending`
-- while the broker's own write waits in the outbox.
CREATE TABLE transfer_requests (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    client_name TEXT NOT NULL,
    from_broker_id TEXT NOT NULL,
    from_broker_name TEXT NOT NULL,
    to_broker_id TEXT NOT NULL,
    to_broker_name TEXT NOT NULL,
    reason TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by_name TEXT,
    decided_at TEXT,
    decision_note TEXT,
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transfer_requests_client ON transfer_requests(client_id);
CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    at TEXT NOT NULL,
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_subject ON comments(subject, subject_id, at);
