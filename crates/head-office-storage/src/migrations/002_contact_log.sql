-- Broker writes and safer sessions.
-- The contact log: written by brokers through pushes, pulled back by every desk of the broker.
CREATE TABLE IF NOT EXISTS contact_notes (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    channel TEXT NOT NULL,
    summary TEXT NOT NULL,
    contacted_at TEXT NOT NULL,
    follow_up_on TEXT,
    author_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contact_notes_feed ON contact_notes(broker_id, seq);
CREATE INDEX IF NOT EXISTS contact_notes_client ON contact_notes(client_id);
-- Every mutation head office has answered, with the answer: a resend gets the same one.
CREATE TABLE IF NOT EXISTS applied_mutations (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
-- A revoked token is dead for good, unlike a used one whose answer may be asked for again.
ALTER TABLE refresh_tokens ADD COLUMN revoked_at TEXT;
