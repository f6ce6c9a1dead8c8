//! The client list over a 10,000-client book (issue 4's budget: search p95 ≤ 10 ms): a mixed set
//! of the searches brokers type (pinyin initials, part of a name, phone tail, account number),
//! each asking for the first page of 200 rows with the total, as the window does.

use demo_firm::{self as demo, DemoParams};
use protocol::{Change, PullPage, Record};
use rand::{Rng, SeedableRng};
use std::time::{Duration, Instant};
use store::{ClientQuery, DbKey, Store};
use system_tests::TODAY;

const CLIENTS: usize = 10_000;
const PAGE: u32 = 200;
/// The kinds of search in `searches`, in the order they rotate.
const KINDS: [&str; 5] = [
    "pinyin initials",
    "given name",
    "phone tail",
    "account number",
    "surname",
];

fn ten_thousand_clients() -> DemoParams {
    DemoParams {
        clients: CLIENTS,
        brokers: 1,
        demo_broker_clients: CLIENTS,
        trades_per_client: 6,
        notes_per_client: 2,
        ..system_tests::small_firm()
    }
}

/// Loads the generated book straight into an encrypted cache, in feed-sized pages.
fn load(store: &mut Store) -> Vec<Record> {
    let firm = demo::generate(&ten_thousand_clients()).expect("demo firm");
    let mut clients_and_accounts = Vec::new();
    let mut changes = Vec::new();
    let mut seq = 0;
    for book in firm.books {
        let records = std::iter::once(Record::Client(book.client))
            .chain(book.accounts.into_iter().map(Record::Account))
            .chain(
                book.risk_assessments
                    .into_iter()
                    .map(Record::RiskAssessment),
            )
            .chain(book.trades.into_iter().map(Record::Trade))
            .chain(book.contact_notes.into_iter().map(Record::ContactNote))
            .chain(book.service);
        for record in records {
            if matches!(record, Record::Client(_) | Record::Account(_)) {
                clients_and_accounts.push(record.clone());
            }
            seq += 1;
            changes.push(Change::Upsert { seq, record });
            if changes.len() == 5_000 {
                let page = PullPage {
                    changes: std::mem::take(&mut changes),
                    cursor: seq,
                    has_more: true,
                    remaining: 0,
                    epoch: String::new(),
                };
                store.apply_page(&page).expect("apply");
            }
        }
    }
    let page = PullPage {
        changes,
        cursor: seq,
        has_more: false,
        remaining: 0,
        epoch: String::new(),
    };
    store.apply_page(&page).expect("apply");
    clients_and_accounts
}

/// What brokers type, drawn from the book itself so that every search finds someone.
fn searches(records: &[Record]) -> Vec<String> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(4);
    let clients: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            Record::Client(c) => Some(c),
            _ => None,
        })
        .collect();
    let accounts: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            Record::Account(a) => Some(a),
            _ => None,
        })
        .collect();
    (0..400)
        .map(|i| {
            let c = clients[rng.gen_range(0..clients.len())];
            let name: Vec<char> = c.name.chars().collect();
            match i % 5 {
                0 => name.iter().map(|ch| pinyin_initial(*ch)).collect(),
                1 => name[1..].iter().collect(),
                2 => c.mobile[c.mobile.len() - 4..].to_string(),
                3 => accounts[rng.gen_range(0..accounts.len())]
                    .account_no
                    .clone(),
                _ => name[..1].iter().collect(),
            }
        })
        .collect()
}

fn pinyin_initial(ch: char) -> char {
    use pinyin::ToPinyin;
    ch.to_pinyin()
        .and_then(|p| p.first_letter().chars().next())
        .unwrap_or(ch)
}

pub fn run(percentile: fn(&mut [Duration], f64) -> f64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("search.db"), &DbKey([5; 32])).expect("store");
    eprintln!("bench: loading a book of {CLIENTS} clients…");
    let records = load(&mut store);
    assert_eq!(store.client_count().expect("count"), CLIENTS as u64);

    let mut first_pages = Vec::new();
    for _ in 0..50 {
        let started = Instant::now();
        let page = store
            .list_clients(
                &ClientQuery {
                    limit: PAGE,
                    ..Default::default()
                },
                TODAY,
            )
            .expect("list");
        first_pages.push(started.elapsed());
        assert_eq!(page.rows.len(), PAGE as usize);
    }
    let mut timings = Vec::new();
    let mut by_kind: Vec<Vec<Duration>> = vec![Vec::new(); KINDS.len()];
    let mut found = 0;
    for (i, text) in searches(&records).into_iter().enumerate() {
        let query = ClientQuery {
            search: Some(text),
            limit: PAGE,
            ..Default::default()
        };
        let started = Instant::now();
        let page = store.list_clients(&query, TODAY).expect("search");
        timings.push(started.elapsed());
        by_kind[i % KINDS.len()].push(started.elapsed());
        found += usize::from(page.total > 0);
    }
    for (kind, samples) in KINDS.iter().zip(by_kind.iter_mut()) {
        eprintln!(
            "profile: search by {kind}: p95 {:.2} ms",
            percentile(samples, 0.95)
        );
    }
    eprintln!("bench: {found} of {} searches found someone", timings.len());
    println!(
        "bench: client_search_p95_ms {:.2}",
        percentile(&mut timings, 0.95)
    );
    println!(
        "bench: client_list_first_page_ms {:.2}",
        percentile(&mut first_pages, 0.95)
    );
    palette(&store, &records, percentile);
}

/// The command palette asks at every keystroke: each search is typed a character at a time,
/// over a desk whose broker has opened fifty clients lately.
fn palette(store: &Store, records: &[Record], percentile: fn(&mut [Duration], f64) -> f64) {
    let opened = records.iter().filter_map(|r| match r {
        Record::Client(c) => Some(c.id.clone()),
        _ => None,
    });
    for (i, id) in opened.step_by(197).take(50).enumerate() {
        let at = system_tests::now() + chrono::Duration::minutes(i as i64);
        store.note_client_opened(&id, at).expect("note opened");
    }
    let mut keystrokes = Vec::new();
    for text in searches(records) {
        let chars: Vec<char> = text.chars().collect();
        for typed in 1..=chars.len() {
            let prefix: String = chars[..typed].iter().collect();
            let started = Instant::now();
            let found = store.palette_clients(&prefix).expect("palette");
            keystrokes.push(started.elapsed());
            assert!(found.len() <= store::PALETTE_CLIENTS as usize);
        }
    }
    eprintln!("bench: {} palette keystrokes", keystrokes.len());
    println!(
        "bench: palette_search_p95_ms {:.2}",
        percentile(&mut keystrokes, 0.95)
    );
}
