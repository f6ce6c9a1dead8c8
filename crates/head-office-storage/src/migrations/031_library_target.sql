-- Whom a library item is for (domain::TargetInvestors): compliance approves an item for all
-- investors or for professional investors only. Items from before are for all.
ALTER TABLE products ADD COLUMN target_investors TEXT NOT NULL DEFAULT 'all';
