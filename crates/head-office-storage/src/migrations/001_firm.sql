-- Head office schema, SQLite dialect. Every row a desk pulls carries `broker_id` (whose book it is
-- in) and `seq` (a firm-wide sequence number given inside the writing transaction): the feed is
-- "rows of my book with seq above my cursor", in seq order.
CREATE TABLE IF NOT EXISTS org_units (
    id TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES org_units(id),
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    org_unit_id TEXT NOT NULL REFERENCES org_units(id),
    disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL,
    family_id TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX IF NOT EXISTS refresh_tokens_family ON refresh_tokens(family_id);
CREATE TABLE IF NOT EXISTS feed_seq (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
);
INSERT OR IGNORE INTO feed_seq (id, last) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS clients (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    id_number TEXT NOT NULL,
    mobile TEXT NOT NULL,
    investor_class TEXT NOT NULL,
    tier TEXT NOT NULL,
    total_assets INTEGER NOT NULL,
    opened_on TEXT NOT NULL,
    developing_broker_id TEXT NOT NULL,
    last_contact_at TEXT
);
CREATE INDEX IF NOT EXISTS clients_feed ON clients(broker_id, seq);
CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    account_no TEXT NOT NULL,
    commission_rate INTEGER NOT NULL,
    waive_minimum INTEGER NOT NULL,
    opened_on TEXT NOT NULL,
    cash INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS accounts_feed ON accounts(broker_id, seq);
CREATE TABLE IF NOT EXISTS holdings (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    security_code TEXT NOT NULL,
    security_name TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    cost INTEGER NOT NULL,
    market_value INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS holdings_feed ON holdings(broker_id, seq);
CREATE TABLE IF NOT EXISTS trades (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    traded_at TEXT NOT NULL,
    security_code TEXT NOT NULL,
    side TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    price_li INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    commission INTEGER NOT NULL,
    handling_fee INTEGER NOT NULL,
    regulatory_fee INTEGER NOT NULL,
    transfer_fee INTEGER NOT NULL,
    stamp_duty INTEGER NOT NULL,
    net_commission INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS trades_feed ON trades(broker_id, seq);
CREATE TABLE IF NOT EXISTS asset_months (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    month TEXT NOT NULL,
    total_assets INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS asset_months_feed ON asset_months(broker_id, seq);
CREATE TABLE IF NOT EXISTS risk_assessments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    level TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    expires_on TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS risk_assessments_feed ON risk_assessments(broker_id, seq);
-- A row that left a broker's book (deleted, or its client moved away) leaves a tombstone there.
CREATE TABLE IF NOT EXISTS tombstones (
    seq INTEGER PRIMARY KEY,
    broker_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tombstones_feed ON tombstones(broker_id, seq);
