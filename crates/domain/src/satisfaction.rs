//! Satisfaction surveys (满意度调查) taken on head office's return visits: the client scores the
//! service 1 to 5. A low score is the serving broker's to act on, and a lead follows the trend.

use chrono::{Days, NaiveDate};

/// A low score this recent still calls for the broker: a month is long enough to call back,
/// short enough that the call is about the same grievance.
pub const LOW_SCORE_ALERT_DAYS: u64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SatisfactionError {
    #[error("满意度应为 1 到 5 分，收到 {0}")]
    Score(u8),
}

/// A score the client gave, checked.
pub fn check_score(score: u8) -> Result<u8, SatisfactionError> {
    if (1..=5).contains(&score) {
        Ok(score)
    } else {
        Err(SatisfactionError::Score(score))
    }
}

/// Whether a visit on `visited_on` with `score` should still alert the serving broker on `today`.
pub fn is_low_alert(score: u8, threshold: u8, visited_on: NaiveDate, today: NaiveDate) -> bool {
    score <= threshold
        && visited_on <= today
        && visited_on + Days::new(LOW_SCORE_ALERT_DAYS) >= today
}

/// The average of `total` points over `count` visits, in tenths (4.3 is 43), rounded half up:
/// exact integers, as everything the desk shows of a count.
pub fn average_tenths(total: u32, count: u32) -> Option<u32> {
    (count > 0).then(|| (total * 20 + count) / (count * 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_outside_one_to_five_are_refused() {
        assert_eq!(check_score(1), Ok(1));
        assert_eq!(check_score(5), Ok(5));
        assert_eq!(check_score(0), Err(SatisfactionError::Score(0)));
        assert_eq!(check_score(6), Err(SatisfactionError::Score(6)));
    }

    #[test]
    fn a_low_score_alerts_for_a_month() {
        let visit = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert!(is_low_alert(2, 2, visit, today));
        assert!(!is_low_alert(3, 2, visit, today));
        assert!(!is_low_alert(1, 2, visit, today + Days::new(1)));
        assert!(!is_low_alert(1, 2, today + Days::new(1), today));
    }

    #[test]
    fn averages_round_half_up_in_tenths() {
        assert_eq!(average_tenths(13, 3), Some(43)); // 4.333…
        assert_eq!(average_tenths(9, 2), Some(45));
        assert_eq!(average_tenths(29, 6), Some(48)); // 4.833…
        assert_eq!(average_tenths(0, 0), None);
    }
}
