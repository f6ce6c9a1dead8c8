-- Issue 8: a lead's last dashboards, readable offline with the time they were taken.
CREATE TABLE team_snapshots (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    taken_at TEXT NOT NULL
);
