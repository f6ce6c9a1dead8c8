-- Clients shared with a second, serving broker (客户共享): the co-server's part of the service
-- credit, and when and why the share began and ended. Kept after it ends, for the record.
CREATE TABLE IF NOT EXISTS client_shares (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL REFERENCES users(id),
    -- The co-server's part of the service credit, in ten-millionths (`domain::Rate`).
    share INTEGER NOT NULL,
    since TEXT NOT NULL,
    reason TEXT NOT NULL,
    -- None for a share that came with the firm's data.
    started_by TEXT REFERENCES users(id),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    ended_by TEXT REFERENCES users(id),
    end_reason TEXT
);
-- A client has at most one co-server at a time.
CREATE UNIQUE INDEX IF NOT EXISTS client_shares_one_active
    ON client_shares(client_id) WHERE ended_at IS NULL;
-- The co-server's feed finds their shared clients by this.
CREATE INDEX IF NOT EXISTS client_shares_co_server ON client_shares(broker_id) WHERE ended_at IS NULL;
