//! The head office: the firm's API server that desks sign in to and sync with.
//!
//! `api` maps HTTP to calls on a [`storage::Storage`]; `auth` holds passwords and tokens; `demo`
//! generates the demo firm. Nothing here knows about the desk's local store.

pub mod access;
pub mod accounts;
pub mod admin;
mod api;
pub mod appraisal;
pub mod audit;
pub mod auth;
pub mod backups;
pub mod channel;
pub mod console;
mod delivery;
mod due_transfers;
pub mod error;
pub mod finance;
pub mod handover;
pub mod import;
pub mod levels;
pub mod library;
pub mod log_export;
pub mod openapi;
pub mod pay_adjustments;
pub mod pay_plans;
pub mod relationships;
pub mod releases;
pub mod reports;
pub mod serve;
pub mod staff_log;
pub mod team;
pub mod team_transfers;
pub mod throttle;
pub mod tls;
pub mod units;

pub use api::{AUTH_BODY_LIMIT, EMPTY_BODY_LIMIT, PUSH_BODY_LIMIT, TEAM_BODY_LIMIT};
use clock::SharedClock;
pub use delivery::{ChannelSource, DeliveryOptions};
use head_office_storage::Storage;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub struct AppState {
    pub storage: Arc<dyn Storage>,
    /// Every handler's "now": token expiry, the month of a dashboard, when a note was received.
    pub clock: SharedClock,
    /// Password hashes running at once (each takes 19 MiB and a core for a moment).
    hashing: tokio::sync::Semaphore,
}

impl AppState {
    pub fn new(storage: Arc<dyn Storage>, clock: SharedClock) -> Arc<AppState> {
        Arc::new(AppState {
            storage,
            clock,
            hashing: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get),
            ),
        })
    }
}

pub fn router(state: Arc<AppState>) -> axum::Router {
    api::router(state)
}

/// A head office serving on a socket until stopped; what `main` runs and what tests start.
pub struct RunningHeadOffice {
    pub addr: SocketAddr,
    https: bool,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    deliveries: JoinHandle<()>,
    due_transfers: JoinHandle<()>,
}

impl RunningHeadOffice {
    /// Serves with the simulated channel, as the tests and the demo do; `head-office serve`
    /// without `--demo` chooses [`DeliveryOptions::configured`] through `start_with`.
    pub async fn start(
        storage: Arc<dyn Storage>,
        addr: SocketAddr,
        clock: SharedClock,
    ) -> std::io::Result<RunningHeadOffice> {
        Self::start_with(storage, addr, clock, DeliveryOptions::simulated()).await
    }

    pub async fn start_with(
        storage: Arc<dyn Storage>,
        addr: SocketAddr,
        clock: SharedClock,
        delivery: DeliveryOptions,
    ) -> std::io::Result<RunningHeadOffice> {
        Self::start_serving(storage, addr, clock, delivery, None).await
    }

    /// The same over HTTPS when `tls` is given (`serve --tls-cert --tls-key`).
    pub async fn start_serving(
        storage: Arc<dyn Storage>,
        addr: SocketAddr,
        clock: SharedClock,
        delivery: DeliveryOptions,
        tls: Option<tokio_rustls::TlsAcceptor>,
    ) -> std::io::Result<RunningHeadOffice> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let deliveries = tokio::spawn(delivery::run(storage.clone(), clock.clone(), delivery));
        let due_transfers = tokio::spawn(due_transfers::run(storage.clone(), clock.clone()));
        let (tx, rx) = oneshot::channel::<()>();
        let app = router(AppState::new(storage, clock));
        let https = tls.is_some();
        let task = tokio::spawn(serve::serve(listener, app, rx, tls));
        Ok(RunningHeadOffice {
            addr,
            https,
            shutdown: Some(tx),
            task,
            deliveries,
            due_transfers,
        })
    }

    pub fn base_url(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Stops accepting, lets requests in flight finish, and returns once the socket is closed.
    pub async fn stop(mut self) {
        self.deliveries.abort();
        self.due_transfers.abort();
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.task).await;
    }

    /// Runs until the task ends (Ctrl-C handling is the caller's).
    pub async fn wait(self) -> std::io::Result<()> {
        let result = self.task.await;
        self.deliveries.abort();
        self.due_transfers.abort();
        match result {
            Ok(r) => r,
            Err(e) => Err(std::io::Error::other(e)),
        }
    }
}
