-- The approved library, recommendation pushes and their delivery (issue 5).
ALTER TABLE risk_assessments ADD COLUMN lowest_category INTEGER NOT NULL DEFAULT 0;
-- Mirrored from head office: firm-wide.
CREATE TABLE products (
    id TEXT PRIMARY KEY,
    product_kind TEXT NOT NULL,
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
-- Mirrored from head office: where each recipient of this broker's pushes is.
CREATE TABLE push_deliveries (
    id TEXT PRIMARY KEY,
    push_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    reply TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX push_deliveries_push ON push_deliveries(push_id);
CREATE INDEX push_deliveries_client ON push_deliveries(client_id);
-- The broker's pushes, archived exactly as sent: the library item as it was, the cover message,
-- and each recipient with the verdict that allowed them. Only the state of the sending may change.
CREATE TABLE recommendation_pushes (
    id TEXT PRIMARY KEY,
    product_id TEXT NOT NULL,
    product_snapshot TEXT NOT NULL,
    cover_message TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    -- pending (in the outbox), accepted (head office took it), refused (head office refused it all)
    state TEXT NOT NULL DEFAULT 'pending',
    refusal TEXT
);
CREATE INDEX recommendation_pushes_sent ON recommendation_pushes(sent_at);
CREATE TABLE push_recipients (
    push_id TEXT NOT NULL REFERENCES recommendation_pushes(id),
    client_id TEXT NOT NULL,
    client_name TEXT NOT NULL,
    desk_verdict TEXT NOT NULL,
    elderly_confirmed INTEGER NOT NULL,
    PRIMARY KEY (push_id, client_id)
);
CREATE INDEX push_recipients_client ON push_recipients(client_id);
CREATE TRIGGER recommendation_pushes_archived
BEFORE UPDATE OF id, product_id, product_snapshot, cover_message, sent_at ON recommendation_pushes
BEGIN SELECT RAISE(ABORT, 'archived push cannot be edited'); END;
CREATE TRIGGER recommendation_pushes_kept
BEFORE DELETE ON recommendation_pushes
BEGIN SELECT RAISE(ABORT, 'archived push cannot be deleted'); END;
CREATE TRIGGER push_recipients_archived
BEFORE UPDATE ON push_recipients
BEGIN SELECT RAISE(ABORT, 'archived push cannot be edited'); END;
CREATE TRIGGER push_recipients_kept
BEFORE DELETE ON push_recipients
BEGIN SELECT RAISE(ABORT, 'archived push cannot be deleted'); END;
-- Cached assessments lack the new flag and the library is new: pull the whole book again.
UPDATE sync_state SET value = '0' WHERE key = 'cursor';
