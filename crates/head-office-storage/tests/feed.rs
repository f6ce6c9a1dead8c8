//! The change feed's paging, on either backend: a desk that does not ask for the count still gets
//! every page, and one that asks gets what remains.

use chrono::NaiveDate;
use demo_firm::{self as demo, DemoParams};
use head_office_storage::test_support;
use head_office_storage::{SqlStorage, Storage};
use protocol::{Change, PullQuery};

fn pages(storage: &SqlStorage, limit: u32, count: bool) -> (Vec<u64>, Vec<u64>) {
    let (mut seqs, mut remaining) = (Vec::new(), Vec::new());
    let mut cursor = 0;
    loop {
        let page = storage
            .pull_page(
                "B001",
                &PullQuery {
                    cursor,
                    limit,
                    count,
                },
            )
            .unwrap();
        assert!(page.changes.len() <= limit as usize);
        seqs.extend(page.changes.iter().map(Change::seq));
        remaining.push(page.remaining);
        cursor = page.cursor;
        if !page.has_more {
            return (seqs, remaining);
        }
    }
}

#[test]
fn every_page_arrives_whether_or_not_the_rest_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let storage = SqlStorage::open(&test_support::fresh_database(dir.path()).unwrap()).unwrap();
    let params = DemoParams {
        clients: 200,
        demo_broker_clients: 12,
        trades_per_client: 2,
        ..DemoParams::standard(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
    };
    storage
        .import_firm(demo::generate(&params).unwrap())
        .unwrap();

    let (counted, remaining) = pages(&storage, 97, true);
    let (uncounted, zeros) = pages(&storage, 97, false);
    assert!(counted.len() > 3 * 97, "a book of several pages");
    assert_eq!(counted, uncounted);
    assert!(counted.windows(2).all(|w| w[0] < w[1]), "in seq order");
    // What remains after each page, down to nothing.
    let total = counted.len();
    for (page, r) in remaining.iter().enumerate() {
        let delivered = total.min((page + 1) * 97);
        assert_eq!(*r, (total - delivered) as u64, "page {page}");
    }
    assert!(zeros.iter().all(|r| *r == 0));
}
