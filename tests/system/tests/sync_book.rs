//! The walking skeleton's promises, end to end over loopback HTTP.

use domain::Mobile;
use head_office_storage::Storage;
use std::sync::Arc;
use store::{ClientQuery, DbKey, Store};
use sync::TokenVault;
use system_tests::{small_firm, TestDesk, TestHeadOffice, DESK_KEY, PASSWORD, TODAY};

fn all_clients() -> ClientQuery {
    ClientQuery {
        limit: 500,
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn first_sync_brings_the_book_then_only_what_changed() {
    let params = small_firm();
    let head_office = TestHeadOffice::start(&params).await;
    let desk = TestDesk::new(&head_office.base_url());
    desk.engine.sign_in("broker01", PASSWORD).await.unwrap();

    let mut last_progress = None;
    let first = desk
        .engine
        .sync_once(desk.store.clone(), |p| last_progress = Some(p))
        .await
        .unwrap();
    assert!(
        first.pulled > 150 * 10,
        "whole book with history, got {}",
        first.pulled
    );
    let progress = last_progress.unwrap();
    assert_eq!(progress.applied, progress.total);
    assert_eq!(
        desk.with_store(|s| s.client_count().unwrap()),
        head_office.desk_clients("B001")
    );

    let second = desk.sync().await;
    assert_eq!(
        second.pulled, 0,
        "nothing changed at head office, nothing transferred"
    );

    let page = desk.with_store(|s| s.list_clients(&all_clients(), TODAY).unwrap());
    let target = page.rows[3].id.clone();
    let new_mobile = Mobile::parse("13912345678").unwrap();
    head_office
        .storage
        .correct_client_mobile(&target, &new_mobile)
        .unwrap();

    let third = desk.sync().await;
    assert_eq!(third.pulled, 1, "exactly the one change arrives");
    let profile = desk.with_store(|s| s.client_profile(&target, TODAY).unwrap().unwrap());
    assert_eq!(profile.mobile_masked, "139****5678");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broker_receives_only_their_own_clients_and_those_they_co_serve() {
    let params = small_firm();
    let head_office = TestHeadOffice::start(&params).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker02").await;
    let page = desk.with_store(|s| s.list_clients(&all_clients(), TODAY).unwrap());
    assert_eq!(page.total, head_office.desk_clients("B002"));
    let mut co_served = 0;
    for row in &page.rows {
        let p = desk.with_store(|s| s.client_profile(&row.id, TODAY).unwrap().unwrap());
        let co = p.co_server.as_ref().map(|c| c.broker_id.as_str());
        if p.serving_broker_id != "B002" {
            assert_eq!(co, Some("B002"), "{} is neither served nor co-served", p.id);
            co_served += 1;
        }
    }
    assert!(
        co_served > 0,
        "the demo shares some of broker01's clients with broker02"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn with_head_office_down_the_cache_still_lists_the_book() {
    let params = small_firm();
    let mut head_office = TestHeadOffice::start(&params).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    head_office.stop().await;

    let err = desk
        .engine
        .sync_once(desk.store.clone(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, sync::SyncError::Offline(_)), "{err:?}");
    assert!(err.to_string().contains("离线"));

    // A fresh start: the file opened again with its key, no network involved.
    let path = TestDesk::db_path(desk.dir.path());
    drop(desk.store);
    let reopened = Store::open(&path, &DbKey(DESK_KEY)).unwrap();
    let page = reopened.list_clients(&all_clients(), TODAY).unwrap();
    assert_eq!(page.total, head_office.desk_clients("B001"));
    assert!(reopened.sync_counters().unwrap().last_sync_at.is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_password_is_refused_in_chinese_and_leaves_no_token() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::new(&head_office.base_url());
    let err = desk
        .engine
        .sign_in("broker01", "not-the-password")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(protocol::ErrorCode::BadCredentials));
    assert_eq!(err.to_string(), "用户名或密码不正确");
    assert!(desk.vault.refresh_token().unwrap().is_none());
    let unknown = desk.engine.sign_in("nobody", "x").await.unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "用户名或密码不正确",
        "unknown users look the same"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restarted_head_office_still_knows_the_desk_s_session() {
    let mut head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::new(&head_office.base_url());
    desk.engine.sign_in("broker01", PASSWORD).await.unwrap();
    let before = desk.vault.refresh_token().unwrap();
    // Access tokens live in the database, as every replica must see them: a restart (or another
    // replica) knows the desk's token, and no renewal is needed.
    head_office.restart().await;
    // The first request may still meet a kept-alive connection of the old process and see it
    // cut (Offline), as a desk does at most once: its next round, like this one, rejoins.
    let first = desk.engine.sync_once(desk.store.clone(), |_| {}).await;
    if let Err(e) = first {
        assert!(matches!(e, sync::SyncError::Offline(_)), "{e}");
        desk.sync().await;
    }
    let after = desk.vault.refresh_token().unwrap();
    assert_eq!(
        before, after,
        "the access token was still good: nothing was renewed"
    );
    assert_eq!(
        desk.with_store(|s| s.client_count().unwrap()),
        head_office.desk_clients("B001")
    );
    let _keep: Arc<dyn Storage> = head_office.storage.clone();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_sync_cut_off_resumes_where_it_stopped_and_its_bar_continues() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::new(&head_office.base_url());
    desk.engine.sign_in("broker01", PASSWORD).await.unwrap();
    let engine = sync::SyncEngine::new(
        sync::HeadOffice::new(&head_office.base_url()).unwrap(),
        "test-device".into(),
        desk.vault.clone(),
        system_tests::test_clock(),
    )
    .with_page_size(100);

    // Cut the first sync off after three pages, as a closed lid or a lost network does.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut first_pass = Vec::new();
    {
        let sync = engine.sync_once(desk.store.clone(), |p| {
            let _ = tx.send(p);
        });
        tokio::pin!(sync);
        while first_pass.len() < 3 {
            tokio::select! {
                _ = &mut sync => panic!("the book should take more than three pages"),
                Some(p) = rx.recv() => first_pass.push(p),
            }
        }
    }
    let cursor_after_cut = desk.with_store(|s| s.cursor().unwrap());
    assert!(cursor_after_cut > 0, "whole pages were kept");
    let total = first_pass[0].total;

    let mut resumed = Vec::new();
    let report = engine
        .sync_once(desk.store.clone(), |p| resumed.push(p))
        .await
        .unwrap();
    assert_eq!(resumed[0].total, total, "the same whole");
    assert!(
        resumed[0].applied > first_pass.last().unwrap().applied,
        "the bar continues"
    );
    assert_eq!(resumed.last().unwrap().applied, total);
    assert!(
        report.pulled < total,
        "nothing already applied was pulled again"
    );
    assert_eq!(
        desk.with_store(|s| s.client_count().unwrap()),
        head_office.desk_clients("B001")
    );
}
