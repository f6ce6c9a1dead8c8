//! `make bench`: the sync figures of DESIGN.md's budgets, on the benchmark book made by the demo
//! generator (one broker, 2,000 clients, about 300,000 rows), head office on loopback, each figure
//! on its own `bench:` line. Run in release mode; never part of `make test`.

mod import_bench;
mod load_bench;
mod open_loop_bench;
mod read_bench;
mod search_bench;

use demo_firm::DemoParams;
use head_office_storage::{DatabaseLocation, Storage};
use protocol::{Change, PullQuery, Record, SignInRequest};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::{DbKey, NewContactNote, Store, WriteIds};
use sync::{HeadOffice, SyncEngine};
use system_tests::now;
use system_tests::{MemoryVault, TestHeadOffice, PASSWORD};

fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i].as_secs_f64() * 1_000.0
}

fn benchmark_book() -> DemoParams {
    DemoParams {
        clients: 2_000,
        brokers: 1,
        demo_broker_clients: 2_000,
        trades_per_client: 100,
        notes_per_client: 20,
        ..system_tests::small_firm()
    }
}

fn note(client_id: &str, i: usize) -> NewContactNote {
    NewContactNote {
        client_id: client_id.to_string(),
        channel: "phone".into(),
        summary: format!("基准测试电话记录 {i}"),
        follow_up_on: None,
    }
}

#[tokio::main]
async fn main() {
    // Head office's own account of a failed request (the load test counts them as errors).
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "head_office=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    // `bench load` runs only the head-office load test; `bench load-pg` only its PostgreSQL half;
    // `bench open-loop` only the open-loop model (issue 17);
    // `bench search` only the client list and palette figures; `bench import` only the import; `bench reads` only the reads
    // during a first sync; `bench sync` only the first and incremental sync figures.
    match std::env::args().nth(1).as_deref() {
        Some("load") => return load(true).await,
        Some("sync") => {
            let head_office = TestHeadOffice::start(&benchmark_book()).await;
            let dir = tempfile::tempdir().expect("temp dir");
            return sync_figures(&head_office, dir.path()).await;
        }
        Some("load-pg") => return load(false).await,
        Some("open-loop") => return open_loop_bench::run(&replica_bin()).await,
        Some("search") => return search_bench::run(percentile),
        Some("import") => return import_bench::run(),
        Some("reads") => {
            let head_office = TestHeadOffice::start(&benchmark_book()).await;
            let dir = tempfile::tempdir().expect("temp dir");
            return read_bench::run(&head_office.base_url(), dir.path(), percentile).await;
        }
        _ => {}
    }
    search_bench::run(percentile);
    import_bench::run();
    eprintln!("bench: generating the benchmark book…");
    let head_office = TestHeadOffice::start(&benchmark_book()).await;
    let dir = tempfile::tempdir().expect("temp dir");
    sync_figures(&head_office, dir.path()).await;
    read_bench::run(&head_office.base_url(), dir.path(), percentile).await;
    drop(head_office);
    load(true).await;
    open_loop_bench::run(&replica_bin()).await;
}

/// `hq-replica`, built beside this binary (`scripts/bench.sh` builds both).
fn replica_bin() -> std::path::PathBuf {
    let me = std::env::current_exe().expect("the bench binary's path");
    me.with_file_name("hq-replica")
}

/// The first sync against a plain insert of the same rows, local writes, incremental syncs.
async fn sync_figures(head_office: &TestHeadOffice, dir: &std::path::Path) {
    let url = head_office.base_url();
    let key = [9u8; 32];

    // The same rows, fetched up front, inserted plainly into the same schema and encryption.
    let ho = HeadOffice::new(&url).expect("url");
    let tokens = ho
        .sign_in(&SignInRequest {
            username: "broker01".into(),
            password: PASSWORD.into(),
            device_id: "raw".into(),
        })
        .await
        .expect("sign in");
    let mut records: Vec<Record> = Vec::new();
    let mut pages = Vec::new();
    let mut cursor = 0;
    let fetch_started = Instant::now();
    loop {
        let page = ho
            .pull(
                &tokens.access_token,
                PullQuery {
                    cursor,
                    limit: PullQuery::MAX_LIMIT,
                    count: cursor == 0,
                },
            )
            .await
            .expect("pull");
        records.extend(page.changes.iter().filter_map(|c| match c {
            Change::Upsert { record, .. } => Some(record.clone()),
            Change::Remove { .. } => None,
        }));
        cursor = page.cursor;
        let more = page.has_more;
        pages.push(page);
        if !more {
            break;
        }
    }
    eprintln!(
        "profile: pulling the same {} rows over HTTP without applying them took {:.3} s",
        records.len(),
        fetch_started.elapsed().as_secs_f64()
    );
    let mut apply_store = Store::open(&dir.join("apply.db"), &DbKey(key)).expect("store");
    let apply_started = Instant::now();
    for page in &pages {
        apply_store.apply_page(page).expect("apply");
    }
    eprintln!(
        "profile: applying those pages to an empty cache, no network, took {:.3} s",
        apply_started.elapsed().as_secs_f64()
    );
    // First sync of the whole book into an empty encrypted cache.
    let store = Arc::new(Mutex::new(
        Store::open(&dir.join("sync.db"), &DbKey(key)).expect("store"),
    ));
    let engine = SyncEngine::new(
        HeadOffice::new(&url).expect("url"),
        "bench".into(),
        Arc::new(MemoryVault::default()),
        system_tests::test_clock(),
    );
    engine.sign_in("broker01", PASSWORD).await.expect("sign in");
    let started = Instant::now();
    let report = engine
        .sync_once(store.clone(), |_| {})
        .await
        .expect("initial sync");
    let initial = started.elapsed().as_secs_f64();
    eprintln!(
        "bench: initial sync brought {} rows in {} pages",
        report.pulled, report.pages
    );

    // The 360° as the window asks for it, for every client of the book.
    let mut profiles = Vec::new();
    {
        let store = store.lock().expect("lock");
        let today = domain::clock::shanghai_date(now());
        for r in &records {
            if let Record::Client(c) = r {
                let started = Instant::now();
                store.client_profile(&c.id, today).expect("profile");
                profiles.push(started.elapsed());
            }
        }
    }
    eprintln!(
        "profile: the store's 360° of each client: p95 {:.2} ms, slowest {:.2} ms",
        percentile(&mut profiles, 0.95),
        percentile(&mut profiles, 1.0)
    );
    let mut raw_store = Store::open(&dir.join("raw.db"), &DbKey(key)).expect("store");
    let started = Instant::now();
    raw_store.bulk_insert_raw(&records).expect("raw insert");
    let raw = started.elapsed().as_secs_f64();

    // Local writes: one contact note each, row and outbox in one transaction.
    let clients: Vec<String> = records
        .iter()
        .filter_map(|r| match r {
            Record::Client(c) => Some(c.id.clone()),
            _ => None,
        })
        .collect();
    let mut writes = Vec::with_capacity(1_000);
    for i in 0..1_000 {
        let ids = WriteIds {
            mutation_id: format!("bench-w-{i}"),
            record_id: format!("bench-N-{i}"),
        };
        let n = note(&clients[i % clients.len()], i);
        let started = Instant::now();
        store
            .lock()
            .expect("lock")
            .add_contact_note(ids, "B001", &n, now())
            .expect("write");
        writes.push(started.elapsed());
    }
    engine
        .sync_once(store.clone(), |_| {})
        .await
        .expect("push the writes");

    // Incremental sync: one mutation pushed, then a pull of what changed (a handful of rows).
    let mut rounds = Vec::with_capacity(200);
    for i in 0..200 {
        let client = &clients[(i * 7) % clients.len()];
        let mobile = domain::Mobile::parse(&format!("139{:08}", i)).expect("mobile");
        head_office
            .storage
            .correct_client_mobile(client, &mobile)
            .expect("change at head office");
        let ids = WriteIds {
            mutation_id: format!("bench-i-{i}"),
            record_id: format!("bench-I-{i}"),
        };
        store
            .lock()
            .expect("lock")
            .add_contact_note(ids, "B001", &note(client, i), now())
            .expect("write");
        let started = Instant::now();
        let r = engine
            .sync_once(store.clone(), |_| {})
            .await
            .expect("incremental sync");
        rounds.push(started.elapsed());
        assert!(
            r.pushed == 1 && r.pulled <= 100,
            "one push and a small pull: {r:?}"
        );
    }

    println!("bench: initial_sync_seconds {initial:.3}");
    println!("bench: raw_insert_seconds {raw:.3}");
    println!("bench: initial_sync_vs_raw_insert {:.3}", raw / initial);
    println!(
        "bench: incremental_sync_p50_ms {:.2}",
        percentile(&mut rounds, 0.50)
    );
    println!(
        "bench: incremental_sync_p95_ms {:.2}",
        percentile(&mut rounds, 0.95)
    );
    println!(
        "bench: local_write_p95_ms {:.3}",
        percentile(&mut writes, 0.95)
    );
}

/// Many brokers syncing at once against one head office (`BROKERDESK_LOAD_BROKERS`, 200 by
/// default, for `BROKERDESK_LOAD_SECONDS`, 30 by default): on the embedded SQLite storage, then on
/// PostgreSQL when `BROKERDESK_TEST_PG_URL` names a server (`make bench` starts a throwaway one).
async fn load(with_sqlite: bool) {
    let number = |var: &str, default: u64| {
        std::env::var(var)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let brokers = number("BROKERDESK_LOAD_BROKERS", 200) as usize;
    let seconds = Duration::from_secs(number("BROKERDESK_LOAD_SECONDS", 30));
    let params = DemoParams {
        brokers,
        clients: brokers * 100,
        demo_broker_clients: 100,
        trades_per_client: 4,
        notes_per_client: 2,
        ..system_tests::small_firm()
    };
    if with_sqlite {
        eprintln!("bench: a firm of {brokers} brokers on SQLite for the load test…");
        let sqlite = TestHeadOffice::start_on(&params, |dir| {
            DatabaseLocation::Sqlite(dir.join("head-office.db"))
        })
        .await;
        let figures = load_bench::run(&sqlite.base_url(), brokers, seconds).await;
        figures.print("hq_sqlite");
    }
    if std::env::var("BROKERDESK_TEST_PG_URL").is_err() {
        eprintln!("bench: BROKERDESK_TEST_PG_URL is not set; no PostgreSQL figures");
        return;
    }
    eprintln!("bench: the same firm on PostgreSQL…");
    let pg = TestHeadOffice::start_on(&params, |_| {
        head_office_storage::test_support::fresh_postgres_database().expect("a PostgreSQL database")
    })
    .await;
    let figures = load_bench::run(&pg.base_url(), brokers, seconds).await;
    figures.print("hq_pg");
}
