-- A library item's full text as approved (a research report, a fund's description), from the
-- firm's library file; every desk gets it with the item.
ALTER TABLE products ADD COLUMN body TEXT NOT NULL DEFAULT '';
