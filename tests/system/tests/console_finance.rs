//! Finance in head office's console: a broker's dispute raised on the desk is in finance's
//! queue with whose it is; finance answers it and the answer is on the desk after the next sync;
//! a month that has ended is published, one that has not is refused; both are in the log.

use protocol::console::{
    DisputeAnswer, DisputeInQueue, StaffAction, StatementMonth, StatementsPublished,
};
use protocol::{paths, DisputeStatus, PROTOCOL_VERSION, VERSION_HEADER};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use store::{NewDispute, WriteIds};
use sync::HeadOffice;
use system_tests::{access_token, answer, now, small_firm, TestDesk, TestHeadOffice};

#[tokio::test(flavor = "multi_thread")]
async fn finance_answers_a_dispute_and_publishes_a_month_from_the_console() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let http = reqwest::Client::new();
    let finance = access_token(&api, "finance01").await;
    let call = |method: Method, path: &str| {
        http.request(method, format!("{base}{path}"))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(&finance)
    };

    let desk = TestDesk::synced(&base, "broker01").await;
    let month = crate::commission::published_months()[0];
    desk.store
        .lock()
        .unwrap()
        .dispute_statement(
            "B001",
            WriteIds {
                mutation_id: "m-console-dispute".into(),
                record_id: "D-console".into(),
            },
            &NewDispute {
                month,
                trade_id: None,
                comment: "本月结算单的分成档位与方案不符，请核实".into(),
            },
            now(),
        )
        .unwrap();
    desk.engine
        .sync_once(desk.store.clone(), |_| {})
        .await
        .unwrap();

    let queue: Vec<DisputeInQueue> = answer(call(Method::GET, paths::CONSOLE_DISPUTES)).await;
    let queued = queue
        .iter()
        .find(|d| d.dispute.id == "D-console")
        .expect("in the queue");
    assert_eq!((queued.broker_id.as_str(), queued.month), ("B001", month));
    assert_eq!(queued.dispute.status, DisputeStatus::Open);

    let reply = |status: DisputeStatus, words: &str| DisputeAnswer {
        id: "D-console".into(),
        status,
        answer: words.into(),
    };
    for (bad, why) in [
        (reply(DisputeStatus::Open, "已核实"), "请选择处理结果"),
        (reply(DisputeStatus::Resolved, "  "), "请写明处理意见"),
    ] {
        let refused = call(Method::POST, paths::CONSOLE_DISPUTE_ANSWER)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = refused.json().await.unwrap();
        assert!(body["message"].as_str().unwrap().contains(why), "{body}");
    }
    let left: Vec<DisputeInQueue> = answer(call(Method::POST, paths::CONSOLE_DISPUTE_ANSWER).json(
        &reply(
            DisputeStatus::Rejected,
            "档位按 11 月 1 日生效的方案计算，无误",
        ),
    ))
    .await;
    assert!(left.iter().all(|d| d.dispute.id != "D-console"));
    desk.engine
        .sync_once(desk.store.clone(), |_| {})
        .await
        .unwrap();
    let view = desk.with_store(|s| s.reconcile("B001", month).unwrap());
    let answered = view
        .disputes
        .iter()
        .find(|d| d.record.id == "D-console")
        .unwrap();
    assert_eq!(answered.record.status, DisputeStatus::Rejected);
    assert!(answered.record.answer.as_deref().unwrap().contains("无误"));

    // This month is not over; last month is.
    let today = domain::clock::shanghai_date(now());
    let refused = call(Method::POST, paths::CONSOLE_STATEMENTS_PUBLISH)
        .json(&StatementMonth { month: today })
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.unwrap();
    assert!(
        body["message"].as_str().unwrap().contains("尚未结束"),
        "{body}"
    );
    let published: StatementsPublished = answer(
        call(Method::POST, paths::CONSOLE_STATEMENTS_PUBLISH).json(&StatementMonth { month }),
    )
    .await;
    assert!(published.statements > 0, "{published:?}");

    let compliance = access_token(&api, "compliance01").await;
    let day = today.to_string();
    let log: Vec<StaffAction> = answer(
        http.get(format!("{base}{}", paths::CONSOLE_ACTIONS))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(&compliance)
            .query(&[("from", &day), ("until", &day)]),
    )
    .await;
    let actions: Vec<&str> = log.iter().map(|a| a.action.as_str()).collect();
    assert!(
        actions.contains(&"答复佣金异议") && actions.contains(&"发布佣金结算单"),
        "{actions:?}"
    );
}
