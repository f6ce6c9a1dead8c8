-- A month's appraisal (考核) as head office published it to each broker: the broker's own card,
-- level and scheme as JSON (protocol::broker_force::PublishedAppraisal). Publishing a month again
-- replaces its cards.
CREATE TABLE IF NOT EXISTS appraisals (
    month TEXT NOT NULL,
    broker_id TEXT NOT NULL,
    card TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (broker_id, month)
);
