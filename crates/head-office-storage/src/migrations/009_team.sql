-- Issue 8: clients moved between books, so a lead can count transfers in and out of a month.
CREATE TABLE IF NOT EXISTS client_moves (
    client_id TEXT NOT NULL,
    from_broker TEXT NOT NULL,
    to_broker TEXT NOT NULL,
    moved_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS client_moves_at ON client_moves(moved_at);
CREATE INDEX IF NOT EXISTS contact_notes_at ON contact_notes(contacted_at);
