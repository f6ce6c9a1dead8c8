-- The client 360°: tags, bank–securities transfers, complaints and return visits, related clients;
-- the audit log of personal-data access; the firm's configurable practice.
ALTER TABLE clients ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
CREATE TABLE IF NOT EXISTS cash_transfers (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    transferred_at TEXT NOT NULL,
    direction TEXT NOT NULL,
    amount INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cash_transfers_feed ON cash_transfers(broker_id, seq);
CREATE INDEX IF NOT EXISTS cash_transfers_client ON cash_transfers(client_id);
CREATE TABLE IF NOT EXISTS service_cases (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    due_on TEXT,
    closed_on TEXT,
    summary TEXT NOT NULL,
    outcome TEXT
);
CREATE INDEX IF NOT EXISTS service_cases_feed ON service_cases(broker_id, seq);
CREATE INDEX IF NOT EXISTS service_cases_client ON service_cases(client_id);
CREATE TABLE IF NOT EXISTS client_relations (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    related_client_id TEXT NOT NULL,
    related_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS client_relations_feed ON client_relations(broker_id, seq);
CREATE INDEX IF NOT EXISTS client_relations_client ON client_relations(client_id);
-- Every reveal and export of personal data, as the desks report them. Kept at least 6 months.
CREATE TABLE IF NOT EXISTS audit_log (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    action TEXT NOT NULL,
    client_id TEXT,
    field TEXT,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
-- One JSON document per setting; absent means DOMAIN.md's default.
CREATE TABLE IF NOT EXISTS firm_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
