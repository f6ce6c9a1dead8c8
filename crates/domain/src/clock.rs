//! Dates as a broker in China means them: Asia/Shanghai, whatever zone the machine is set to.
//! China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

pub fn shanghai() -> FixedOffset {
    // 8 hours is always a valid offset; the fallback is never taken.
    FixedOffset::east_opt(8 * 3600).unwrap_or(Utc.fix())
}

/// The calendar day in Shanghai at this instant.
pub fn shanghai_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&shanghai()).date_naive()
}

/// The instant a day starts in Shanghai: where a Beijing day or month begins and ends.
pub fn shanghai_midnight(day: NaiveDate) -> DateTime<Utc> {
    let local = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // A fixed offset has exactly one instant for every local time.
    (local - chrono::Duration::hours(8)).and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_day_turns_at_midnight_in_shanghai() {
        let late_utc = Utc.with_ymd_and_hms(2026, 11, 24, 16, 0, 0).unwrap();
        assert_eq!(
            shanghai_date(late_utc),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
        );
        let before = Utc.with_ymd_and_hms(2026, 11, 24, 15, 59, 59).unwrap();
        assert_eq!(
            shanghai_date(before),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
        );
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(shanghai_midnight(day), late_utc);
        assert_eq!(shanghai_date(shanghai_midnight(day)), day);
    }
}
