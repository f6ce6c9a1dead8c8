//! A client move set for a later day (客户划转 with an effective date): 经纪业务管理部 (hq01)
//! sets broker01's client to move to broker02 from tomorrow. Until midnight in Beijing the client
//! stays in broker01's book; when head office's day turns the move is made by itself and both
//! desks follow at their next sync. A move called off is never made, and the operation log tells
//! compliance of every step. Head office runs on a clock the test steps over midnight.

use chrono::{Days, Duration, NaiveDate, NaiveTime};
use clock::{shanghai_instant, ManualClock};
use protocol::paths;
use protocol::relationships::{
    ClientOwnership, ClientTransfer, ScheduledTransfer, ScheduledTransferCancel,
};
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::console::{client_of_firm, Console};
use system_tests::{access_token, small_firm, TestDesk, TestHeadOffice, TODAY};

const REASON: &str = "原经纪人月底调岗，客户自下月起由同组经纪人接续服务";

fn transfer(client: &str, to: &str, day: Option<NaiveDate>) -> ClientTransfer {
    ClientTransfer {
        client_id: client.into(),
        to_broker_id: to.into(),
        reason: REASON.into(),
        effective_on: day,
    }
}

async fn sync(desk: &TestDesk) {
    desk.sync().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_move_set_for_tomorrow_is_made_at_midnight_in_beijing_and_both_desks_follow() {
    let clock = ManualClock::at(shanghai_instant(
        TODAY,
        NaiveTime::from_hms_opt(23, 58, 0).unwrap(),
    ));
    let head_office = TestHeadOffice::start_at(&small_firm(), clock.clone()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let from = TestDesk::synced(&base, "broker01").await;
    let to = TestDesk::synced(&base, "broker02").await;
    let clients: Vec<String> = from.first_clients(2);
    let (moving, staying) = (&clients[0], &clients[1]);
    let tomorrow = TODAY.checked_add_days(Days::new(1)).unwrap();

    for (day, why) in [
        (TODAY.pred_opt().unwrap(), "已过"),
        (
            TODAY.checked_add_days(Days::new(120)).unwrap(),
            "最多提前三个月",
        ),
    ] {
        let too_soon_or_late = transfer(moving, "B002", Some(day));
        console
            .refuses(&hq, paths::CONSOLE_CLIENT_TRANSFER, &too_soon_or_late, why)
            .await;
    }

    let set: ClientOwnership = console
        .ok(
            &hq,
            paths::CONSOLE_CLIENT_TRANSFER,
            &transfer(moving, "B002", Some(tomorrow)),
        )
        .await;
    assert_eq!(set.serving_broker_id, "B001", "not moved before its day");
    let waiting = set.scheduled.expect("the move waits");
    assert_eq!(
        (waiting.to_broker_id.as_str(), waiting.effective_on),
        ("B002", tomorrow)
    );
    // A second decision on the same client is refused until the first is called off.
    for second in [
        transfer(moving, "B003", Some(tomorrow)),
        transfer(moving, "B003", None),
    ] {
        let why = "请先在“待生效的划转”中撤销";
        console
            .refuses(&hq, paths::CONSOLE_CLIENT_TRANSFER, &second, why)
            .await;
    }

    // The other client's move is set, then called off.
    let _: ClientOwnership = console
        .ok(
            &hq,
            paths::CONSOLE_CLIENT_TRANSFER,
            &transfer(staying, "B002", Some(tomorrow)),
        )
        .await;
    let listed: Vec<ScheduledTransfer> = console
        .read(&hq, paths::CONSOLE_SCHEDULED_TRANSFERS, &[])
        .await;
    assert_eq!(listed.len(), 2);
    let call_off = ScheduledTransferCancel {
        id: listed
            .iter()
            .find(|t| &t.client_id == staying)
            .unwrap()
            .id
            .clone(),
        reason: "经纪人撤回调岗申请".into(),
    };
    let left: Vec<ScheduledTransfer> = console
        .ok(&hq, paths::CONSOLE_SCHEDULED_TRANSFER_CANCEL, &call_off)
        .await;
    assert_eq!(left.len(), 1);
    assert_eq!(&left[0].client_id, moving);
    assert_eq!(left[0].serving_broker_id, "B001");
    let (status, _) = console
        .refused(&hq, paths::CONSOLE_SCHEDULED_TRANSFER_CANCEL, &call_off)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    sync(&from).await;
    sync(&to).await;
    assert!(from.holds(moving) && !to.holds(moving));

    // Midnight in Beijing: head office's own loop makes the move.
    clock.advance(Duration::minutes(3));
    let mut moved = client_of_firm(&console, &hq, moving).await;
    for _ in 0..100 {
        if moved.serving_broker_id == "B002" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        moved = client_of_firm(&console, &hq, moving).await;
    }
    assert_eq!(
        moved.serving_broker_id, "B002",
        "made within 10 s of midnight"
    );
    assert!(moved.scheduled.is_none());
    assert_eq!(
        client_of_firm(&console, &hq, staying)
            .await
            .serving_broker_id,
        "B001"
    );
    let listed: Vec<ScheduledTransfer> = console
        .read(&hq, paths::CONSOLE_SCHEDULED_TRANSFERS, &[])
        .await;
    assert!(listed.is_empty(), "{listed:?}");

    sync(&from).await;
    sync(&to).await;
    assert!(!from.holds(moving) && to.holds(moving));
    assert!(from.holds(staying));

    // Compliance reads each step under hq01's name, with the reason.
    let compliance = access_token(&api, "compliance01").await;
    let log = console.operation_log(&compliance, TODAY, tomorrow).await;
    // Steps made at the same instant have no order between them.
    let steps = |client: &str| -> Vec<String> {
        let mut steps: Vec<String> = log
            .iter()
            .filter(|a| a.subject == client && a.user_id == "H01")
            .map(|a| a.action.clone())
            .collect();
        steps.sort();
        steps
    };
    assert_eq!(steps(moving), ["划转生效", "安排客户划转"]);
    assert_eq!(steps(staying), ["安排客户划转", "撤销客户划转"]);
    let made = log.iter().find(|a| a.action == "划转生效").unwrap();
    assert!(
        made.detail.contains("B001")
            && made.detail.contains("B002")
            && made.detail.contains(REASON),
        "{}",
        made.detail
    );
}
