-- Head office's official statements and the broker's disputes (issue 7), mirrored. The desk's
-- own figures are computed from the book each time, never stored.
CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    month TEXT NOT NULL UNIQUE,
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
CREATE TABLE statement_lines (
    id TEXT PRIMARY KEY,
    statement_id TEXT NOT NULL,
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
CREATE INDEX statement_lines_statement ON statement_lines(statement_id);
-- `pending` while the broker's dispute waits in the outbox.
CREATE TABLE disputes (
    id TEXT PRIMARY KEY,
    statement_id TEXT NOT NULL,
    trade_id TEXT,
    client_id TEXT,
    desk_amount INTEGER NOT NULL,
    statement_amount INTEGER NOT NULL,
    comment TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    status TEXT NOT NULL,
    answer TEXT,
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX disputes_statement ON disputes(statement_id);
-- The book's trades carry no statement yet: pull everything again so the new tables fill.
UPDATE sync_state SET value = '0' WHERE key = 'cursor';
