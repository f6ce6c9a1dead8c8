//! A desk without its window, for the kill -9 test: it opens an encrypted cache, signs in, and
//! then writes contact notes as fast as a broker never could while a background loop syncs.
//! After each write is committed it prints `ack <note id>`: what the broker would have been told
//! was saved. The test kills it with SIGKILL at a random moment and checks the cache.
//!
//! `desk-worker <head office URL> <cache path> <user name>`; the key is `system_tests::DESK_KEY`.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use store::{DbKey, NewContactNote, Store, WriteIds};
use sync::{HeadOffice, SyncEngine};
use system_tests::{now, test_clock, MemoryVault, DESK_KEY, PASSWORD, TODAY};

/// Pause between sync rounds, so a kill lands in a write, a push or a pull alike.
const SYNC_PAUSE: Duration = Duration::from_millis(5);
/// Between writes: hundreds a second, still far more than a broker.
const WRITE_PAUSE: Duration = Duration::from_millis(2);

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, path, username] = args.as_slice() else {
        anyhow::bail!("usage: desk-worker <head office URL> <cache path> <user name>");
    };
    let store = Store::open(std::path::Path::new(path), &DbKey(DESK_KEY))?;
    let store = Arc::new(Mutex::new(store));
    let engine = Arc::new(SyncEngine::new(
        HeadOffice::new(url)?,
        "kill-9-desk".into(),
        Arc::new(MemoryVault::default()),
        test_clock(),
    ));
    let me = engine.sign_in(username, PASSWORD).await?;
    let clients: Vec<String> = {
        let s = store.lock().map_err(|e| anyhow::anyhow!("{e}"))?;
        let query = store::ClientQuery {
            limit: 20,
            ..Default::default()
        };
        s.list_clients(&query, TODAY)?
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    anyhow::ensure!(
        !clients.is_empty(),
        "the cache holds no clients: sync it first"
    );

    let syncing = {
        let (engine, store) = (engine.clone(), store.clone());
        tokio::spawn(async move {
            loop {
                // A refusal or a lost connection is the next round's business, as in the app.
                let _ = engine.sync_once(store.clone(), |_| {}).await;
                tokio::time::sleep(SYNC_PAUSE).await;
            }
        })
    };
    let run = std::process::id();
    let mut stdout = std::io::stdout().lock();
    for i in 0u64.. {
        let note = NewContactNote {
            client_id: clients[(i as usize) % clients.len()].clone(),
            channel: "phone".into(),
            summary: format!("断电测试第 {i} 条电话记录"),
            follow_up_on: None,
        };
        let ids = WriteIds {
            mutation_id: format!("m-kill-{run}-{i}"),
            record_id: format!("N-kill-{run}-{i}"),
        };
        let id = {
            let mut s = store.lock().map_err(|e| anyhow::anyhow!("{e}"))?;
            s.add_contact_note(ids, &me.user_id, &note, now())?
        };
        writeln!(stdout, "ack {id}")?;
        stdout.flush()?;
        tokio::time::sleep(WRITE_PAUSE).await;
    }
    syncing.abort();
    Ok(())
}
