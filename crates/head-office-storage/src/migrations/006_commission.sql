-- Official monthly statements and brokers' disputes (issue 7). Pay plans, fee schedules and
-- splits are one validated document in firm_settings ('pay').
CREATE INDEX IF NOT EXISTS trades_traded_at ON trades(traded_at);
CREATE INDEX IF NOT EXISTS cash_transfers_at ON cash_transfers(transferred_at);
CREATE TABLE IF NOT EXISTS commission_statements (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL REFERENCES users(id),
    seq INTEGER NOT NULL,
    month TEXT NOT NULL,
    published_at TEXT NOT NULL,
    credited INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    share INTEGER NOT NULL,
    bonus INTEGER NOT NULL,
    base INTEGER NOT NULL,
    adjustments INTEGER NOT NULL,
    adjustment_note TEXT,
    total INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS commission_statements_feed ON commission_statements(broker_id, seq);
CREATE TABLE IF NOT EXISTS statement_lines (
    id TEXT PRIMARY KEY,
    statement_id TEXT NOT NULL REFERENCES commission_statements(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    trade_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_name TEXT NOT NULL,
    traded_at TEXT NOT NULL,
    security_code TEXT NOT NULL,
    side TEXT NOT NULL,
    amount INTEGER NOT NULL,
    commission_rate INTEGER NOT NULL,
    waive_minimum INTEGER NOT NULL,
    role TEXT NOT NULL,
    net_commission INTEGER NOT NULL,
    credited INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS statement_lines_feed ON statement_lines(broker_id, seq);
CREATE INDEX IF NOT EXISTS statement_lines_statement ON statement_lines(statement_id);
CREATE TABLE IF NOT EXISTS statement_disputes (
    id TEXT PRIMARY KEY,
    statement_id TEXT NOT NULL REFERENCES commission_statements(id),
    broker_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    trade_id TEXT,
    client_id TEXT,
    desk_amount INTEGER NOT NULL,
    statement_amount INTEGER NOT NULL,
    comment TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    status TEXT NOT NULL,
    answer TEXT
);
CREATE INDEX IF NOT EXISTS statement_disputes_feed ON statement_disputes(broker_id, seq);
