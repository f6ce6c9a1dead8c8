//! The keyboard's backend as the app runs it: the palette finds the client opened last first,
//! and "next trading day" follows head office's holiday calendar, not the weekday after today.

use crate::support::{config_on, everything, form, service};
use chrono::{NaiveDate, TimeZone, Utc};
use clock::ManualClock;
use desk::Desk;
use domain::repeat::Repeat;
use store::{NewReminder, PaletteMatch};
use system_tests::{now, small_firm, TestHeadOffice, PASSWORD};

#[tokio::test(flavor = "multi_thread")]
async fn the_palette_offers_the_client_opened_last_and_snoozes_to_the_next_trading_day() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at(now());
    let desk = Desk::open(config_on(dir.path(), &service("palette"), clock.clone())).unwrap();
    desk.sign_in(form(&head_office.base_url(), PASSWORD))
        .await
        .unwrap();
    desk.sync(&|_| {}).await.unwrap();

    assert!(desk.palette_clients("").unwrap().is_empty());
    let page = desk.list_clients(&everything()).unwrap();
    let client = &page.rows[7];
    desk.client_profile(&client.id).unwrap();
    let recent = desk.palette_clients("").unwrap();
    assert_eq!(recent.len(), 1);
    assert_eq!(recent[0].id, client.id);
    assert_eq!(recent[0].matched, PaletteMatch::Recent);
    let (_, initials) = store::name_keys(&client.name);
    let found = desk.palette_clients(&initials).unwrap();
    assert_eq!(
        found[0].id, client.id,
        "opened lately: first of every {initials}"
    );
    assert!(found.iter().all(|c| c.mobile_masked.contains("****")));
    let long = desk.palette_clients(&"张".repeat(41)).unwrap_err();
    assert!(desk::ipc::IpcError::from(long)
        .message
        .contains("搜索内容过长"));

    desk.add_reminder(&NewReminder {
        client_id: Some(client.id.clone()),
        title: "回电确认加仓金额".into(),
        due_on: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        due_time: None,
        repeat: Repeat::Never,
        note: None,
    })
    .unwrap();
    // New Year's Eve 2026, a Thursday, 10:00 in Beijing: tomorrow is 元旦 (a holiday) and then a
    // weekend, so the next trading day is Monday 4 January 2027.
    clock.set(Utc.with_ymd_and_hms(2026, 12, 31, 2, 0, 0).unwrap());
    desk.unlock(PASSWORD).unwrap();
    let reminder = desk
        .agenda()
        .unwrap()
        .today
        .into_iter()
        .find(|r| r.title == "回电确认加仓金额")
        .expect("due today");
    let agenda = desk
        .snooze_reminder_to_next_trading_day(&reminder.id)
        .unwrap();
    let snoozed = agenda
        .today
        .iter()
        .find(|r| r.id == reminder.id)
        .expect("still today's, snoozed");
    assert_eq!(
        snoozed.snoozed_until,
        Some(Utc.with_ymd_and_hms(2027, 1, 4, 1, 0, 0).unwrap()),
        "09:00 in Beijing on Monday 4 January"
    );
    // The reminder reaches head office before the desk is wiped.
    desk.sync(&|_| {}).await.unwrap();
    desk.sign_out(true).await.unwrap();
}
