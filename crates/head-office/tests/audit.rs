//! The audit export as head-office IT reads it, on a real head office (SQLite, or PostgreSQL when
//! the run is on it): an event a desk reports late, with a backdated time, is in the export of the
//! day head office received it, with both times; an over-long reason is kept, cut to a usable length.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use demo_firm::{self as demo, DemoParams};
use domain::{AccessAction, SensitiveField};
use head_office::audit;
use head_office_storage::test_support;
use head_office_storage::{SqlStorage, Storage};
use protocol::{AccessEventRecord, Mutation, MutationOp, MutationOutcome};

/// 10:00 in Beijing on the firm's day.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_late_backdated_event_is_exported_on_the_day_head_office_received_it() {
    let dir = tempfile::tempdir().unwrap();
    let storage = SqlStorage::open(&test_support::fresh_database(dir.path()).unwrap()).unwrap();
    let params = DemoParams {
        clients: 120,
        demo_broker_clients: 20,
        trades_per_client: 1,
        ..DemoParams::standard(day(2026, 11, 25))
    };
    storage
        .import_firm(demo::generate(&params).unwrap())
        .unwrap();

    // The desk says it happened ten days ago (it was offline, or its clock is wrong).
    let claimed = now() - Duration::days(10);
    let event = AccessEventRecord {
        id: "AL-late".into(),
        action: AccessAction::Reveal,
        client_id: Some("C0000001".into()),
        field: Some(SensitiveField::IdNumber),
        reason: "核对身份".repeat(2_000),
        detail: String::new(),
        at: claimed,
    };
    let mutation = Mutation {
        id: "m-late".into(),
        made_at: claimed,
        op: MutationOp::RecordAccess(event),
    };
    let outcome = storage.apply_mutation("B001", &mutation, now()).unwrap();
    assert_eq!(
        outcome,
        MutationOutcome::Applied,
        "a trace is never refused"
    );

    let claimed_day = day(2026, 11, 15);
    assert!(audit::entries_in(&storage, claimed_day, claimed_day)
        .unwrap()
        .is_empty());
    let today = audit::entries_in(&storage, day(2026, 11, 25), day(2026, 11, 25)).unwrap();
    assert_eq!(today.len(), 1, "{today:?}");
    let entry = &today[0];
    assert_eq!(entry.at, claimed);
    assert_eq!(entry.received_at, now());
    assert!(entry.reason.chars().count() < 600, "the reason is cut");
    assert!(entry.reason.starts_with("核对身份核对身份"));
    assert!(entry.reason.ends_with("（超长，已截断）"));

    let csv = audit::to_csv(&today);
    assert!(csv.starts_with("\u{feff}时间,总部接收时间,"), "{csv}");
    assert!(
        csv.contains("2026-11-15 10:00:00,2026-11-25 10:00:00,broker01,查看,C0000001,身份证号"),
        "{csv}"
    );
}
