-- Issue 8: client transfers a broker asks for and a lead decides, and internal threads on tasks
-- and transfer requests. Both are rows of the requesting (or assigned) broker's feed.
CREATE TABLE IF NOT EXISTS transfer_requests (
    id TEXT PRIMARY KEY,
    -- The requesting broker: the request is in their feed.
    broker_id TEXT NOT NULL REFERENCES users(id),
    seq INTEGER NOT NULL,
    client_id TEXT NOT NULL,
    client_name TEXT NOT NULL,
    from_broker TEXT NOT NULL REFERENCES users(id),
    to_broker TEXT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT REFERENCES users(id),
    decided_at TEXT,
    decision_note TEXT
);
CREATE INDEX IF NOT EXISTS transfer_requests_feed ON transfer_requests(broker_id, seq);
CREATE INDEX IF NOT EXISTS transfer_requests_from ON transfer_requests(from_broker, status);
CREATE TABLE IF NOT EXISTS comments (
    id TEXT PRIMARY KEY,
    -- The broker whose task or request it is: the thread is in their feed.
    broker_id TEXT NOT NULL REFERENCES users(id),
    seq INTEGER NOT NULL,
    subject TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_feed ON comments(broker_id, seq);
CREATE INDEX IF NOT EXISTS comments_subject ON comments(subject, subject_id);
