-- A sign-in ends for good this long after it began, however often it is refreshed: each refresh
-- token carries the moment its sign-in began. Older rows have none; their next refresh starts it.
ALTER TABLE refresh_tokens ADD COLUMN signed_in_at TEXT;
-- A refresh whose answer was lost may be asked again only by whoever asked first: the desk sends a
-- one-off key with each refresh and keeps it in memory; a copy of the token alone is a replay.
ALTER TABLE refresh_tokens ADD COLUMN retry_key_hash TEXT;
