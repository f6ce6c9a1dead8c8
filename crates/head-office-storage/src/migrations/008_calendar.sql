-- Issue 6: what the desk's alerts need from head office, and the brokers' own reminders.
ALTER TABLE clients ADD COLUMN id_expires_on TEXT;
ALTER TABLE accounts ADD COLUMN margin_ratio_bp INTEGER;
-- Holidays, new shares, rights issues and maturities: firm-wide feed rows (broker_id '*').
CREATE TABLE IF NOT EXISTS market_events (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    on_day TEXT NOT NULL,
    security_code TEXT NOT NULL,
    security_name TEXT NOT NULL,
    window_days INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS market_events_feed ON market_events(broker_id, seq);
-- A broker's own reminders as their desk last pushed them; the desk is where they live, head
-- office keeps them so a lead can see what is overdue.
-- Keyed by broker too: a follow-up's id comes from its note, and a client who changed brokers
-- may carry the same follow-up to both desks.
CREATE TABLE IF NOT EXISTS broker_reminders (
    id TEXT NOT NULL,
    broker_id TEXT NOT NULL REFERENCES users(id),
    client_id TEXT,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    due_time TEXT,
    repeat TEXT NOT NULL,
    source TEXT NOT NULL,
    done_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (broker_id, id)
);
CREATE INDEX IF NOT EXISTS broker_reminders_open ON broker_reminders(broker_id, done_at, due_on);
