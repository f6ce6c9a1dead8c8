-- Whom a library item is for, as head office approved it (domain::TargetInvestors).
ALTER TABLE products ADD COLUMN target_investors TEXT NOT NULL DEFAULT 'all';
