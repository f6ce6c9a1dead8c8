//! Feed tables of pay: official statements, their lines and disputes, each in the broker's own
//! feed (a statement stays with the broker it pays). Same shape as `rows`.

use super::feed_table::{bad, side_code, FeedScope, FeedTable};
use crate::db::{Db, Row};
use crate::error::Result;
use domain::pay_plan::CreditRole;
use domain::{Fen, Rate, TradeSide};
use protocol::{
    DisputeRecord, DisputeStatus, EntityKind, Record, StatementLineRecord, StatementRecord,
};
use rusqlite::params;

pub(super) const STATEMENTS: FeedTable = FeedTable {
    scope: FeedScope::Author,
    kind: EntityKind::Statement,
    table: "commission_statements",
    columns: "month, published_at, credited, threshold, share, bonus, base, adjustments, \
              adjustment_note, total, allowance",
    read: read_statement,
    insert: "INSERT INTO commission_statements (id, broker_id, seq, month, published_at, credited, \
             threshold, share, bonus, base, adjustments, adjustment_note, total, allowance) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) \
             ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, published_at = excluded.published_at, \
             credited = excluded.credited, threshold = excluded.threshold, share = excluded.share, \
             bonus = excluded.bonus, base = excluded.base, adjustments = excluded.adjustments, \
             adjustment_note = excluded.adjustment_note, total = excluded.total, \
             allowance = excluded.allowance",
    bind: insert,
};

pub(super) const STATEMENT_LINES: FeedTable = FeedTable {
    scope: FeedScope::Author,
    kind: EntityKind::StatementLine,
    table: "statement_lines",
    columns: "statement_id, trade_id, client_id, client_name, traded_at, security_code, side, \
              amount, commission_rate, waive_minimum, role, net_commission, credited",
    read: read_line,
    insert: "INSERT INTO statement_lines (id, broker_id, seq, statement_id, trade_id, client_id, \
             client_name, traded_at, security_code, side, amount, commission_rate, waive_minimum, \
             role, net_commission, credited) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) \
             ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, amount = excluded.amount, \
             commission_rate = excluded.commission_rate, waive_minimum = excluded.waive_minimum, \
             role = excluded.role, net_commission = excluded.net_commission, \
             credited = excluded.credited, client_name = excluded.client_name",
    bind: insert,
};

pub(super) const DISPUTES: FeedTable = FeedTable {
    scope: FeedScope::Author,
    kind: EntityKind::Dispute,
    table: "statement_disputes",
    columns: "statement_id, trade_id, client_id, desk_amount, statement_amount, comment, \
              raised_at, status, answer",
    read: read_dispute,
    insert:
        "INSERT INTO statement_disputes (id, broker_id, seq, statement_id, trade_id, client_id, \
             desk_amount, statement_amount, comment, raised_at, status, answer) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    bind: insert,
};

fn read_statement(r: &Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::Statement(StatementRecord {
        id: r.get(0)?,
        month: r.get(1)?,
        published_at: r.get(2)?,
        credited: Fen(r.get(3)?),
        threshold: Fen(r.get(4)?),
        share: Fen(r.get(5)?),
        bonus: Fen(r.get(6)?),
        base: Fen(r.get(7)?),
        adjustments: Fen(r.get(8)?),
        adjustment_note: r.get(9)?,
        total: Fen(r.get(10)?),
        allowance: Fen(r.get(11)?),
    }))
}

fn read_line(r: &Row<'_>) -> rusqlite::Result<Record> {
    let side = match r.get::<_, String>(7)?.as_str() {
        "Buy" => TradeSide::Buy,
        "Sell" => TradeSide::Sell,
        _ => return Err(bad(7, "trade side")),
    };
    let role: String = r.get(11)?;
    Ok(Record::StatementLine(StatementLineRecord {
        id: r.get(0)?,
        statement_id: r.get(1)?,
        trade_id: r.get(2)?,
        client_id: r.get(3)?,
        client_name: r.get(4)?,
        traded_at: r.get(5)?,
        security_code: r.get(6)?,
        side,
        amount: Fen(r.get(8)?),
        commission_rate: Rate(r.get(9)?),
        waive_minimum: r.get(10)?,
        role: CreditRole::parse(&role).ok_or_else(|| bad(11, "credit role"))?,
        net_commission: Fen(r.get(12)?),
        credited: Fen(r.get(13)?),
    }))
}

pub(super) fn read_dispute(r: &Row<'_>) -> rusqlite::Result<Record> {
    let status: String = r.get(8)?;
    Ok(Record::Dispute(DisputeRecord {
        id: r.get(0)?,
        statement_id: r.get(1)?,
        trade_id: r.get(2)?,
        client_id: r.get(3)?,
        desk_amount: Fen(r.get(4)?),
        statement_amount: Fen(r.get(5)?),
        comment: r.get(6)?,
        raised_at: r.get(7)?,
        status: DisputeStatus::parse(&status).ok_or_else(|| bad(8, "dispute status"))?,
        answer: r.get(9)?,
    }))
}

fn insert(db: &Db<'_>, sql: &str, broker: &str, seq: i64, record: &Record) -> Result<usize> {
    match record {
        Record::Statement(s) => db.execute(
            sql,
            params![
                s.id,
                broker,
                seq,
                s.month,
                s.published_at,
                s.credited.0,
                s.threshold.0,
                s.share.0,
                s.bonus.0,
                s.base.0,
                s.adjustments.0,
                s.adjustment_note,
                s.total.0,
                s.allowance.0
            ],
        ),
        Record::StatementLine(l) => db.execute(
            sql,
            params![
                l.id,
                broker,
                seq,
                l.statement_id,
                l.trade_id,
                l.client_id,
                l.client_name,
                l.traded_at,
                l.security_code,
                side_code(l.side),
                l.amount.0,
                l.commission_rate.0,
                l.waive_minimum,
                l.role.as_str(),
                l.net_commission.0,
                l.credited.0
            ],
        ),
        Record::Dispute(d) => db.execute(
            sql,
            params![
                d.id,
                broker,
                seq,
                d.statement_id,
                d.trade_id,
                d.client_id,
                d.desk_amount.0,
                d.statement_amount.0,
                d.comment,
                d.raised_at,
                d.status.as_str(),
                d.answer
            ],
        ),
        _ => Err(rusqlite::Error::InvalidQuery.into()),
    }
}

/// How many brokers' statements of the month beginning `first` are published.
pub(super) fn statements_of_month(db: &Db<'_>, first: chrono::NaiveDate) -> Result<u32> {
    let count = db.query_row(
        "SELECT COUNT(*) FROM commission_statements WHERE month = ?1",
        params![first],
        |r| r.get::<_, i64>(0),
    )?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}
