-- Client preferences, written by brokers and by head office, merged field by field.
CREATE TABLE IF NOT EXISTS client_preferences (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    preferred_channel TEXT,
    best_time_to_call TEXT,
    remark TEXT,
    version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS client_preferences_feed ON client_preferences(broker_id, seq);
CREATE INDEX IF NOT EXISTS client_preferences_client ON client_preferences(client_id);
