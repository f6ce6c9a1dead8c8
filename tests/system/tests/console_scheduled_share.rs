//! A share set for a later day (客户共享 with an effective date): 经纪业务管理部 (hq01) sets one
//! of broker01's clients to be shared with broker02 from tomorrow. Until midnight in Beijing
//! broker02's desk has nothing of the client; when head office's day turns the share begins by
//! itself and broker02's desk gets the client's whole book at its next sync. While it waits, no
//! other move or share of the client is taken. Head office runs on a clock the test steps over
//! midnight.

use chrono::{Days, Duration, NaiveDate, NaiveTime};
use clock::{shanghai_instant, ManualClock};
use domain::Rate;
use protocol::paths;
use protocol::relationships::{ClientOwnership, ClientShare, ClientTransfer, ScheduledTransfer};
use sync::HeadOffice;
use system_tests::console::{client_of_firm, Console};
use system_tests::{access_token, small_firm, TestDesk, TestHeadOffice, TODAY};

const REASON: &str = "下月起客户定投计划由理财顾问协同服务";
const THIRTY: Rate = Rate(3_000_000);

fn share(client: &str, co: &str, day: Option<NaiveDate>) -> ClientShare {
    ClientShare {
        client_id: client.into(),
        co_broker_id: co.into(),
        share: THIRTY,
        reason: REASON.into(),
        effective_on: day,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_share_set_for_tomorrow_begins_at_midnight_and_the_co_servers_desk_follows() {
    let clock = ManualClock::at(shanghai_instant(
        TODAY,
        NaiveTime::from_hms_opt(23, 58, 0).unwrap(),
    ));
    let head_office = TestHeadOffice::start_at(&small_firm(), clock.clone()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let serving = TestDesk::synced(&base, "broker01").await;
    let co = TestDesk::synced(&base, "broker02").await;
    // A client broker01 brought in itself, shared with nobody yet.
    let candidates: Vec<String> = serving.first_clients(20);
    let mut client = None;
    for id in &candidates {
        let o = client_of_firm(&console, &hq, id).await;
        if o.developing_broker_id == "B001" && o.co_server.is_none() {
            client = Some(id.clone());
            break;
        }
    }
    let client = client.expect("a client of broker01's own");
    let tomorrow = TODAY.checked_add_days(Days::new(1)).unwrap();

    for (bad, why) in [
        (
            share(&client, "B002", TODAY.pred_opt()),
            "已过：客户共享只能",
        ),
        (
            share(&client, "B002", TODAY.checked_add_days(Days::new(120))),
            "客户共享最多提前三个月",
        ),
        (
            share(&client, "B001", Some(tomorrow)),
            "不能是客户现在的服务经纪人",
        ),
    ] {
        console
            .refuses(&hq, paths::CONSOLE_CLIENT_SHARE, &bad, why)
            .await;
    }

    let set: ClientOwnership = console
        .ok(
            &hq,
            paths::CONSOLE_CLIENT_SHARE,
            &share(&client, "B002", Some(tomorrow)),
        )
        .await;
    assert!(set.co_server.is_none(), "not shared before its day");
    let waiting = set.scheduled.expect("the share waits");
    assert_eq!(
        (
            waiting.to_broker_id.as_str(),
            waiting.effective_on,
            waiting.share
        ),
        ("B002", tomorrow, Some(THIRTY))
    );
    let listed: Vec<ScheduledTransfer> = console
        .read(&hq, paths::CONSOLE_SCHEDULED_TRANSFERS, &[])
        .await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].share, Some(THIRTY));
    // Nothing else is decided for the client while the share waits.
    let why = "已安排于";
    console
        .refuses(
            &hq,
            paths::CONSOLE_CLIENT_SHARE,
            &share(&client, "B003", None),
            why,
        )
        .await;
    let transfer = ClientTransfer {
        client_id: client.clone(),
        to_broker_id: "B003".into(),
        reason: REASON.into(),
        effective_on: None,
    };
    console
        .refuses(&hq, paths::CONSOLE_CLIENT_TRANSFER, &transfer, why)
        .await;

    co.sync().await;
    assert!(!co.holds(&client), "broker02 sees nothing before the day");

    // Midnight in Beijing: head office's own loop begins the share.
    clock.advance(Duration::minutes(3));
    let mut shared = client_of_firm(&console, &hq, &client).await;
    for _ in 0..100 {
        if shared.co_server.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        shared = client_of_firm(&console, &hq, &client).await;
    }
    let co_server = shared.co_server.expect("begun within 10 s of midnight");
    assert_eq!(
        (
            co_server.broker_id.as_str(),
            co_server.share,
            co_server.since
        ),
        ("B002", THIRTY, tomorrow)
    );
    assert!(shared.scheduled.is_none());
    assert_eq!(shared.serving_broker_id, "B001");

    co.sync().await;
    serving.sync().await;
    assert!(co.holds(&client) && serving.holds(&client));

    let compliance = access_token(&api, "compliance01").await;
    let log = console.operation_log(&compliance, TODAY, tomorrow).await;
    let mut steps: Vec<&str> = log
        .iter()
        .filter(|a| a.subject == client && a.user_id == "H01")
        .map(|a| a.action.as_str())
        .collect();
    steps.sort();
    assert_eq!(steps, ["共享生效", "安排客户共享"]);
    let begun = log.iter().find(|a| a.action == "共享生效").unwrap();
    assert!(
        begun.detail.contains("B002") && begun.detail.contains(REASON),
        "{}",
        begun.detail
    );
}
