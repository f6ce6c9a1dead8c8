-- A share with a second, serving broker may be set for a later day like a move: the row's
-- `to_broker` is then the co-server, with their part of the service credit here (ten-millionths,
-- `domain::Rate`). NULL for a move. A made share is `moved` like a made move.
ALTER TABLE scheduled_transfers ADD COLUMN share INTEGER;
