-- The broker's book as pulled from head office. Mirrored rows carry their client's id but no foreign
-- key: head office orders the feed by change, not by parent, so a child may arrive before a client
-- row that changed later. Purging a client deletes its children explicitly (see apply.rs).
CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    id_number TEXT NOT NULL,
    mobile TEXT NOT NULL,
    investor_class TEXT NOT NULL,
    tier TEXT NOT NULL,
    total_assets INTEGER NOT NULL,
    opened_on TEXT NOT NULL,
    serving_broker_id TEXT NOT NULL,
    developing_broker_id TEXT NOT NULL,
    last_contact_at TEXT,
    version INTEGER NOT NULL
);
CREATE INDEX clients_name ON clients(name);
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    account_no TEXT NOT NULL,
    commission_rate INTEGER NOT NULL,
    waive_minimum INTEGER NOT NULL,
    opened_on TEXT NOT NULL,
    cash INTEGER NOT NULL
);
CREATE INDEX accounts_client ON accounts(client_id);
CREATE TABLE holdings (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    security_code TEXT NOT NULL,
    security_name TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    cost INTEGER NOT NULL,
    market_value INTEGER NOT NULL
);
CREATE INDEX holdings_client ON holdings(client_id);
CREATE TABLE trades (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
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
CREATE INDEX trades_client ON trades(client_id, traded_at);
CREATE TABLE asset_months (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    month TEXT NOT NULL,
    total_assets INTEGER NOT NULL
);
CREATE INDEX asset_months_client ON asset_months(client_id, month);
CREATE TABLE risk_assessments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    level TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    expires_on TEXT NOT NULL
);
CREATE INDEX risk_assessments_client ON risk_assessments(client_id, assessed_on);

-- Sync bookkeeping: the feed cursor, when the last sync finished, whose book this is.
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Broker writes waiting to be pushed, in the order they were made. `id` is made on the desk and
-- sent with the mutation so head office can apply it exactly once.
CREATE TABLE outbox (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
