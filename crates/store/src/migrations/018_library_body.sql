-- A library item's full text as head office approved it.
ALTER TABLE products ADD COLUMN body TEXT NOT NULL DEFAULT '';
