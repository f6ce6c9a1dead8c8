-- Issue 6: what the alerts need from head office. The calendar arrives as firm-wide rows; the ID
-- validity and margin ratios arrive on rows this desk already has, so the book is pulled again.
ALTER TABLE clients ADD COLUMN id_expires_on TEXT;
ALTER TABLE accounts ADD COLUMN margin_ratio_bp INTEGER;
CREATE TABLE market_events (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    on_day TEXT NOT NULL,
    security_code TEXT NOT NULL,
    security_name TEXT NOT NULL,
    window_days INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX market_events_on ON market_events(event, on_day);
UPDATE sync_state SET value = '0' WHERE key = 'cursor';
