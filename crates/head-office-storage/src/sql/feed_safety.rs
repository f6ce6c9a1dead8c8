//! The change feed never steps over a change that commits late. On PostgreSQL a transaction can
//! hold a lower seq while one with a higher seq commits first; these tests hold such a transaction
//! open, with the real writer and reader code, and look at what a desk would pull meanwhile.

use super::{DatabaseLocation, SqlStorage};
use crate::pay::PaySettings;
use crate::seed::{ClientBook, FirmSeed, OrgUnitSeed, UserSeed};
use crate::Storage;
use chrono::NaiveDate;
use domain::{Fen, InvestorClass, Mobile, Tier};
use protocol::{Change, ClientRecord, PullQuery, Record, Role};
use rusqlite::params;
use std::sync::{Arc, Barrier};

/// Two clients in B001's book: all the tests need. Built here, so storage tests need no generator.
fn two_clients() -> FirmSeed {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let client = |n: u32| ClientBook {
        client: ClientRecord {
            id: format!("C{n:07}"),
            name: format!("客户{n}"),
            id_number: String::new(),
            mobile: format!("1380000000{n}"),
            investor_class: InvestorClass::Ordinary,
            tier: Tier::Standard,
            total_assets: Fen(1_000_000),
            opened_on: as_of,
            serving_broker_id: "B001".into(),
            serving_broker_name: String::new(),
            developing_broker_id: "B001".into(),
            developing_broker_name: String::new(),
            last_contact_at: None,
            tags: Vec::new(),
            version: 1,
            id_expires_on: None,
            co_server: None,
        },
        accounts: Vec::new(),
        holdings: Vec::new(),
        trades: Vec::new(),
        asset_months: Vec::new(),
        risk_assessments: Vec::new(),
        contact_notes: Vec::new(),
        service: Vec::new(),
    };
    FirmSeed {
        units: vec![OrgUnitSeed {
            id: "HQ".into(),
            parent_id: None,
            name: "总部".into(),
        }],
        users: vec![UserSeed {
            id: "B001".into(),
            username: "broker01".into(),
            display_name: "经纪人一".into(),
            role: Role::Broker,
            password_hash: "unused".into(),
            org_unit_id: "HQ".into(),
        }],
        books: Box::new(vec![client(1), client(2)].into_iter()),
        library: Vec::new(),
        pay: PaySettings::default(),
        statement_months: Vec::new(),
        as_of,
        tasks: Vec::new(),
        market_events: Vec::new(),
        transfer_requests: Vec::new(),
        comments: Vec::new(),
        broker_placements: Vec::new(),
        placement_history: Vec::new(),
    }
}

/// A firm on PostgreSQL, or `None` on SQLite. A setup that fails is a failure, never a pass.
fn firm() -> Option<(tempfile::TempDir, SqlStorage)> {
    let dir = tempfile::tempdir().expect("temporary directory");
    let location = crate::test_support::fresh_database(dir.path()).expect("test database");
    if !matches!(location, DatabaseLocation::Postgres(_)) {
        // SQLite writes one transaction at a time: seq order is commit order by construction.
        eprintln!("feed safety: SQLite run, nothing can commit out of order; skipped");
        return None;
    }
    let storage = SqlStorage::open(&location).expect("open the test database");
    storage.import_firm(two_clients()).expect("import");
    Some((dir, storage))
}

fn pull_all(storage: &SqlStorage, cursor: u64) -> (Vec<Change>, u64) {
    let mut changes = Vec::new();
    let mut cursor = cursor;
    loop {
        let page = storage
            .pull("B001", cursor, PullQuery::MAX_LIMIT)
            .expect("pull");
        changes.extend(page.changes);
        cursor = page.cursor;
        if !page.has_more {
            return (changes, cursor);
        }
    }
}

fn client_changed(changes: &[Change], client_id: &str) -> Option<u64> {
    changes.iter().find_map(|c| match c {
        Change::Upsert {
            seq,
            record: Record::Client(r),
        } if r.id == client_id => Some(*seq),
        _ => None,
    })
}

#[test]
fn a_cursor_waits_for_a_lower_seq_still_in_flight() {
    let Some((_dir, storage)) = firm() else {
        return;
    };
    let storage = Arc::new(storage);
    let (_, start) = pull_all(&storage, 0);
    let book: Vec<String> = storage
        .first_column_text("SELECT id FROM clients WHERE broker_id = 'B001' ORDER BY id")
        .expect("book");
    let (early, late) = (book[0].clone(), book[1].clone());

    // A head-office write takes its seq and then stays open, as a slow transaction would.
    let taken = Arc::new(Barrier::new(2));
    let release = Arc::new(Barrier::new(2));
    let slow = {
        let (storage, taken, release, early) = (
            storage.clone(),
            taken.clone(),
            release.clone(),
            early.clone(),
        );
        std::thread::spawn(move || {
            storage.write(|db| {
                let seq = db.next_seq()?;
                db.execute(
                    "UPDATE clients SET mobile = '13900000001', version = version + 1, seq = ?2 \
                     WHERE id = ?1",
                    params![early, seq],
                )?;
                taken.wait();
                release.wait();
                Ok(seq)
            })
        })
    };
    taken.wait();
    // A later change commits first, with a higher seq.
    let mobile = Mobile::parse("13900000002").expect("mobile");
    storage
        .correct_client_mobile(&late, &mobile)
        .expect("later change");
    let (meanwhile, held_cursor) = pull_all(&storage, start);
    assert_eq!(
        client_changed(&meanwhile, &late),
        None,
        "the later change was served while a lower seq was still open"
    );
    assert!(meanwhile.is_empty(), "{meanwhile:?}");
    assert_eq!(held_cursor, start, "the cursor moved past an open seq");

    release.wait();
    let early_seq = slow.join().expect("slow writer").expect("committed");
    let (after, _) = pull_all(&storage, held_cursor);
    assert_eq!(
        client_changed(&after, &early),
        u64::try_from(early_seq).ok()
    );
    assert!(client_changed(&after, &late).is_some_and(|s| s > held_cursor));
}
