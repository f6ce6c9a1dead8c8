-- Client preferences as last known (head office's, or the broker's edit waiting to be pushed).
CREATE TABLE client_preferences (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    preferred_channel TEXT,
    best_time_to_call TEXT,
    remark TEXT,
    version INTEGER NOT NULL,
    pending INTEGER NOT NULL DEFAULT 0
);
-- Fields the broker and head office both changed: head office's value stands until the broker
-- decides. Kept with the three values so nothing the broker typed is lost.
CREATE TABLE conflicts (
    mutation_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    field TEXT NOT NULL,
    before TEXT,
    mine TEXT,
    head_office TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (mutation_id, field)
);
