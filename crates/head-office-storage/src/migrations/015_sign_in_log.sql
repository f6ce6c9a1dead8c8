-- Head office's operation log of sign-ins: every failed password, every throttle and every
-- success, with the name as typed, where it came from and which device. Head-office IT reads a
-- user under attack from it (`head-office user list`); it outlives the in-memory throttle.
CREATE TABLE IF NOT EXISTS sign_in_log (
    at TEXT NOT NULL,
    username TEXT NOT NULL,
    user_id TEXT,
    source TEXT NOT NULL,
    device_hash TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_log_at ON sign_in_log(at);
CREATE INDEX IF NOT EXISTS refresh_tokens_user_device ON refresh_tokens(user_id, device_id);
