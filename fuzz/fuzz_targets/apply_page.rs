//! The desk applying a pull page into its encrypted cache (`Store::apply_page`), as it does with
//! whatever head office (or anything posing as it) sends: it must apply the page, or refuse it
//! whole with an error, and never panic. What it applied must read back, and applying the same
//! page again (a sync resumed, or pulled again from 0 after a head-office restore) must work too.
//!
//! Every input gets a fresh in-memory cache, so a crash reproduces from its input alone.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use protocol::{Change, PullPage, Record};
use std::path::Path;
use store::{ClientQuery, DbKey, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("a real day")
}

fuzz_target!(|data: &[u8]| {
    let Ok(page) = serde_json::from_slice::<PullPage>(data) else {
        return;
    };
    let mut store =
        Store::open(Path::new(":memory:"), &DbKey([7; 32])).expect("an in-memory cache opens");
    match store.apply_page(&page) {
        Ok(applied) => {
            assert_eq!(applied, page.changes.len());
            assert_eq!(store.cursor().expect("the cursor reads back"), page.cursor);
            // What the window shows of the clients the page touched must load or fail cleanly.
            for change in &page.changes {
                if let Change::Upsert {
                    record: Record::Client(c),
                    ..
                } = change
                {
                    let _ = store.client_profile(&c.id, today());
                }
            }
            let query = ClientQuery {
                limit: 50,
                ..ClientQuery::default()
            };
            let _ = store.list_clients(&query, today());
            let clients = store.client_count().expect("clients count");
            store
                .apply_page(&page)
                .expect("a page that applied once applies again");
            assert_eq!(store.client_count().expect("clients count"), clients);
        }
        Err(_) => {
            // Refused whole: neither the cursor nor any row moved.
            assert_eq!(store.cursor().expect("the cursor reads back"), 0);
            assert_eq!(store.client_count().expect("clients count"), 0);
        }
    }
});
