//! Shared set-up for whole-system tests: a real head office on 127.0.0.1 with a small generated
//! firm, and a real encrypted desk store in a temporary directory.

pub mod cluster;
pub mod console;
pub mod firm_scope;
mod firm_template;
pub mod proxy;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use clock::{RunningClock, SharedClock};
use demo_firm::{self as demo, DemoParams};
pub use firm_template::generated_firm;
use head_office::{DeliveryOptions, RunningHeadOffice};
use head_office_storage::test_support;
use head_office_storage::{DatabaseLocation, SqlStorage, Storage};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use store::{DbKey, Store};
use sync::{HeadOffice, SyncEngine, TokenVault, VaultError};

pub const PASSWORD: &str = "demo1234";

/// "Today" of the test firms: expiries and history are placed relative to it.
pub const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 25) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The one clock of a test process: 10:00 in Beijing on [`TODAY`] when the process first asks,
/// running at real speed from there. Head office, desks and the tests' own timestamps all read
/// it, so they agree with each other and with the firm's dates on whatever day the suite runs.
pub fn test_clock() -> SharedClock {
    static CLOCK: OnceLock<SharedClock> = OnceLock::new();
    CLOCK
        .get_or_init(|| {
            let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN);
            RunningClock::on(TODAY, ten)
        })
        .clone()
}

/// Now by [`test_clock`].
pub fn now() -> DateTime<Utc> {
    test_clock().now()
}

/// A firm small enough to generate in a moment, shaped like the demo firm.
pub fn small_firm() -> DemoParams {
    DemoParams {
        clients: 900,
        demo_broker_clients: 150,
        trades_per_client: 8,
        ..DemoParams::standard(TODAY)
    }
}

pub struct TestHeadOffice {
    pub dir: tempfile::TempDir,
    pub storage: Arc<SqlStorage>,
    /// Where its data is: a SQLite file, or a PostgreSQL database when the run is against one.
    pub location: DatabaseLocation,
    pub server: Option<RunningHeadOffice>,
    /// What the server takes "now" from: [`test_clock`] unless the test brought its own.
    pub clock: SharedClock,
    addr: std::net::SocketAddr,
    /// The channel it serves with, again after a restart.
    delivery: fn() -> DeliveryOptions,
}

impl TestHeadOffice {
    /// How many clients `broker`'s desk holds once synced: those they serve, and those of
    /// colleagues they co-serve (客户共享).
    pub fn desk_clients(&self, broker: &str) -> u64 {
        use head_office_storage::shares::ClientShares;
        use head_office_storage::staff::StaffDesk;
        let own = self.storage.book_size(broker).expect("book size");
        let co = self.storage.co_served_by(broker).expect("co-served");
        u64::from(own + co)
    }

    /// A head office with a generated firm, on the backend this test run is on.
    pub async fn start(params: &DemoParams) -> TestHeadOffice {
        TestHeadOffice::start_at(params, test_clock()).await
    }

    /// The same, on a clock of the test's own (to step across a month end, say).
    pub async fn start_at(params: &DemoParams, clock: SharedClock) -> TestHeadOffice {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = generated_firm(params, dir.path());
        TestHeadOffice::serve_at(dir, db, clock).await
    }

    /// As a real firm's head office serves (`serve` without `--demo`): pushes go through the
    /// channel configured in the database, or fail saying none is.
    pub async fn start_configured(params: &DemoParams, clock: SharedClock) -> TestHeadOffice {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = generated_firm(params, dir.path());
        TestHeadOffice::serve_with(dir, db, clock, DeliveryOptions::configured).await
    }

    /// A firm with nothing in it yet (no demo data), served as a real firm's head office is.
    pub async fn empty_configured(clock: SharedClock) -> TestHeadOffice {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = test_support::fresh_database(dir.path()).expect("a database for the test");
        TestHeadOffice::serve_with(dir, db, clock, DeliveryOptions::configured).await
    }

    /// The same on a database of the caller's choosing (`dir` is the test's temporary directory).
    pub async fn start_on(
        params: &DemoParams,
        location: impl FnOnce(&Path) -> DatabaseLocation,
    ) -> TestHeadOffice {
        let (dir, db) = TestHeadOffice::generate(params, location);
        TestHeadOffice::serve(dir, db).await
    }

    fn generate(
        params: &DemoParams,
        location: impl FnOnce(&Path) -> DatabaseLocation,
    ) -> (tempfile::TempDir, DatabaseLocation) {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = location(dir.path());
        let storage = SqlStorage::open(&db).expect("open head office");
        storage
            .import_firm(demo::generate(params).expect("generate"))
            .expect("import");
        (dir, db)
    }

    /// Serves an existing database (kept alive by `dir`) on a loopback port of its own.
    pub async fn serve(dir: tempfile::TempDir, location: DatabaseLocation) -> TestHeadOffice {
        TestHeadOffice::serve_at(dir, location, test_clock()).await
    }

    async fn serve_at(
        dir: tempfile::TempDir,
        location: DatabaseLocation,
        clock: SharedClock,
    ) -> TestHeadOffice {
        TestHeadOffice::serve_with(dir, location, clock, DeliveryOptions::simulated).await
    }

    async fn serve_with(
        dir: tempfile::TempDir,
        location: DatabaseLocation,
        clock: SharedClock,
        delivery: fn() -> DeliveryOptions,
    ) -> TestHeadOffice {
        let storage = Arc::new(SqlStorage::open(&location).expect("open head office"));
        let server = start_on_own_port(storage.clone(), &clock, delivery).await;
        let addr = server.addr;
        TestHeadOffice {
            dir,
            storage,
            location,
            server: Some(server),
            clock,
            addr,
            delivery,
        }
    }

    pub fn addr(&self) -> std::net::SocketAddr {
        self.addr
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn stop(&mut self) {
        if let Some(s) = self.server.take() {
            s.stop().await;
        }
    }

    /// What head-office IT does after a disaster: stops the server, restores `backup` (into a
    /// new database beside the old one) and serves it again on the same port.
    pub async fn restore_from(&mut self, backup: &Path) {
        self.stop().await;
        let restored = test_support::fresh_database_named(self.dir.path(), "restored")
            .expect("a database to restore into");
        SqlStorage::restore(backup, &restored, false).expect("restore");
        self.storage = Arc::new(SqlStorage::open(&restored).expect("open the restored database"));
        self.location = restored;
        self.serve_again().await;
    }

    /// Starts again on the same port, as after a restart of the server process.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.serve_again().await;
    }

    /// Serves `storage` on the same port and channel as before. The port can be briefly busy
    /// after the stop (a fresh make test met AddrInUse here about one run in three), so the bind
    /// is tried again for up to 10 s, as an init script would, before the test fails.
    async fn serve_again(&mut self) {
        let mut last = None;
        for _ in 0..100 {
            let storage: Arc<dyn Storage> = self.storage.clone();
            let delivery = (self.delivery)();
            match RunningHeadOffice::start_with(storage, self.addr, self.clock.clone(), delivery)
                .await
            {
                Ok(server) => {
                    self.server = Some(server);
                    return;
                }
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("serve again on {}: {last:?}", self.addr);
    }
}

/// The next port a test head office tries. Below the kernel's ephemeral range (32768 and up), so
/// no connection's source port and no `:0` listener of a parallel test can take a head office's
/// port while it restarts on it; each test process starts at its own offset.
static NEXT_PORT: std::sync::atomic::AtomicU16 = std::sync::atomic::AtomicU16::new(0);

/// Serves `storage` on a loopback port no other head office of this process uses, skipping ports
/// some other program holds.
async fn start_on_own_port(
    storage: Arc<dyn Storage>,
    clock: &SharedClock,
    delivery: fn() -> DeliveryOptions,
) -> RunningHeadOffice {
    use std::sync::atomic::Ordering;
    const FIRST: u16 = 20_000;
    const SPAN: u16 = 12_000;
    let _ = NEXT_PORT.compare_exchange(
        0,
        (std::process::id() % 60) as u16 * 200,
        Ordering::SeqCst,
        Ordering::SeqCst,
    );
    let mut last = None;
    for _ in 0..200 {
        let port = FIRST + NEXT_PORT.fetch_add(1, Ordering::SeqCst) % SPAN;
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        match RunningHeadOffice::start_with(storage.clone(), addr, clock.clone(), delivery()).await
        {
            Ok(server) => return server,
            Err(e) => last = Some(e),
        }
    }
    panic!("no free loopback port for a head office: {last:?}");
}

/// Keeps the refresh token in memory; the app's keyring vault is tested in the app.
#[derive(Default)]
pub struct MemoryVault(Mutex<Option<String>>);

impl TokenVault for MemoryVault {
    fn refresh_token(&self) -> Result<Option<String>, VaultError> {
        Ok(self
            .0
            .lock()
            .map_err(|e| VaultError(e.to_string()))?
            .clone())
    }
    fn set_refresh_token(&self, token: &str) -> Result<(), VaultError> {
        *self.0.lock().map_err(|e| VaultError(e.to_string()))? = Some(token.to_string());
        Ok(())
    }
}

pub struct TestDesk {
    pub dir: tempfile::TempDir,
    pub store: Arc<Mutex<Store>>,
    pub vault: Arc<MemoryVault>,
    pub engine: SyncEngine,
}

pub const DESK_KEY: [u8; 32] = [42; 32];

impl TestDesk {
    pub fn new(base_url: &str) -> TestDesk {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&Self::db_path(dir.path()), &DbKey(DESK_KEY)).expect("open store");
        let vault = Arc::new(MemoryVault::default());
        let engine = SyncEngine::new(
            HeadOffice::new(base_url).expect("url"),
            "test-device".into(),
            vault.clone(),
            test_clock(),
        );
        TestDesk {
            dir,
            store: Arc::new(Mutex::new(store)),
            vault,
            engine,
        }
    }

    pub fn db_path(dir: &Path) -> PathBuf {
        dir.join("desk.db")
    }

    /// A desk of `username`, signed in and synced once.
    pub async fn synced(base_url: &str, username: &str) -> TestDesk {
        TestDesk::synced_as(base_url, username, PASSWORD).await
    }

    /// The same with a password of the test's own (a user IT added).
    pub async fn synced_as(base_url: &str, username: &str, password: &str) -> TestDesk {
        let desk = TestDesk::new(base_url);
        desk.engine
            .sign_in(username, password)
            .await
            .expect("sign in");
        desk.engine
            .sync_once(desk.store.clone(), |_| {})
            .await
            .expect("first sync");
        desk
    }

    /// One sync with head office, which must succeed.
    pub async fn sync(&self) -> sync::SyncReport {
        self.engine
            .sync_once(self.store.clone(), |_| {})
            .await
            .expect("sync")
    }

    /// The first client of the list (the largest book).
    pub fn first_client(&self) -> String {
        let query = store::ClientQuery {
            limit: 1,
            ..Default::default()
        };
        self.with_store(|s| {
            s.list_clients(&query, TODAY).expect("list").rows[0]
                .id
                .clone()
        })
    }

    pub fn with_store<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        f(&self.store.lock().expect("store lock"))
    }

    /// The ids of the first `limit` clients of the desk's list, as it sorts them by default.
    pub fn first_clients(&self, limit: u32) -> Vec<String> {
        let query = store::ClientQuery {
            limit,
            ..Default::default()
        };
        self.with_store(|s| s.list_clients(&query, TODAY).expect("client list"))
            .rows
            .into_iter()
            .map(|c| c.id)
            .collect()
    }

    /// Whether the desk has `client` in its book (its own or one it co-serves).
    pub fn holds(&self, client: &str) -> bool {
        self.with_store(|s| s.client_profile(client, TODAY).expect("profile"))
            .is_some()
    }
}

/// broker01's tokens for a sign-in from the device "dev-1", for session tests made by hand.
pub async fn sign_in_on_device_1(api: &HeadOffice) -> protocol::SessionTokens {
    api.sign_in(&protocol::SignInRequest {
        username: "broker01".into(),
        password: PASSWORD.into(),
        device_id: "dev-1".into(),
    })
    .await
    .expect("sign in")
}

/// A fresh access token of a demo user, for requests a test makes by hand.
pub async fn access_token(api: &HeadOffice, username: &str) -> String {
    api.sign_in(&protocol::SignInRequest {
        username: username.into(),
        password: PASSWORD.into(),
        device_id: format!("test-{username}"),
    })
    .await
    .expect("sign in")
    .access_token
}

/// Sends `request` and reads its JSON answer, which must be a success.
pub async fn answer<T: serde::de::DeserializeOwned>(request: reqwest::RequestBuilder) -> T {
    let response = request.send().await.expect("head office answers");
    let status = response.status();
    assert!(
        status.is_success(),
        "{status}: {}",
        response.text().await.unwrap_or_default()
    );
    response.json().await.expect("a JSON answer")
}
