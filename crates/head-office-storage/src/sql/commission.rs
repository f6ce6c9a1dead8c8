//! Pay at head office: the pay document, each broker's terms, the official monthly statement
//! computed by the domain's pay-plan engine from head office's own trades, and disputes.

use super::rows_commission::{DISPUTES, STATEMENTS, STATEMENT_LINES};
use crate::db::Db;
use crate::error::{Result, StorageError};
use crate::pay::PaySettings;
use chrono::{DateTime, Days, NaiveDate, Utc};
use domain::broker_category::CategoryKind;
use domain::clock::{shanghai_date, shanghai_midnight};
use domain::group_allowance::month_allowance;
use domain::pay_plan::{credited, month_of, month_pay, CreditRole, DayCredit, DevelopmentSplit};
use domain::{Fen, Rate, TradeSide};
use protocol::console::TradeCharge;
use protocol::{
    DisputeRecord, DisputeStatus, EntityKind, ErrorCode, MutationOutcome, PayTerms, Record,
    StatementLineRecord, StatementRecord,
};
use rusqlite::params;
use std::collections::{BTreeMap, HashSet};

pub(super) fn terms(db: &Db<'_>, pay: &PaySettings, broker_id: &str) -> Result<PayTerms> {
    Ok(PayTerms {
        group_allowances: pay.group_allowances.clone(),
        group_periods: super::categories::periods_of(db, broker_id, CategoryKind::Group)?,
        periods: pay.periods_of(broker_id),
        monthly_target: pay.target_of(broker_id),
        fee_schedules: pay.fee_schedules.clone(),
        plans: pay.plans.clone(),
        development_splits: pay.development_splits.clone(),
    })
}

fn side(code: &str) -> TradeSide {
    if code == "Sell" {
        TradeSide::Sell
    } else {
        TradeSide::Buy
    }
}

/// Writes (or rewrites) every broker's statement for the month of `month`; returns how many.
pub(super) fn publish(db: &Db<'_>, month: NaiveDate, now: DateTime<Utc>) -> Result<usize> {
    let pay = super::pay_cache::settings(db)?;
    let brokers: Vec<String> = {
        let mut seen = HashSet::new();
        pay.assignments
            .iter()
            .filter(|a| seen.insert(a.broker_id.clone()))
            .map(|a| a.broker_id.clone())
            .collect()
    };
    let mut written = 0;
    for broker in brokers {
        if publish_one(db, &pay, &broker, month, now)? {
            written += 1;
        }
    }
    Ok(written)
}

type TradeRow = (
    String,
    String,
    String,
    DateTime<Utc>,
    String,
    String,
    i64,
    i64,
    bool,
    i64,
    String,
    String,
    Option<String>,
    Option<i64>,
);

fn publish_one(
    db: &Db<'_>,
    pay: &PaySettings,
    broker: &str,
    month: NaiveDate,
    now: DateTime<Utc>,
) -> Result<bool> {
    let periods = pay.periods_of(broker);
    let (first, length) = month_of(month);
    let next = first + Days::new(u64::from(length));
    if periods.iter().all(|p| p.effective_from >= next) {
        return Ok(false);
    }
    let (from, until) = (shanghai_midnight(first), shanghai_midnight(next));
    let trades: Vec<TradeRow> = db.query_map(
        "SELECT t.id, t.client_id, c.name, t.traded_at, t.security_code, t.side, t.amount, \
         a.commission_rate, a.waive_minimum, t.net_commission, c.broker_id, c.developing_broker_id, \
         cs.broker_id, cs.share \
         FROM trades t JOIN clients c ON c.id = t.client_id JOIN accounts a ON a.id = t.account_id \
         LEFT JOIN client_shares cs ON cs.client_id = c.id AND cs.ended_at IS NULL \
         WHERE t.client_id IN (SELECT id FROM clients WHERE broker_id = ?3 \
                               UNION SELECT id FROM clients WHERE developing_broker_id = ?3 \
                               UNION SELECT client_id FROM client_shares \
                                     WHERE broker_id = ?3 AND ended_at IS NULL) \
         AND t.traded_at >= ?1 AND t.traded_at < ?2 \
         ORDER BY t.traded_at, t.id",
        params![from, until, broker],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
                r.get(13)?,
            ))
        },
    )?;
    let statement_id = format!("ST-{broker}-{}", first.format("%Y-%m"));
    let mut days: BTreeMap<NaiveDate, DayCredit> = BTreeMap::new();
    let mut lines = Vec::with_capacity(trades.len());
    for (
        trade_id,
        client_id,
        client_name,
        traded_at,
        code,
        side_code,
        amount,
        rate,
        waive,
        net,
        serving,
        developing,
        co_server,
        co_share,
    ) in trades
    {
        let role = match (serving == broker, developing == broker) {
            (true, true) => CreditRole::Both,
            (true, false) => CreditRole::Serving,
            _ if co_server.as_deref() == Some(broker) => CreditRole::CoServing,
            _ => CreditRole::Developing,
        };
        let day = shanghai_date(traded_at);
        let split = DevelopmentSplit::in_force(&pay.development_splits, day);
        let credit = credited(Fen(net), role, split, co_share.map(Rate));
        days.entry(day)
            .or_insert(DayCredit {
                day,
                credited: Fen::ZERO,
                net_new_assets: Fen::ZERO,
            })
            .credited += credit;
        lines.push(StatementLineRecord {
            id: format!("{statement_id}/{trade_id}"),
            statement_id: statement_id.clone(),
            trade_id,
            client_id,
            client_name,
            traded_at,
            security_code: code,
            side: side(&side_code),
            amount: Fen(amount),
            commission_rate: Rate(rate),
            waive_minimum: waive,
            role,
            net_commission: Fen(net),
            credited: credit,
        });
    }
    // New assets: what came in less what went out, for the clients this broker brought in and
    // serves (a client served elsewhere brings assets to the colleague's book, not this one).
    let flows: Vec<(DateTime<Utc>, String, i64)> = db.query_map(
        "SELECT x.transferred_at, x.direction, x.amount FROM cash_transfers x \
         JOIN clients c ON c.id = x.client_id \
         WHERE x.transferred_at >= ?1 AND x.transferred_at < ?2 \
         AND c.developing_broker_id = ?3 AND c.broker_id = ?3",
        params![from, until, broker],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    for (at, direction, amount) in flows {
        let day = shanghai_date(at);
        let signed = if direction == "in" { amount } else { -amount };
        days.entry(day)
            .or_insert(DayCredit {
                day,
                credited: Fen::ZERO,
                net_new_assets: Fen::ZERO,
            })
            .net_new_assets += Fen(signed);
    }
    let adjustments: Vec<_> = pay
        .adjustments
        .iter()
        .filter(|a| a.broker_id == broker && month_of(a.month).0 == first)
        .collect();
    let adjustment: Fen = adjustments.iter().map(|a| a.amount).sum();
    let note = (!adjustments.is_empty()).then(|| {
        adjustments
            .iter()
            .map(|a| a.note.as_str())
            .collect::<Vec<_>>()
            .join("；")
    });
    let days: Vec<DayCredit> = days.into_values().collect();
    let result = month_pay(
        first,
        &pay.plans,
        &pay.periods_of(broker),
        &days,
        adjustment,
    )
    .map_err(|e| StorageError::Validation(e.to_string()))?
    .with_allowance(month_allowance(
        first,
        &pay.group_allowances,
        &super::categories::periods_of(db, broker, CategoryKind::Group)?,
    ));
    let statement = Record::Statement(StatementRecord {
        id: statement_id.clone(),
        month: first,
        published_at: now,
        credited: result.credited,
        threshold: result.threshold,
        share: result.share,
        bonus: result.bonus,
        base: result.base,
        allowance: result.allowance,
        adjustments: result.adjustments,
        adjustment_note: note,
        total: result.total,
    });
    STATEMENTS.write(db, broker, db.next_seq()?, &statement)?;
    // Lines that no longer belong (a trade corrected away) leave the broker's feed.
    let kept: HashSet<String> = lines.iter().map(|l| l.id.clone()).collect();
    let old: Vec<String> = db.query_map(
        "SELECT id FROM statement_lines WHERE statement_id = ?1",
        params![statement_id],
        |r| r.get(0),
    )?;
    for id in old.into_iter().filter(|id| !kept.contains(id)) {
        db.execute("DELETE FROM statement_lines WHERE id = ?1", params![id])?;
        db.execute(
            "INSERT INTO tombstones (seq, broker_id, kind, id) VALUES (?1, ?2, ?3, ?4)",
            params![
                db.next_seq()?,
                broker,
                EntityKind::StatementLine.as_str(),
                id
            ],
        )?;
    }
    for line in lines {
        STATEMENT_LINES.write(db, broker, db.next_seq()?, &Record::StatementLine(line))?;
    }
    Ok(true)
}

/// Finance corrects what a trade was charged; the net commission follows. The trade flows to the
/// serving desk again; the statement shows it once republished.
pub(super) fn trade_charge(db: &Db<'_>, trade_id: &str) -> Result<Option<TradeCharge>> {
    db.query_opt(
        "SELECT id, client_id, broker_id, traded_at, amount, commission, \
         handling_fee + regulatory_fee, net_commission FROM trades WHERE id = ?1",
        params![trade_id],
        |r| {
            Ok(TradeCharge {
                trade_id: r.get(0)?,
                client_id: r.get(1)?,
                broker_id: r.get(2)?,
                traded_at: r.get(3)?,
                amount: Fen(r.get(4)?),
                commission: Fen(r.get(5)?),
                included_fees: Fen(r.get(6)?),
                net_commission: Fen(r.get(7)?),
            })
        },
    )
}

/// Sets the trade's commission if it is still `was`, by the rules of `domain::fees`; the trade
/// goes out again in its broker's feed.
pub(super) fn correct_trade_commission(
    db: &Db<'_>,
    trade_id: &str,
    was: Fen,
    commission: Fen,
) -> Result<()> {
    let trade = trade_charge(db, trade_id)?
        .ok_or_else(|| StorageError::NotFound(format!("成交 {trade_id}")))?;
    if trade.commission != was {
        return Err(StorageError::Validation(format!(
            "成交 {trade_id} 的佣金已被更正为 {}，请刷新后再改",
            trade.commission
        )));
    }
    domain::fees::check_commission(trade.amount, commission, trade.included_fees)
        .map_err(|e| StorageError::Validation(e.to_string()))?;
    let seq = db.next_seq()?;
    db.execute(
        "UPDATE trades SET commission = ?2, net_commission = ?2 - handling_fee - regulatory_fee, \
         seq = ?3 WHERE id = ?1 AND commission = ?4",
        params![trade_id, commission.0, seq, was.0],
    )?;
    Ok(())
}

/// A broker disputes a figure of their own statement; it waits for head office's answer.
pub(super) fn record_dispute(
    db: &Db<'_>,
    user_id: &str,
    dispute: &DisputeRecord,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    let refused = |code, message: &str| MutationOutcome::Refused {
        code,
        message: message.to_string(),
    };
    let owner: Option<String> = db.query_opt(
        "SELECT broker_id FROM commission_statements WHERE id = ?1",
        params![dispute.statement_id],
        |r| r.get(0),
    )?;
    if owner.as_deref() != Some(user_id) {
        return Ok(refused(
            ErrorCode::Forbidden,
            "只能对本人的佣金结算单提出异议",
        ));
    }
    if !names_a_line_of_it(db, dispute)? {
        return Ok(refused(
            ErrorCode::Validation,
            "异议所指的成交或客户不在这张结算单上，请从结算单明细中选择",
        ));
    }
    let comment = dispute.comment.trim();
    if comment.chars().count() < 4 || comment.chars().count() > 500 {
        return Ok(refused(
            ErrorCode::Validation,
            "异议说明须为 4 到 500 字，请写明差异所在",
        ));
    }
    let record = Record::Dispute(DisputeRecord {
        comment: comment.to_string(),
        status: DisputeStatus::Open,
        answer: None,
        raised_at: dispute.raised_at.min(now),
        ..dispute.clone()
    });
    DISPUTES.write(db, user_id, db.next_seq()?, &record)?;
    Ok(MutationOutcome::Applied)
}

/// A dispute of a line names a trade and a client of that statement: otherwise a broker could
/// file, under their own statement, a record about any client of the firm.
fn names_a_line_of_it(db: &Db<'_>, dispute: &DisputeRecord) -> Result<bool> {
    let line_client: Option<Option<String>> = match &dispute.trade_id {
        Some(trade) => db.query_opt(
            "SELECT client_id FROM statement_lines WHERE id = ?1",
            params![format!("{}/{trade}", dispute.statement_id)],
            |r| r.get(0),
        )?,
        None => Some(None),
    };
    Ok(match (line_client, &dispute.client_id) {
        (None, _) => false,
        (Some(Some(line)), Some(client)) => &line == client,
        (Some(Some(_)), None) => true,
        (Some(None), Some(client)) => db
            .query_opt(
                "SELECT 1 FROM statement_lines WHERE statement_id = ?1 AND client_id = ?2 LIMIT 1",
                params![dispute.statement_id, client],
                |r| r.get::<_, i64>(0),
            )?
            .is_some(),
        (Some(None), None) => true,
    })
}

/// Head office answers a dispute; the answer flows back to the broker's desk.
pub(super) fn answer_dispute(
    db: &Db<'_>,
    id: &str,
    status: DisputeStatus,
    answer: &str,
) -> Result<()> {
    let seq = db.next_seq()?;
    let changed = db.execute(
        "UPDATE statement_disputes SET status = ?2, answer = ?3, seq = ?4 WHERE id = ?1",
        params![id, status.as_str(), answer, seq],
    )?;
    if changed == 0 {
        return Err(StorageError::NotFound(format!("异议 {id}")));
    }
    Ok(())
}
