//! Two head-office replicas against one PostgreSQL, behind HAProxy on loopback, as a firm runs
//! them for failover. Desks sync through the balancer while one replica is killed with SIGKILL
//! mid-sync: no desk loses or duplicates a mutation, none is signed out, deliveries keep going
//! (the survivor takes over the delivery loop) and the survivor serves everything.
//!
//! Only on PostgreSQL (`make test` runs the whole-system suite on it too): SQLite is one process's.

use crate::recommend::{by_verdict, pushable};
use crate::webhook::{gateway_received, push, start_gateway, Gateway, SECRET};
use domain::ProductRisk;
use head_office::channel::{ChannelSettings, Retries, WebhookSettings};
use head_office_storage::delivery::Deliveries;
use head_office_storage::{test_support, SqlStorage};
use protocol::Record;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use store::{NewContactNote, WriteIds};
use system_tests::cluster::{balancer, free_port, healthy, replica};
use system_tests::firm_scope::feed_of;
use system_tests::{small_firm, TestDesk};

const BROKERS: [(&str, &str); 3] = [
    ("broker01", "B001"),
    ("broker02", "B002"),
    ("broker03", "B003"),
];
/// Notes each desk writes, one per sync round; the kill lands after a third of them.
const ROUNDS: usize = 24;

async fn until(what: &str, limit: Duration, mut done: impl AsyncFnMut() -> bool) {
    let started = Instant::now();
    while !done().await {
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The PostgreSQL backend holding the delivery loop's advisory lock (`pg_leader.rs`) in this
/// test's database, if any (other tests' head offices hold theirs in their own databases).
fn leader(storage: &SqlStorage) -> Option<String> {
    let holders = storage
        .first_column_text(
            "SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' \
             AND classid = 1114784875 AND objid = 1 AND granted \
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        )
        .expect("pg_locks");
    assert!(
        holders.len() <= 1,
        "two replicas ran the delivery loop: {holders:?}"
    );
    holders.into_iter().next()
}

fn note(desk: &TestDesk, broker: &str, client: &str, round: usize) {
    let ids = WriteIds {
        mutation_id: format!("m-failover-{broker}-{round}"),
        record_id: format!("N-failover-{broker}-{round}"),
    };
    let note = NewContactNote {
        client_id: client.to_string(),
        channel: "phone".into(),
        summary: format!("切换测试第 {round} 条"),
        follow_up_on: None,
    };
    desk.store
        .lock()
        .expect("store")
        .add_contact_note(ids, broker, &note, system_tests::now())
        .expect("a note is saved on the desk");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_replica_killed_mid_sync_loses_nothing_and_signs_no_one_out() {
    if !test_support::on_postgres() {
        eprintln!("replicas share one PostgreSQL: run with BROKERDESK_TEST_BACKEND=postgres");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let location = system_tests::generated_firm(&small_firm(), dir.path());
    let storage = SqlStorage::open(&location).expect("open");
    let gateway = Arc::new(Gateway::default());
    let (url, _gateway_task) = start_gateway(gateway.clone()).await;
    let channel = ChannelSettings::Webhook(WebhookSettings {
        url,
        secret: SECRET.into(),
        retries: Retries {
            max_attempts: 3,
            first_retry_seconds: 1,
            timeout_seconds: 5,
        },
    });
    storage
        .set_delivery_channel(Some(&channel))
        .expect("channel");

    // Replica A starts first and so leads the delivery loop; then B, then the balancer.
    let head_office_storage::DatabaseLocation::Postgres(db) = &location else {
        unreachable!("on_postgres gives PostgreSQL databases")
    };
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_hq-replica"));
    let (mut a, a_addr) = replica(bin, db);
    until("A leads", Duration::from_secs(10), async || {
        leader(&storage).is_some()
    })
    .await;
    let a_leads = leader(&storage);
    let (_b, b_addr) = replica(bin, db);
    let port = free_port();
    let _balancer = balancer(dir.path(), port, &[&a_addr, &b_addr]);
    let base = format!("http://127.0.0.1:{port}");
    until("HAProxy serves", Duration::from_secs(10), async || {
        healthy(&base).await
    })
    .await;

    // A token one replica issued is good on the other.
    let on_a = sync::HeadOffice::new(&format!("http://{a_addr}")).expect("client");
    let token = system_tests::access_token(&on_a, "broker04").await;
    let on_b = sync::HeadOffice::new(&format!("http://{b_addr}")).expect("client");
    on_b.policy(&token).await.expect("B knows A's token");

    let mut desks = Vec::new();
    for (user, _) in BROKERS {
        desks.push(Arc::new(TestDesk::synced(&base, user).await));
    }
    let broker01 = desks[0].clone();
    let item = pushable(&broker01, ProductRisk::R3);
    let (allowed, _, _) = by_verdict(&broker01, &item.id);
    assert!(allowed.len() >= 2, "{} allowed", allowed.len());
    let before_kill = push(&broker01, "PUSH-BEFORE", &item.id, &allowed[..1]);

    // Each desk writes and syncs back to back; A is killed while they are at it, so requests are
    // in flight on it. A round the balancer could not place is the next round's to retry, as in
    // the app.
    let rounds_done = Arc::new(AtomicUsize::new(0));
    let mut working = Vec::new();
    for (desk, (_, broker)) in desks.iter().cloned().zip(BROKERS) {
        let rounds_done = rounds_done.clone();
        working.push(tokio::spawn(async move {
            let client = desk.first_client();
            for round in 0..ROUNDS {
                note(&desk, broker, &client, round);
                let _ = desk.engine.sync_once(desk.store.clone(), |_| {}).await;
                rounds_done.fetch_add(1, Ordering::SeqCst);
            }
        }));
    }
    let kill_after = ROUNDS * BROKERS.len() / 3;
    until(
        "a third of the rounds",
        Duration::from_secs(60),
        async || rounds_done.load(Ordering::SeqCst) >= kill_after,
    )
    .await;
    a.kill();
    for task in working {
        task.await.expect("a desk's rounds");
    }
    let after_kill = push(&broker01, "PUSH-AFTER", &item.id, &allowed[1..2]);

    // Every desk empties its outbox through the survivor, still signed in.
    for desk in &desks {
        for _ in 0..50 {
            let synced = desk.engine.sync_once(desk.store.clone(), |_| {}).await;
            let queued = desk.with_store(|s| s.outbox_batch(1_000).expect("outbox").len());
            if synced.is_ok() && queued == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        desk.engine
            .sync_once(desk.store.clone(), |_| {})
            .await
            .expect("the desk is still signed in and syncs");
        let queued = desk.with_store(|s| s.outbox_batch(1_000).expect("outbox").len());
        assert_eq!(queued, 0, "the outbox empties through the survivor");
        let refused = desk.with_store(|s| s.refusals().expect("refusals"));
        assert!(refused.is_empty(), "head office refused: {refused:?}");
    }

    // Head office holds each note exactly once: nothing lost, nothing doubled.
    for (user, broker) in BROKERS {
        let notes: Vec<String> = feed_of(&storage, broker)
            .into_iter()
            .filter_map(|r| match r {
                Record::ContactNote(n) if n.id.starts_with("N-failover-") => Some(n.id),
                _ => None,
            })
            .collect();
        let distinct: BTreeSet<&String> = notes.iter().collect();
        assert_eq!(notes.len(), ROUNDS, "{user}: {notes:?}");
        assert_eq!(distinct.len(), ROUNDS, "{user}: {notes:?}");
    }

    // B took over the delivery loop: the push made after the kill was handed over, and no
    // message was handed over twice by two replicas at once.
    until("B leads", Duration::from_secs(10), async || {
        leader(&storage).is_some_and(|pid| Some(&pid) != a_leads.as_ref())
    })
    .await;
    let handed = gateway_received(&gateway, 2).await;
    let ids: Vec<&str> = handed.iter().map(|m| m.delivery_id.as_str()).collect();
    let distinct: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), distinct.len(), "handed over twice: {ids:?}");
    for push_id in [&before_kill, &after_kill] {
        assert!(
            ids.iter().any(|id| id.starts_with(push_id.as_str())),
            "{push_id} never reached the gateway: {ids:?}"
        );
    }
    assert!(healthy(&format!("http://{b_addr}")).await, "B serves");
    assert!(!healthy(&format!("http://{a_addr}")).await, "A is gone");
}
