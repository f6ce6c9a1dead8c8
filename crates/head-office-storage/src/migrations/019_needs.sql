-- The needs analysis (客户需求分析) extends the client's preferences, merged the same way; the
-- desk gets the latest changes with the row, and every change is kept here for compliance.
ALTER TABLE client_preferences ADD COLUMN investment_goal TEXT;
ALTER TABLE client_preferences ADD COLUMN horizon TEXT;
ALTER TABLE client_preferences ADD COLUMN liquidity_need TEXT;
ALTER TABLE client_preferences ADD COLUMN products_of_interest TEXT;
ALTER TABLE client_preferences ADD COLUMN family_stage TEXT;
ALTER TABLE client_preferences ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
CREATE TABLE IF NOT EXISTS client_profile_changes (
    client_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    changed_by_id TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changes TEXT NOT NULL,
    PRIMARY KEY (client_id, version)
);
