//! When a client moves to another broker (客户划转). 经纪业务管理部 moves a client at once, or
//! from a day ahead (the leaving broker serves until their last day; a team is rebuilt from the
//! 1st of next month). A scheduled move is made at the start of its day, Beijing time, if it
//! still makes sense then: the receiver may have left, or the client may already be theirs.
//! A share with a second, serving broker (客户共享) may be set ahead the same way.

use chrono::{Months, NaiveDate};
use thiserror::Error;

/// How far ahead a move may be set: a quarter covers a notice period or a reorganisation;
/// anything later is a plan, not a decision, and the book will have changed by then.
const MOST_MONTHS_AHEAD: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TransferDateError {
    #[error("生效日期 {day} 已过：{change}只能从今天（{today}）或以后生效")]
    Past {
        change: Change,
        day: NaiveDate,
        today: NaiveDate,
    },
    #[error("生效日期 {day} 太远：{change}最多提前三个月安排（最晚 {latest}）")]
    TooFar {
        change: Change,
        day: NaiveDate,
        latest: NaiveDate,
    },
}

/// What is set for a day: the client moving, or being shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Transfer,
    Share,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Change::Transfer => "客户划转",
            Change::Share => "客户共享",
        })
    }
}

/// When a requested move is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferTiming {
    Now,
    /// At the start of this day (Asia/Shanghai), a day after today at the earliest.
    From(NaiveDate),
}

/// The timing of a `change` asked to take effect on `day` (none: at once), on the firm's `today`.
pub fn timing(
    change: Change,
    day: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<TransferTiming, TransferDateError> {
    let Some(day) = day else {
        return Ok(TransferTiming::Now);
    };
    if day < today {
        return Err(TransferDateError::Past { change, day, today });
    }
    if day == today {
        return Ok(TransferTiming::Now);
    }
    let latest = today
        .checked_add_months(Months::new(MOST_MONTHS_AHEAD))
        .unwrap_or(NaiveDate::MAX);
    if day > latest {
        return Err(TransferDateError::TooFar {
            change,
            day,
            latest,
        });
    }
    Ok(TransferTiming::From(day))
}

/// What becomes of a scheduled move when its day comes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    Move,
    /// Not made, and why, in the words the operation log keeps.
    Void(&'static str),
}

/// Decides a due move: `serving` is who serves the client on the day, `receiver_active` whether
/// the receiver is still a broker in post.
pub fn settle(serving: &str, receiver: &str, receiver_active: bool) -> Settlement {
    if !receiver_active {
        Settlement::Void("接收经纪人已不在岗，未划转，请重新安排")
    } else if serving == receiver {
        Settlement::Void("客户届时已由接收经纪人服务，无需划转")
    } else {
        Settlement::Move
    }
}

/// Decides a due share: `serving` and `developer` as the client stands on the day,
/// `co_active` whether the co-server is still a broker in post, `shared` whether the client has a
/// co-server already. A share that no longer passes `shared_service::check_share` is not begun.
pub fn settle_share(
    serving: &str,
    developer: &str,
    co_server: &str,
    share: crate::Rate,
    co_active: bool,
    shared: bool,
) -> Settlement {
    use crate::shared_service::{check_share, ShareError};
    if !co_active {
        return Settlement::Void("共同服务人已不在岗，未共享，请重新安排");
    }
    if shared {
        return Settlement::Void("客户届时已有共同服务人，未共享；如需更换，请先结束原共享");
    }
    match check_share(serving, developer, co_server, share) {
        Ok(()) => Settlement::Move,
        Err(ShareError::SameBroker) => Settlement::Void("客户届时已由共同服务人本人服务，无需共享"),
        Err(ShareError::Developer) => Settlement::Void("共同服务人是客户的开发人，未共享"),
        Err(ShareError::OutOfRange { .. }) => {
            Settlement::Void("分成比例不在 1% 至 99% 之间，未共享")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn no_day_or_today_moves_at_once_and_a_later_day_waits_for_it() {
        let today = day(2026, 12, 6);
        assert_eq!(
            timing(Change::Transfer, None, today),
            Ok(TransferTiming::Now)
        );
        assert_eq!(
            timing(Change::Transfer, Some(today), today),
            Ok(TransferTiming::Now)
        );
        assert_eq!(
            timing(Change::Transfer, Some(day(2027, 1, 1)), today),
            Ok(TransferTiming::From(day(2027, 1, 1)))
        );
        assert_eq!(
            timing(Change::Transfer, Some(day(2027, 3, 6)), today),
            Ok(TransferTiming::From(day(2027, 3, 6))),
            "three months ahead is the last day allowed"
        );
    }

    #[test]
    fn a_past_day_or_one_beyond_a_quarter_is_refused_with_the_limit() {
        let today = day(2026, 12, 6);
        let past = timing(Change::Share, Some(day(2026, 12, 5)), today).unwrap_err();
        assert!(past.to_string().contains("已过：客户共享只能"), "{past}");
        let far = timing(Change::Transfer, Some(day(2027, 3, 7)), today).unwrap_err();
        assert_eq!(
            far,
            TransferDateError::TooFar {
                change: Change::Transfer,
                day: day(2027, 3, 7),
                latest: day(2027, 3, 6)
            }
        );
        assert!(far.to_string().contains("2027-03-06"), "{far}");
    }

    #[test]
    fn a_due_move_is_made_only_to_a_broker_in_post_who_does_not_serve_the_client_yet() {
        assert_eq!(settle("B001", "B002", true), Settlement::Move);
        assert!(matches!(settle("B001", "B002", false), Settlement::Void(_)));
        assert!(matches!(settle("B002", "B002", true), Settlement::Void(_)));
        // Whoever serves the client on the day gives them up, not who served at scheduling.
        assert_eq!(settle("B003", "B002", true), Settlement::Move);
    }

    #[test]
    fn a_due_share_begins_only_if_it_still_passes_the_share_rules_on_the_day() {
        let thirty = crate::Rate(3_000_000);
        assert_eq!(
            settle_share("B001", "B009", "B002", thirty, true, false),
            Settlement::Move
        );
        for (serving, co_active, shared) in [
            ("B001", false, false),
            ("B001", true, true),
            // The co-server was moved the client meanwhile.
            ("B002", true, false),
        ] {
            assert!(matches!(
                settle_share(serving, "B009", "B002", thirty, co_active, shared),
                Settlement::Void(_)
            ));
        }
        assert!(matches!(
            settle_share("B001", "B002", "B002", thirty, true, false),
            Settlement::Void(_)
        ));
    }
}
