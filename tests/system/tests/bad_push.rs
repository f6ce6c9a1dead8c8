//! One mutation head office cannot store must not stall a desk: a record id that is already taken
//! (here a transfer request's) comes back as a refusal of that mutation alone, the rest of the
//! batch is applied, a resend gets the same answers, and the desk goes on syncing.

use protocol::team::NewTransferRequest;
use protocol::{
    ContactChannel, ContactNoteRecord, ErrorCode, Mutation, MutationOp, MutationOutcome,
    PushRequest,
};
use sync::HeadOffice;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice};

fn transfer(id: &str, client_id: &str) -> MutationOp {
    MutationOp::RequestTransfer(NewTransferRequest {
        id: id.into(),
        client_id: client_id.into(),
        to_broker: "broker02".into(),
        reason: "客户搬迁到外地，由当地同事服务".into(),
        raised_at: now(),
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_taken_record_id_is_refused_alone_and_the_desk_syncs_on() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let clients: Vec<String> = desk.with_store(|s| {
        let query = store::ClientQuery {
            limit: 2,
            ..Default::default()
        };
        s.list_clients(&query, system_tests::TODAY)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    });
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let token = access_token(&api, "broker01").await;
    let note = MutationOp::AddContactNote(ContactNoteRecord {
        id: "N-after-the-bad-one".into(),
        client_id: clients[0].clone(),
        channel: ContactChannel::Phone,
        summary: "电话回访，客户确认收到季度报告".into(),
        contacted_at: now(),
        follow_up_on: None,
        author_id: "B001".into(),
    });
    let ops = [
        transfer("TR-taken", &clients[0]),
        // Another client, so every check passes; only the id is already taken.
        transfer("TR-taken", &clients[1]),
        note,
    ];
    let push = PushRequest {
        mutations: ops
            .into_iter()
            .enumerate()
            .map(|(i, op)| Mutation {
                id: format!("m-bad-push-{i}"),
                made_at: now(),
                op,
            })
            .collect(),
    };

    let answer = api.push(&token, &push).await.expect("the push is answered");
    let outcomes: Vec<_> = answer.results.iter().map(|r| &r.outcome).collect();
    assert_eq!(outcomes[0], &MutationOutcome::Applied);
    let MutationOutcome::Refused { code, message } = outcomes[1] else {
        panic!("a taken id was not refused: {outcomes:?}");
    };
    assert_eq!(*code, ErrorCode::Validation);
    assert!(message.contains("移交申请"), "{message}");
    assert_eq!(outcomes[2], &MutationOutcome::Applied);

    // A resend (a lost answer) gets the same answers, and nothing is applied twice.
    let again = api
        .push(&token, &push)
        .await
        .expect("the resend is answered");
    assert_eq!(again.results, answer.results);

    // The desk's own sync is not stalled: its pull brings the note and the request.
    desk.engine
        .sync_once(desk.store.clone(), |_| {})
        .await
        .expect("the desk syncs on");
    let requests = desk.with_store(|s| s.transfer_requests(None).unwrap());
    assert_eq!(
        requests
            .iter()
            .filter(|r| r.request.id == "TR-taken")
            .count(),
        1,
        "{requests:?}"
    );
    assert_eq!(requests[0].request.client_id, clients[0]);
}
