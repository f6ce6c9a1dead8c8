-- Writes head office accepted, kept for a while: if head office is restored from a backup taken
-- before it accepted them, the desk pushes them again (head office applies each id once).
CREATE TABLE outbox_history (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    settled_at TEXT NOT NULL
);
CREATE INDEX outbox_history_settled ON outbox_history(settled_at);
