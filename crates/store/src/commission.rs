//! The broker's own commission, computed on the desk from the book by the same rules head office
//! uses: every trade's fees again from the account's negotiated rate and the fee schedule in
//! force that day, the credit by relationship, and the month's pay by the broker's plan.
//!
//! Clients the broker brought in but another broker serves are not in this book; their trades
//! are known from head office's statement lines, which carry the facts to compute them again.

use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use domain::clock::{shanghai_date, shanghai_midnight};
use domain::group_allowance::month_allowance;
use domain::pay_plan::{
    credited, forecast, month_of, month_pay, CreditRole, DayCredit, DevelopmentSplit, MonthPay,
};
use domain::{Board, FeeSchedule, Fen, Rate, SecurityCode, TradeSide};
use protocol::PayTerms;
use rusqlite::params;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// Where a line's facts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LineSource {
    /// A trade of a client in this book.
    Book,
    /// A trade of a client this broker brought in, served by a colleague, as the statement lists it.
    Statement,
}

/// One trade's fees and the broker's credit from it, as the desk computes them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TradeCommission {
    pub trade_id: String,
    pub client_id: String,
    pub client_name: String,
    pub traded_at: DateTime<Utc>,
    pub security_code: String,
    pub board: Board,
    pub side: TradeSide,
    pub amount: Fen,
    pub commission_rate: Rate,
    pub commission: Fen,
    pub handling_fee: Fen,
    pub regulatory_fee: Fen,
    pub transfer_fee: Fen,
    pub stamp_duty: Fen,
    pub net_commission: Fen,
    pub role: CreditRole,
    pub credited: Fen,
    pub source: LineSource,
}

fn side_of(code: &str) -> TradeSide {
    if code == "Sell" {
        TradeSide::Sell
    } else {
        TradeSide::Buy
    }
}

/// Weekdays of the month up to and including `through` (all of them when `through` is past it):
/// the trading days as far as the desk knows without head office's holiday calendar.
pub(crate) fn weekdays(month: NaiveDate, through: Option<NaiveDate>) -> u32 {
    let (first, length) = month_of(month);
    (0..length)
        .map(|d| first + Days::new(u64::from(d)))
        .filter(|d| through.is_none_or(|t| *d <= t))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .count() as u32
}

fn entry(days: &mut BTreeMap<NaiveDate, DayCredit>, day: NaiveDate) -> &mut DayCredit {
    days.entry(day).or_insert(DayCredit {
        day,
        credited: Fen::ZERO,
        net_new_assets: Fen::ZERO,
    })
}

/// The facts of one trade, from wherever they came, computed into a line.
pub(crate) struct TradeFacts {
    pub trade_id: String,
    pub client_id: String,
    pub client_name: String,
    pub traded_at: DateTime<Utc>,
    pub security_code: String,
    pub side: TradeSide,
    pub amount: Fen,
    pub commission_rate: Rate,
    pub waive_minimum: bool,
    pub role: CreditRole,
    /// The co-server's part of the service credit, when the client is shared.
    pub co_share: Option<Rate>,
    pub source: LineSource,
}

/// The month's 组别津贴 by the groups head office says the broker was in.
pub(crate) fn allowance(terms: &PayTerms, month: NaiveDate) -> Fen {
    month_allowance(month, &terms.group_allowances, &terms.group_periods)
}

pub(crate) fn compute(facts: TradeFacts, terms: &PayTerms) -> Result<TradeCommission> {
    let day = shanghai_date(facts.traded_at);
    let schedule = FeeSchedule::in_force(&terms.fee_schedules, day)
        .ok_or_else(|| StoreError::Invalid(format!("总部没有 {day} 适用的费率表，无法计算佣金")))?;
    let exchange = SecurityCode::parse(&facts.security_code)
        .map_err(|e| StoreError::Corrupt(format!("{}: {e}", facts.security_code)))?
        .exchange();
    let fees = schedule.charge(
        exchange,
        facts.side,
        facts.amount,
        facts.commission_rate,
        facts.waive_minimum,
    );
    let split = DevelopmentSplit::in_force(&terms.development_splits, day);
    Ok(TradeCommission {
        board: Board::of_stored(&facts.security_code),
        credited: credited(fees.net_commission, facts.role, split, facts.co_share),
        trade_id: facts.trade_id,
        client_id: facts.client_id,
        client_name: facts.client_name,
        traded_at: facts.traded_at,
        security_code: facts.security_code,
        side: facts.side,
        amount: facts.amount,
        commission_rate: facts.commission_rate,
        commission: fees.commission,
        handling_fee: fees.handling_fee,
        regulatory_fee: fees.regulatory_fee,
        transfer_fee: fees.transfer_fee,
        stamp_duty: fees.stamp_duty,
        net_commission: fees.net_commission,
        role: facts.role,
        source: facts.source,
    })
}

impl Store {
    pub(crate) fn terms(&self) -> Result<PayTerms> {
        self.pay_terms()?.ok_or_else(|| {
            StoreError::Invalid("尚未从总部取得薪酬方案与费率表，请联网同步一次".into())
        })
    }

    /// Every trade credited to `me` in the month of `month`, oldest first: the book's own, then
    /// those of clients brought in and served elsewhere (from the month's statement, if any).
    pub fn commission_lines(&self, me: &str, month: NaiveDate) -> Result<Vec<TradeCommission>> {
        let terms = self.terms()?;
        let (first, length) = month_of(month);
        let (from, until) = (
            shanghai_midnight(first),
            shanghai_midnight(first + Days::new(u64::from(length))),
        );
        let mut stmt = self.conn().prepare_cached(
            "SELECT t.id, t.client_id, c.name, t.traded_at, t.security_code, t.side, t.amount, \
             a.commission_rate, a.waive_minimum, c.developing_broker_id, c.serving_broker_id, \
             c.co_server_id, c.co_server_share FROM trades t \
             JOIN clients c ON c.id = t.client_id JOIN accounts a ON a.id = t.account_id \
             WHERE t.traded_at >= ?1 AND t.traded_at < ?2 ORDER BY t.traded_at, t.id",
        )?;
        let facts = stmt
            .query_map(params![from, until], |r| {
                let (developer, serving): (String, String) = (r.get(9)?, r.get(10)?);
                let co_server: Option<String> = r.get(11)?;
                Ok(TradeFacts {
                    trade_id: r.get(0)?,
                    client_id: r.get(1)?,
                    client_name: r.get(2)?,
                    traded_at: r.get(3)?,
                    security_code: r.get(4)?,
                    side: side_of(&r.get::<_, String>(5)?),
                    amount: Fen(r.get(6)?),
                    commission_rate: Rate(r.get(7)?),
                    waive_minimum: r.get(8)?,
                    role: match (serving == me, developer == me) {
                        (true, true) => CreditRole::Both,
                        (true, false) => CreditRole::Serving,
                        _ if co_server.as_deref() == Some(me) => CreditRole::CoServing,
                        // A client in the book that this broker neither serves nor co-serves
                        // cannot be: head office sends a book only to those two.
                        _ => CreditRole::Serving,
                    },
                    co_share: r.get::<_, Option<i64>>(12)?.map(Rate),
                    source: LineSource::Book,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut lines = facts
            .into_iter()
            .map(|f| compute(f, &terms))
            .collect::<Result<Vec<_>>>()?;
        for f in self.developed_elsewhere(first)? {
            lines.push(compute(f, &terms)?);
        }
        Ok(lines)
    }

    /// Statement lines of the month for clients this broker brought in and a colleague serves.
    fn developed_elsewhere(&self, first: NaiveDate) -> Result<Vec<TradeFacts>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.trade_id, l.client_id, l.client_name, l.traded_at, l.security_code, l.side, \
             l.amount, l.commission_rate, l.waive_minimum FROM statement_lines l \
             JOIN statements s ON s.id = l.statement_id \
             WHERE s.month = ?1 AND l.role = 'developing' ORDER BY l.traded_at, l.trade_id",
        )?;
        let rows = stmt.query_map([first], |r| {
            Ok(TradeFacts {
                trade_id: r.get(0)?,
                client_id: r.get(1)?,
                client_name: r.get(2)?,
                traded_at: r.get(3)?,
                security_code: r.get(4)?,
                side: side_of(&r.get::<_, String>(5)?),
                amount: Fen(r.get(6)?),
                commission_rate: Rate(r.get(7)?),
                waive_minimum: r.get(8)?,
                role: CreditRole::Developing,
                co_share: None,
                source: LineSource::Statement,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What counts for pay on each day of the month: credits, and the net inflow of clients the
    /// broker brought in and serves.
    pub(crate) fn day_credits(
        &self,
        me: &str,
        month: NaiveDate,
        lines: &[TradeCommission],
    ) -> Result<Vec<DayCredit>> {
        let (first, length) = month_of(month);
        let (from, until) = (
            shanghai_midnight(first),
            shanghai_midnight(first + Days::new(u64::from(length))),
        );
        let mut days: BTreeMap<NaiveDate, DayCredit> = BTreeMap::new();
        for line in lines {
            entry(&mut days, shanghai_date(line.traded_at)).credited += line.credited;
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT x.transferred_at, x.direction, x.amount FROM cash_transfers x \
             JOIN clients c ON c.id = x.client_id \
             WHERE x.transferred_at >= ?1 AND x.transferred_at < ?2 AND c.developing_broker_id = ?3",
        )?;
        let flows = stmt
            .query_map(params![from, until, me], |r| {
                Ok((
                    r.get::<_, DateTime<Utc>>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (at, direction, amount) in flows {
            let signed = if direction == "in" { amount } else { -amount };
            entry(&mut days, shanghai_date(at)).net_new_assets += Fen(signed);
        }
        Ok(days.into_values().collect())
    }

    /// The month's pay by the desk's own figures; `adjustments` are head office's, when known.
    pub(crate) fn desk_pay(
        &self,
        me: &str,
        month: NaiveDate,
        lines: &[TradeCommission],
        adjustments: Fen,
    ) -> Result<MonthPay> {
        let terms = self.terms()?;
        let days = self.day_credits(me, month, lines)?;
        month_pay(month, &terms.plans, &terms.periods, &days, adjustments)
            .map(|pay| pay.with_allowance(allowance(&terms, month)))
            .map_err(|e| StoreError::Invalid(e.to_string()))
    }

    /// Where the month ends if the rest goes as it went: (credited, pay total).
    pub(crate) fn month_forecast(
        &self,
        me: &str,
        month: NaiveDate,
        today: NaiveDate,
        lines: &[TradeCommission],
        so_far: &MonthPay,
    ) -> Result<(Fen, Fen)> {
        let (first, length) = month_of(month);
        let last = first + Days::new(u64::from(length) - 1);
        if today > last {
            return Ok((so_far.credited, so_far.total));
        }
        let expected = forecast(
            so_far.credited,
            weekdays(month, Some(today)),
            weekdays(month, None),
        );
        let terms = self.terms()?;
        let mut days = self.day_credits(me, month, lines)?;
        days.push(DayCredit {
            day: last,
            credited: expected - so_far.credited,
            net_new_assets: Fen::ZERO,
        });
        let pay = month_pay(
            month,
            &terms.plans,
            &terms.periods,
            &days,
            so_far.adjustments,
        )
        .map_err(|e| StoreError::Invalid(e.to_string()))?
        .with_allowance(so_far.allowance);
        Ok((expected, pay.total))
    }
}
