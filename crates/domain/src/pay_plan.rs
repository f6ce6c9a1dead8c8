//! Broker pay (DOMAIN.md, "Broker pay"): a base, plus a progressive share of the net commission
//! credited to the broker above a monthly threshold, plus a bonus on net new assets brought in,
//! plus head office's adjustments (clawbacks). Every figure comes from a plan head office sets;
//! nothing here is a constant of the firm.
//!
//! Credit: a client's net commission goes to the serving broker, less the developing broker's
//! share when someone else brought the client in (开发关系 / 服务关系).
//!
//! A broker whose plan changes mid-month (a promotion) is paid each plan for its days: base,
//! threshold and band limits are prorated by calendar days, and the commission credited on each
//! day counts under the plan in force that day.

use crate::fees::Rate;
use crate::money::Fen;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

const RATE_SCALE: i128 = 10_000_000;

/// Of the credited net commission above the threshold, the part from `from` up to the next band's
/// `from` is paid at `rate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ShareBand {
    pub from: Fen,
    pub rate: Rate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PayPlan {
    pub id: String,
    /// The rank it pays, e.g. 客户经理（三级）.
    pub name: String,
    pub base_pay: Fen,
    pub monthly_threshold: Fen,
    pub bands: Vec<ShareBand>,
    /// Paid on the month's net inflow of the clients the broker both brought in and serves.
    pub new_asset_bonus: Rate,
}

/// From `effective_from` on, the developing broker's part of a client's net commission when
/// another broker serves the client. Firm-wide, so that the two brokers' credits always add up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct DevelopmentSplit {
    pub effective_from: NaiveDate,
    pub developer_share: Rate,
}

impl DevelopmentSplit {
    /// The share in force on `day`; none before the first split (then the server keeps all).
    pub fn in_force(splits: &[DevelopmentSplit], day: NaiveDate) -> Rate {
        splits
            .iter()
            .filter(|s| s.effective_from <= day)
            .max_by_key(|s| s.effective_from)
            .map_or(Rate(0), |s| s.developer_share)
    }
}

/// From `effective_from` on, the broker is paid by `plan_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PlanPeriod {
    pub plan_id: String,
    pub effective_from: NaiveDate,
}

impl PlanPeriod {
    /// The period a broker is paid by on `day`: the latest one that has begun.
    pub fn in_force(periods: &[PlanPeriod], day: NaiveDate) -> Option<&PlanPeriod> {
        periods
            .iter()
            .filter(|p| p.effective_from <= day)
            .max_by_key(|p| p.effective_from)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PayPlanError {
    #[error("薪酬方案 {0}：分成档位须从 0 元起，按金额由低到高排列")]
    Bands(String),
    #[error("薪酬方案 {0}：比例须在 0 到 100% 之间")]
    RateOutOfRange(String),
    #[error("薪酬方案 {0}：底薪和门槛不能为负数")]
    Negative(String),
    #[error("{0} 没有适用的薪酬方案")]
    NoPlan(NaiveDate),
    #[error("找不到薪酬方案 {0}")]
    UnknownPlan(String),
}

impl PayPlan {
    pub fn validate(&self) -> Result<(), PayPlanError> {
        let full = Rate(RATE_SCALE as i64);
        let ascending = self.bands.windows(2).all(|w| w[0].from < w[1].from);
        if self.bands.first().is_none_or(|b| b.from != Fen::ZERO) || !ascending {
            return Err(PayPlanError::Bands(self.name.clone()));
        }
        let rates = self.bands.iter().map(|b| b.rate);
        if rates
            .chain([self.new_asset_bonus])
            .any(|r| r < Rate(0) || r > full)
        {
            return Err(PayPlanError::RateOutOfRange(self.name.clone()));
        }
        if self.base_pay < Fen::ZERO || self.monthly_threshold < Fen::ZERO {
            return Err(PayPlanError::Negative(self.name.clone()));
        }
        Ok(())
    }
}

/// `amount × rate`, half-up to the fen.
pub fn apply_rate(amount: Fen, rate: Rate) -> Fen {
    let exact = i128::from(amount.0) * i128::from(rate.0);
    let half = if exact < 0 {
        -RATE_SCALE / 2
    } else {
        RATE_SCALE / 2
    };
    Fen(i64::try_from((exact + half) / RATE_SCALE).unwrap_or(i64::MAX))
}

/// `amount × num / den`, half-up to the fen.
pub(crate) fn prorate(amount: Fen, num: i64, den: i64) -> Fen {
    if den == 0 {
        return Fen::ZERO;
    }
    let exact = i128::from(amount.0) * i128::from(num);
    let den = i128::from(den);
    Fen(i64::try_from((exact + den / 2) / den).unwrap_or(i64::MAX))
}

/// Where the month's credit will end if the rest of it goes as it went: linear in trading days.
pub fn forecast(credited_so_far: Fen, elapsed_days: u32, total_days: u32) -> Fen {
    if elapsed_days == 0 {
        return credited_so_far;
    }
    prorate(
        credited_so_far,
        i64::from(total_days.max(elapsed_days)),
        i64::from(elapsed_days),
    )
}

/// How a broker stands to a client whose commission is being credited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CreditRole {
    /// Serves and brought the client in: all of it.
    Both,
    /// Serves a client someone else brought in: all but the developer's share.
    Serving,
    /// Brought the client in, someone else serves: the developer's share.
    Developing,
    /// Serves beside the client's own broker (客户共享): the agreed part of the service credit.
    CoServing,
}

impl CreditRole {
    pub fn as_str(self) -> &'static str {
        match self {
            CreditRole::Both => "both",
            CreditRole::Serving => "serving",
            CreditRole::Developing => "developing",
            CreditRole::CoServing => "co_serving",
        }
    }

    /// As the statement and its export name it.
    pub fn label_zh(self) -> &'static str {
        match self {
            CreditRole::Both => "开发并服务",
            CreditRole::Serving => "服务",
            CreditRole::Developing => "开发",
            CreditRole::CoServing => "共同服务",
        }
    }

    pub fn parse(text: &str) -> Option<CreditRole> {
        [
            CreditRole::Both,
            CreditRole::Serving,
            CreditRole::Developing,
            CreditRole::CoServing,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// The part of one net commission credited to a broker in `role`, when the client's service
/// is shared with a co-server who gets `co_share` of it (`None`: not shared; see
/// `shared_service`). Sharing divides service, never the developer's part.
pub fn credited(
    net_commission: Fen,
    role: CreditRole,
    developer_share: Rate,
    co_share: Option<Rate>,
) -> Fen {
    let developer = apply_rate(net_commission, developer_share);
    let co_server = co_share.map_or(Fen::ZERO, |s| apply_rate(net_commission - developer, s));
    match role {
        CreditRole::Both => net_commission - co_server,
        CreditRole::Serving => net_commission - developer - co_server,
        CreditRole::Developing => developer,
        CreditRole::CoServing => co_server,
    }
}

/// What counts for pay on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCredit {
    pub day: NaiveDate,
    pub credited: Fen,
    /// Inflow less outflow of the clients the broker brought in.
    pub net_new_assets: Fen,
}

/// The days of a month paid under one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PaySegment {
    pub plan_id: String,
    pub plan_name: String,
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub credited: Fen,
    pub threshold: Fen,
    pub share: Fen,
    pub bonus: Fen,
    pub base: Fen,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct MonthPay {
    pub credited: Fen,
    pub threshold: Fen,
    pub share: Fen,
    pub bonus: Fen,
    pub base: Fen,
    /// 组别津贴 (`group_allowance`): the groups' allowances for the days spent in them.
    pub allowance: Fen,
    pub adjustments: Fen,
    pub total: Fen,
    pub segments: Vec<PaySegment>,
}

impl MonthPay {
    /// The month's pay with the groups' `allowance` added (`group_allowance::month_allowance`).
    pub fn with_allowance(mut self, allowance: Fen) -> MonthPay {
        self.total = self.total - self.allowance + allowance;
        self.allowance = allowance;
        self
    }
}

/// The first day of `day`'s month, and the number of days in it.
pub fn month_of(day: NaiveDate) -> (NaiveDate, u32) {
    let first = day.with_day(1).unwrap_or(day);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    (first, (next - first).num_days().unsigned_abs() as u32)
}

/// Progressive share of `above` (credited less threshold), with band limits scaled by
/// `num / den` for a part-month.
fn progressive(plan: &PayPlan, above: Fen, num: i64, den: i64) -> Fen {
    let mut share = Fen::ZERO;
    for (i, band) in plan.bands.iter().enumerate() {
        let lower = prorate(band.from, num, den);
        let upper = plan.bands.get(i + 1).map(|b| prorate(b.from, num, den));
        if above <= lower {
            break;
        }
        let top = upper.map_or(above, |u| above.min(u));
        share += apply_rate(top - lower, band.rate);
    }
    share
}

/// A broker's pay for the month of `month` (any day in it), from the days given (days outside
/// the month are ignored); `adjustments` are head office's (negative for a clawback).
pub fn month_pay(
    month: NaiveDate,
    plans: &[PayPlan],
    periods: &[PlanPeriod],
    days: &[DayCredit],
    adjustments: Fen,
) -> Result<MonthPay, PayPlanError> {
    let (first, length) = month_of(month);
    let last = first + Days::new(u64::from(length) - 1);
    let plan_on = |day: NaiveDate| -> Result<&PayPlan, PayPlanError> {
        let period = PlanPeriod::in_force(periods, day).ok_or(PayPlanError::NoPlan(day))?;
        plans
            .iter()
            .find(|p| p.id == period.plan_id)
            .ok_or_else(|| PayPlanError::UnknownPlan(period.plan_id.clone()))
    };
    // Segments: runs of days under one plan.
    let mut segments: Vec<(&PayPlan, NaiveDate, NaiveDate)> = Vec::new();
    let mut day = first;
    while day <= last {
        let plan = plan_on(day)?;
        match segments.last_mut() {
            Some((p, _, until)) if p.id == plan.id => *until = day,
            _ => segments.push((plan, day, day)),
        }
        day = day + Days::new(1);
    }
    let mut pay = MonthPay {
        credited: Fen::ZERO,
        threshold: Fen::ZERO,
        share: Fen::ZERO,
        bonus: Fen::ZERO,
        base: Fen::ZERO,
        allowance: Fen::ZERO,
        adjustments,
        total: Fen::ZERO,
        segments: Vec::new(),
    };
    for (plan, from, until) in segments {
        let span = (until - from).num_days() + 1;
        let inside = days.iter().filter(|d| d.day >= from && d.day <= until);
        let credited: Fen = inside.clone().map(|d| d.credited).sum();
        let inflow: Fen = inside.map(|d| d.net_new_assets).sum();
        let threshold = prorate(plan.monthly_threshold, span, i64::from(length));
        let above = (credited - threshold).max(Fen::ZERO);
        let segment = PaySegment {
            plan_id: plan.id.clone(),
            plan_name: plan.name.clone(),
            from,
            until,
            credited,
            threshold,
            share: progressive(plan, above, span, i64::from(length)),
            // Money that left is not a negative bonus: a net outflow earns nothing.
            bonus: apply_rate(inflow.max(Fen::ZERO), plan.new_asset_bonus),
            base: prorate(plan.base_pay, span, i64::from(length)),
        };
        pay.credited += segment.credited;
        pay.threshold += segment.threshold;
        pay.share += segment.share;
        pay.bonus += segment.bonus;
        pay.base += segment.base;
        pay.segments.push(segment);
    }
    pay.total = pay.base + pay.share + pay.bonus + pay.adjustments;
    Ok(pay)
}

#[cfg(test)]
#[path = "pay_plan_tests.rs"]
mod tests;
