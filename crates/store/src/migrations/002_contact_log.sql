-- The contact log. `pending` is 1 while the note is written here but not yet accepted by head office.
CREATE TABLE contact_notes (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    summary TEXT NOT NULL,
    contacted_at TEXT NOT NULL,
    follow_up_on TEXT,
    author_id TEXT NOT NULL,
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_notes_client ON contact_notes(client_id, contacted_at);
-- Changes head office refused, with its reason, until the broker has read them.
CREATE TABLE refusals (
    mutation_id TEXT PRIMARY KEY,
    summary TEXT NOT NULL,
    reason TEXT NOT NULL,
    refused_at TEXT NOT NULL
);
