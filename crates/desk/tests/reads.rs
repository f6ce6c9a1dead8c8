//! Every read the window makes goes to the session's reading connection, which may not write: a
//! read that wrote (a lazy index, a cache table) would fail there. Each is asked once on a
//! synced demo book and must answer with the book in it.

use crate::support::{config, everything, form, service};
use desk::Desk;
use store::{ProductQuery, RecipientSelection, TradeFilter};
use system_tests::{small_firm, TestHeadOffice, PASSWORD};

#[tokio::test(flavor = "multi_thread")]
async fn every_read_of_the_window_answers_from_the_reading_connection() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(config(dir.path(), &service("reads"))).unwrap();
    desk.sign_in(form(&head_office.base_url(), PASSWORD))
        .await
        .unwrap();
    desk.sync(&|_| {}).await.unwrap();
    let today = desk.today();

    let page = desk.list_clients(&everything()).unwrap();
    assert_eq!(page.total, head_office.desk_clients("B001"));
    let client = &page.rows[0];
    assert_eq!(desk.client_profile(&client.id).unwrap().id, client.id);
    assert_eq!(desk.palette_clients("").unwrap()[0].id, client.id);
    desk.access_log().unwrap();
    desk.saved_filters().unwrap();
    assert!(!desk.book_tags().unwrap().is_empty());
    desk.contribution().unwrap();
    desk.tier_report().unwrap();

    let agenda = desk.agenda().unwrap();
    assert!(!agenda.overdue.is_empty() || !agenda.today.is_empty() || !agenda.week.is_empty());
    desk.reminders_between(today, today).unwrap();
    desk.reminder_log(50).unwrap();
    assert!(!desk.book_alerts().unwrap().is_empty());
    let view = desk.today_view().unwrap();
    assert!(
        view.commission.is_some(),
        "the month's commission on 工作台"
    );

    desk.commission_month(today).unwrap();
    assert!(!desk.commission_history(12).unwrap().is_empty());
    desk.commission_trades(today, &TradeFilter::default())
        .unwrap();
    desk.reconcile(today).unwrap();

    let products = desk.products(&ProductQuery::default()).unwrap();
    let product = &products[0];
    let checks = desk
        .check_recipients(
            &product.item.id,
            &RecipientSelection {
                client_ids: vec![client.id.clone()],
                query: None,
            },
        )
        .unwrap();
    assert_eq!(checks.checks.len(), 1);
    desk.push_history(20).unwrap();
    desk.client_pushes(&client.id).unwrap();
    desk.sign_out(true).await.unwrap();
}
