-- The client 360°, search by pinyin, filters, the access audit, follow-up reminders, saved filters.
ALTER TABLE clients ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE clients ADD COLUMN serving_broker_name TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN developing_broker_name TEXT NOT NULL DEFAULT '';
-- Computed on this desk from the name when the row lands (search_key.rs).
ALTER TABLE clients ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
CREATE TABLE cash_transfers (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    transferred_at TEXT NOT NULL,
    direction TEXT NOT NULL,
    amount INTEGER NOT NULL
);
CREATE INDEX cash_transfers_client ON cash_transfers(client_id, transferred_at);
CREATE TABLE service_cases (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    due_on TEXT,
    closed_on TEXT,
    summary TEXT NOT NULL,
    outcome TEXT
);
CREATE INDEX service_cases_client ON service_cases(client_id);
CREATE TABLE client_relations (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    related_client_id TEXT NOT NULL,
    related_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
CREATE INDEX client_relations_client ON client_relations(client_id);
-- One row per client, derived from the client and its child rows after every applied page, so
-- the list can filter on the latest assessment and the last trade without a subquery per client,
-- and search scans this narrow table instead of the wide client rows.
CREATE TABLE client_facts (
    client_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_pinyin TEXT NOT NULL,
    name_initials TEXT NOT NULL,
    mobile TEXT NOT NULL,
    risk_level TEXT,
    assessed_on TEXT,
    risk_expires_on TEXT,
    last_trade_at TEXT,
    account_nos TEXT NOT NULL DEFAULT ''
);
CREATE INDEX client_facts_expiry ON client_facts(risk_expires_on);
CREATE INDEX clients_assets ON clients(total_assets);
-- Reveals and exports of personal data made on this desk; `pending` until head office has them.
CREATE TABLE access_log (
    id TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    client_id TEXT,
    field TEXT,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL,
    pending INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX access_log_at ON access_log(at);
-- The broker's own reminders; a contact note's follow-up date makes one.
CREATE TABLE reminders (
    id TEXT PRIMARY KEY,
    client_id TEXT,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT,
    created_at TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX reminders_client ON reminders(client_id, due_on);
CREATE TABLE saved_filters (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    created_at TEXT NOT NULL
);
-- Rows already cached lack the new columns' data: pull the whole book again (upserts keep
-- everything the broker wrote).
UPDATE sync_state SET value = '0' WHERE key = 'cursor';
