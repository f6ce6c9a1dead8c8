-- Client moves set for a later day (客户划转 with an effective date). Made at the start of their
-- day by head office's own loop; kept afterwards with how they ended, for the record.
CREATE TABLE IF NOT EXISTS scheduled_transfers (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    to_broker TEXT NOT NULL REFERENCES users(id),
    effective_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES users(id),
    requested_at TEXT NOT NULL,
    -- pending, moved, void (not made on the day: `outcome` says why), cancelled
    status TEXT NOT NULL,
    settled_at TEXT,
    outcome TEXT
);
-- A client has at most one move waiting: two would race for the same day.
CREATE UNIQUE INDEX IF NOT EXISTS scheduled_transfers_one_pending
    ON scheduled_transfers(client_id) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS scheduled_transfers_due ON scheduled_transfers(status, effective_on);
