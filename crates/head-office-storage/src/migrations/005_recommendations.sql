-- The approved library and recommendation pushes (issue 5).
ALTER TABLE risk_assessments ADD COLUMN lowest_category INTEGER NOT NULL DEFAULT 0;
-- Library items are firm-wide: `broker_id` is '*' so every desk's feed carries them.
CREATE TABLE IF NOT EXISTS products (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL DEFAULT '*',
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    risk TEXT NOT NULL,
    version INTEGER NOT NULL,
    approval TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    security_code TEXT,
    author TEXT NOT NULL,
    approval_ref TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS products_feed ON products(broker_id, seq);
-- A push exactly as head office received it, with its own verdict per recipient: the suitability
-- record kept for 20 years. Never updated, never deleted.
CREATE TABLE IF NOT EXISTS recommendation_pushes (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL REFERENCES users(id),
    product_id TEXT NOT NULL REFERENCES products(id),
    product_version INTEGER NOT NULL,
    product_risk TEXT NOT NULL,
    cover_message TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    archive TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS recommendation_pushes_broker ON recommendation_pushes(broker_id, sent_at);
CREATE TRIGGER IF NOT EXISTS recommendation_pushes_archived_update
BEFORE UPDATE ON recommendation_pushes
BEGIN SELECT RAISE(ABORT, 'a recommendation push is archived and cannot be changed'); END;
CREATE TRIGGER IF NOT EXISTS recommendation_pushes_archived_delete
BEFORE DELETE ON recommendation_pushes
BEGIN SELECT RAISE(ABORT, 'a recommendation push is archived and cannot be deleted'); END;
-- One recipient of a push; in the pushing broker's book (it stays there if the client moves).
CREATE TABLE IF NOT EXISTS push_deliveries (
    id TEXT PRIMARY KEY,
    push_id TEXT NOT NULL REFERENCES recommendation_pushes(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    reply TEXT,
    updated_at TEXT NOT NULL,
    -- The channel has nothing more to report (its last event is in `status`).
    channel_settled INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS push_deliveries_feed ON push_deliveries(broker_id, seq);
CREATE INDEX IF NOT EXISTS push_deliveries_open ON push_deliveries(push_id)
    WHERE channel_settled = 0 AND status <> 'refused';
