//! 客户活动: events a broker or a lead runs for clients (投资策略会, 讲座, 沙龙), with a capacity,
//! the clients invited, their answers (报名/婉拒) and who came. The checks below run on the desk
//! (offline, at once) and again at head office, which alone sees every broker's sign-ups.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

choices! {
    /// 活动类型.
    EventKind {
        StrategyMeeting = "strategy_meeting", "投资策略会";
        Lecture = "lecture", "投资讲座";
        Seminar = "seminar", "研讨会";
        Salon = "salon", "客户沙龙";
        Online = "online", "线上直播";
    }
}

choices! {
    /// An invited client's answer.
    Rsvp {
        Invited = "invited", "已邀请";
        Accepted = "accepted", "已报名";
        Declined = "declined", "婉拒";
    }
}

pub const TITLE_MAX: usize = 60;
pub const PLACE_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 1_000;
/// The most clients one invitation names: a hall, not the book.
pub const INVITE_MAX: usize = 2_000;
/// The largest hall a branch books; a bigger event is head office's, not a desk's.
pub const CAPACITY_MAX: u32 = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EventError {
    #[error("请填写活动名称（2 到 {TITLE_MAX} 字）")]
    Title,
    #[error("请填写活动地点或线上会议链接（不超过 {PLACE_MAX} 字）")]
    Place,
    #[error("活动介绍不能超过 {DESCRIPTION_MAX} 字")]
    Description,
    #[error("名额应在 1 到 {CAPACITY_MAX} 人之间")]
    Capacity,
    #[error("活动时间已过，请选择今后的时间")]
    InThePast,
    #[error("活动已满员（{capacity} 人），请先联系已报名的客户确认能否出席")]
    Full { capacity: u32 },
    #[error("活动尚未开始，不能登记出席")]
    NotStarted,
    #[error("婉拒的客户不能登记为出席，请先改为已报名")]
    DeclinedButCame,
}

/// What the organiser typed, before head office has seen it.
#[derive(Debug, Clone, Copy)]
pub struct EventDraft<'a> {
    pub title: &'a str,
    pub place: &'a str,
    pub description: &'a str,
    pub capacity: u32,
    pub starts_at: DateTime<Utc>,
}

fn length_within(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.trim().chars().count())
}

/// A new event: named, placed, with a sensible capacity, still to come.
pub fn check_event(draft: &EventDraft<'_>, now: DateTime<Utc>) -> Result<(), EventError> {
    if !length_within(draft.title, 2, TITLE_MAX) {
        return Err(EventError::Title);
    }
    if !length_within(draft.place, 1, PLACE_MAX) {
        return Err(EventError::Place);
    }
    if draft.description.trim().chars().count() > DESCRIPTION_MAX {
        return Err(EventError::Description);
    }
    if !(1..=CAPACITY_MAX).contains(&draft.capacity) {
        return Err(EventError::Capacity);
    }
    if draft.starts_at <= now {
        return Err(EventError::InThePast);
    }
    Ok(())
}

/// An invited client's answer and attendance. `accepted_others` counts every other client signed
/// up (all brokers' invitations), so the last seat goes to whoever's answer arrives first.
pub fn check_response(
    rsvp: Rsvp,
    attended: bool,
    starts_at: DateTime<Utc>,
    capacity: u32,
    accepted_others: u32,
    now: DateTime<Utc>,
) -> Result<(), EventError> {
    if rsvp == Rsvp::Accepted && accepted_others >= capacity {
        return Err(EventError::Full { capacity });
    }
    if attended && starts_at > now {
        return Err(EventError::NotStarted);
    }
    if attended && rsvp == Rsvp::Declined {
        return Err(EventError::DeclinedButCame);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
    }

    fn draft(title: &str, capacity: u32, starts_at: DateTime<Utc>) -> EventDraft<'_> {
        EventDraft {
            title,
            place: "分公司三楼报告厅",
            description: "",
            capacity,
            starts_at,
        }
    }

    #[test]
    fn a_new_event_is_named_sized_and_to_come() {
        let now = at(5, 2);
        assert_eq!(
            check_event(&draft("2027 年投资策略会", 80, at(12, 6)), now),
            Ok(())
        );
        assert_eq!(
            check_event(&draft(" 会", 80, at(12, 6)), now),
            Err(EventError::Title)
        );
        assert_eq!(
            check_event(&draft("策略会", 0, at(12, 6)), now),
            Err(EventError::Capacity)
        );
        assert_eq!(
            check_event(&draft("策略会", 2_001, at(12, 6)), now),
            Err(EventError::Capacity)
        );
        assert_eq!(
            check_event(&draft("策略会", 80, now), now),
            Err(EventError::InThePast)
        );
        let nowhere = EventDraft {
            place: "  ",
            ..draft("策略会", 80, at(12, 6))
        };
        assert_eq!(check_event(&nowhere, now), Err(EventError::Place));
    }

    #[test]
    fn the_last_seat_goes_once_and_only_comers_after_the_start() {
        let starts = at(12, 6);
        let before = at(10, 0);
        assert_eq!(
            check_response(Rsvp::Accepted, false, starts, 2, 1, before),
            Ok(())
        );
        assert_eq!(
            check_response(Rsvp::Accepted, false, starts, 2, 2, before),
            Err(EventError::Full { capacity: 2 })
        );
        assert_eq!(
            check_response(Rsvp::Declined, false, starts, 2, 2, before),
            Ok(())
        );
        assert_eq!(
            check_response(Rsvp::Accepted, true, starts, 2, 0, before),
            Err(EventError::NotStarted)
        );
        assert_eq!(
            check_response(Rsvp::Accepted, true, starts, 2, 1, at(12, 8)),
            Ok(())
        );
        assert_eq!(
            check_response(Rsvp::Declined, true, starts, 2, 0, at(12, 8)),
            Err(EventError::DeclinedButCame)
        );
        assert_eq!(
            EventError::Full { capacity: 80 }.to_string(),
            "活动已满员（80 人），请先联系已报名的客户确认能否出席"
        );
    }
}
