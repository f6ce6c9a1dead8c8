//! Promise 6, no silent loss: the broker's edit made on an old version is merged field by field;
//! where head office changed the same field, its value stands and the broker's is kept as a
//! conflict until the broker chooses.

use head_office_storage::Storage;
use protocol::ClientPreferences;
use store::PreferencesView;
use system_tests::now;
use system_tests::{small_firm, TestDesk, TestHeadOffice};

fn view(channel: Option<&str>, best_time: Option<&str>, remark: Option<&str>) -> PreferencesView {
    PreferencesView {
        preferred_channel: channel.map(str::to_string),
        best_time_to_call: best_time.map(str::to_string),
        remark: remark.map(str::to_string),
        ..PreferencesView::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_edits_merge_by_field_and_a_clash_becomes_a_conflict_the_broker_decides() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();

    // Both start from the same preferences.
    let base = ClientPreferences {
        preferred_channel: Some("phone".into()),
        best_time_to_call: Some("工作日上午".into()),
        remark: Some("关注高股息".into()),
        ..ClientPreferences::default()
    };
    head_office
        .storage
        .set_preferences(&client, &base, now())
        .unwrap();
    desk.sync().await;

    // Offline, the broker changes the channel and the remark...
    desk.store
        .lock()
        .unwrap()
        .update_preferences(
            "m-pref-1".into(),
            &client,
            &view(
                Some("wechat"),
                Some("工作日上午"),
                Some("关注高股息，偏好ETF"),
            ),
            now(),
        )
        .unwrap();
    assert!(desk.with_store(|s| s.preferences(&client).unwrap().pending));
    // ...while the call centre changes the time to call and the remark.
    head_office
        .storage
        .set_preferences(
            &client,
            &ClientPreferences {
                preferred_channel: Some("phone".into()),
                best_time_to_call: Some("晚上七点后".into()),
                remark: Some("客户要求减少来电".into()),
                ..ClientPreferences::default()
            },
            now(),
        )
        .unwrap();

    desk.sync().await;
    let merged = desk.with_store(|s| s.preferences(&client).unwrap());
    assert_eq!(
        merged.preferred_channel.as_deref(),
        Some("wechat"),
        "only the broker changed it"
    );
    assert_eq!(
        merged.best_time_to_call.as_deref(),
        Some("晚上七点后"),
        "only head office changed it"
    );
    assert_eq!(
        merged.remark.as_deref(),
        Some("客户要求减少来电"),
        "head office stands on a clash"
    );
    assert!(!merged.pending);
    let conflicts = desk.with_store(|s| s.conflicts().unwrap());
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!(c.field, "remark");
    assert_eq!(c.mine.as_deref(), Some("关注高股息，偏好ETF"));
    assert_eq!(c.head_office.as_deref(), Some("客户要求减少来电"));
    assert_eq!(c.before.as_deref(), Some("关注高股息"));

    // The broker keeps theirs: a new edit, based on head office's current version, wins cleanly.
    desk.store
        .lock()
        .unwrap()
        .resolve_conflict(&c.mutation_id, "remark", true, "m-pref-2".into(), now())
        .unwrap();
    assert!(desk.with_store(|s| s.conflicts().unwrap()).is_empty());
    desk.sync().await;
    let settled = desk.with_store(|s| s.preferences(&client).unwrap());
    assert_eq!(settled.remark.as_deref(), Some("关注高股息，偏好ETF"));
    assert_eq!(settled.best_time_to_call.as_deref(), Some("晚上七点后"));
    assert!(
        desk.with_store(|s| s.conflicts().unwrap()).is_empty(),
        "no conflict the second time"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn accepting_head_office_closes_the_conflict_and_an_invalid_edit_is_refused_before_it_is_queued(
) {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    let edit = |id: &str, remark: &str| {
        desk.store
            .lock()
            .unwrap()
            .update_preferences(id.into(), &client, &view(None, None, Some(remark)), now())
            .unwrap();
    };
    edit("m-a", "周末可约");
    head_office
        .storage
        .set_preferences(
            &client,
            &ClientPreferences {
                remark: Some("仅工作日".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    desk.sync().await;
    let conflict = desk.with_store(|s| s.conflicts().unwrap()).remove(0);
    desk.store
        .lock()
        .unwrap()
        .resolve_conflict(
            &conflict.mutation_id,
            &conflict.field,
            false,
            "m-b".into(),
            now(),
        )
        .unwrap();
    assert_eq!(
        desk.with_store(|s| s.sync_counters().unwrap().pending),
        0,
        "accepting sends nothing"
    );
    assert_eq!(
        desk.with_store(|s| s.preferences(&client).unwrap().remark),
        Some("仅工作日".into())
    );

    // The desk refuses what it can see is wrong, before anything is queued.
    let too_long = "长".repeat(501);
    let err = desk
        .store
        .lock()
        .unwrap()
        .update_preferences(
            "m-c".into(),
            &client,
            &view(None, None, Some(&too_long)),
            now(),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "客户备注不能超过 500 字");
    assert_eq!(desk.with_store(|s| s.sync_counters().unwrap().pending), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edit_that_loses_every_field_still_leaves_the_desk_equal_to_head_office() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    desk.store
        .lock()
        .unwrap()
        .update_preferences(
            "m-x".into(),
            &client,
            &view(Some("email"), None, None),
            now(),
        )
        .unwrap();
    head_office
        .storage
        .set_preferences(
            &client,
            &ClientPreferences {
                preferred_channel: Some("visit".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    desk.sync().await;
    let now = desk.with_store(|s| s.preferences(&client).unwrap());
    assert_eq!(
        now.preferred_channel.as_deref(),
        Some("visit"),
        "the optimistic copy is replaced"
    );
    assert!(!now.pending);
    assert_eq!(desk.with_store(|s| s.conflicts().unwrap()).len(), 1);
}
