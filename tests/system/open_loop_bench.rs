//! Head office as a firm meets it (issue 17): brokers arrive on their own schedule, not the instant
//! the last answer came back. Each broker's desk syncs every 60 s, at a phase of its own, and
//! pushes at once after each write (a write every 5 minutes on average, at random); from 09:15 to
//! 09:30 everything comes five times as often. A sync is what `SyncEngine::sync_once` sends: the
//! push (when there is a write), the firm's policy, pay terms and the broker's own published
//! scorecards alongside, then the feed.
//!
//! Latency is counted from when a sync was due, not from when the generator got round to it, so a
//! slow server cannot hide its queue. For each firm size on the ladder the normal rate runs, then
//! the surge; the largest size whose normal p95 stays within 100 ms with no error is reported.
//!
//! Sign-in is not what is measured: each desk's access token is written straight into the
//! database, as a sign-in would write it, and its cursor starts at the end of its book.

use chrono::Duration as ChronoDuration;
use head_office::auth::{new_token, token_hash};
use head_office_storage::shared::AccessGrant;
use head_office_storage::Storage;
use protocol::{Change, PullQuery, Record};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use sync::HeadOffice;
use system_tests::now;

/// A sync due this long after the last is what a broker's desk does on its own.
const SYNC_EVERY: f64 = 60.0;
/// Mean time between a broker's writes (each pushed at once).
const WRITE_EVERY: f64 = 300.0;
const SURGE: f64 = 5.0;
pub const BUDGET_MS: f64 = 100.0;
static WRITES: AtomicU64 = AtomicU64::new(0);
/// Firm sizes tried, smallest first.
pub const LADDER: [usize; 5] = [1_000, 2_500, 5_000, 10_000, 20_000];

pub struct Desk {
    broker: String,
    token: String,
    cursor: AtomicU64,
    client: String,
}

/// Desks for brokers `from` to `to` (exclusive) of the firm in `storage`, each with a token.
fn make_desks(storage: &dyn Storage, from: usize, to: usize) -> Vec<Arc<Desk>> {
    eprintln!("bench: open loop: desks {from}–{to}…");
    let issued = now();
    (from..to)
        .map(|k| {
            let user = storage
                .user_by_username(&format!("broker{:02}", k + 1))
                .expect("user")
                .expect("the firm has this many brokers");
            let token = new_token();
            let grant = AccessGrant {
                user_id: user.id.clone(),
                family_id: format!("open-loop-{k}"),
                issued_at: issued,
                expires_at: issued + ChronoDuration::days(1),
            };
            storage
                .insert_access_token(&token_hash(&token), &grant)
                .expect("token");
            let (mut cursor, mut client) = (0, None);
            loop {
                let page = storage
                    .pull(&user.id, cursor, PullQuery::MAX_LIMIT)
                    .expect("book");
                client = client.or_else(|| {
                    page.changes.iter().find_map(|c| match c {
                        Change::Upsert {
                            record: Record::Client(c),
                            ..
                        } => Some(c.id.clone()),
                        _ => None,
                    })
                });
                cursor = page.cursor;
                if !page.has_more {
                    break;
                }
            }
            Arc::new(Desk {
                broker: user.id,
                token,
                cursor: AtomicU64::new(cursor),
                client: client.unwrap_or_default(),
            })
        })
        .collect()
}

/// When each sync is due in a window of `seconds` at `rate` times the usual pace, and whether it
/// carries a write: (offset in seconds, desk, write).
fn schedule(desks: usize, seconds: f64, rate: f64, seed: u64) -> Vec<(f64, usize, bool)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut due = Vec::new();
    let every = SYNC_EVERY / rate;
    for desk in 0..desks {
        let mut t = rng.gen_range(0.0..every);
        while t < seconds {
            due.push((t, desk, false));
            t += every;
        }
        let mut t = -(1.0 - rng.gen::<f64>()).ln() * WRITE_EVERY / rate;
        while t < seconds {
            due.push((t, desk, true));
            t += -(1.0 - rng.gen::<f64>()).ln() * WRITE_EVERY / rate;
        }
    }
    due.sort_by(|a, b| a.0.total_cmp(&b.0));
    due
}

async fn sync(api: &HeadOffice, desk: &Desk, write: Option<u64>) -> Result<(), sync::SyncError> {
    let push = async {
        let Some(n) = write else { return Ok(()) };
        let request = crate::load_bench::note_push("OL", &desk.broker, &desk.client, n);
        api.push(&desk.token, &request).await.map(|_| ())
    };
    let (pushed, policy, terms, appraisals) = tokio::join!(
        push,
        api.policy(&desk.token),
        api.pay_terms(&desk.token),
        api.appraisals(&desk.token)
    );
    pushed?;
    policy?;
    terms?;
    appraisals?;
    let mut first = true;
    loop {
        let query = PullQuery {
            cursor: desk.cursor.load(Ordering::Relaxed),
            limit: PullQuery::MAX_LIMIT,
            count: first,
        };
        let page = api.pull(&desk.token, query).await?;
        desk.cursor.fetch_max(page.cursor, Ordering::Relaxed);
        first = false;
        if !page.has_more {
            return Ok(());
        }
    }
}

/// One window: the p95 of how late each sync finished after it was due, and the errors.
pub async fn window(url: &str, desks: &[Arc<Desk>], seconds: f64, rate: f64) -> (f64, usize) {
    let api = HeadOffice::new(url).expect("head office address");
    let due = schedule(desks.len(), seconds, rate, desks.len() as u64);
    let late: Arc<Mutex<Vec<Duration>>> = Arc::new(Mutex::new(Vec::with_capacity(due.len())));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut running = Vec::with_capacity(due.len());
    for (offset, desk, write) in due {
        let at = start + Duration::from_secs_f64(offset);
        tokio::time::sleep_until(at.into()).await;
        let (api, desk) = (api.clone(), desks[desk].clone());
        let (late, errors) = (late.clone(), errors.clone());
        running.push(tokio::spawn(async move {
            // Numbered across windows: a mutation id used again would be a resend, not a write.
            let write = write.then(|| WRITES.fetch_add(1, Ordering::Relaxed));
            match sync(&api, &desk, write).await {
                Ok(()) => late.lock().expect("latencies").push(at.elapsed()),
                Err(e) => {
                    if errors.fetch_add(1, Ordering::Relaxed) < 5 {
                        eprintln!("bench: open loop: {}: {e}", desk.broker);
                    }
                }
            }
        }));
    }
    for task in running {
        let _ = tokio::time::timeout(Duration::from_secs(60), task).await;
    }
    let mut late = late.lock().expect("latencies").clone();
    late.sort();
    let p95 = late
        .get(((late.len().max(1) - 1) as f64 * 0.95).round() as usize)
        .map_or(f64::NAN, |d| d.as_secs_f64() * 1_000.0);
    (p95, errors.load(Ordering::Relaxed) as usize)
}

pub struct OpenLoopFigures {
    pub brokers: usize,
    pub p95_ms: f64,
    pub surge_p95_ms: f64,
    /// Where the machine's time went during that surge: CPU seconds per second of wall time, by
    /// process name (`postgres`, `hq-replica`, `haproxy`, `bench` for the generator, …).
    pub cpu: Vec<(String, f64)>,
}

/// CPU seconds used so far by every process on the machine, summed by process name.
fn cpu_by_name() -> std::collections::BTreeMap<String, f64> {
    // USER_HZ, in which /proc reports times, is 100 on every Linux the product runs on.
    const TICKS: f64 = 100.0;
    let mut out = std::collections::BTreeMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in entries.flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid …`: the name may hold spaces, so split at the last ')'.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let fields: Vec<&str> = stat[close + 1..].split_whitespace().collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name. The
        // kernel's many workers (writing back pages, mostly) count as one.
        let name = &stat[open + 1..close];
        let name = if name.starts_with("kworker") {
            "kernel"
        } else {
            name
        };
        *out.entry(name.to_string()).or_insert(0.0) += (ticks(11) + ticks(12)) / TICKS;
    }
    out
}

/// Climbs the ladder at `url` until a size misses the budget; the last size that met it.
pub async fn climb(
    url: &str,
    storage: &dyn Storage,
    max: usize,
    seconds: f64,
) -> Option<OpenLoopFigures> {
    let mut desks: Vec<Arc<Desk>> = Vec::new();
    let mut best = None;
    for n in LADDER.into_iter().filter(|n| *n <= max) {
        desks.extend(make_desks(storage, desks.len(), n));
        let (p95, errors) = window(url, &desks, seconds, 1.0).await;
        let (cpu_before, started) = (cpu_by_name(), Instant::now());
        let (surge_p95, surge_errors) = window(url, &desks, seconds, SURGE).await;
        let wall = started.elapsed().as_secs_f64();
        let cpu_after = cpu_by_name();
        let mut cpu: Vec<(String, f64)> = cpu_after
            .iter()
            .map(|(name, t)| {
                (
                    name.clone(),
                    (t - cpu_before.get(name).unwrap_or(&0.0)) / wall,
                )
            })
            .filter(|(_, share)| *share >= 0.01)
            .collect();
        cpu.sort_by(|a, b| b.1.total_cmp(&a.1));
        eprintln!(
            "bench: open loop, {n} brokers: p95 {p95:.1} ms ({errors} errors), \
             surge p95 {surge_p95:.1} ms ({surge_errors} errors)"
        );
        if p95 > BUDGET_MS || errors > 0 || surge_errors > 0 {
            break;
        }
        best = Some(OpenLoopFigures {
            brokers: n,
            p95_ms: p95,
            surge_p95_ms: surge_p95,
            cpu,
        });
    }
    best
}

fn number(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn print(prefix: &str, figures: Option<&OpenLoopFigures>) {
    let Some(f) = figures else {
        println!("bench: {prefix}_open_loop_brokers 0");
        return;
    };
    println!("bench: {prefix}_open_loop_brokers {}", f.brokers);
    println!("bench: {prefix}_open_loop_p95_ms {:.1}", f.p95_ms);
    println!("bench: {prefix}_surge_p95_ms {:.1}", f.surge_p95_ms);
    for (name, share) in &f.cpu {
        let name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        println!("bench: {prefix}_surge_cpu_{name}_cores {share:.2}");
    }
}

/// `make bench`'s open-loop figures: one replica on SQLite as the baseline, then two replicas on
/// PostgreSQL behind HAProxy (when `BROKERDESK_TEST_PG_URL` names a server), with the closed-loop
/// throughput through the same balancer for comparison. `BROKERDESK_OPEN_LOOP_MAX` (20,000)
/// bounds the ladder and `BROKERDESK_OPEN_LOOP_SECONDS` (20) is each window's length.
pub async fn run(replica_bin: &std::path::Path) {
    use head_office_storage::{test_support, DatabaseLocation, SqlStorage};
    use system_tests::cluster::{balancer, free_port, healthy, replica};

    let max = number("BROKERDESK_OPEN_LOOP_MAX", 20_000);
    let seconds = number("BROKERDESK_OPEN_LOOP_SECONDS", 20) as f64;
    let params = demo_firm::DemoParams {
        brokers: max,
        clients: max * 5,
        demo_broker_clients: 5,
        trades_per_client: 2,
        notes_per_client: 1,
        ..system_tests::small_firm()
    };
    eprintln!("bench: a firm of {max} brokers on SQLite, one replica…");
    let sqlite = system_tests::TestHeadOffice::start_on(&params, |dir| {
        DatabaseLocation::Sqlite(dir.join("head-office.db"))
    })
    .await;
    let figures = climb(&sqlite.base_url(), sqlite.storage.as_ref(), max, seconds).await;
    print("hq_sqlite", figures.as_ref());
    drop(sqlite);

    if std::env::var("BROKERDESK_TEST_PG_URL").is_err() {
        eprintln!("bench: BROKERDESK_TEST_PG_URL is not set; no PostgreSQL figures");
        return;
    }
    eprintln!("bench: the same firm on PostgreSQL, two replicas behind HAProxy…");
    let dir = tempfile::tempdir().expect("tempdir");
    let location = test_support::fresh_postgres_database().expect("a PostgreSQL database");
    let DatabaseLocation::Postgres(url) = &location else {
        unreachable!("a PostgreSQL database has a URL")
    };
    let storage = SqlStorage::open(&location).expect("open");
    storage
        .import_firm(demo_firm::generate(&params).expect("demo"))
        .expect("import");
    let (_a, a) = replica(replica_bin, url);
    let (_b, b) = replica(replica_bin, url);
    let port = free_port();
    let _balancer = balancer(dir.path(), port, &[&a, &b]);
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if healthy(&base).await {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let figures = climb(&base, &storage, max, seconds).await;
    print("hq", figures.as_ref());
    let capacity = crate::load_bench::run(&base, 200, Duration::from_secs(30)).await;
    println!(
        "bench: hq_capacity_syncs_per_second {:.1}",
        capacity.per_second
    );
    println!("bench: hq_capacity_errors {}", capacity.errors);
}
