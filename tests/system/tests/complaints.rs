//! A complaint taken at the desk, across the wire: registered offline, it reaches head office once,
//! gets a case number and the firm's deadline, raises the time-limit alert before the deadline,
//! moves through head office's statuses and back to the desk, and shows on the lead's view of the
//! broker with its days left. A complaint about a client outside the book is refused.

use chrono::Days;
use domain::{CaseStatus, ComplaintCategory};
use head_office_storage::cases::{CaseFilter, ServiceCases};
use head_office_storage::Storage;
use protocol::team::BrokerQuery;
use protocol::{
    CaseUpdate, ContactChannel, ErrorCode, Mutation, MutationOp, MutationOutcome, NewComplaint,
    PushRequest,
};
use store::profile_views::ServiceCaseView;
use store::{AlertKind, ComplaintInput, StoreError, WriteIds};
use sync::HeadOffice;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice, TODAY};

pub(crate) fn ids(n: &str) -> WriteIds {
    WriteIds {
        mutation_id: format!("m-{n}"),
        record_id: format!("r-{n}"),
    }
}

pub(crate) fn complaint(
    client_id: &str,
    category: ComplaintCategory,
    days_ago: u64,
) -> ComplaintInput {
    ComplaintInput {
        client_id: client_id.into(),
        category,
        channel: ContactChannel::Phone,
        client_words: "客户称理财经理推荐的产品风险高于其风险承受能力".into(),
        client_asks: "要求说明推荐依据并赎回".into(),
        received_on: TODAY - Days::new(days_ago),
    }
}

pub(crate) fn case_of(desk: &TestDesk, client: &str, id: &str) -> ServiceCaseView {
    desk.with_store(|s| s.service_cases(client).unwrap())
        .into_iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("case {id} not on the desk"))
}

pub(crate) fn step(to: CaseStatus, note: &str, handler: Option<&str>) -> CaseUpdate {
    CaseUpdate {
        to,
        note: note.into(),
        handler: handler.map(String::from),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_complaint_taken_offline_goes_through_head_office_and_back() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let hq = head_office.storage.clone();
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    let me = ("B001", "broker01");

    // Offline: nothing is pushed until the sync below. A mis-selling complaint 5 days old gets
    // the firm's 7-day limit, so its deadline is 2 days away: inside the 2-day warning.
    {
        let mut s = desk.store.lock().unwrap();
        let short = ComplaintInput {
            client_words: "不满".into(),
            ..complaint(&client, ComplaintCategory::Fees, 0)
        };
        let refused = s.register_complaint(ids("bad"), me, &short, now());
        assert!(matches!(refused, Err(StoreError::Invalid(m)) if m.contains("客户的原话")));
        let stranger = s.register_complaint(
            ids("out"),
            me,
            &complaint("C9999999", ComplaintCategory::Fees, 0),
            now(),
        );
        assert!(matches!(stranger, Err(StoreError::Invalid(m)) if m.contains("不在您的客户名单")));
        s.register_complaint(
            ids("cp1"),
            me,
            &complaint(&client, ComplaintCategory::Suitability, 5),
            now(),
        )
        .unwrap();
    }
    let local = case_of(&desk, &client, "r-cp1");
    assert!(local.pending && local.case_no.is_none());
    assert_eq!(local.status, CaseStatus::Registered);
    assert_eq!(local.due_on, Some(TODAY + Days::new(2)));
    let alerts = desk.with_store(|s| s.book_alerts(TODAY).unwrap());
    assert!(
        alerts.iter().any(|a| a.kind == AlertKind::ComplaintDeadline
            && a.client_id.as_deref() == Some(&client)
            && a.due_on == TODAY + Days::new(2)),
        "the time-limit alert fires before the deadline, offline too: {alerts:?}"
    );

    desk.sync().await;
    let numbered = case_of(&desk, &client, "r-cp1");
    let case_no = numbered.case_no.clone().expect("head office numbered it");
    assert!(case_no.starts_with("TS20261125-"), "{case_no}");
    assert!(!numbered.pending);
    assert_eq!(numbered.due_on, Some(TODAY + Days::new(2)));
    assert_eq!(numbered.category, Some(ComplaintCategory::Suitability));

    // Exactly once: the same mutation again (a resend after a lost answer) changes nothing.
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let broker = access_token(&api, "broker01").await;
    let again = Mutation {
        id: "m-cp1".into(),
        made_at: now(),
        op: MutationOp::RegisterComplaint(NewComplaint {
            id: "r-cp1".into(),
            client_id: client.clone(),
            category: ComplaintCategory::Suitability,
            channel: ContactChannel::Phone,
            client_words: "客户称理财经理推荐的产品风险高于其风险承受能力".into(),
            client_asks: "要求说明推荐依据并赎回".into(),
            received_on: TODAY - Days::new(5),
        }),
    };
    let resent = api
        .push(
            &broker,
            &PushRequest {
                mutations: vec![again],
            },
        )
        .await
        .unwrap();
    assert_eq!(resent.results[0].outcome, MutationOutcome::Applied);
    let count = hq
        .first_column_text("SELECT id FROM service_cases WHERE id = 'r-cp1'")
        .unwrap();
    assert_eq!(count.len(), 1, "arrived exactly once");

    // The lead sees it among broker01's open complaints with its days left.
    let lead = access_token(&api, "lead01").await;
    let query = BrokerQuery {
        broker: "B001".into(),
        month: None,
    };
    let view = api.team_broker(&lead, &query).await.unwrap();
    let open = view
        .open_complaints
        .iter()
        .find(|c| c.id == "r-cp1")
        .expect("the lead sees the open complaint");
    assert_eq!(open.days_left, Some(2));
    assert_eq!(open.case_no.as_deref(), Some(case_no.as_str()));

    // Head office's service staff move it on; a step back is refused and changes nothing.
    let by = "总部客服 周敏";
    let at = now();
    hq.update_complaint(
        &case_no,
        by,
        &step(CaseStatus::InProgress, "", Some("周敏")),
        at,
    )
    .unwrap();
    hq.update_complaint(
        &case_no,
        by,
        &step(CaseStatus::Replied, "已调阅双录，向客户说明", None),
        at,
    )
    .unwrap();
    let back = hq.update_complaint(
        &case_no,
        by,
        &step(CaseStatus::InProgress, "", Some("周敏")),
        at,
    );
    assert!(
        matches!(&back, Err(e) if e.to_string().contains("不能改为「处理中」")),
        "{back:?}"
    );
    hq.update_complaint(
        &case_no,
        by,
        &step(CaseStatus::Visited, "回访：客户认可", None),
        at,
    )
    .unwrap();
    desk.sync().await;
    let visited = case_of(&desk, &client, "r-cp1");
    assert_eq!(visited.status, CaseStatus::Visited);
    assert_eq!(visited.handler.as_deref(), Some("周敏"));
    assert_eq!(visited.outcome.as_deref(), Some("已调阅双录，向客户说明"));
    let statuses: Vec<CaseStatus> = visited.history.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [
            CaseStatus::Registered,
            CaseStatus::InProgress,
            CaseStatus::Replied,
            CaseStatus::Visited
        ]
    );

    hq.update_complaint(
        &case_no,
        by,
        &step(CaseStatus::Closed, "客户撤回投诉，结案", None),
        at,
    )
    .unwrap();
    desk.sync().await;
    let closed = case_of(&desk, &client, "r-cp1");
    assert_eq!(closed.status, CaseStatus::Closed);
    assert_eq!(closed.closed_on, Some(TODAY));
    let alerts = desk.with_store(|s| s.book_alerts(TODAY).unwrap());
    assert!(
        !alerts
            .iter()
            .any(|a| a.kind == AlertKind::ComplaintDeadline
                && a.client_id.as_deref() == Some(&client))
    );
    let still_open = hq
        .complaints(&CaseFilter {
            open_only: true,
            brokers: Some(vec!["B001".into()]),
            today: TODAY,
        })
        .unwrap();
    assert!(still_open.iter().all(|c| c.id != "r-cp1"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_complaint_about_a_client_outside_the_book_is_refused() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let hq = head_office.storage.clone();
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let broker = access_token(&api, "broker01").await;
    let theirs = hq
        .first_column_text("SELECT id FROM clients WHERE broker_id = 'B002' ORDER BY id LIMIT 1")
        .unwrap()
        .remove(0);
    let push = PushRequest {
        mutations: vec![Mutation {
            id: "m-x".into(),
            made_at: now(),
            op: MutationOp::RegisterComplaint(NewComplaint {
                id: "r-x".into(),
                client_id: theirs,
                category: ComplaintCategory::Fees,
                channel: ContactChannel::Visit,
                client_words: "客户认为佣金高于约定费率".into(),
                client_asks: String::new(),
                received_on: TODAY,
            }),
        }],
    };
    let answer = api.push(&broker, &push).await.unwrap();
    assert!(
        matches!(&answer.results[0].outcome, MutationOutcome::Refused { code: ErrorCode::Forbidden, message } if message.contains("不在您的名下")),
        "{answer:?}"
    );
    assert!(hq
        .first_column_text("SELECT id FROM service_cases WHERE id = 'r-x'")
        .unwrap()
        .is_empty());

    // A desk that took a complaint about a client head office has since moved away: the
    // refusal removes the desk's row and keeps the reason for the broker.
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    desk.store
        .lock()
        .unwrap()
        .register_complaint(
            ids("moved"),
            ("B001", "broker01"),
            &complaint(&client, ComplaintCategory::Fees, 1),
            now(),
        )
        .unwrap();
    hq.transfer_client(&client, "B002", now()).unwrap();
    desk.sync().await;
    let refusals = desk.with_store(|s| s.refusals().unwrap());
    assert!(
        refusals.iter().any(|r| r.summary.starts_with("投诉登记")),
        "{refusals:?}"
    );
    assert!(hq
        .first_column_text("SELECT id FROM service_cases WHERE id = 'r-moved'")
        .unwrap()
        .is_empty());
}
