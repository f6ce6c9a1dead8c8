//! Recommendations across the wire: the library reaches every desk, a push goes out with the next
//! sync and its delivery states come back, and head office re-checks suitability on its own data,
//! whatever the desk's request claims.

use chrono::Duration;
use domain::clock::shanghai_date;
use domain::suitability_check::Verdict;
use domain::ProductRisk;
use head_office::channel::SimulatedChannel;
use head_office_storage::delivery::Deliveries;
use head_office_storage::Storage;
use protocol::{
    DeliveryStatus, ErrorCode, Mutation, MutationOp, MutationOutcome, ProductRecord, PullQuery,
    PushRecipient, PushRequest, RecommendationPush, Record, SignInRequest,
};
use store::{ClientQuery, ProductQuery, PushDraft, PushState, RecipientSelection, WriteIds};
use sync::HeadOffice;
use system_tests::now;
use system_tests::{small_firm, TestDesk, TestHeadOffice, PASSWORD};

pub(crate) fn pushable(desk: &TestDesk, risk: ProductRisk) -> ProductRecord {
    let today = shanghai_date(system_tests::now());
    let query = ProductQuery {
        risks: vec![risk],
        pushable_only: true,
        ..Default::default()
    };
    desk.with_store(|s| s.products(&query, today).unwrap())
        .into_iter()
        .next()
        .expect("a pushable item of this risk in the demo library")
        .item
}

/// Every delivery row in a broker's feed, following the feed to its end.
fn deliveries_of(storage: &dyn Storage, broker: &str) -> Vec<protocol::PushDeliveryRecord> {
    let mut cursor = 0;
    let mut found = Vec::new();
    loop {
        let page = storage.pull(broker, cursor, PullQuery::MAX_LIMIT).unwrap();
        for change in page.changes {
            if let protocol::Change::Upsert {
                record: Record::PushDelivery(d),
                ..
            } = change
            {
                found.push(d);
            }
        }
        cursor = page.cursor;
        if !page.has_more {
            return found;
        }
    }
}

fn whole_book() -> RecipientSelection {
    RecipientSelection {
        client_ids: vec![],
        query: Some(ClientQuery::default()),
    }
}

/// Client ids of the book by the desk's verdict for a product: (allowed, blocked, needs confirmation).
pub(crate) fn by_verdict(
    desk: &TestDesk,
    product_id: &str,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let today = shanghai_date(system_tests::now());
    let checks = desk.with_store(|s| {
        s.check_recipients(product_id, &whole_book(), today)
            .unwrap()
    });
    let pick = |f: fn(&Verdict) -> bool| {
        checks
            .checks
            .iter()
            .filter(|c| f(&c.verdict))
            .map(|c| c.client_id.clone())
            .collect::<Vec<_>>()
    };
    (
        pick(|v| *v == Verdict::Allowed),
        pick(|v| matches!(v, Verdict::Blocked { .. })),
        pick(|v| *v == Verdict::NeedsConfirmation),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_push_goes_out_with_the_next_sync_and_its_delivery_states_come_back() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let other = TestDesk::synced(&head_office.base_url(), "broker02").await;
    let library = |d: &TestDesk| {
        d.with_store(|s| {
            s.products(&ProductQuery::default(), shanghai_date(system_tests::now()))
                .unwrap()
        })
    };
    assert!(
        library(&desk).len() >= 50,
        "the demo library has at least 50 items"
    );
    assert_eq!(library(&desk), library(&other), "the library is firm-wide");

    let item = pushable(&desk, ProductRisk::R4);
    let (allowed, blocked, _) = by_verdict(&desk, &item.id);
    assert!(
        allowed.len() >= 10 && !blocked.is_empty(),
        "{} allowed, {} blocked",
        allowed.len(),
        blocked.len()
    );
    let recipients: Vec<String> = allowed.into_iter().take(10).collect();
    let now = now();
    let push_id = desk
        .store
        .lock()
        .unwrap()
        .send_recommendation(
            WriteIds {
                mutation_id: "m-push-1".into(),
                record_id: "PUSH-1".into(),
            },
            &PushDraft {
                product_id: item.id.clone(),
                cover_message: "科创板长期配置思路，供您参考".into(),
                client_ids: recipients.clone(),
                elderly_confirmed: vec![],
            },
            now,
            shanghai_date(now),
        )
        .unwrap();
    desk.sync().await;
    let detail = desk.with_store(|s| s.push_detail(&push_id).unwrap());
    assert_eq!(detail.summary.state, PushState::Accepted);
    assert_eq!(
        detail.summary.counts.waiting, 10,
        "queued at head office, not yet with the channel"
    );

    // Head office's archive holds the push as received, with its own verdicts.
    let archive = head_office
        .storage
        .push_archive(&push_id)
        .unwrap()
        .expect("archived");
    assert!(archive.contains("科创板长期配置思路") && archive.contains(&item.id));

    // An hour later, as far as the channel is concerned, every message has its story.
    let moved = head_office
        .storage
        .advance_deliveries(
            &SimulatedChannel::default(),
            system_tests::now() + Duration::hours(1),
        )
        .unwrap();
    assert_eq!(moved, 10);
    desk.sync().await;
    let detail = desk.with_store(|s| s.push_detail(&push_id).unwrap());
    let c = &detail.summary.counts;
    assert_eq!(c.waiting + c.sent + c.refused, 0);
    assert_eq!(c.delivered + c.read + c.replied + c.failed, 10);
    for r in &detail.recipients {
        let status = r.status.expect("a delivery state");
        assert_eq!(r.reply.is_some(), status == DeliveryStatus::Replied);
    }
    // Nothing more happens to settled deliveries, and the other broker never sees them.
    let again = head_office
        .storage
        .advance_deliveries(
            &SimulatedChannel::default(),
            system_tests::now() + Duration::hours(2),
        )
        .unwrap();
    assert_eq!(again, 0);
    assert!(deliveries_of(head_office.storage.as_ref(), "B002").is_empty());
}

pub(crate) fn push(
    id: &str,
    product: &ProductRecord,
    recipients: &[(&str, Verdict, bool)],
) -> Mutation {
    Mutation {
        id: format!("m-{id}"),
        made_at: system_tests::now(),
        op: MutationOp::SendRecommendation(RecommendationPush {
            id: id.into(),
            product_id: product.id.clone(),
            product_version: product.version,
            cover_message: "请参考".into(),
            recipients: recipients
                .iter()
                .map(|(client, claimed, confirmed)| PushRecipient {
                    client_id: client.to_string(),
                    desk_verdict: claimed.clone(),
                    elderly_confirmed: *confirmed,
                })
                .collect(),
            sent_at: system_tests::now(),
        }),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn head_office_refuses_unsuitable_recipients_whatever_the_desk_claims() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let item = pushable(&desk, ProductRisk::R5);
    let (allowed, blocked, elderly) = by_verdict(&desk, &item.id);
    assert!(!allowed.is_empty() && !blocked.is_empty() && !elderly.is_empty());
    let other_book = TestDesk::synced(&head_office.base_url(), "broker02")
        .await
        .first_client();

    // A forger speaks HTTP directly, claiming every recipient is allowed.
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let token = api
        .sign_in(&SignInRequest {
            username: "broker01".into(),
            password: PASSWORD.into(),
            device_id: "forger".into(),
        })
        .await
        .unwrap()
        .access_token;
    let send = |m: Mutation| {
        let api = &api;
        let token = token.clone();
        async move {
            let mut r = api
                .push(&token, &PushRequest { mutations: vec![m] })
                .await
                .unwrap();
            r.results.remove(0).outcome
        }
    };
    let refusal = |o: MutationOutcome| match o {
        MutationOutcome::Refused { code, message } => (code, message),
        other => panic!("expected a refusal, got {other:?}"),
    };

    let (code, message) = refusal(
        send(push(
            "F-1",
            &item,
            &[(&blocked[0], Verdict::Allowed, false)],
        ))
        .await,
    );
    assert_eq!(code, ErrorCode::Unsuitable);
    assert!(message.contains("总部适当性复核未通过"), "{message}");
    let (_, message) = refusal(
        send(push(
            "F-2",
            &item,
            &[(&elderly[0], Verdict::Allowed, false)],
        ))
        .await,
    );
    assert!(message.contains("高龄"), "{message}");
    let (_, message) = refusal(
        send(push(
            "F-3",
            &item,
            &[(&other_book, Verdict::Allowed, false)],
        ))
        .await,
    );
    assert!(message.contains("不在您的服务范围"), "{message}");
    let stale = ProductRecord {
        version: item.version + 1,
        ..item.clone()
    };
    let (_, message) = refusal(
        send(push(
            "F-4",
            &stale,
            &[(&allowed[0], Verdict::Allowed, false)],
        ))
        .await,
    );
    assert!(message.contains("版"), "{message}");

    // Mixed: the suitable recipients get it, each unsuitable one is refused with its reason.
    let mixed = push(
        "F-5",
        &item,
        &[
            (&allowed[0], Verdict::Allowed, false),
            (&blocked[0], Verdict::Allowed, false),
            (&elderly[0], Verdict::NeedsConfirmation, true),
        ],
    );
    assert_eq!(send(mixed.clone()).await, MutationOutcome::Applied);
    // Exactly once: the same mutation again is answered the same and changes nothing.
    assert_eq!(send(mixed).await, MutationOutcome::Applied);
    let mut deliveries = deliveries_of(head_office.storage.as_ref(), "B001");
    deliveries.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(deliveries.len(), 3);
    let status_of = |client: &str| deliveries.iter().find(|d| d.client_id == client).unwrap();
    assert_eq!(status_of(&allowed[0]).status, DeliveryStatus::Queued);
    assert_eq!(status_of(&elderly[0]).status, DeliveryStatus::Queued);
    let refused = status_of(&blocked[0]);
    assert_eq!(refused.status, DeliveryStatus::Refused);
    assert!(refused
        .reason
        .as_deref()
        .unwrap()
        .starts_with("总部适当性复核未通过"));
    // A refused recipient is never handed to the channel.
    head_office
        .storage
        .advance_deliveries(
            &SimulatedChannel::default(),
            system_tests::now() + Duration::hours(1),
        )
        .unwrap();
    let still_refused = deliveries_of(head_office.storage.as_ref(), "B001")
        .iter()
        .any(|d| d.client_id == blocked[0] && d.status == DeliveryStatus::Refused);
    assert!(still_refused);
}
