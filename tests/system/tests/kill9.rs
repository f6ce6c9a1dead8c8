//! kill -9: a real desk process (`desk-worker`, the desk without its window) writes notes and
//! syncs against a real head office and is killed with SIGKILL at a random moment, 100 times
//! (`BROKERDESK_KILL_RUNS` for more) on the same cache. After each kill the cache must open and
//! pass SQLite's integrity check, every write the desk acknowledged must be there, and the outbox
//! must hold every note head office has not applied (and, of those it has, at most the one batch
//! whose answer the kill cut off). Every tenth run, and at the end, a sync must empty the outbox
//! and leave desk and head office with the same book.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use store::{DbKey, Store};
use sync::SyncEngine;
use system_tests::{small_firm, test_clock, MemoryVault, TestHeadOffice, DESK_KEY, PASSWORD};

/// The longest a worker may take to sign in and make its first write.
const FIRST_WRITE_BOUND: Duration = Duration::from_secs(60);
/// A push carries at most this many mutations, so a kill can leave at most this many applied at
/// head office but unanswered in the outbox.
const ONE_PUSH: usize = 100;

fn runs() -> usize {
    std::env::var("BROKERDESK_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

/// Kills the worker however the test ends, so no process outlives it.
struct Worker(Child);

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a worker, lets it run until its first write and then `extra` longer, kills it with
/// SIGKILL, and returns every id it acknowledged (read to the end of its output after the kill).
fn run_and_kill(url: &str, cache: &Path, extra: Duration) -> Vec<String> {
    let child = Command::new(env!("CARGO_BIN_EXE_desk-worker"))
        .args([url, &cache.display().to_string(), "broker01"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start desk-worker");
    let mut worker = Worker(child);
    let stdout = worker.0.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut acked = Vec::new();
    let first = rx.recv_timeout(FIRST_WRITE_BOUND);
    let Ok(first) = first else {
        let _ = worker.0.kill();
        let mut err = String::new();
        if let Some(mut e) = worker.0.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        panic!("desk-worker made no write within {FIRST_WRITE_BOUND:?}: {err}");
    };
    acked.push(first);
    let until = Instant::now() + extra;
    while let Ok(line) = rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
        acked.push(line);
    }
    // SIGKILL: no destructor, no flush, no last transaction finished.
    worker.0.kill().expect("kill -9");
    let _ = worker.0.wait();
    reader.join().expect("reader");
    acked.extend(rx.try_iter());
    acked
        .iter()
        .filter_map(|l| l.strip_prefix("ack ").map(str::to_string))
        .collect()
}

fn desk_notes(cache: &Path) -> (String, BTreeSet<String>) {
    let conn = rusqlite::Connection::open(cache).unwrap();
    let hex: String = DESK_KEY.iter().map(|b| format!("{b:02x}")).collect();
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))
        .unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let mut stmt = conn.prepare("SELECT id FROM contact_notes").unwrap();
    let ids = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (integrity, ids)
}

/// The notes waiting in the outbox, oldest first.
fn outbox_notes(cache: &Path) -> Vec<String> {
    let store = Store::open(cache, &DbKey(DESK_KEY)).expect("the cache opens after a kill");
    store
        .outbox_batch(1_000_000)
        .unwrap()
        .into_iter()
        .filter_map(|m| match m.op {
            protocol::MutationOp::AddContactNote(n) => Some(n.id),
            _ => None,
        })
        .collect()
}

fn head_office_notes(head_office: &TestHeadOffice) -> BTreeSet<String> {
    head_office
        .storage
        // broker01's desk also holds the notes of the clients it co-serves (客户共享).
        .first_column_text(
            "SELECT id FROM contact_notes WHERE broker_id = 'B001' OR client_id IN \
             (SELECT client_id FROM client_shares WHERE broker_id = 'B001' AND ended_at IS NULL)",
        )
        .unwrap()
        .into_iter()
        .collect()
}

/// Syncs the cache in this process until the outbox is empty.
async fn sync_to_the_end(url: &str, cache: &Path) {
    let store = std::sync::Arc::new(std::sync::Mutex::new(
        Store::open(cache, &DbKey(DESK_KEY)).unwrap(),
    ));
    let engine = SyncEngine::new(
        sync::HeadOffice::new(url).unwrap(),
        "kill-9-check".into(),
        std::sync::Arc::new(MemoryVault::default()),
        test_clock(),
    );
    engine.sign_in("broker01", PASSWORD).await.unwrap();
    engine.sync_once(store.clone(), |_| {}).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desk_killed_anywhere_keeps_every_acknowledged_write() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let url = head_office.base_url();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("desk.db");
    sync_to_the_end(&url, &cache).await;

    let mut rng = ChaCha8Rng::seed_from_u64(9);
    let mut acked = BTreeSet::new();
    // Kills that cut a push off after head office applied it: the case worth proving.
    let mut mid_push = 0;
    let runs = runs();
    for run in 0..runs {
        let extra = Duration::from_millis(rng.gen_range(0..400));
        acked.extend(run_and_kill(&url, &cache, extra));

        let (integrity, on_desk) = desk_notes(&cache);
        assert_eq!(integrity, "ok", "run {run}");
        let lost: Vec<_> = acked.difference(&on_desk).collect();
        assert!(
            lost.is_empty(),
            "run {run}: acknowledged but gone: {lost:?}"
        );
        let outbox = outbox_notes(&cache);
        let at_head_office = head_office_notes(&head_office);
        let stranded: Vec<_> = on_desk
            .iter()
            .filter(|id| !at_head_office.contains(*id) && !outbox.contains(*id))
            .collect();
        assert!(
            stranded.is_empty(),
            "run {run}: neither sent nor waiting: {stranded:?}"
        );
        // Those head office has applied can only be the batch the kill cut off: the oldest.
        let last_applied = outbox.iter().rposition(|id| at_head_office.contains(id));
        let unanswered = last_applied.map_or(0, |i| i + 1);
        mid_push += usize::from(unanswered > 0);
        assert!(
            unanswered <= ONE_PUSH,
            "run {run}: applied notes queued behind unsent ones, or more than one push of them"
        );

        if run % 10 == 9 || run + 1 == runs {
            sync_to_the_end(&url, &cache).await;
            assert!(
                outbox_notes(&cache).is_empty(),
                "run {run}: outbox left after a sync"
            );
            let (_, on_desk) = desk_notes(&cache);
            assert_eq!(
                on_desk,
                head_office_notes(&head_office),
                "run {run}: notes differ"
            );
            // The whole book, not only the notes, and the list's facts derived from it.
            let desk = crate::views::desk_view(&cache);
            assert_eq!(
                desk,
                crate::views::head_office_view(&head_office.storage),
                "run {run}"
            );
            crate::views::facts_follow_the_book(&cache).unwrap();
        }
    }
    println!(
        "kill -9: {runs} runs ({mid_push} cut a push off after head office applied it), {} acknowledged notes, none lost",
        acked.len()
    );
}
