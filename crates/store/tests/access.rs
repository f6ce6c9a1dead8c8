//! Personal data in the cache: reveal and export leave audit entries, the file holds nothing in
//! clear, and the 360° profile carries its parts.

use crate::common::{book, now, TODAY};
use domain::{AssessmentStatus, Fen, SensitiveField};
use protocol::MutationOp;
use store::{ClientQuery, DbKey, Store, StoreError, WriteIds};

#[test]
fn reveal_needs_a_reason_and_leaves_an_audit_entry_in_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book(dir.path());
    let ids = |n: u32| WriteIds {
        mutation_id: format!("m-{n}"),
        record_id: format!("A-{n}"),
    };
    match store.reveal(ids(1), "C0000001", SensitiveField::IdNumber, "看看", now()) {
        Err(StoreError::Invalid(m)) => assert!(m.contains("事由"), "{m}"),
        other => panic!("a reason of two characters must be refused, got {other:?}"),
    }
    assert!(
        store.access_log(None, 10).unwrap().is_empty(),
        "a refused reveal leaves no entry"
    );
    let clear = store
        .reveal(
            ids(2),
            "C0000001",
            SensitiveField::IdNumber,
            "客户来电核实身份",
            now(),
        )
        .unwrap();
    assert_eq!(clear, "11010519491231002X");
    let log = store.access_log(Some("C0000001"), 10).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].client_name.as_deref(), Some("张伟"));
    assert!(log[0].pending);
    let outbox = store.outbox_batch(10).unwrap();
    assert!(matches!(&outbox[0].op, MutationOp::RecordAccess(e) if e.reason == "客户来电核实身份"));

    store
        .record_export(
            ids(3),
            "季度客户回访名单",
            "导出客户名单 5 条（CSV，个人信息已脱敏）",
            now(),
        )
        .unwrap();
    let rows = store
        .export_rows(&ClientQuery::default(), TODAY, false)
        .unwrap();
    assert_eq!(rows.len(), 5);
    assert!(rows
        .iter()
        .all(|r| r.id_number.contains("***") && r.mobile.contains("****")));
    let clear_rows = store
        .export_rows(&ClientQuery::default(), TODAY, true)
        .unwrap();
    assert!(clear_rows.iter().all(|r| !r.id_number.contains('*')));
    assert_eq!(store.access_log(None, 10).unwrap().len(), 2);
}

#[test]
fn the_file_on_disk_holds_no_name_or_id_number_in_clear() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = book(dir.path());
        assert_eq!(store.client_count().unwrap(), 5);
    }
    let needles: [&[u8]; 4] = [
        "张卫东".as_bytes(),
        b"11010519491231002X",
        b"13812345678",
        b"zhangweidong",
    ];
    for entry in std::fs::read_dir(dir.path()).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        for needle in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{} holds {} in clear",
                entry.path().display(),
                String::from_utf8_lossy(needle)
            );
        }
    }
    assert!(matches!(
        Store::open(&dir.path().join("book.db"), &DbKey([8; 32])),
        Err(StoreError::WrongKey)
    ));
}

#[test]
fn the_profile_carries_the_360_parts() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    let p = store.client_profile("C0000005", TODAY).unwrap().unwrap();
    assert_eq!(p.serving_broker_name, "马婷");
    assert_eq!(p.age, Some(76));
    assert_eq!(p.trades.len(), 1);
    assert_eq!(p.trades[0].net_commission, Fen(2_938));
    assert_eq!(p.assessment_status, AssessmentStatus::Valid);
    assert_eq!(
        p.allocation.len(),
        1,
        "cash only: the client holds no securities"
    );
    let report = store.contribution(TODAY).unwrap();
    assert_eq!(report.clients[0].name, "王芳");
    assert_eq!((report.total, report.clients_for_80), (Fen(2_938), 1));
}
