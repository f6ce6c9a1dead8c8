-- Moving a client to another broker (a transfer, a handover of a whole book) finds every row of
-- theirs by client_id; these tables had no index on it, so each move read them whole.
CREATE INDEX IF NOT EXISTS accounts_client ON accounts(client_id);
CREATE INDEX IF NOT EXISTS asset_months_client ON asset_months(client_id);
CREATE INDEX IF NOT EXISTS holdings_client ON holdings(client_id);
CREATE INDEX IF NOT EXISTS risk_assessments_client ON risk_assessments(client_id);
