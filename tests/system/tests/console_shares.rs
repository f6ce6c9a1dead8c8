//! A client shared in head office's console (客户共享): 经纪业务管理部 (hq01) names broker03 as
//! a second, serving broker of one of broker01's clients, with 30% of the service credit.
//! broker03's desk gets the client's whole book at its next sync and may write to it; both desks
//! then agree to the fen with the month's statements, which split the service credit; ending the
//! share takes the client off broker03's desk, and moving the client to broker03 ends it too.
//! Every step is in the operation log.

use domain::pay_plan::CreditRole;
use domain::Rate;
use head_office_storage::Storage;
use protocol::paths;
use protocol::relationships::{ClientOwnership, ClientShare, ClientShareEnd, ClientTransfer};
use reqwest::StatusCode;
use store::{LineSource, NewContactNote, TradeFilter, WriteIds};
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice, TODAY};

use crate::commission::published_months;

const THIRTY: Rate = Rate(3_000_000);
const REASON: &str = "客户配置基金，需理财顾问协同服务";

fn share(client: &str, co: &str, share: Rate, reason: &str) -> ClientShare {
    ClientShare {
        client_id: client.into(),
        co_broker_id: co.into(),
        share,
        reason: reason.into(),
        effective_on: None,
    }
}

async fn sync(desk: &TestDesk) {
    desk.sync().await;
}

fn reconciles(desk: &TestDesk, broker: &str, month: chrono::NaiveDate) {
    let view = desk.with_store(|s| s.reconcile(broker, month).unwrap());
    let statement = view.statement.as_ref().expect("published");
    assert!(
        view.differences.is_empty(),
        "{broker} {month}: {:?}",
        view.differences.first()
    );
    assert_eq!(view.desk.credited, statement.credited, "{broker} {month}");
    assert_eq!(view.desk.total, statement.total, "{broker} {month}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shared_client_reaches_the_co_server_s_desk_and_splits_the_service_credit() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let serving = TestDesk::synced(&base, "broker01").await;
    let co = TestDesk::synced(&base, "broker03").await;
    let month = published_months()[0];
    // A client of broker01, not shared yet, who traded last month and was not brought in by
    // broker03.
    let (client, trade) = serving.with_store(|s| {
        let line = s
            .commission_trades("B001", month, &TradeFilter::default())
            .unwrap()
            .into_iter()
            .find(|t| {
                let p = s.client_profile(&t.client_id, TODAY).unwrap().unwrap();
                t.source == LineSource::Book
                    && p.serving_broker_id == "B001"
                    && p.developing_broker_id != "B003"
                    && p.co_server.is_none()
            })
            .expect("a trade of broker01's book last month");
        (line.client_id, line.trade_id)
    });
    assert!(co.with_store(|s| s.client_profile(&client, TODAY).unwrap().is_none()));

    for (bad, why) in [
        (
            share(&client, "B001", THIRTY, REASON),
            "不能是客户现在的服务经纪人",
        ),
        (
            share(&client, "B003", Rate(50_000), REASON),
            "不在 1% 至 99% 之间",
        ),
        (
            share(&client, "B003", Rate(10_000_000), REASON),
            "不在 1% 至 99% 之间",
        ),
        (share(&client, "B003", THIRTY, " "), "共享原因"),
        (share(&client, "L01", THIRTY, REASON), "不是在岗的经纪人"),
    ] {
        console
            .refuses(&hq, paths::CONSOLE_CLIENT_SHARE, &bad, why)
            .await;
    }
    let shared: ClientOwnership = console
        .ok(
            &hq,
            paths::CONSOLE_CLIENT_SHARE,
            &share(&client, "B003", THIRTY, REASON),
        )
        .await;
    let co_server = shared.co_server.clone().expect("shared");
    assert_eq!(
        (co_server.broker_id.as_str(), co_server.share),
        ("B003", THIRTY)
    );
    assert_eq!(co_server.since, TODAY);
    assert_eq!(shared.serving_broker_id, "B001");
    console
        .refuses(
            &hq,
            paths::CONSOLE_CLIENT_SHARE,
            &share(&client, "B002", THIRTY, REASON),
            "请先结束原共享",
        )
        .await;

    // Both desks follow: broker03 has the whole client, broker01 knows who serves beside them.
    sync(&serving).await;
    sync(&co).await;
    let seen = co
        .with_store(|s| s.client_profile(&client, TODAY).unwrap())
        .expect("in broker03's desk");
    assert_eq!(seen.serving_broker_id, "B001");
    assert_eq!(seen.co_server.as_ref().map(|c| c.share), Some(THIRTY));
    assert!(
        !seen.accounts.is_empty(),
        "the client's accounts came along"
    );
    let own = serving.with_store(|s| s.client_profile(&client, TODAY).unwrap().unwrap());
    assert_eq!(own.co_server.map(|c| c.broker_id), Some("B003".into()));

    // broker03 serves the client: a contact note is accepted and reaches broker01's desk.
    let note = NewContactNote {
        client_id: client.clone(),
        channel: "phone".into(),
        summary: "共同服务：与客户电话沟通基金配置方案".into(),
        follow_up_on: None,
    };
    let ids = WriteIds {
        mutation_id: "m-shared-note".into(),
        record_id: "N-shared-note".into(),
    };
    co.store
        .lock()
        .unwrap()
        .add_contact_note(ids, "B003", &note, now())
        .unwrap();
    sync(&co).await;
    sync(&serving).await;
    let notes = serving.with_store(|s| s.client_profile(&client, TODAY).unwrap().unwrap().contacts);
    assert!(
        notes.iter().any(|n| n.id == "N-shared-note" && !n.pending),
        "{notes:?}"
    );

    // Finance republishes last month: the service credit is split, and both desks agree.
    head_office
        .storage
        .publish_statements(month, now(), None)
        .unwrap();
    sync(&serving).await;
    sync(&co).await;
    reconciles(&serving, "B001", month);
    reconciles(&co, "B003", month);
    let line = |desk: &TestDesk, broker: &str| {
        desk.with_store(|s| {
            s.commission_lines(broker, month)
                .unwrap()
                .into_iter()
                .find(|l| l.trade_id == trade)
                .expect("the trade counts for both")
        })
    };
    let (theirs, mine) = (line(&co, "B003"), line(&serving, "B001"));
    assert_eq!(theirs.role, CreditRole::CoServing);
    assert!(theirs.credited.0 > 0);
    assert!(
        mine.credited + theirs.credited <= mine.net_commission,
        "the co-server's part comes out of the serving broker's"
    );

    // Ended: broker03's desk drops the client, broker01 serves alone again.
    let end = ClientShareEnd {
        client_id: client.clone(),
        reason: "基金配置已完成，恢复单独服务".into(),
    };
    let ended: ClientOwnership = console.ok(&hq, paths::CONSOLE_CLIENT_SHARE_END, &end).await;
    assert!(ended.co_server.is_none());
    let (again, _) = console
        .refused(&hq, paths::CONSOLE_CLIENT_SHARE_END, &end)
        .await;
    assert_eq!(again, StatusCode::NOT_FOUND);
    sync(&co).await;
    sync(&serving).await;
    assert!(co.with_store(|s| s.client_profile(&client, TODAY).unwrap().is_none()));
    let own = serving.with_store(|s| s.client_profile(&client, TODAY).unwrap().unwrap());
    assert!(own.co_server.is_none());

    // Shared again, then moved to the co-server: they serve alone, and the share is over.
    let _: ClientOwnership = console
        .ok(
            &hq,
            paths::CONSOLE_CLIENT_SHARE,
            &share(&client, "B003", THIRTY, REASON),
        )
        .await;
    let moved: ClientOwnership = console
        .ok(
            &hq,
            paths::CONSOLE_CLIENT_TRANSFER,
            &ClientTransfer {
                client_id: client.clone(),
                to_broker_id: "B003".into(),
                reason: "原经纪人调岗，由共同服务人接续".into(),
                effective_on: None,
            },
        )
        .await;
    assert_eq!(moved.serving_broker_id, "B003");
    assert!(moved.co_server.is_none());
    sync(&co).await;
    let now_theirs = co.with_store(|s| s.client_profile(&client, TODAY).unwrap().unwrap());
    assert_eq!(now_theirs.serving_broker_id, "B003");
    assert!(now_theirs.co_server.is_none());

    let compliance = access_token(&api, "compliance01").await;
    let log = console.operation_log(&compliance, TODAY, TODAY).await;
    let actions: Vec<&str> = log
        .iter()
        .filter(|a| a.subject == client)
        .map(|a| a.action.as_str())
        .collect();
    for expected in ["客户共享", "结束客户共享", "客户划转"] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    let started = log
        .iter()
        .find(|a| a.subject == client && a.action == "客户共享")
        .unwrap();
    assert!(
        started.detail.contains("B003") && started.detail.contains("30%"),
        "{}",
        started.detail
    );
}
