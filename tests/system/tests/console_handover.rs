//! A leaving broker's book handed over in head office's console: 经纪业务管理部 (hq01) previews
//! broker03's book spread over broker01 and broker02, then hands it over as previewed; every
//! client arrives whole on the receiving desk the preview named, the shares in which broker03
//! co-serves a colleague's client end, a move waiting to bring a client to broker03 is called
//! off (one taking a client away still waits), broker03's desk is left with none, and the
//! handover, with its reason, is in the operation log.

use chrono::Days;
use protocol::console::StaffAction;
use protocol::handover::{BookHandover, HandoverPlan, PreviewedBook};
use protocol::paths;
use protocol::relationships::{ClientOwnership, ClientTransfer, ScheduledTransfer};
use reqwest::StatusCode;
use std::collections::BTreeSet;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice, TODAY};

fn handover(to: &[&str], reason: &str, previewed: Option<PreviewedBook>) -> BookHandover {
    BookHandover {
        from_broker_id: "B003".into(),
        to_broker_ids: to.iter().map(|s| s.to_string()).collect(),
        reason: reason.into(),
        previewed,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_leaving_broker_s_book_goes_to_colleagues_as_previewed() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let leaving = TestDesk::synced(&base, "broker03").await;
    let receivers = [
        TestDesk::synced(&base, "broker01").await,
        TestDesk::synced(&base, "broker02").await,
    ];

    // What cannot be previewed says what to fix.
    for (bad, why) in [
        (handover(&[], "", None), "至少选择一位"),
        (
            handover(&["B001", "B003"], "", None),
            "不能是移出客户的经纪人本人",
        ),
        (handover(&["B001", "B001"], "", None), "选了两次"),
        (handover(&["L01"], "", None), "不是经纪人"),
    ] {
        let (status, message) = console
            .refused(&hq, paths::CONSOLE_HANDOVER_PREVIEW, &bad)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(message.contains(why), "{message}");
    }

    // The preview holds the whole book, each client once, spread about evenly.
    let plan: HandoverPlan = console
        .ok(
            &hq,
            paths::CONSOLE_HANDOVER_PREVIEW,
            &handover(&["B001", "B002"], "", None),
        )
        .await;
    assert!(!plan.moved);
    let shared: Vec<&str> = plan
        .receivers
        .iter()
        .flat_map(|r| r.clients.iter().map(|c| c.client_id.as_str()))
        .collect();
    let distinct: BTreeSet<&str> = shared.iter().copied().collect();
    assert_eq!(shared.len(), plan.book.clients as usize);
    assert_eq!(distinct.len(), shared.len());
    let desk_book = leaving.with_store(|s| {
        s.list_clients(
            &store::ClientQuery {
                limit: 10_000,
                ..Default::default()
            },
            TODAY,
        )
        .unwrap()
        .rows
        .len()
    });
    assert!(
        plan.book.co_served > 0,
        "broker03 co-serves some of broker01's clients"
    );
    assert_eq!(
        desk_book,
        shared.len() + plan.book.co_served as usize,
        "the preview is broker03's whole book, and the clients they co-serve"
    );
    let largest = plan
        .receivers
        .iter()
        .flat_map(|r| r.clients.iter().map(|c| c.total_assets.0))
        .max()
        .unwrap();
    let (a, b) = (
        plan.receivers[0].total_assets.0,
        plan.receivers[1].total_assets.0,
    );
    assert!((a - b).abs() <= largest, "{a} against {b}");
    assert!(plan.receivers.iter().all(|r| r.clients_before > 0));

    // Moving needs the reason and the preview it follows; a stale preview is refused.
    let (_, message) = console
        .refused(
            &hq,
            paths::CONSOLE_HANDOVER,
            &handover(&["B001", "B002"], "经纪人离职交接", None),
        )
        .await;
    assert!(message.contains("请先预览"), "{message}");
    let stale = PreviewedBook {
        clients: plan.book.clients + 1,
        ..plan.book
    };
    let (_, message) = console
        .refused(
            &hq,
            paths::CONSOLE_HANDOVER,
            &handover(&["B001", "B002"], "经纪人离职交接", Some(stale)),
        )
        .await;
    assert!(message.contains("请重新预览"), "{message}");

    // Moves set for tomorrow: one would bring broker01's client to broker03, one would take a
    // client of broker03's book to broker02. They change the book, so the preview is stale.
    let tomorrow = TODAY.checked_add_days(Days::new(1)).unwrap();
    let leaving_client = plan.receivers[0].clients[0].client_id.clone();
    for (client, to) in [("C0000001", "B003"), (leaving_client.as_str(), "B002")] {
        let move_later = ClientTransfer {
            client_id: client.into(),
            to_broker_id: to.into(),
            reason: "客户要求更换服务经纪人".into(),
            effective_on: Some(tomorrow),
        };
        let _: ClientOwnership = console
            .ok(&hq, paths::CONSOLE_CLIENT_TRANSFER, &move_later)
            .await;
    }
    let (_, message) = console
        .refused(
            &hq,
            paths::CONSOLE_HANDOVER,
            &handover(&["B001", "B002"], "经纪人离职交接", Some(plan.book)),
        )
        .await;
    assert!(message.contains("请重新预览"), "{message}");
    let plan: HandoverPlan = console
        .ok(
            &hq,
            paths::CONSOLE_HANDOVER_PREVIEW,
            &handover(&["B001", "B002"], "", None),
        )
        .await;
    assert_eq!((plan.book.scheduled_in, plan.book.scheduled_out), (1, 1));

    let done: HandoverPlan = console
        .ok(
            &hq,
            paths::CONSOLE_HANDOVER,
            &handover(
                &["B001", "B002"],
                "经纪人离职，客户由同营业部经纪人接续服务",
                Some(plan.book),
            ),
        )
        .await;
    assert!(done.moved);
    assert_eq!(done.receivers, plan.receivers, "moved exactly as previewed");
    // The move into the leaver's empty book is called off; the one out of the book still waits,
    // now from the receiver the plan named.
    let waiting: Vec<ScheduledTransfer> = console
        .read(&hq, paths::CONSOLE_SCHEDULED_TRANSFERS, &[])
        .await;
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    assert_eq!(waiting[0].client_id, leaving_client);
    assert_eq!(waiting[0].serving_broker_id, plan.receivers[0].broker_id);

    // Every desk follows at its next sync.
    leaving.sync().await;
    let left = leaving.with_store(|s| {
        s.list_clients(&store::ClientQuery::default(), TODAY)
            .unwrap()
            .rows
            .len()
    });
    assert_eq!(left, 0, "broker03's desk keeps none of the book");
    for (desk, share) in receivers.iter().zip(&plan.receivers) {
        desk.sync().await;
        for client in &share.clients {
            let arrived = desk
                .with_store(|s| s.client_profile(&client.client_id, TODAY).unwrap())
                .unwrap_or_else(|| {
                    panic!("{} not on {}'s desk", client.client_id, share.broker_id)
                });
            assert_eq!(arrived.name, client.name);
        }
    }

    let compliance = access_token(&api, "compliance01").await;
    let day = domain::clock::shanghai_date(now()).to_string();
    let log: Vec<StaffAction> = console
        .read(
            &compliance,
            paths::CONSOLE_ACTIONS,
            &[("from", &day), ("until", &day)],
        )
        .await;
    let entry = log
        .iter()
        .find(|a| a.action == "离职客户移交")
        .expect("the handover is logged");
    assert_eq!(entry.subject, "B003");
    assert!(entry.detail.contains("经纪人离职"), "{}", entry.detail);
    assert!(
        entry
            .detail
            .contains("1 项转入该经纪人的待生效划转或共享随之撤销"),
        "{}",
        entry.detail
    );
}
