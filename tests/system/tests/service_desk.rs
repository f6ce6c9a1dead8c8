//! Customer service (客服) over HTTP: the complaint queue by deadline, moving a case on and
//! recording a return visit, with the caller's own name on each step; brokers, leads and anyone
//! else are refused, and a service account has no team.

use crate::complaints::{case_of, complaint, ids, step};
use domain::{CaseStatus, ComplaintCategory};
use protocol::NewReturnVisit;
use sync::HeadOffice;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice, TODAY};

/// A request to a customer-service endpoint with `token`.
fn service_call(
    http: &reqwest::Client,
    base: &str,
    method: reqwest::Method,
    path: &str,
    token: &str,
) -> reqwest::RequestBuilder {
    http.request(method, format!("{base}{path}"))
        .header(
            protocol::VERSION_HEADER,
            protocol::PROTOCOL_VERSION.to_string(),
        )
        .bearer_auth(token)
}

#[tokio::test(flavor = "multi_thread")]
async fn customer_service_works_the_queue_over_http_and_no_one_else_can() {
    use protocol::service::ComplaintUpdate;
    use protocol::{paths, ServiceCaseRecord};
    use reqwest::{Method, StatusCode};

    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let desk = TestDesk::synced(&base, "broker01").await;
    let client = desk.first_client();
    desk.store
        .lock()
        .unwrap()
        .register_complaint(
            ids("q1"),
            ("B001", "broker01"),
            &complaint(&client, ComplaintCategory::Fees, 0),
            now(),
        )
        .unwrap();
    desk.sync().await;
    let case_no = case_of(&desk, &client, "r-q1").case_no.unwrap();

    let api = HeadOffice::new(&base).unwrap();
    let http = reqwest::Client::new();
    let service = access_token(&api, "service01").await;
    let broker = access_token(&api, "broker01").await;
    let lead = access_token(&api, "lead01").await;

    let queue: Vec<protocol::OpenComplaint> = service_call(
        &http,
        &base,
        Method::GET,
        &format!("{}?broker=B001", paths::SERVICE_COMPLAINTS),
        &service,
    )
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let queued = queue.iter().find(|c| c.id == "r-q1").expect("in the queue");
    assert_eq!(queued.days_left, Some(15));
    assert_eq!(queued.broker_id, "B001");

    for (token, who) in [(&broker, "broker"), (&lead, "lead")] {
        let refused = service_call(&http, &base, Method::GET, paths::SERVICE_COMPLAINTS, token)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{who}");
        let visit = NewReturnVisit {
            client_id: client.clone(),
            visited_on: TODAY,
            purpose: "服务回访".into(),
            result: "回访完成".into(),
            satisfaction: Some(1),
            client_words: None,
            by: "冒名".into(),
        };
        let refused = service_call(&http, &base, Method::POST, paths::SERVICE_VISITS, token)
            .json(&visit)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{who}");
    }
    let refused = service_call(&http, &base, Method::GET, paths::TEAM_DASHBOARD, &service)
        .send()
        .await
        .unwrap();
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "customer service has no team"
    );

    let take = ComplaintUpdate {
        case: case_no.clone(),
        update: step(CaseStatus::InProgress, "", Some("周敏")),
    };
    let taken: ServiceCaseRecord = service_call(
        &http,
        &base,
        Method::POST,
        paths::SERVICE_COMPLAINT_UPDATE,
        &service,
    )
    .json(&take)
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(taken.status, CaseStatus::InProgress);
    let by = &taken.history.last().unwrap().by;
    let again = service_call(
        &http,
        &base,
        Method::POST,
        paths::SERVICE_COMPLAINT_UPDATE,
        &service,
    )
    .json(&take)
    .send()
    .await
    .unwrap();
    assert_eq!(
        again.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "处理中 is not taken twice"
    );

    let visit = NewReturnVisit {
        client_id: client.clone(),
        visited_on: TODAY,
        purpose: "投诉回访".into(),
        result: "客户接受解释".into(),
        satisfaction: Some(4),
        client_words: Some("处理得挺快".into()),
        by: "冒名".into(),
    };
    let recorded: ServiceCaseRecord =
        service_call(&http, &base, Method::POST, paths::SERVICE_VISITS, &service)
            .json(&visit)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(recorded.handler.as_deref(), Some(by.as_str()));
    assert_ne!(
        by, "冒名",
        "the caller's own name is recorded, not the body's"
    );

    desk.sync().await;
    assert_eq!(
        case_of(&desk, &client, "r-q1").status,
        CaseStatus::InProgress
    );
    assert_eq!(case_of(&desk, &client, &recorded.id).satisfaction, Some(4));
}
