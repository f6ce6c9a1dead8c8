//! A client moved in head office's console: 经纪业务管理部 (hq01) finds broker01's client, moves
//! them to broker02 with a reason, and both desks follow at their next sync; the move, and who
//! made it and why, is in the operation log compliance reads.

use protocol::console::StaffAction;
use protocol::relationships::{ClientOwnership, ClientTransfer};
use protocol::{paths, PROTOCOL_VERSION, VERSION_HEADER};
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::{access_token, answer, now, small_firm, TestDesk, TestHeadOffice, TODAY};

fn call(
    http: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    token: &str,
) -> reqwest::RequestBuilder {
    http.request(method, url)
        .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
        .bearer_auth(token)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_moves_a_client_and_both_desks_follow() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let http = reqwest::Client::new();
    let hq = access_token(&api, "hq01").await;
    let from = TestDesk::synced(&base, "broker01").await;
    let to = TestDesk::synced(&base, "broker02").await;
    let client = from.first_client();
    let name = from.with_store(|s| s.client_profile(&client, TODAY).unwrap().unwrap().name);

    // Found by part of the name, anywhere in the firm.
    let part: String = name.chars().take(2).collect();
    let found: Vec<ClientOwnership> = answer(
        call(
            &http,
            reqwest::Method::GET,
            format!("{base}{}", paths::CONSOLE_CLIENTS),
            &hq,
        )
        .query(&[("q", &part)]),
    )
    .await;
    let row = found
        .iter()
        .find(|c| c.client_id == client)
        .expect("found by name");
    assert_eq!(row.serving_broker_id, "B001");
    let too_short = call(
        &http,
        reqwest::Method::GET,
        format!("{base}{}", paths::CONSOLE_CLIENTS),
        &hq,
    )
    .query(&[("q", "王")])
    .send()
    .await
    .unwrap();
    assert_eq!(too_short.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let transfer = |reason: &str, to_broker: &str| ClientTransfer {
        client_id: client.clone(),
        to_broker_id: to_broker.into(),
        reason: reason.into(),
        effective_on: None,
    };
    let url = format!("{base}{}", paths::CONSOLE_CLIENT_TRANSFER);
    for (bad, why) in [
        (transfer("", "B002"), "划转原因"),
        (transfer("原经纪人离职交接", "L01"), "不是在岗的经纪人"),
        (transfer("原经纪人离职交接", "B001"), "无需划转"),
    ] {
        let refused = call(&http, reqwest::Method::POST, url.clone(), &hq)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = refused.json().await.unwrap();
        assert!(body["message"].as_str().unwrap().contains(why), "{body}");
    }
    let moved: ClientOwnership = answer(
        call(&http, reqwest::Method::POST, url, &hq)
            .json(&transfer("原经纪人调岗，客户由同城经纪人接续服务", "B002")),
    )
    .await;
    assert_eq!(moved.serving_broker_id, "B002");

    for desk in [&from, &to] {
        desk.sync().await;
    }
    assert!(from
        .with_store(|s| s.client_profile(&client, TODAY).unwrap())
        .is_none());
    let arrived = to
        .with_store(|s| s.client_profile(&client, TODAY).unwrap())
        .expect("in broker02's book");
    assert_eq!(arrived.name, name);

    // Compliance reads who moved whom, and why.
    let compliance = access_token(&api, "compliance01").await;
    let day = domain::clock::shanghai_date(now()).to_string();
    let log: Vec<StaffAction> = answer(
        call(
            &http,
            reqwest::Method::GET,
            format!("{base}{}", paths::CONSOLE_ACTIONS),
            &compliance,
        )
        .query(&[("from", &day), ("until", &day)]),
    )
    .await;
    let entry = log
        .iter()
        .find(|a| a.subject == client)
        .expect("the move is logged");
    assert_eq!(entry.action, "客户划转");
    assert_eq!(entry.user_id, "H01");
    assert!(
        entry.detail.contains("B001") && entry.detail.contains("B002"),
        "{}",
        entry.detail
    );
    assert!(entry.detail.contains("原经纪人调岗"), "{}", entry.detail);
}
