//! The demo firm's market calendar and the facts about a client that only matter for alerts (ID
//! validity, margin accounts, new-share allotments, maturing products). All of it is derived from
//! the date and the client's id, never from the book's random stream, so the rest of the firm
//! stays exactly as it was generated before.

use chrono::{Days, NaiveDate};
use domain::calendar::TradingCalendar;
use domain::Fen;
use protocol::{HoldingRecord, MarketEventKind, MarketEventRecord};

/// Weekdays the exchanges are closed in 2026 and 2027 (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆).
const HOLIDAYS: &[(i32, u32, u32)] = &[
    (2026, 1, 1),
    (2026, 1, 2),
    (2026, 2, 16),
    (2026, 2, 17),
    (2026, 2, 18),
    (2026, 2, 19),
    (2026, 2, 20),
    (2026, 2, 23),
    (2026, 4, 6),
    (2026, 5, 1),
    (2026, 5, 4),
    (2026, 5, 5),
    (2026, 6, 19),
    (2026, 9, 25),
    (2026, 10, 1),
    (2026, 10, 2),
    (2026, 10, 5),
    (2026, 10, 6),
    (2026, 10, 7),
    (2027, 1, 1),
    (2027, 2, 8),
    (2027, 2, 9),
    (2027, 2, 10),
    (2027, 2, 11),
    (2027, 2, 12),
    (2027, 4, 5),
    (2027, 5, 3),
    (2027, 5, 4),
    (2027, 5, 5),
    (2027, 6, 9),
    (2027, 9, 15),
    (2027, 10, 1),
    (2027, 10, 4),
    (2027, 10, 5),
    (2027, 10, 6),
    (2027, 10, 7),
];

/// The new share whose payment day (T+2) is the demo's "today": its winners hold an allotment.
pub(super) const ALLOTTED_SHARE: (&str, &str, i64) = ("301633.SZ", "港迪技术", 4_580);
/// The new share open for subscription on the next trading day.
const UPCOMING_SHARE: (&str, &str) = ("732398.SH", "中科星图申购");
/// A rights issue whose window is open on the demo's "today".
const RIGHTS: (&str, &str) = ("601166.SH", "兴业银行");
/// A 收益凭证 sold to some clients, maturing within the warning window.
pub(super) const NOTE_PRODUCT: (&str, &str) = ("SBX127", "华信证券收益凭证 稳享127期");

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn trading_calendar() -> TradingCalendar {
    TradingCalendar::new(HOLIDAYS.iter().filter_map(|&(y, m, d)| day(y, m, d)))
}

/// The trading day `n` trading days before `from` (not counting `from` itself).
fn trading_days_before(calendar: &TradingCalendar, from: NaiveDate, n: u32) -> NaiveDate {
    let mut current = from;
    let mut left = n;
    while left > 0 {
        current = current - Days::new(1);
        if calendar.is_trading_day(current) {
            left -= 1;
        }
    }
    current
}

/// The subscription day of the allotted share: two trading days before the demo's "today", so
/// that its winners pay today.
fn allotted_subscription_day(calendar: &TradingCalendar, as_of: NaiveDate) -> NaiveDate {
    trading_days_before(calendar, calendar.add_trading_days(as_of, 0), 2)
}

pub(super) fn market_events(as_of: NaiveDate) -> Vec<MarketEventRecord> {
    let calendar = trading_calendar();
    let event = |id: String, event, on, code: &str, name: &str, window_days, detail: &str| {
        MarketEventRecord {
            id,
            event,
            on,
            security_code: code.into(),
            security_name: name.into(),
            window_days,
            detail: detail.into(),
        }
    };
    let mut out: Vec<MarketEventRecord> = calendar
        .holidays
        .iter()
        .map(|d| {
            let id = format!("HOL-{d}");
            event(id, MarketEventKind::Holiday, *d, "", "", 0, "交易所休市")
        })
        .collect();
    let subscribed = allotted_subscription_day(&calendar, as_of);
    out.push(event(
        format!("IPO-{}", ALLOTTED_SHARE.0),
        MarketEventKind::NewShare,
        subscribed,
        ALLOTTED_SHARE.0,
        ALLOTTED_SHARE.1,
        0,
        "创业板新股，发行价 45.80 元，申购上限 1.1 万股",
    ));
    out.push(event(
        format!("IPO-{}", UPCOMING_SHARE.0),
        MarketEventKind::NewShare,
        calendar.add_trading_days(as_of, 1),
        UPCOMING_SHARE.0,
        UPCOMING_SHARE.1,
        0,
        "科创板新股，发行价 36.20 元，申购上限 0.9 万股",
    ));
    out.push(event(
        format!("RIGHTS-{}", RIGHTS.0),
        MarketEventKind::RightsIssue,
        trading_days_before(&calendar, calendar.add_trading_days(as_of, 0), 1),
        RIGHTS.0,
        RIGHTS.1,
        5,
        "每 10 股配 1.5 股，配股价 13.50 元",
    ));
    out.push(event(
        format!("MAT-{}", NOTE_PRODUCT.0),
        MarketEventKind::Maturity,
        as_of + Days::new(5),
        NOTE_PRODUCT.0,
        NOTE_PRODUCT.1,
        0,
        "到期兑付本金及收益，资金 T+1 到账",
    ));
    out
}

/// A stable number per client and purpose, independent of the random stream.
fn hash(client_id: &str, salt: u64) -> u64 {
    client_id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325 ^ salt, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The end of the ID card's validity: ten years under 26, twenty to 60, long-term after. A few
/// lapsed in the last two months without the client renewing.
pub(super) fn id_expires_on(client_id: &str, age: i32, as_of: NaiveDate) -> Option<NaiveDate> {
    let years: u64 = match age {
        ..=25 => 10,
        26..=59 => 20,
        _ => return None,
    };
    let offset = hash(client_id, 1) % (years * 365);
    as_of
        .checked_sub_days(Days::new(60))?
        .checked_add_days(Days::new(offset))
}

/// About one client in ten with ¥500,000 or more has a margin account; most are comfortably
/// covered, a few near the warning line and one or two under the forced-sale line.
pub(super) fn margin_ratio_bp(client_id: &str, assets: Fen) -> Option<u32> {
    if assets < Fen::from_yuan(500_000) || !hash(client_id, 2).is_multiple_of(10) {
        return None;
    }
    let h = hash(client_id, 3);
    Some(match h % 100 {
        0..=5 => 13_100 + (h / 100 % 1_900) as u32,
        6..=8 => 11_500 + (h / 100 % 1_400) as u32,
        _ => 16_000 + (h / 100 % 20_000) as u32,
    })
}

/// New-share winners (中签) hold their allotment until it lists; some clients hold the maturing
/// 收益凭证.
pub(super) fn extra_holdings(client_id: &str, account_id: &str, assets: Fen) -> Vec<HoldingRecord> {
    let holding =
        |suffix: &str, (code, name): (&str, &str), quantity: i64, value: i64| HoldingRecord {
            id: format!("H{}-{suffix}", &client_id[1..]),
            client_id: client_id.into(),
            account_id: account_id.into(),
            security_code: code.into(),
            security_name: name.into(),
            quantity,
            cost: Fen(value),
            market_value: Fen(value),
        };
    let mut out = Vec::new();
    if hash(client_id, 4).is_multiple_of(60) {
        let (code, name, price_fen) = ALLOTTED_SHARE;
        out.push(holding("ipo", (code, name), 500, 500 * price_fen));
    }
    if assets >= Fen::from_yuan(300_000) && hash(client_id, 5).is_multiple_of(30) {
        let yuan = 50_000 * (1 + (hash(client_id, 6) % 6) as i64);
        out.push(holding("note", NOTE_PRODUCT, yuan / 100, yuan * 100));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn the_allotted_share_is_paid_on_the_demo_day() {
        let cal = trading_calendar();
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let t = allotted_subscription_day(&cal, as_of);
        assert_eq!(t, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
        assert_eq!(domain::alerts::new_share_payment_due(t, &cal), as_of);
        assert!(cal
            .holidays
            .iter()
            .all(|d| d.weekday().num_days_from_monday() < 5));
    }
}
