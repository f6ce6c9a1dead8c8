-- The clients whose 客户360 the broker opened lately, so that the command palette can offer
-- them first. Local to this desk, never synced: it says how this broker works, not what the
-- firm knows.
CREATE TABLE recent_clients (
    client_id TEXT PRIMARY KEY,
    opened_at TEXT NOT NULL
);
CREATE INDEX recent_clients_by_time ON recent_clients (opened_at);
