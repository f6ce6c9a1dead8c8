//! A small demo firm on a fresh database, on a fixed day.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use demo_firm::{self as demo, DemoParams};
use head_office_storage::{test_support, SqlStorage, Storage};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
}

pub fn firm() -> (tempfile::TempDir, SqlStorage) {
    let dir = tempfile::tempdir().unwrap();
    let storage = SqlStorage::open(&test_support::fresh_database(dir.path()).unwrap()).unwrap();
    let params = DemoParams {
        clients: 60,
        demo_broker_clients: 20,
        trades_per_client: 1,
        ..DemoParams::standard(today())
    };
    storage
        .import_firm(demo::generate(&params).unwrap())
        .unwrap();
    (dir, storage)
}
