-- What head office's staff did in the console (操作日志): who, when, what, to which client or
-- item, and why. Kept as written.
CREATE TABLE IF NOT EXISTS staff_actions (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS staff_actions_at ON staff_actions(at);
CREATE TRIGGER IF NOT EXISTS staff_actions_kept
BEFORE UPDATE ON staff_actions
BEGIN SELECT RAISE(ABORT, 'the operation log cannot change'); END;
CREATE TRIGGER IF NOT EXISTS staff_actions_not_removed
BEFORE DELETE ON staff_actions
BEGIN SELECT RAISE(ABORT, 'the operation log cannot be removed'); END;
