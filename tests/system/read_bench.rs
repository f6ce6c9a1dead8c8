//! What the window meets while a first sync applies the benchmark book: the client list's first
//! page asked every 20 ms, on a reading connection of its own (as the desk asks) and, to show
//! what that connection saves, through the sync's own writing connection, where each read
//! waits for the page being applied.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::{ClientQuery, DbKey, Store};
use sync::{HeadOffice, SyncEngine};
use system_tests::{MemoryVault, PASSWORD, TODAY};

const EVERY: Duration = Duration::from_millis(20);

fn first_page() -> ClientQuery {
    ClientQuery {
        limit: 200,
        ..Default::default()
    }
}

/// Reads as the window would during one first sync into a fresh cache at `path`; `own` says
/// whether they go to a reading connection of their own.
async fn reads_during_first_sync(url: &str, path: &std::path::Path, own: bool) -> Vec<Duration> {
    let store = Store::open(path, &DbKey([9; 32])).expect("store");
    let reader = own.then(|| store.reader().expect("reader"));
    let store = Arc::new(Mutex::new(store));
    let engine = SyncEngine::new(
        HeadOffice::new(url).expect("url"),
        "bench-reads".into(),
        Arc::new(MemoryVault::default()),
        system_tests::test_clock(),
    );
    engine.sign_in("broker01", PASSWORD).await.expect("sign in");
    let done = Arc::new(AtomicBool::new(false));
    let window = {
        let (store, done) = (store.clone(), done.clone());
        std::thread::spawn(move || {
            let mut timings = Vec::new();
            while !done.load(Ordering::Relaxed) {
                let started = Instant::now();
                let page = match &reader {
                    Some(reader) => reader.list_clients(&first_page(), TODAY),
                    None => store
                        .lock()
                        .expect("lock")
                        .list_clients(&first_page(), TODAY),
                };
                // Before the firm's policy has arrived the list has nothing to say yet.
                if page.is_ok() {
                    timings.push(started.elapsed());
                }
                std::thread::sleep(EVERY);
            }
            timings
        })
    };
    engine
        .sync_once(store.clone(), |_| {})
        .await
        .expect("first sync");
    done.store(true, Ordering::Relaxed);
    window.join().expect("reads")
}

pub async fn run(url: &str, dir: &std::path::Path, percentile: fn(&mut [Duration], f64) -> f64) {
    let mut own = reads_during_first_sync(url, &dir.join("reads-own.db"), true).await;
    let mut shared = reads_during_first_sync(url, &dir.join("reads-shared.db"), false).await;
    eprintln!(
        "profile: {} reads on their own connection, {} through the sync's; the latter p95 {:.1} ms, max {:.1} ms",
        own.len(),
        shared.len(),
        percentile(&mut shared, 0.95),
        percentile(&mut shared, 1.0),
    );
    println!(
        "bench: read_during_sync_p95_ms {:.2}",
        percentile(&mut own, 0.95)
    );
}
