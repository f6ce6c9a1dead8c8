//! What the commission panel shows: a month (pay, target, forecast, by client, by board, by day),
//! 24 months side by side with head office's statements, and the trades behind any figure.

use crate::commission::TradeCommission;
use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{Months, NaiveDate};
use domain::clock::shanghai_date;
use domain::pay_plan::{month_of, month_pay, MonthPay};
use domain::{Board, Fen};
use protocol::StatementRecord;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClientCommission {
    pub client_id: String,
    pub client_name: String,
    #[ts(type = "number")]
    pub trades: u32,
    pub net_commission: Fen,
    pub credited: Fen,
    /// Of the month's credit, in basis points.
    #[ts(type = "number")]
    pub share_bp: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BoardCommission {
    pub board: Board,
    #[ts(type = "number")]
    pub trades: u32,
    pub credited: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DayTotal {
    pub day: NaiveDate,
    pub credited: Fen,
    /// Month to date, this day included.
    pub cumulative: Fen,
    /// The month's pay as it would stand if the month ended this day: the estimated earnings
    /// to date (the threshold comes off first, so early days may earn only the base).
    pub earned_to_date: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CommissionMonth {
    pub month: NaiveDate,
    /// The desk's own figures, from the book.
    pub pay: MonthPay,
    pub target: Fen,
    /// Where the month ends if the rest goes as it went (the figures themselves for a past month).
    pub forecast_credited: Fen,
    pub forecast_total: Fen,
    #[ts(type = "number")]
    pub trades: u32,
    pub by_client: Vec<ClientCommission>,
    pub by_board: Vec<BoardCommission>,
    pub by_day: Vec<DayTotal>,
    /// Head office's statement of the month, once published.
    pub statement: Option<StatementRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MonthFigure {
    pub month: NaiveDate,
    pub credited: Fen,
    pub total: Fen,
    pub official_total: Option<Fen>,
}

/// Which trades a drill-down wants.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct TradeFilter {
    pub client_id: Option<String>,
    pub board: Option<Board>,
    /// One day of the month.
    pub day: Option<NaiveDate>,
}

fn share_bp(part: Fen, whole: Fen) -> u32 {
    if whole.0 <= 0 {
        return 0;
    }
    u32::try_from(i128::from(part.0) * 10_000 / i128::from(whole.0)).unwrap_or(0)
}

impl Store {
    pub fn statement(&self, month: NaiveDate) -> Result<Option<StatementRecord>> {
        let (first, _) = month_of(month);
        Ok(self
            .conn()
            .query_row(
                "SELECT id, month, published_at, credited, threshold, share, bonus, base, \
                 adjustments, adjustment_note, total, allowance FROM statements WHERE month = ?1",
                [first],
                |r| {
                    Ok(StatementRecord {
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
                    })
                },
            )
            .optional()?)
    }

    pub fn commission_month(
        &self,
        me: &str,
        month: NaiveDate,
        today: NaiveDate,
    ) -> Result<CommissionMonth> {
        let (first, _) = month_of(month);
        let lines = self.commission_lines(me, first)?;
        let statement = self.statement(first)?;
        // Head office's adjustments are known once the statement is out.
        let adjustments = statement.as_ref().map_or(Fen::ZERO, |s| s.adjustments);
        let pay = self.desk_pay(me, first, &lines, adjustments)?;
        let (forecast_credited, forecast_total) =
            self.month_forecast(me, first, today, &lines, &pay)?;
        let mut clients: BTreeMap<&str, ClientCommission> = BTreeMap::new();
        let mut boards: BTreeMap<Board, BoardCommission> = BTreeMap::new();
        let mut days: BTreeMap<NaiveDate, Fen> = BTreeMap::new();
        for l in &lines {
            let c = clients
                .entry(&l.client_id)
                .or_insert_with(|| ClientCommission {
                    client_id: l.client_id.clone(),
                    client_name: l.client_name.clone(),
                    trades: 0,
                    net_commission: Fen::ZERO,
                    credited: Fen::ZERO,
                    share_bp: 0,
                });
            c.trades += 1;
            c.net_commission += l.net_commission;
            c.credited += l.credited;
            let b = boards.entry(l.board).or_insert(BoardCommission {
                board: l.board,
                trades: 0,
                credited: Fen::ZERO,
            });
            b.trades += 1;
            b.credited += l.credited;
            *days.entry(shanghai_date(l.traded_at)).or_insert(Fen::ZERO) += l.credited;
        }
        let mut by_client: Vec<ClientCommission> = clients.into_values().collect();
        for c in &mut by_client {
            c.share_bp = share_bp(c.credited, pay.credited);
        }
        by_client.sort_by(|a, b| {
            b.credited
                .cmp(&a.credited)
                .then(a.client_id.cmp(&b.client_id))
        });
        let mut by_board: Vec<BoardCommission> = boards.into_values().collect();
        by_board.sort_by_key(|b| std::cmp::Reverse(b.credited));
        let terms = self.terms()?;
        let credits = self.day_credits(me, first, &lines)?;
        let mut running = Fen::ZERO;
        let mut by_day = Vec::with_capacity(days.len());
        for (day, credited) in days {
            running += credited;
            let so_far: Vec<_> = credits.iter().filter(|c| c.day <= day).copied().collect();
            // The month's allowance and base are the whole month's from its first day on.
            let earned = month_pay(first, &terms.plans, &terms.periods, &so_far, adjustments)
                .map_err(|e| StoreError::Invalid(e.to_string()))?
                .with_allowance(super::commission::allowance(&terms, first));
            by_day.push(DayTotal {
                day,
                credited,
                cumulative: running,
                earned_to_date: earned.total,
            });
        }
        Ok(CommissionMonth {
            month: first,
            target: terms.monthly_target,
            forecast_credited,
            forecast_total,
            trades: lines.len() as u32,
            by_client,
            by_board,
            by_day,
            statement,
            pay,
        })
    }

    /// The last `count` months up to `today`'s, oldest first, with head office's totals beside.
    pub fn commission_history(
        &self,
        me: &str,
        today: NaiveDate,
        count: u32,
    ) -> Result<Vec<MonthFigure>> {
        let (this_month, _) = month_of(today);
        let mut out = Vec::new();
        for back in (0..count.clamp(1, 36)).rev() {
            let month = this_month - Months::new(back);
            let lines = self.commission_lines(me, month)?;
            let statement = self.statement(month)?;
            let adjustments = statement.as_ref().map_or(Fen::ZERO, |s| s.adjustments);
            let pay = self.desk_pay(me, month, &lines, adjustments)?;
            out.push(MonthFigure {
                month,
                credited: pay.credited,
                total: pay.total,
                official_total: statement.map(|s| s.total),
            });
        }
        Ok(out)
    }

    /// The trades behind a figure of the month.
    pub fn commission_trades(
        &self,
        me: &str,
        month: NaiveDate,
        filter: &TradeFilter,
    ) -> Result<Vec<TradeCommission>> {
        let lines = self.commission_lines(me, month)?;
        Ok(lines
            .into_iter()
            .filter(|l| filter.client_id.as_ref().is_none_or(|c| *c == l.client_id))
            .filter(|l| filter.board.is_none_or(|b| b == l.board))
            .filter(|l| filter.day.is_none_or(|d| shanghai_date(l.traded_at) == d))
            .collect())
    }
}
