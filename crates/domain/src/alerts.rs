//! The rules behind the alerts a broker is reminded of (DOMAIN.md, "Events a broker is reminded
//! of"), as pure functions of the facts and "today". Thresholds are the firm's, from head office.

use crate::calendar::TradingCalendar;
use crate::money::Fen;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The firm's alert thresholds; DOMAIN.md's typical values by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AlertThresholds {
    pub birthday_days_ahead: u32,
    pub id_warn_days: u32,
    /// An outflow this share (basis points) of the 90-day average assets or more is an alert...
    pub outflow_share_bp: u32,
    /// ...and so is any outflow of this amount or more.
    pub outflow_amount: Fen,
    /// Margin maintenance ratio (basis points): warn at or below, forced sale below.
    pub margin_warn_bp: u32,
    pub margin_force_bp: u32,
    pub maturity_warn_days: u32,
    pub complaint_warn_days: u32,
    /// A return visit scored this or lower (out of 5) alerts the serving broker.
    #[serde(default = "default_low_satisfaction")]
    pub low_satisfaction_score: u8,
}

fn default_low_satisfaction() -> u8 {
    2
}

impl Default for AlertThresholds {
    fn default() -> Self {
        AlertThresholds {
            birthday_days_ahead: 7,
            id_warn_days: 30,
            outflow_share_bp: 3_000,
            outflow_amount: Fen::from_yuan(500_000),
            margin_warn_bp: 15_000,
            margin_force_bp: 13_000,
            maturity_warn_days: 7,
            complaint_warn_days: 2,
            low_satisfaction_score: default_low_satisfaction(),
        }
    }
}

/// The birthday in `year`: 29 February is kept on 28 February in a common year.
pub fn birthday_in(birth: NaiveDate, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        .unwrap_or(birth)
}

/// The next birthday on or after `today`, if it is within `ahead` days.
pub fn upcoming_birthday(birth: NaiveDate, today: NaiveDate, ahead: u32) -> Option<NaiveDate> {
    let this_year = birthday_in(birth, today.year());
    let next = if this_year >= today {
        this_year
    } else {
        birthday_in(birth, today.year() + 1)
    };
    (next <= today + Days::new(u64::from(ahead))).then_some(next)
}

/// Where a dated document (risk assessment, ID card, product) stands against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Expiry {
    /// Within the warning window, still valid.
    Soon { on: NaiveDate, days_left: u32 },
    /// Today, or already past.
    Expired { on: NaiveDate },
}

/// `None` while more than `warn_days` away. "Expires on" is the first day it is no longer valid.
pub fn expiry(expires_on: NaiveDate, today: NaiveDate, warn_days: u32) -> Option<Expiry> {
    if expires_on <= today {
        return Some(Expiry::Expired { on: expires_on });
    }
    let days_left = (expires_on - today).num_days().unsigned_abs() as u32;
    (days_left <= warn_days).then_some(Expiry::Soon {
        on: expires_on,
        days_left,
    })
}

/// No trade and no contact for `months` months (either missing counts as long ago).
pub fn is_dormant(
    last_trade: Option<NaiveDate>,
    last_contact: Option<NaiveDate>,
    today: NaiveDate,
    months: u32,
) -> bool {
    let since = today
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN);
    last_trade.is_none_or(|d| d < since) && last_contact.is_none_or(|d| d < since)
}

/// A transfer out large against the client's usual assets, or large outright (资产流失预警).
pub fn is_outflow_alert(out: Fen, average_assets_90d: Fen, t: &AlertThresholds) -> bool {
    if out <= Fen::ZERO {
        return false;
    }
    let share_bp = if average_assets_90d.0 > 0 {
        i128::from(out.0) * 10_000 / i128::from(average_assets_90d.0)
    } else {
        i128::MAX
    };
    out >= t.outflow_amount || share_bp >= i128::from(t.outflow_share_bp)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarginLevel {
    /// Near the contract's line: call the client.
    Warning,
    /// Below the forced-sale line.
    ForcedSale,
}

pub fn margin_level(ratio_bp: u32, t: &AlertThresholds) -> Option<MarginLevel> {
    if ratio_bp < t.margin_force_bp {
        Some(MarginLevel::ForcedSale)
    } else if ratio_bp <= t.margin_warn_bp {
        Some(MarginLevel::Warning)
    } else {
        None
    }
}

/// New-share subscription (新股申购) on `day`: winning lots are paid by the end of T+2.
pub fn new_share_payment_due(subscribed_on: NaiveDate, calendar: &TradingCalendar) -> NaiveDate {
    calendar.add_trading_days(subscribed_on, 2)
}

/// A rights issue's subscription window: `days` trading days from the first day after the record
/// date; holders who do not subscribe are diluted.
pub fn rights_window(
    record_date: NaiveDate,
    days: u32,
    calendar: &TradingCalendar,
) -> (NaiveDate, NaiveDate) {
    let first = calendar.add_trading_days(record_date, 1);
    (
        first,
        calendar.add_trading_days(first, days.saturating_sub(1)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn leap_day_birthdays_fall_on_28_february_in_common_years() {
        let born = day(1988, 2, 29);
        assert_eq!(birthday_in(born, 2027), day(2027, 2, 28));
        assert_eq!(birthday_in(born, 2028), day(2028, 2, 29));
        assert_eq!(
            upcoming_birthday(born, day(2027, 2, 25), 7),
            Some(day(2027, 2, 28))
        );
        // Just past: the next one is a year away.
        assert_eq!(upcoming_birthday(born, day(2027, 3, 1), 7), None);
        // Over the year end.
        assert_eq!(
            upcoming_birthday(day(1970, 1, 2), day(2026, 12, 30), 7),
            Some(day(2027, 1, 2))
        );
    }

    #[test]
    fn expiry_warns_ahead_and_on_the_day() {
        assert_eq!(expiry(day(2026, 12, 31), day(2026, 11, 30), 30), None);
        assert_eq!(
            expiry(day(2026, 12, 30), day(2026, 11, 30), 30),
            Some(Expiry::Soon {
                on: day(2026, 12, 30),
                days_left: 30
            })
        );
        assert_eq!(
            expiry(day(2026, 11, 30), day(2026, 11, 30), 30),
            Some(Expiry::Expired {
                on: day(2026, 11, 30)
            })
        );
    }

    #[test]
    fn dormancy_counts_whole_months_even_at_month_ends() {
        // Six months before 31 August is 28 February (2026 is a common year).
        let today = day(2026, 8, 31);
        assert!(!is_dormant(Some(day(2026, 2, 28)), None, today, 6));
        assert!(is_dormant(Some(day(2026, 2, 27)), None, today, 6));
        assert!(!is_dormant(
            Some(day(2025, 1, 1)),
            Some(day(2026, 8, 1)),
            today,
            6
        ));
        assert!(is_dormant(None, None, today, 6));
    }

    #[test]
    fn outflow_and_margin_thresholds() {
        let t = AlertThresholds::default();
        assert!(is_outflow_alert(
            Fen::from_yuan(30_000),
            Fen::from_yuan(100_000),
            &t
        ));
        assert!(!is_outflow_alert(
            Fen::from_yuan(29_999),
            Fen::from_yuan(100_000),
            &t
        ));
        assert!(is_outflow_alert(
            Fen::from_yuan(500_000),
            Fen::from_yuan(90_000_000),
            &t
        ));
        assert!(!is_outflow_alert(Fen::ZERO, Fen::ZERO, &t));
        assert_eq!(margin_level(16_000, &t), None);
        assert_eq!(margin_level(15_000, &t), Some(MarginLevel::Warning));
        assert_eq!(margin_level(12_999, &t), Some(MarginLevel::ForcedSale));
    }

    #[test]
    fn new_share_payment_and_rights_window_count_trading_days() {
        let cal = TradingCalendar::new((1..=7).map(|d| day(2026, 10, d)));
        assert_eq!(
            new_share_payment_due(day(2026, 9, 30), &cal),
            day(2026, 10, 9)
        );
        // Record date Friday 25 September: five trading days from Monday 28 September.
        assert_eq!(
            rights_window(day(2026, 9, 25), 5, &cal),
            (day(2026, 9, 28), day(2026, 10, 9))
        );
    }
}
