//! When a repeating reminder comes due next (issue 6 groundwork). A monthly reminder set on the
//! 31st falls on the last day of shorter months and returns to the 31st when it can; a yearly
//! one on 29 February falls on 28 February in common years.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Repeat {
    Never,
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// The `n`-th occurrence (0 = `first`) of a reminder first due on `first`. Counting from the first
/// date, not from the last occurrence, keeps the 31st from drifting to the 28th for good.
pub fn occurrence(first: NaiveDate, repeat: Repeat, n: u32) -> Option<NaiveDate> {
    match repeat {
        Repeat::Never => (n == 0).then_some(first),
        Repeat::Daily => first.checked_add_days(Days::new(u64::from(n))),
        Repeat::Weekly => first.checked_add_days(Days::new(7 * u64::from(n))),
        // chrono clamps to the month's last day.
        Repeat::Monthly => first.checked_add_months(Months::new(n)),
        Repeat::Yearly => first.checked_add_months(Months::new(12 * n)),
    }
}

/// The first occurrence strictly after `after`, or `None` if the reminder does not repeat.
pub fn next_after(first: NaiveDate, repeat: Repeat, after: NaiveDate) -> Option<NaiveDate> {
    if repeat == Repeat::Never {
        return (first > after).then_some(first);
    }
    // Jump close, then step: no loop runs longer than a few iterations.
    let gap = (after - first).num_days().max(0) as u64;
    let start = match repeat {
        Repeat::Daily => gap,
        Repeat::Weekly => gap / 7,
        Repeat::Monthly => gap / 31,
        Repeat::Yearly => gap / 366,
        Repeat::Never => 0,
    };
    let mut n = u32::try_from(start).ok()?;
    loop {
        let day = occurrence(first, repeat, n)?;
        if day > after {
            return Some(day);
        }
        n = n.checked_add(1)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn month_ends_clamp_without_drifting() {
        let first = day(2026, 1, 31);
        assert_eq!(
            occurrence(first, Repeat::Monthly, 1),
            Some(day(2026, 2, 28))
        );
        assert_eq!(
            occurrence(first, Repeat::Monthly, 2),
            Some(day(2026, 3, 31))
        );
        assert_eq!(
            next_after(first, Repeat::Monthly, day(2026, 2, 28)),
            Some(day(2026, 3, 31))
        );
        assert_eq!(
            next_after(first, Repeat::Monthly, day(2026, 4, 29)),
            Some(day(2026, 4, 30))
        );
    }

    #[test]
    fn leap_day_yearly_and_the_simple_ones() {
        let leap = day(2028, 2, 29);
        assert_eq!(occurrence(leap, Repeat::Yearly, 1), Some(day(2029, 2, 28)));
        assert_eq!(occurrence(leap, Repeat::Yearly, 4), Some(day(2032, 2, 29)));
        assert_eq!(
            next_after(day(2026, 11, 30), Repeat::Weekly, day(2026, 12, 7)),
            Some(day(2026, 12, 14))
        );
        assert_eq!(
            next_after(day(2026, 11, 30), Repeat::Daily, day(2026, 11, 29)),
            Some(day(2026, 11, 30))
        );
        assert_eq!(
            next_after(day(2026, 11, 30), Repeat::Never, day(2026, 11, 30)),
            None
        );
        assert_eq!(
            next_after(day(2026, 12, 1), Repeat::Never, day(2026, 11, 30)),
            Some(day(2026, 12, 1))
        );
    }
}
