//! Client transfers and internal threads across the wire: a broker asks to hand a client to a
//! colleague, a lead with both in their subtree decides (the client then moves through sync), a
//! lead without one of them cannot; broker and lead talk on the request and on a task, and each
//! sees the other's messages after syncing.

use head_office_storage::review::TeamReview;
use head_office_storage::Storage;
use protocol::team::{CommentQuery, CommentSubject, NewComment, TransferDecision, TransferStatus};
use protocol::ErrorCode;
use store::WriteIds;
use sync::{HeadOffice, SyncError};
use system_tests::now;
use system_tests::{small_firm, TestDesk, TODAY};

async fn token(api: &HeadOffice, user: &str) -> String {
    system_tests::access_token(api, user).await
}

fn ids(n: &str) -> WriteIds {
    WriteIds {
        mutation_id: format!("m-{n}"),
        record_id: format!("r-{n}"),
    }
}

fn forbidden<T: std::fmt::Debug>(r: Result<T, SyncError>) {
    assert!(
        matches!(&r, Err(SyncError::Refused(e)) if e.code == ErrorCode::Forbidden),
        "{r:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lead_decides_a_transfer_and_talks_it_over_with_the_broker() {
    let head_office = system_tests::TestHeadOffice::start(&small_firm()).await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let sync = || async { desk.sync().await };
    let clients: Vec<String> = desk.with_store(|s| {
        s.list_clients(
            &store::ClientQuery {
                limit: 2,
                ..Default::default()
            },
            TODAY,
        )
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.id)
        .take(2)
        .collect()
    });
    let me = ("B001", "broker01");
    let now = now();
    {
        let mut s = desk.store.lock().unwrap();
        // broker07 is in broker01's team; broker02 in the other team of the branch.
        s.request_transfer(
            ids("t1"),
            me,
            &clients[0],
            "broker07",
            "客户搬家到浦西，由同组同事就近服务",
            now,
        )
        .unwrap();
        s.request_transfer(
            ids("t2"),
            me,
            &clients[1],
            "broker02",
            "客户要求更换服务经纪人",
            now,
        )
        .unwrap();
        assert!(s
            .request_transfer(ids("t3"), me, &clients[0], "broker07", "重复申请", now)
            .is_err());
        s.add_comment(
            ids("c1"),
            me,
            CommentSubject::Transfer,
            "r-t1",
            "客户已当面确认同意",
            now,
        )
        .unwrap();
    }
    sync().await;
    let mine = desk.with_store(|s| s.transfer_requests(None).unwrap());
    assert!(mine
        .iter()
        .all(|r| !r.pending && r.request.status == TransferStatus::Pending));
    let to_07 = mine.iter().find(|r| r.request.id == "r-t1").unwrap();
    assert_eq!(to_07.request.to_broker_id, "B007");

    let lead01 = token(&api, "lead01").await;
    let lead02 = token(&api, "lead02").await;
    let manager01 = token(&api, "manager01").await;
    let listed = api.team_transfers(&lead01).await.unwrap();
    let from_b001 = |list: &[protocol::team::TransferRequestRecord]| {
        list.iter().filter(|r| r.from_broker_id == "B001").count()
    };
    assert_eq!(from_b001(&listed), 2, "both come from lead01's broker");
    assert!(listed.iter().all(|r| r.status == TransferStatus::Pending));
    assert_eq!(from_b001(&api.team_transfers(&lead02).await.unwrap()), 0);

    // The thread: the broker's message is there; the lead answers.
    let thread = CommentQuery {
        subject: CommentSubject::Transfer,
        subject_id: "r-t1".into(),
    };
    let seen = api.team_comments(&lead01, &thread).await.unwrap();
    assert_eq!(seen[0].body, "客户已当面确认同意");
    forbidden(api.team_comments(&lead02, &thread).await);
    let reply = NewComment {
        subject: CommentSubject::Transfer,
        subject_id: "r-t1".into(),
        body: "同意，请做好交接".into(),
    };
    forbidden(api.add_team_comment(&lead02, &reply).await);
    assert_eq!(
        api.add_team_comment(&lead01, &reply).await.unwrap().len(),
        2
    );

    // Deciding needs both brokers in scope.
    let approve = |id: &str| TransferDecision {
        request_id: id.into(),
        approve: true,
        note: None,
    };
    forbidden(api.decide_transfer(&lead02, &approve("r-t1")).await);
    forbidden(api.decide_transfer(&lead01, &approve("r-t2")).await);
    let decided = api
        .decide_transfer(&lead01, &approve("r-t1"))
        .await
        .unwrap();
    assert_eq!(decided.status, TransferStatus::Approved);
    let rejected = api
        .decide_transfer(
            &manager01,
            &TransferDecision {
                request_id: "r-t2".into(),
                approve: false,
                note: Some("请先与客户再沟通一次".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!(rejected.status, TransferStatus::Rejected);
    assert!(
        api.decide_transfer(&lead01, &approve("r-t1"))
            .await
            .is_err(),
        "decided once"
    );

    sync().await;
    let gone = desk.with_store(|s| s.client_profile(&clients[0], TODAY).unwrap().is_none());
    assert!(gone, "the approved client left broker01's desk");
    let after = desk.with_store(|s| s.transfer_requests(None).unwrap());
    let t1 = after.iter().find(|r| r.request.id == "r-t1").unwrap();
    assert_eq!(t1.request.status, TransferStatus::Approved);
    assert!(t1
        .request
        .decided_by_name
        .as_deref()
        .is_some_and(|n| !n.is_empty()));
    let t2 = after.iter().find(|r| r.request.id == "r-t2").unwrap();
    assert_eq!(
        t2.request.decision_note.as_deref(),
        Some("请先与客户再沟通一次")
    );
    let thread_on_desk = desk.with_store(|s| s.comments(CommentSubject::Transfer, "r-t1").unwrap());
    assert_eq!(
        thread_on_desk
            .iter()
            .map(|c| c.comment.body.as_str())
            .collect::<Vec<_>>(),
        ["客户已当面确认同意", "同意，请做好交接"]
    );
    // The colleague's book now holds the client.
    let b007 = head_office
        .storage
        .transfer_requests(&["B001".to_string()])
        .unwrap();
    assert_eq!(b007.len(), 2);
    let moved = (0..)
        .try_fold(0u64, |cursor, _| {
            let page = head_office.storage.pull("B007", cursor, 5_000).unwrap();
            let found = page.changes.iter().any(|c| {
                matches!(c, protocol::Change::Upsert { record: protocol::Record::Client(x), .. } if x.id == clients[0])
            });
            match (found, page.has_more) {
                (true, _) => Err(true),
                (false, true) => Ok(page.cursor),
                (false, false) => Err(false),
            }
        })
        .unwrap_err();
    assert!(moved);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thread_on_a_task_goes_both_ways() {
    let head_office = system_tests::TestHeadOffice::start(&small_firm()).await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let task = desk.with_store(|s| {
        let agenda = s.agenda(TODAY).unwrap();
        agenda
            .today
            .iter()
            .chain(&agenda.week)
            .find(|i| i.source == "task")
            .unwrap()
            .id
            .clone()
    });
    let lead01 = token(&api, "lead01").await;
    let message = NewComment {
        subject: CommentSubject::Task,
        subject_id: task.clone(),
        body: "重点先回访钻石客户".into(),
    };
    api.add_team_comment(&lead01, &message).await.unwrap();
    forbidden(
        api.add_team_comment(&token(&api, "lead02").await, &message)
            .await,
    );
    desk.sync().await;
    desk.store
        .lock()
        .unwrap()
        .add_comment(
            ids("c2"),
            ("B001", "broker01"),
            CommentSubject::Task,
            &task,
            "收到，周四前完成",
            system_tests::now(),
        )
        .unwrap();
    desk.sync().await;
    let on_desk = desk.with_store(|s| s.comments(CommentSubject::Task, &task).unwrap());
    let bodies: Vec<&str> = on_desk.iter().map(|c| c.comment.body.as_str()).collect();
    // The demo's own thread on this task comes first.
    assert!(
        bodies.ends_with(&["重点先回访钻石客户", "收到，周四前完成"]),
        "{bodies:?}"
    );
    assert!(on_desk.iter().all(|c| !c.pending));
    let at_lead = api
        .team_comments(
            &lead01,
            &CommentQuery {
                subject: CommentSubject::Task,
                subject_id: task,
            },
        )
        .await
        .unwrap();
    let at_lead: Vec<&str> = at_lead.iter().map(|c| c.body.as_str()).collect();
    assert_eq!(at_lead, bodies, "both sides read the same thread");
}
