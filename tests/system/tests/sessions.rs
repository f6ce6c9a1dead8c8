//! Sessions and refusals: refresh tokens rotate, a replayed one ends the session, a lost answer
//! can be asked for again, an old protocol is refused clearly, an unsuitable write is refused with
//! a reason and rolled back on the desk.

use head_office_storage::Storage;
use protocol::{
    paths, ErrorCode, PullQuery, RefreshRequest, SignInRequest, PROTOCOL_VERSION, VERSION_HEADER,
};
use store::{NewContactNote, WriteIds};
use sync::HeadOffice;
use system_tests::{now, sign_in_on_device_1 as sign_in};
use system_tests::{small_firm, TestDesk, TestHeadOffice, PASSWORD, TODAY};

/// As the desk asks: a retry of the same token carries the same retry key.
fn refresh(token: &str) -> RefreshRequest {
    RefreshRequest {
        refresh_token: token.into(),
        device_id: "dev-1".into(),
        retry_key: Some(format!("retry-of-{token}")),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_replayed_refresh_token_ends_the_session() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let first = sign_in(&ho).await;
    let second = ho.refresh(&refresh(&first.refresh_token)).await.unwrap();
    assert_ne!(
        second.refresh_token, first.refresh_token,
        "refresh tokens rotate"
    );
    let third = ho.refresh(&refresh(&second.refresh_token)).await.unwrap();

    // The first token again, after the session moved on: theft. Everything of the family dies.
    let replay = ho
        .refresh(&refresh(&first.refresh_token))
        .await
        .unwrap_err();
    assert_eq!(replay.code(), Some(ErrorCode::SessionEnded));
    let after = ho
        .refresh(&refresh(&third.refresh_token))
        .await
        .unwrap_err();
    assert_eq!(
        after.code(),
        Some(ErrorCode::SessionEnded),
        "the live token was revoked too"
    );
    // So are the access tokens the session was given: the thief may hold the newest one.
    for access in [&second.access_token, &third.access_token] {
        let refused = ho
            .pull(
                access,
                PullQuery {
                    cursor: 0,
                    limit: 1,
                    count: false,
                },
            )
            .await
            .expect_err("an access token of a revoked session still works");
        assert_eq!(refused.code(), Some(ErrorCode::Unauthorized));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refresh_whose_answer_was_lost_can_be_asked_again() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let first = sign_in(&ho).await;
    let _lost = ho.refresh(&refresh(&first.refresh_token)).await.unwrap();
    let again = ho.refresh(&refresh(&first.refresh_token)).await.unwrap();
    let next = ho.refresh(&refresh(&again.refresh_token)).await.unwrap();
    assert!(!next.access_token.is_empty());
    // The abandoned sibling died when its twin was used.
    let stale = ho
        .refresh(&refresh(&_lost.refresh_token))
        .await
        .unwrap_err();
    assert_eq!(stale.code(), Some(ErrorCode::SessionEnded));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refresh_token_is_bound_to_its_device() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let first = sign_in(&ho).await;
    let stolen = RefreshRequest {
        device_id: "someone-else".into(),
        ..refresh(&first.refresh_token)
    };
    assert_eq!(
        ho.refresh(&stolen).await.unwrap_err().code(),
        Some(ErrorCode::SessionEnded)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn another_protocol_version_is_refused_with_a_clear_message() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let http = reqwest::Client::new();
    let response = http
        .post(format!("{}{}", head_office.base_url(), paths::SIGN_IN))
        .header(VERSION_HEADER, PROTOCOL_VERSION + 1)
        .json(&SignInRequest {
            username: "broker01".into(),
            password: PASSWORD.into(),
            device_id: "dev-1".into(),
        })
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: protocol::ApiError = response.json().await.unwrap();
    assert_eq!(body.code, ErrorCode::ProtocolMismatch);
    assert!(
        body.message.contains("请升级经纪人工作台"),
        "{}",
        body.message
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_note_on_a_client_transferred_away_is_refused_rolled_back_and_explained() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    let note = NewContactNote {
        client_id: client.clone(),
        channel: "visit".into(),
        summary: "上门拜访，讨论资产配置".into(),
        follow_up_on: None,
    };
    let ids = WriteIds {
        mutation_id: "m-refused".into(),
        record_id: "N-refused".into(),
    };
    desk.store
        .lock()
        .unwrap()
        .add_contact_note(ids, "B001", &note, now())
        .unwrap();
    assert_eq!(desk.with_store(|s| s.sync_counters().unwrap().pending), 1);

    // Head office moves the client before the note arrives: the note must be refused, not retried.
    head_office
        .storage
        .transfer_client(&client, "B002", now())
        .unwrap();
    let report = desk.sync().await;
    assert_eq!(report.pushed, 1);
    desk.with_store(|s| {
        assert_eq!(
            s.sync_counters().unwrap().pending,
            0,
            "a refusal is not retried"
        );
        let refusals = s.refusals().unwrap();
        assert_eq!(refusals.len(), 1);
        assert!(
            refusals[0].reason.contains("不在您的服务范围"),
            "{}",
            refusals[0].reason
        );
        assert!(
            refusals[0].summary.contains("上门拜访"),
            "the broker's text is kept"
        );
        assert!(
            s.client_profile(&client, TODAY).unwrap().is_none(),
            "the transferred client is purged"
        );
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn a_transferred_client_arrives_whole_at_the_new_broker() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let old = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let new = TestDesk::synced(&head_office.base_url(), "broker02").await;

    let client = old.first_client();
    let before = old.with_store(|s| s.client_profile(&client, TODAY).unwrap().unwrap());
    head_office
        .storage
        .transfer_client(&client, "B002", now())
        .unwrap();
    old.sync().await;
    new.sync().await;

    assert!(old
        .with_store(|s| s.client_profile(&client, TODAY).unwrap())
        .is_none());
    let after = new.with_store(|s| s.client_profile(&client, TODAY).unwrap().unwrap());
    assert_eq!(after.accounts, before.accounts);
    assert_eq!(after.holdings, before.holdings);
    assert_eq!(after.serving_broker_id, "B002");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_sign_in_is_refused_before_it_is_remembered_or_hashed() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let attempt = |username: String, password: String| SignInRequest {
        username,
        password,
        device_id: "dev-1".into(),
    };
    // Longer than any sign-in: refused by the body limit before it is even parsed.
    for huge in [
        attempt("broker01".repeat(10_000), PASSWORD.into()),
        attempt("broker01".into(), "x".repeat(100_000)),
    ] {
        let refused = ho.sign_in(&huge).await.unwrap_err();
        assert_eq!(
            refused.code(),
            Some(ErrorCode::PayloadTooLarge),
            "{refused}"
        );
    }
    // Within the body limit but longer than a name or a password can be.
    let long_name = ho
        .sign_in(&attempt("broker01".repeat(10), PASSWORD.into()))
        .await
        .unwrap_err();
    assert_eq!(long_name.code(), Some(ErrorCode::Validation));
    assert!(long_name.to_string().contains("用户名过长"), "{long_name}");
    let long_password = ho
        .sign_in(&attempt("broker01".into(), "x".repeat(300)))
        .await
        .unwrap_err();
    assert_eq!(long_password.code(), Some(ErrorCode::Validation));
    assert!(
        long_password.to_string().contains("密码过长"),
        "{long_password}"
    );
    // Neither counted as a failure of broker01, who signs in at once.
    assert!(!sign_in(&ho).await.access_token.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_password_reset_by_head_office_it_ends_the_access_tokens_too() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let before = sign_in(&ho).await;
    let page = PullQuery {
        cursor: 0,
        limit: 1,
        count: false,
    };
    ho.pull(&before.access_token, page).await.unwrap();

    // IT resets the password from the command line: another process than the server.
    let (_, fresh) =
        head_office::admin::reset_password(head_office.storage.as_ref(), "broker01", now(), None)
            .unwrap();
    let ended = ho.pull(&before.access_token, page).await.unwrap_err();
    assert_eq!(ended.code(), Some(ErrorCode::SessionEnded), "{ended:?}");
    assert!(ended.needs_sign_in());

    // With the new password the broker is back at once.
    let after = ho
        .sign_in(&SignInRequest {
            username: "broker01".into(),
            password: fresh,
            device_id: "dev-1".into(),
        })
        .await
        .unwrap();
    ho.pull(&after.access_token, page).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_ends_the_sign_in_at_head_office_and_no_other() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let ho = HeadOffice::new(&head_office.base_url()).unwrap();
    let page = PullQuery {
        cursor: 0,
        limit: 1,
        count: false,
    };
    let leaving = sign_in(&ho).await;
    let elsewhere = sign_in(&ho).await;

    // The desk's engine signs out with whatever access it holds (here it must renew first).
    let desk = TestDesk::new(&head_office.base_url());
    desk.engine.sign_in("broker01", PASSWORD).await.unwrap();
    desk.engine.sign_out().await.unwrap();
    ho.sign_out(&leaving.access_token).await.unwrap();

    let pull = ho.pull(&leaving.access_token, page).await.unwrap_err();
    assert_eq!(pull.code(), Some(ErrorCode::Unauthorized), "{pull:?}");
    let renew = ho
        .refresh(&refresh(&leaving.refresh_token))
        .await
        .unwrap_err();
    assert_eq!(renew.code(), Some(ErrorCode::SessionEnded), "{renew:?}");
    let desk_sync = desk
        .engine
        .sync_once(desk.store.clone(), |_| {})
        .await
        .unwrap_err();
    assert!(desk_sync.needs_sign_in(), "{desk_sync:?}");
    // The same broker's other sign-in is untouched.
    ho.pull(&elsewhere.access_token, page).await.unwrap();
}
