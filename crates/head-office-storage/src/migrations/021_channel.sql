-- A real channel (the firm's message gateway): how many hand-overs of a queued delivery failed,
-- and when the next one is due. A delivery leaves 'queued' once the gateway takes it.
ALTER TABLE push_deliveries ADD COLUMN handover_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE push_deliveries ADD COLUMN next_handover_at TEXT;
CREATE INDEX IF NOT EXISTS push_deliveries_queued ON push_deliveries(next_handover_at)
    WHERE status = 'queued' AND channel_settled = 0;
