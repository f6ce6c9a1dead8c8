//! What head office keeps as written (the operation log, what the library published when) is
//! guarded by the database itself, on either backend: no code path, and no hand-typed SQL in a
//! maintenance session, can change or remove a row.

use super::SqlStorage;
use crate::staff::{NewStaffAction, StaffDesk};
use crate::test_support::fresh_database;
use chrono::{TimeZone, Utc};

fn storage(dir: &std::path::Path) -> SqlStorage {
    SqlStorage::open(&fresh_database(dir).unwrap()).unwrap()
}

fn refused(storage: &SqlStorage, sql: &str) {
    let tried = storage.write(|db| db.execute(sql, &[]));
    assert!(tried.is_err(), "{sql} went through");
}

#[test]
fn the_operation_log_cannot_be_changed_or_removed() {
    let dir = tempfile::tempdir().unwrap();
    let storage = storage(dir.path());
    storage
        .record_staff_action(&NewStaffAction {
            id: "act-1",
            at: Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
            user_id: "H01",
            action: "客户划转",
            subject: "C0000001",
            detail: "原经纪人调岗",
        })
        .unwrap();
    refused(&storage, "UPDATE staff_actions SET detail = '改写'");
    refused(&storage, "DELETE FROM staff_actions");
    assert_eq!(
        storage
            .first_column_text("SELECT detail FROM staff_actions")
            .unwrap(),
        vec!["原经纪人调岗".to_string()]
    );
}

#[test]
fn what_the_library_published_cannot_be_changed_or_removed() {
    let dir = tempfile::tempdir().unwrap();
    let storage = storage(dir.path());
    storage
        .write(|db| {
            db.execute(
                "INSERT INTO library_publications (product_id, version, approval, approval_ref, \
                 reviewed_by, note, record, published_at) \
                 VALUES ('P1', 1, 'approved', '合规审 2026-0001', 'C01', '通过', '{}', \
                 '2026-11-25T02:00:00Z')",
                &[],
            )
        })
        .unwrap();
    refused(
        &storage,
        "UPDATE library_publications SET approval_ref = '合规审 2026-9999'",
    );
    refused(&storage, "DELETE FROM library_publications");
    assert_eq!(
        storage
            .first_column_text("SELECT approval_ref FROM library_publications")
            .unwrap(),
        vec!["合规审 2026-0001".to_string()]
    );
}
