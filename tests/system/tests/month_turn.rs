//! "This month" is the firm's month, Asia/Shanghai: at 00:30 on the 1st in Beijing it is still
//! the last day of the old month in UTC, and a lead's dashboard must already show the new month.
//! Head office runs on a clock the test steps, so this holds on whatever day the suite runs.

use chrono::{Duration, NaiveDate, NaiveTime};
use clock::{shanghai_instant, Clock, ManualClock};
use domain::Fen;
use protocol::team::{BrokerQuery, TeamQuery};
use protocol::ErrorCode;
use sync::HeadOffice;
use system_tests::{access_token, small_firm, TestHeadOffice};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lead_s_month_turns_at_midnight_in_beijing_not_in_utc() {
    let last_day = day(2027, 1, 31);
    let clock = ManualClock::at(shanghai_instant(
        last_day,
        NaiveTime::from_hms_opt(23, 30, 0).unwrap(),
    ));
    let params = demo_firm::DemoParams {
        as_of: last_day,
        ..small_firm()
    };
    let head_office = TestHeadOffice::start_at(&params, clock.clone()).await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let this_month = TeamQuery {
        unit: None,
        month: None,
    };

    let token = access_token(&api, "lead01").await;
    let january = api.team_dashboard(&token, &this_month).await.unwrap();
    assert_eq!(january.month, day(2027, 1, 1));
    assert!(
        january.totals.net_commission > Fen(0),
        "{:?}",
        january.totals
    );

    clock.advance(Duration::hours(1));
    assert_eq!(clock.now().date_naive(), last_day, "still January in UTC");
    // An hour on, the morning's access token has expired; sign in again as the lead would.
    let token = access_token(&api, "lead01").await;
    let february = api.team_dashboard(&token, &this_month).await.unwrap();
    assert_eq!(february.month, day(2027, 2, 1));
    assert_eq!(
        february.totals.net_commission,
        Fen(0),
        "no trade has been made in February yet"
    );
    let asked_for_january = TeamQuery {
        unit: None,
        month: Some(day(2027, 1, 15)),
    };
    let again = api
        .team_dashboard(&token, &asked_for_january)
        .await
        .unwrap();
    assert_eq!(again.totals.net_commission, january.totals.net_commission);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_month_before_the_first_exchange_opened_is_refused_in_chinese_not_a_crash() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let token = access_token(&api, "lead01").await;
    for month in [NaiveDate::MIN, day(-262_143, 1, 1), day(1990, 11, 30)] {
        let query = TeamQuery {
            unit: None,
            month: Some(month),
        };
        let refused = api.team_dashboard(&token, &query).await.unwrap_err();
        assert_eq!(
            refused.code(),
            Some(ErrorCode::Validation),
            "{month}: {refused:?}"
        );
        assert!(refused.to_string().contains("1990 年 12 月"), "{refused}");
        let broker = BrokerQuery {
            broker: "B001".into(),
            month: Some(month),
        };
        let refused = api.team_broker(&token, &broker).await.unwrap_err();
        assert_eq!(
            refused.code(),
            Some(ErrorCode::Validation),
            "{month}: {refused:?}"
        );
    }
    // The server is still there, and the first month it keeps answers.
    let first = TeamQuery {
        unit: None,
        month: Some(day(1990, 12, 19)),
    };
    let dashboard = api.team_dashboard(&token, &first).await.unwrap();
    assert_eq!(dashboard.month, day(1990, 12, 1));
    assert_eq!(dashboard.totals.net_commission, Fen(0));
}
