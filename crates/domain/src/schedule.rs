//! The reminder scheduler's one decision (issue 6 groundwork): a reminder that has come due fires
//! if the desk was running when it did (even if the tick noticed it a little late), and is
//! reported missed if it came due while the app was closed. Never dropped either way.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Firing {
    /// Show the desktop notification now.
    Fire,
    /// It came due while the desk was not running: list it as missed on start.
    Missed,
}

/// `last_alive`: when the scheduler last ran before this tick (none on the first tick after a
/// start). `grace`: how late a tick may be and still count as on time.
pub fn classify(
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
    last_alive: Option<DateTime<Utc>>,
    grace: Duration,
) -> Option<Firing> {
    if due_at > now {
        return None;
    }
    let running_when_due = last_alive.is_some_and(|alive| alive + grace >= due_at);
    if running_when_due || now - due_at <= grace {
        Some(Firing::Fire)
    } else {
        Some(Firing::Missed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, h, m, 0).unwrap()
    }

    #[test]
    fn on_time_late_tick_and_closed_app() {
        let grace = Duration::minutes(2);
        // Not yet due.
        assert_eq!(classify(at(9, 30), at(9, 29), Some(at(9, 28)), grace), None);
        // Due now, app running.
        assert_eq!(
            classify(at(9, 30), at(9, 30), Some(at(9, 29)), grace),
            Some(Firing::Fire)
        );
        // The machine slept through it but the app was running just before: still fires.
        assert_eq!(
            classify(at(9, 30), at(9, 45), Some(at(9, 29)), grace),
            Some(Firing::Fire)
        );
        // Came due while the app was closed (it last ran at 8:00, started again at 10:00).
        assert_eq!(
            classify(at(9, 30), at(10, 0), Some(at(8, 0)), grace),
            Some(Firing::Missed)
        );
        // First tick after a start, long after it came due.
        assert_eq!(
            classify(at(9, 30), at(10, 0), None, grace),
            Some(Firing::Missed)
        );
        // First tick after a start, just after it came due.
        assert_eq!(
            classify(at(9, 30), at(9, 31), None, grace),
            Some(Firing::Fire)
        );
    }
}
