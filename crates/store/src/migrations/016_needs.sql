-- The needs analysis (客户需求分析) extends the client's preferences, merged the same way; the
-- latest changes (who changed what, when) come with head office's row.
ALTER TABLE client_preferences ADD COLUMN investment_goal TEXT;
ALTER TABLE client_preferences ADD COLUMN horizon TEXT;
ALTER TABLE client_preferences ADD COLUMN liquidity_need TEXT;
ALTER TABLE client_preferences ADD COLUMN products_of_interest TEXT;
ALTER TABLE client_preferences ADD COLUMN family_stage TEXT;
ALTER TABLE client_preferences ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
CREATE INDEX client_preferences_goal ON client_preferences(investment_goal, horizon);
