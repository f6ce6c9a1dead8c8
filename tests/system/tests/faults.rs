//! The sync promises under faults: a misbehaving proxy between a real desk and a real head office,
//! head office restarted mid-sync, syncs cancelled mid-apply, clients moving between books while
//! the broker writes offline. Each seeded scenario ends with the faults off and checks that every
//! write arrived exactly once or was refused with a reason, the outbox is empty, and the desk holds
//! exactly head office's view of the broker's book.
//!
//! `BROKERDESK_FAULT_SCENARIOS=n` runs n scenarios (default 200); `BROKERDESK_FAULT_SEED=s` replays one.

use demo_firm::DemoParams;
use head_office_storage::test_support;
use head_office_storage::{DatabaseLocation, Storage};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::time::Duration;
use store::{NewContactNote, WriteIds};
use sync::{HeadOffice, SyncEngine};
use system_tests::now;
use system_tests::proxy::{FaultProxy, FaultRates};
use system_tests::{TestDesk, TestHeadOffice, PASSWORD};

use crate::views::{desk_view, facts_follow_the_book, head_office_view, ids_of};

const ME: &str = "B001";
const OTHER: &str = "B002";

fn seeds() -> Vec<u64> {
    if let Some(seed) = std::env::var("BROKERDESK_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return vec![seed];
    }
    let n = std::env::var("BROKERDESK_FAULT_SCENARIOS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200u64);
    (0..n).collect()
}

/// A firm just big enough to have books on both sides of a transfer.
fn tiny_firm() -> DemoParams {
    DemoParams {
        clients: 40,
        brokers: 2,
        demo_broker_clients: 12,
        trades_per_client: 2,
        ..system_tests::small_firm()
    }
}

/// What a scenario went through, summed over the run to show the faults really struck.
#[derive(Default)]
struct Tally {
    notes: usize,
    refused: usize,
    transfers: usize,
    restarts: usize,
    syncs_failed: usize,
    syncs_cut_short: usize,
    syncs_ok: usize,
    preference_edits: usize,
}

struct Made {
    mutation_id: String,
    note_id: String,
    summary: String,
}

/// How many scenarios run at once. Each has its own head office, proxy and desk; most of a
/// scenario is spent waiting on the proxy's delays and on syncs cut short by their time budget.
const AT_ONCE: usize = 4;

async fn scenario(seed: u64, template: DatabaseLocation) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let dir = tempfile::tempdir()?;
    let db = test_support::copy_database(&template, dir.path())?;
    let mut head_office = TestHeadOffice::serve(dir, db).await;
    let proxy = FaultProxy::start(head_office.addr(), seed).await?;

    let desk = TestDesk::new(&head_office.base_url());
    desk.engine.sign_in("broker01", PASSWORD).await?;
    let engine = SyncEngine::new(
        HeadOffice::new(&proxy.url())?,
        "test-device".into(),
        desk.vault.clone(),
        system_tests::test_clock(),
    )
    .with_page_size(rng.gen_range(20..300));
    proxy.set_rates(FaultRates::hostile());

    let mut made: Vec<Made> = Vec::new();
    let rounds = rng.gen_range(4..12);
    for round in 0..rounds {
        match rng.gen_range(0..11) {
            0..=2 => {
                let clients = desk_view(&TestDesk::db_path(desk.dir.path()))
                    .into_iter()
                    .filter_map(|r| {
                        r.strip_prefix("clients:")
                            .map(|r| r.split(':').next().unwrap_or("").to_string())
                    })
                    .collect::<Vec<_>>();
                for i in 0..rng.gen_range(1..4) {
                    let Some(client) = clients.get(rng.gen_range(0..clients.len().max(1))) else {
                        break;
                    };
                    let m = Made {
                        mutation_id: format!("m-{seed}-{round}-{i}"),
                        note_id: format!("N-{seed}-{round}-{i}"),
                        summary: format!("第{round}轮第{i}次电话 seed {seed}"),
                    };
                    let note = NewContactNote {
                        client_id: client.clone(),
                        channel: "phone".into(),
                        summary: m.summary.clone(),
                        follow_up_on: None,
                    };
                    let ids = WriteIds {
                        mutation_id: m.mutation_id.clone(),
                        record_id: m.note_id.clone(),
                    };
                    desk.store
                        .lock()
                        .unwrap()
                        .add_contact_note(ids, ME, &note, now())?;
                    made.push(m);
                    tally.notes += 1;
                }
            }
            3 | 4 => {
                let (from, to) = if rng.gen_bool(0.5) {
                    (ME, OTHER)
                } else {
                    (OTHER, ME)
                };
                let candidates = ids_of(
                    &head_office.storage,
                    &format!("SELECT id FROM clients WHERE broker_id = '{from}' ORDER BY id"),
                );
                if let Some(c) = candidates.get(rng.gen_range(0..candidates.len().max(1))) {
                    head_office.storage.transfer_client(c, to, now())?;
                    tally.transfers += 1;
                }
            }
            5 => {
                let mine = ids_of(
                    &head_office.storage,
                    &format!("SELECT id FROM clients WHERE broker_id = '{ME}' ORDER BY id"),
                );
                if let Some(c) = mine.get(rng.gen_range(0..mine.len().max(1))) {
                    let mobile = domain::Mobile::parse(&format!(
                        "139{:08}",
                        rng.gen_range(0..100_000_000u32)
                    ))?;
                    head_office.storage.correct_client_mobile(c, &mobile)?;
                }
            }
            6 => {
                head_office.restart().await;
                tally.restarts += 1;
            }
            7 => {
                // Both sides edit a client's preferences: merged field by field at the next sync.
                let mine = ids_of(
                    &head_office.storage,
                    &format!("SELECT id FROM clients WHERE broker_id = '{ME}' ORDER BY id"),
                );
                if let Some(c) = mine.get(rng.gen_range(0..mine.len().max(1))) {
                    let remark = Some(format!("总部备注 {seed}-{round}"));
                    let fields = protocol::ClientPreferences {
                        remark,
                        ..Default::default()
                    };
                    head_office.storage.set_preferences(c, &fields, now())?;
                }
                let local = desk_view(&TestDesk::db_path(desk.dir.path()))
                    .into_iter()
                    .filter_map(|r| {
                        r.strip_prefix("clients:")
                            .map(|r| r.split(':').next().unwrap_or("").to_string())
                    })
                    .collect::<Vec<_>>();
                if let Some(c) = local.get(rng.gen_range(0..local.len().max(1))) {
                    let edit = store::PreferencesView {
                        preferred_channel: Some("wechat".into()),
                        best_time_to_call: None,
                        remark: Some(format!("经纪人备注 {seed}-{round}")),
                        ..store::PreferencesView::default()
                    };
                    desk.store
                        .lock()
                        .map_err(|e| anyhow::anyhow!("store lock: {e}"))?
                        .update_preferences(format!("p-{seed}-{round}"), c, &edit, now())?;
                    tally.preference_edits += 1;
                }
            }
            _ => {
                // A sync that may be cut short anywhere, even between applying a page and the next.
                let budget = Duration::from_millis(rng.gen_range(5..400));
                let attempt =
                    tokio::time::timeout(budget, engine.sync_once(desk.store.clone(), |_| {}))
                        .await;
                match attempt {
                    Err(_) => tally.syncs_cut_short += 1,
                    Ok(Ok(_)) => tally.syncs_ok += 1,
                    Ok(Err(e)) if e.needs_sign_in() => {
                        anyhow::bail!("round {round}: the session ended under faults: {e}");
                    }
                    Ok(Err(_)) => tally.syncs_failed += 1,
                }
            }
        }
    }

    proxy.set_rates(FaultRates::default());
    let mut last_error = String::new();
    let mut converged = false;
    for _ in 0..10 {
        match engine.sync_once(desk.store.clone(), |_| {}).await {
            Ok(_) => {
                converged = true;
                break;
            }
            Err(e) => last_error = e.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if !converged {
        anyhow::bail!("no clean sync after the faults stopped: {last_error}");
    }

    let refused: Vec<String> = {
        let store = desk
            .store
            .lock()
            .map_err(|e| anyhow::anyhow!("store lock: {e}"))?;
        let counters = store.sync_counters()?;
        if counters.pending != 0 {
            anyhow::bail!("{} outbox entries stuck", counters.pending);
        }
        store
            .refusals()?
            .into_iter()
            .map(|r| r.mutation_id)
            .collect()
    };
    tally.refused += refused.len();
    let count = |sql: String| -> anyhow::Result<i64> {
        let n = ids_of(&head_office.storage, &sql);
        Ok(n.first().map_or(Ok(0), |n| n.parse())?)
    };
    for m in &made {
        // Summaries and ids are made above and hold no quotes.
        let copies = count(format!(
            "SELECT CAST(count(*) AS TEXT) FROM contact_notes WHERE summary = '{}'",
            m.summary
        ))?;
        let answered = count(format!(
            "SELECT CAST(count(*) AS TEXT) FROM applied_mutations WHERE id = '{}'",
            m.mutation_id
        ))?;
        let was_refused = refused.contains(&m.mutation_id);
        match (copies, was_refused) {
            (1, false) | (0, true) => {}
            _ => {
                anyhow::bail!(
                    "note {} reached head office {copies} times (refused: {was_refused})",
                    m.note_id
                )
            }
        }
        if answered != 1 {
            anyhow::bail!("mutation {} answered {answered} times", m.mutation_id);
        }
    }
    let expected = head_office_view(&head_office.storage);
    let actual = desk_view(&TestDesk::db_path(desk.dir.path()));
    facts_follow_the_book(&TestDesk::db_path(desk.dir.path()))?;
    if expected != actual {
        let missing: Vec<_> = expected
            .iter()
            .filter(|r| !actual.contains(r))
            .take(5)
            .collect();
        let extra: Vec<_> = actual
            .iter()
            .filter(|r| !expected.contains(r))
            .take(5)
            .collect();
        anyhow::bail!("desk differs from head office: missing {missing:?}, extra {extra:?}");
    }
    head_office.stop().await;
    Ok(tally)
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.notes += other.notes;
        self.refused += other.refused;
        self.transfers += other.transfers;
        self.restarts += other.restarts;
        self.syncs_failed += other.syncs_failed;
        self.syncs_cut_short += other.syncs_cut_short;
        self.syncs_ok += other.syncs_ok;
        self.preference_edits += other.preference_edits;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_keeps_its_promises_under_faults() {
    let template_dir = tempfile::tempdir().unwrap();
    let template = system_tests::generated_firm(&tiny_firm(), template_dir.path());
    let seeds = seeds();
    let mut tally = Tally::default();
    let mut running = tokio::task::JoinSet::new();
    let mut waiting = seeds.iter().copied();
    loop {
        while running.len() < AT_ONCE {
            let Some(seed) = waiting.next() else { break };
            let template = template.clone();
            running.spawn(async move { (seed, scenario(seed, template).await) });
        }
        let Some(done) = running.join_next().await else {
            break;
        };
        match done.expect("a scenario panicked") {
            (_, Ok(one)) => tally.add(one),
            (seed, Err(e)) => panic!(
                "fault scenario with seed {seed} broke a sync promise: {e}\n\
                 replay: BROKERDESK_FAULT_SEED={seed} cargo test -p system-tests --test system faults"
            ),
        }
    }
    eprintln!(
        "{} fault scenarios kept every promise: {} notes written ({} refused), {} preference \
         edits, {} transfers, {} head office restarts; syncs: {} failed on faults, {} cut short, \
         {} completed",
        seeds.len(),
        tally.notes,
        tally.refused,
        tally.preference_edits,
        tally.transfers,
        tally.restarts,
        tally.syncs_failed,
        tally.syncs_cut_short,
        tally.syncs_ok
    );
    if seeds.len() >= 50 {
        // A harness whose faults never strike proves nothing.
        assert!(
            tally.syncs_failed > 0
                && tally.syncs_cut_short > 0
                && tally.refused > 0
                && tally.transfers > 0
        );
    }
}
