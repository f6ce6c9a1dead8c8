//! Return visits and satisfaction across the wire: head office's caller records a visit with the
//! client's score; the serving broker's desk shows it on the 360°, a low score alerts that broker
//! for a month, and the broker's lead sees the month's scores move.

use chrono::{Datelike, Days};
use head_office_storage::cases::ServiceCases;
use head_office_storage::StorageError;
use protocol::team::BrokerQuery;
use protocol::{NewReturnVisit, SatisfactionPoint};
use store::AlertKind;
use sync::HeadOffice;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice, TODAY};

fn visit(client: &str, days_ago: u64, score: Option<u8>, words: &str) -> NewReturnVisit {
    NewReturnVisit {
        client_id: client.into(),
        visited_on: TODAY - Days::new(days_ago),
        purpose: "服务回访".into(),
        result: "回访完成".into(),
        satisfaction: score,
        client_words: Some(words.into()),
        by: "总部客服 周敏".into(),
    }
}

fn this_month(points: &[SatisfactionPoint]) -> (u32, u32) {
    points
        .iter()
        .find(|p| p.month == TODAY.with_day(1).unwrap())
        .map_or((0, 0), |p| (p.visits, p.low))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_low_score_reaches_the_broker_and_the_lead() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let hq = head_office.storage.clone();
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let lead = access_token(&api, "lead01").await;
    let query = BrokerQuery {
        broker: "B001".into(),
        month: None,
    };
    let before = this_month(&api.team_broker(&lead, &query).await.unwrap().satisfaction);

    let clients: Vec<String> = desk.with_store(|s| {
        let query = store::ClientQuery {
            limit: 2,
            ..Default::default()
        };
        s.list_clients(&query, TODAY)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    });
    let (unhappy, happy) = (&clients[0], &clients[1]);
    const UNHAPPY: &str = "经理很久没联系我，问题也没人回答";
    hq.record_return_visit(&visit(unhappy, 3, Some(1), UNHAPPY), now())
        .unwrap();
    hq.record_return_visit(&visit(happy, 2, Some(5), "服务很好"), now())
        .unwrap();
    for (bad, expected) in [
        (visit(happy, 1, Some(6), "x"), "满意度应为 1 到 5 分"),
        (visit(happy, 0, Some(0), "x"), "满意度应为 1 到 5 分"),
        (
            NewReturnVisit {
                visited_on: TODAY + Days::new(1),
                ..visit(happy, 0, Some(3), "x")
            },
            "不能晚于今天",
        ),
        (
            NewReturnVisit {
                result: " ".into(),
                ..visit(happy, 0, Some(3), "x")
            },
            "请填写回访结果",
        ),
    ] {
        let refused = hq.record_return_visit(&bad, now());
        assert!(
            matches!(&refused, Err(StorageError::Validation(m)) if m.contains(expected)),
            "{refused:?}"
        );
    }
    let unknown = hq.record_return_visit(&visit("C9999999", 0, Some(3), "x"), now());
    assert!(
        matches!(unknown, Err(StorageError::NotFound(_))),
        "{unknown:?}"
    );

    desk.sync().await;
    let cases = desk.with_store(|s| s.service_cases(unhappy).unwrap());
    let shown = cases
        .iter()
        .find(|c| c.client_words.as_deref() == Some(UNHAPPY))
        .expect("the visit is on the 360°");
    assert_eq!(shown.satisfaction, Some(1));
    assert_eq!(shown.handler.as_deref(), Some("总部客服 周敏"));

    let low_alerts = |day| {
        desk.with_store(|s| s.book_alerts(day).unwrap())
            .into_iter()
            .filter(|a| a.kind == AlertKind::LowSatisfaction)
            .collect::<Vec<_>>()
    };
    let alerts = low_alerts(TODAY);
    assert!(
        alerts
            .iter()
            .any(|a| a.client_id.as_deref() == Some(unhappy.as_str())
                && a.reason.contains(UNHAPPY)
                && a.reason.contains("1 分")),
        "{alerts:?}"
    );
    assert!(
        !alerts
            .iter()
            .any(|a| a.client_id.as_deref() == Some(happy.as_str())
                && a.due_on == TODAY - Days::new(2)),
        "a score of 5 raises nothing: {alerts:?}"
    );
    assert!(
        !low_alerts(TODAY + Days::new(28))
            .iter()
            .any(|a| a.reason.contains(UNHAPPY)),
        "a month later the alert has done its work"
    );

    let after = this_month(&api.team_broker(&lead, &query).await.unwrap().satisfaction);
    assert_eq!(after, (before.0 + 2, before.1 + 1), "before {before:?}");
}
