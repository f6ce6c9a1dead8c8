-- A client shared with a second, serving broker (客户共享): who, their part of the service
-- credit (ten-millionths, `domain::Rate`) and since when, as head office last sent them.
ALTER TABLE clients ADD COLUMN co_server_id TEXT;
ALTER TABLE clients ADD COLUMN co_server_name TEXT;
ALTER TABLE clients ADD COLUMN co_server_share INTEGER;
ALTER TABLE clients ADD COLUMN co_server_since TEXT;
