-- Head office schema, PostgreSQL dialect: the SQLite migrations 001-010 as one, with SQLite's
-- INTEGER as BIGINT and times kept as the same RFC 3339 text, so one set of statements serves both.
-- from 001_firm.sql
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
    disabled BIGINT NOT NULL DEFAULT 0
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
-- Seqs come from a sequence; pg.rs explains how the feed reads them safely.
CREATE SEQUENCE IF NOT EXISTS feed_seq_numbers;
CREATE TABLE IF NOT EXISTS clients (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    version BIGINT NOT NULL,
    name TEXT NOT NULL,
    id_number TEXT NOT NULL,
    mobile TEXT NOT NULL,
    investor_class TEXT NOT NULL,
    tier TEXT NOT NULL,
    total_assets BIGINT NOT NULL,
    opened_on TEXT NOT NULL,
    developing_broker_id TEXT NOT NULL,
    last_contact_at TEXT
);
CREATE INDEX IF NOT EXISTS clients_feed ON clients(broker_id, seq);
CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    account_no TEXT NOT NULL,
    commission_rate BIGINT NOT NULL,
    waive_minimum BIGINT NOT NULL,
    opened_on TEXT NOT NULL,
    cash BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS accounts_feed ON accounts(broker_id, seq);
CREATE TABLE IF NOT EXISTS holdings (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    security_code TEXT NOT NULL,
    security_name TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    cost BIGINT NOT NULL,
    market_value BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS holdings_feed ON holdings(broker_id, seq);
CREATE TABLE IF NOT EXISTS trades (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    traded_at TEXT NOT NULL,
    security_code TEXT NOT NULL,
    side TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    price_li BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    commission BIGINT NOT NULL,
    handling_fee BIGINT NOT NULL,
    regulatory_fee BIGINT NOT NULL,
    transfer_fee BIGINT NOT NULL,
    stamp_duty BIGINT NOT NULL,
    net_commission BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS trades_feed ON trades(broker_id, seq);
CREATE TABLE IF NOT EXISTS asset_months (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    month TEXT NOT NULL,
    total_assets BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS asset_months_feed ON asset_months(broker_id, seq);
CREATE TABLE IF NOT EXISTS risk_assessments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    level TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    expires_on TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS risk_assessments_feed ON risk_assessments(broker_id, seq);
-- A row that left a broker's book (deleted, or its client moved away) leaves a tombstone there.
CREATE TABLE IF NOT EXISTS tombstones (
    seq BIGINT PRIMARY KEY,
    broker_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tombstones_feed ON tombstones(broker_id, seq);

-- from 002_contact_log.sql
-- Broker writes and safer sessions.
-- The contact log: written by brokers through pushes, pulled back by every desk of the broker.
CREATE TABLE IF NOT EXISTS contact_notes (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    channel TEXT NOT NULL,
    summary TEXT NOT NULL,
    contacted_at TEXT NOT NULL,
    follow_up_on TEXT,
    author_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contact_notes_feed ON contact_notes(broker_id, seq);
CREATE INDEX IF NOT EXISTS contact_notes_client ON contact_notes(client_id);
-- Every mutation head office has answered, with the answer: a resend gets the same one.
CREATE TABLE IF NOT EXISTS applied_mutations (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
-- A revoked token is dead for good, unlike a used one whose answer may be asked for again.
ALTER TABLE refresh_tokens ADD COLUMN revoked_at TEXT;

-- from 003_preferences.sql
-- Client preferences, written by brokers and by head office, merged field by field.
CREATE TABLE IF NOT EXISTS client_preferences (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    preferred_channel TEXT,
    best_time_to_call TEXT,
    remark TEXT,
    version BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS client_preferences_feed ON client_preferences(broker_id, seq);
CREATE INDEX IF NOT EXISTS client_preferences_client ON client_preferences(client_id);

-- from 004_client_360.sql
-- The client 360°: tags, bank–securities transfers, complaints and return visits, related clients;
-- the audit log of personal-data access; the firm's configurable practice.
ALTER TABLE clients ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
CREATE TABLE IF NOT EXISTS cash_transfers (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    transferred_at TEXT NOT NULL,
    direction TEXT NOT NULL,
    amount BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS cash_transfers_feed ON cash_transfers(broker_id, seq);
CREATE INDEX IF NOT EXISTS cash_transfers_client ON cash_transfers(client_id);
CREATE TABLE IF NOT EXISTS service_cases (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
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
    seq BIGINT NOT NULL,
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

-- from 005_recommendations.sql
-- The approved library and recommendation pushes (issue 5).
ALTER TABLE risk_assessments ADD COLUMN lowest_category BIGINT NOT NULL DEFAULT 0;
-- Library items are firm-wide: `broker_id` is '*' so every desk's feed carries them.
CREATE TABLE IF NOT EXISTS products (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL DEFAULT '*',
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    risk TEXT NOT NULL,
    version BIGINT NOT NULL,
    approval TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    security_code TEXT,
    author TEXT NOT NULL,
    approval_ref TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS products_feed ON products(broker_id, seq);
-- A push exactly as head office received it, with its own verdict per recipient: the suitability
-- record kept for 20 years. Never updated, never deleted.
CREATE TABLE IF NOT EXISTS recommendation_pushes (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL REFERENCES users(id),
    product_id TEXT NOT NULL REFERENCES products(id),
    product_version BIGINT NOT NULL,
    product_risk TEXT NOT NULL,
    cover_message TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    archive TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS recommendation_pushes_broker ON recommendation_pushes(broker_id, sent_at);
CREATE OR REPLACE FUNCTION recommendation_push_archived() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a recommendation push is archived and cannot be changed';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER recommendation_pushes_archived
BEFORE UPDATE OR DELETE ON recommendation_pushes
FOR EACH ROW EXECUTE FUNCTION recommendation_push_archived();
-- One recipient of a push; in the pushing broker's book (it stays there if the client moves).
CREATE TABLE IF NOT EXISTS push_deliveries (
    id TEXT PRIMARY KEY,
    push_id TEXT NOT NULL REFERENCES recommendation_pushes(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    reply TEXT,
    updated_at TEXT NOT NULL,
    -- The channel has nothing more to report (its last event is in `status`).
    channel_settled BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS push_deliveries_feed ON push_deliveries(broker_id, seq);
CREATE INDEX IF NOT EXISTS push_deliveries_open ON push_deliveries(push_id)
    WHERE channel_settled = 0 AND status <> 'refused';

-- from 006_commission.sql
-- Official monthly statements and brokers' disputes (issue 7). Pay plans, fee schedules and
-- splits are one validated document in firm_settings ('pay').
CREATE INDEX IF NOT EXISTS trades_traded_at ON trades(traded_at);
CREATE INDEX IF NOT EXISTS cash_transfers_at ON cash_transfers(transferred_at);
CREATE TABLE IF NOT EXISTS commission_statements (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL REFERENCES users(id),
    seq BIGINT NOT NULL,
    month TEXT NOT NULL,
    published_at TEXT NOT NULL,
    credited BIGINT NOT NULL,
    threshold BIGINT NOT NULL,
    share BIGINT NOT NULL,
    bonus BIGINT NOT NULL,
    base BIGINT NOT NULL,
    adjustments BIGINT NOT NULL,
    adjustment_note TEXT,
    total BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS commission_statements_feed ON commission_statements(broker_id, seq);
CREATE TABLE IF NOT EXISTS statement_lines (
    id TEXT PRIMARY KEY,
    statement_id TEXT NOT NULL REFERENCES commission_statements(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    trade_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_name TEXT NOT NULL,
    traded_at TEXT NOT NULL,
    security_code TEXT NOT NULL,
    side TEXT NOT NULL,
    amount BIGINT NOT NULL,
    commission_rate BIGINT NOT NULL,
    waive_minimum BIGINT NOT NULL,
    role TEXT NOT NULL,
    net_commission BIGINT NOT NULL,
    credited BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS statement_lines_feed ON statement_lines(broker_id, seq);
CREATE INDEX IF NOT EXISTS statement_lines_statement ON statement_lines(statement_id);
CREATE TABLE IF NOT EXISTS statement_disputes (
    id TEXT PRIMARY KEY,
    statement_id TEXT NOT NULL REFERENCES commission_statements(id),
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    trade_id TEXT,
    client_id TEXT,
    desk_amount BIGINT NOT NULL,
    statement_amount BIGINT NOT NULL,
    comment TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    status TEXT NOT NULL,
    answer TEXT
);
CREATE INDEX IF NOT EXISTS statement_disputes_feed ON statement_disputes(broker_id, seq);

-- from 007_tasks.sql
-- Tasks a lead assigns to a broker (issue 6 receives them; issue 8 assigns them).
CREATE TABLE IF NOT EXISTS tasks (
    id TEXT PRIMARY KEY,
    -- The assignee: the task is in their feed.
    broker_id TEXT NOT NULL REFERENCES users(id),
    seq BIGINT NOT NULL,
    title TEXT NOT NULL,
    detail TEXT,
    client_id TEXT,
    assigned_by TEXT NOT NULL REFERENCES users(id),
    due_on TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX IF NOT EXISTS tasks_feed ON tasks(broker_id, seq);

-- from 008_calendar.sql
-- Issue 6: what the desk's alerts need from head office, and the brokers' own reminders.
ALTER TABLE clients ADD COLUMN id_expires_on TEXT;
ALTER TABLE accounts ADD COLUMN margin_ratio_bp BIGINT;
-- Holidays, new shares, rights issues and maturities: firm-wide feed rows (broker_id '*').
CREATE TABLE IF NOT EXISTS market_events (
    id TEXT PRIMARY KEY,
    broker_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    event TEXT NOT NULL,
    on_day TEXT NOT NULL,
    security_code TEXT NOT NULL,
    security_name TEXT NOT NULL,
    window_days BIGINT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS market_events_feed ON market_events(broker_id, seq);
-- A broker's own reminders as their desk last pushed them; the desk is where they live, head
-- office keeps them so a lead can see what is overdue.
-- Keyed by broker too: a follow-up's id comes from its note, and a client who changed brokers
-- may carry the same follow-up to both desks.
CREATE TABLE IF NOT EXISTS broker_reminders (
    id TEXT NOT NULL,
    broker_id TEXT NOT NULL REFERENCES users(id),
    client_id TEXT,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    due_time TEXT,
    repeat TEXT NOT NULL,
    source TEXT NOT NULL,
    done_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (broker_id, id)
);
CREATE INDEX IF NOT EXISTS broker_reminders_open ON broker_reminders(broker_id, done_at, due_on);

-- from 009_team.sql
-- Issue 8: clients moved between books, so a lead can count transfers in and out of a month.
CREATE TABLE IF NOT EXISTS client_moves (
    client_id TEXT NOT NULL,
    from_broker TEXT NOT NULL,
    to_broker TEXT NOT NULL,
    moved_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS client_moves_at ON client_moves(moved_at);
CREATE INDEX IF NOT EXISTS contact_notes_at ON contact_notes(contacted_at);

-- from 010_transfers.sql
-- Issue 8: client transfers a broker asks for and a lead decides, and internal threads on tasks
-- and transfer requests. Both are rows of the requesting (or assigned) broker's feed.
CREATE TABLE IF NOT EXISTS transfer_requests (
    id TEXT PRIMARY KEY,
    -- The requesting broker: the request is in their feed.
    broker_id TEXT NOT NULL REFERENCES users(id),
    seq BIGINT NOT NULL,
    client_id TEXT NOT NULL,
    client_name TEXT NOT NULL,
    from_broker TEXT NOT NULL REFERENCES users(id),
    to_broker TEXT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT REFERENCES users(id),
    decided_at TEXT,
    decision_note TEXT
);
CREATE INDEX IF NOT EXISTS transfer_requests_feed ON transfer_requests(broker_id, seq);
CREATE INDEX IF NOT EXISTS transfer_requests_from ON transfer_requests(from_broker, status);
CREATE TABLE IF NOT EXISTS comments (
    id TEXT PRIMARY KEY,
    -- The broker whose task or request it is: the thread is in their feed.
    broker_id TEXT NOT NULL REFERENCES users(id),
    seq BIGINT NOT NULL,
    subject TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_feed ON comments(broker_id, seq);
CREATE INDEX IF NOT EXISTS comments_subject ON comments(subject, subject_id);
