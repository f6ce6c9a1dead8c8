-- The broker's agenda (issue 6 groundwork): reminders with a time, a repeat rule and a snooze,
-- and the scheduler's log of what fired, was missed or snoozed.
ALTER TABLE reminders ADD COLUMN due_time TEXT;
ALTER TABLE reminders ADD COLUMN repeat TEXT NOT NULL DEFAULT 'never';
ALTER TABLE reminders ADD COLUMN first_due_on TEXT;
ALTER TABLE reminders ADD COLUMN note TEXT;
ALTER TABLE reminders ADD COLUMN snoozed_until TEXT;
CREATE INDEX reminders_due ON reminders(done_at, due_on);
CREATE TABLE reminder_log (
    reminder_id TEXT NOT NULL,
    -- The occurrence: when it was due.
    due_at TEXT NOT NULL,
    event TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (reminder_id, due_at, event)
);
CREATE INDEX reminder_log_at ON reminder_log(at);
