//! Trading days: weekdays that are not exchange holidays. Head office publishes the holidays; the
//! desk counts T+n with them (new-share payment on T+2, the rights-issue window, forecasts).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TradingCalendar {
    /// Weekdays the exchanges are closed (春节, 国庆 …).
    pub holidays: BTreeSet<NaiveDate>,
}

impl TradingCalendar {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> TradingCalendar {
        TradingCalendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn is_trading_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// The `n`-th trading day after `day` (T+n); `n = 0` is `day` itself if it trades, else the
    /// next trading day.
    pub fn add_trading_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut current = day;
        while !self.is_trading_day(current) {
            current = current + Days::new(1);
        }
        let mut left = n;
        while left > 0 {
            current = current + Days::new(1);
            if self.is_trading_day(current) {
                left -= 1;
            }
        }
        current
    }

    /// The first trading day after `day`: where "remind me next trading day" lands.
    pub fn next_trading_day(&self, day: NaiveDate) -> NaiveDate {
        self.add_trading_days(day + Days::new(1), 0)
    }

    /// Trading days in `[from, until]`.
    pub fn trading_days_between(&self, from: NaiveDate, until: NaiveDate) -> u32 {
        from.iter_days()
            .take_while(|d| *d <= until)
            .filter(|d| self.is_trading_day(*d))
            .count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// 2026 National Day: 1–7 October closed, the weekdays among them are holidays.
    fn national_day() -> TradingCalendar {
        TradingCalendar::new((1..=7).map(|d| day(2026, 10, d)))
    }

    #[test]
    fn t_plus_n_skips_weekends_and_holidays() {
        let cal = national_day();
        // Subscribed on Tuesday 29 September: T+2 is Thursday 8 October, after the holiday.
        assert_eq!(cal.add_trading_days(day(2026, 9, 29), 2), day(2026, 10, 8));
        // Friday + 1 is Monday.
        assert_eq!(
            cal.add_trading_days(day(2026, 11, 27), 1),
            day(2026, 11, 30)
        );
        // T+0 on a Saturday is the next Monday.
        assert_eq!(
            cal.add_trading_days(day(2026, 11, 28), 0),
            day(2026, 11, 30)
        );
        assert!(!cal.is_trading_day(day(2026, 10, 5)));
        // After Friday comes Monday; after the last day before the holiday, the day after it.
        assert_eq!(cal.next_trading_day(day(2026, 11, 27)), day(2026, 11, 30));
        assert_eq!(cal.next_trading_day(day(2026, 11, 28)), day(2026, 11, 30));
        assert_eq!(cal.next_trading_day(day(2026, 9, 30)), day(2026, 10, 8));
        assert_eq!(
            cal.trading_days_between(day(2026, 9, 28), day(2026, 10, 9)),
            5
        );
    }
}
