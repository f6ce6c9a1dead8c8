//! Alerts computed from a real cached book, with a fixed "today".

use crate::common::{book, day, TODAY};
use chrono::{TimeZone, Utc};
use domain::Fen;
use protocol::{
    AssetMonthRecord, CashTransferRecord, Record, ServiceCaseRecord, TransferDirection,
};
use store::{AlertKind, Store};

fn apply(store: &mut Store, records: Vec<Record>) {
    crate::common::apply_more(store, 1_000, records);
}

#[test]
fn the_book_raises_what_a_broker_must_act_on_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book(dir.path());
    let alerts = store.book_alerts(TODAY).unwrap();
    let of = |kind: AlertKind| {
        alerts
            .iter()
            .filter(|a| a.kind == kind)
            .filter_map(|a| a.client_name.as_deref())
            .collect::<Vec<_>>()
    };
    // 张卫东's assessment runs out on 10 December; 单杰's ran out on 1 January.
    assert_eq!(of(AlertKind::AssessmentExpiring), ["张卫东"]);
    assert_eq!(of(AlertKind::AssessmentExpired), ["单杰"]);
    // 单杰 has not traded and was last contacted in January 2025; 张卫东 was never contacted
    // nor traded.
    assert_eq!(of(AlertKind::Dormant), ["张卫东", "单杰"]);
    let expiring = alerts
        .iter()
        .find(|a| a.kind == AlertKind::AssessmentExpiring)
        .unwrap();
    assert!(expiring.reason.contains("2026-12-10") && expiring.reason.contains("15 天"));
    // Everyone in the fixture was born on 31 December 1949.
    assert!(of(AlertKind::Birthday).is_empty());
    let new_year = store.book_alerts(day(2026, 12, 27)).unwrap();
    let birthdays: Vec<_> = new_year
        .iter()
        .filter(|a| a.kind == AlertKind::Birthday)
        .collect();
    assert_eq!(birthdays.len(), 5);
    assert!(birthdays[0].reason.contains("12月31日 77 岁"));

    // A large transfer out against recent assets, and a complaint near its deadline.
    apply(
        &mut store,
        vec![
            Record::AssetMonth(AssetMonthRecord {
                id: "M5".into(),
                client_id: "C0000005".into(),
                month: day(2026, 10, 1),
                total_assets: Fen::from_yuan(1_500_000),
            }),
            Record::CashTransfer(CashTransferRecord {
                id: "X5".into(),
                client_id: "C0000005".into(),
                account_id: "A0000005".into(),
                transferred_at: Utc.with_ymd_and_hms(2026, 11, 24, 3, 0, 0).unwrap(),
                direction: TransferDirection::Out,
                amount: Fen::from_yuan(600_000),
            }),
            Record::ServiceCase(ServiceCaseRecord::open_complaint(
                "S1",
                "C0000001",
                day(2026, 11, 20),
                day(2026, 11, 26),
                "佣金收费疑问",
            )),
        ],
    );
    let alerts = store.book_alerts(TODAY).unwrap();
    assert_eq!(
        alerts[0].kind,
        AlertKind::ComplaintDeadline,
        "the most pressing first"
    );
    assert!(alerts[0].reason.contains("佣金收费疑问") && alerts[0].reason.contains("2026-11-26"));
    let outflow = alerts
        .iter()
        .find(|a| a.kind == AlertKind::AssetOutflow)
        .unwrap();
    assert_eq!(outflow.client_name.as_deref(), Some("王芳"));
    assert!(outflow.reason.contains("¥600,000.00") && outflow.reason.contains("40%"));
    // A week later the transfer is no longer news.
    let later = store.book_alerts(day(2026, 12, 2)).unwrap();
    assert!(later.iter().all(|a| a.kind != AlertKind::AssetOutflow));
}
