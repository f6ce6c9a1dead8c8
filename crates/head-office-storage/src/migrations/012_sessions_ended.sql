-- When a user's sessions were last ended (disabled, or a new password). Head office's admin
-- commands run in another process than the server, so the server cannot drop the access tokens it
-- holds in memory; it compares each token's issue time with this instead.
ALTER TABLE users ADD COLUMN sessions_ended_at TEXT;
