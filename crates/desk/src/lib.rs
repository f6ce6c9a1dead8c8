//! The desk itself, without Tauri: sign-in, the session, the cache and sync. Commands call into
//! this; tests drive it directly against a real head office and the real keyring.

pub mod error;
pub mod firm_config;
pub mod ipc;
mod profile;
mod sealed_key;
mod secrets;

mod agenda;
mod book;
mod broker_data;
mod cache_key;
mod commission;
mod complaints;
mod events;
mod export;
mod lock;
mod recommend;
mod sign_out;
mod statement_export;
mod syncing;
mod team;
mod threads;
mod update;

pub use update::{verify_bundle, DeskBuild};

use crate::error::{DeskError, Result};
use crate::firm_config::FirmConfig;
pub use crate::firm_config::FIRM_CA_FILE;
use crate::ipc::{Connection, SessionState, SignInForm, SyncStatus};
use crate::profile::Profile;
use crate::secrets::Keyring;
use clock::SharedClock;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use store::{ClientProfile, NewContactNote, Store, WriteIds};
use sync::{HeadOffice, SyncEngine};

pub struct DeskConfig {
    pub data_dir: PathBuf,
    /// The application's name in the OS keyring.
    pub keyring_service: String,
    /// Prefilled in the sign-in form until the broker has signed in somewhere.
    pub default_server_url: Option<String>,
    /// The firm-wide settings file (`firm_config::FIRM_CONFIG_PATH` when installed).
    pub firm_config: PathBuf,
    /// Where exported client lists are written (the user's downloads folder).
    pub export_dir: PathBuf,
    /// The desk's "now": the system clock in the app, a pinned one in tests.
    pub clock: SharedClock,
    /// What the running app is, for updating itself.
    pub build: DeskBuild,
}

pub(crate) struct Session {
    profile: Profile,
    keyring: Keyring,
    /// The one writing connection: broker writes and the sync's pages, one transaction each.
    store: Arc<Mutex<Store>>,
    /// A reading connection of its own, so that the list, the 360° and the panels answer while
    /// a sync holds `store` to apply a page (WAL: reads see the last committed page).
    reader: Mutex<Store>,
    engine: SyncEngine,
}

pub struct Desk {
    config: DeskConfig,
    session: Mutex<Option<Arc<Session>>>,
    status: Mutex<SyncStatus>,
    /// One sync at a time: the background loop and "sync now" queue behind each other.
    sync_lock: tokio::sync::Mutex<()>,
    /// Locked screens show nothing of the book; sync goes on underneath.
    lock: Mutex<lock::LockState>,
    /// A cache whose key waits for the broker's password (the keyring lost it, e.g. a reboot).
    sealed: Mutex<Option<cache_key::SealedCache>>,
    /// Something the broker must be told on the next screen, e.g. that a cache was set aside.
    notice: Mutex<Option<String>>,
    /// What branch IT set for every desk, read once at start.
    firm: FirmConfig,
    /// The release head office offered at the last sync, to install on the broker's click.
    offered: Mutex<Option<protocol::release::DeskUpdate>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Desk {
    /// Opens the desk and, if someone was signed in, their cache, with no network at all.
    pub fn open(config: DeskConfig) -> Result<Desk> {
        std::fs::create_dir_all(&config.data_dir).map_err(|source| DeskError::Files {
            path: config.data_dir.display().to_string(),
            source,
        })?;
        // A wrong firm file must not keep the broker out: they are told, and may type the address.
        let (firm, firm_problem) = match FirmConfig::load(&config.firm_config) {
            Ok(firm) => (firm.unwrap_or_default(), None),
            Err(e) => (FirmConfig::default(), Some(e.to_string())),
        };
        let desk = Desk {
            firm,
            session: Mutex::new(None),
            status: Mutex::new(SyncStatus {
                connection: Connection::Unknown,
                syncing: false,
                progress: None,
                pending: 0,
                last_sync_at: None,
                last_error: None,
                notice: None,
                update: None,
                version: config.build.version.to_string(),
            }),
            sync_lock: tokio::sync::Mutex::new(()),
            lock: Mutex::new(lock::LockState::default()),
            sealed: Mutex::new(None),
            notice: Mutex::new(firm_problem),
            offered: Mutex::new(None),
            config,
        };
        if let Some(p) = profile::load(&desk.config.data_dir)? {
            if p.user.is_some() {
                desk.restore(p)?;
            }
        }
        Ok(desk)
    }

    fn restore(&self, profile: Profile) -> Result<()> {
        let keyring = Keyring::new(
            &self.config.keyring_service,
            &profile.server_url,
            &profile.username,
        );
        let store = match self.open_at_start(&profile, &keyring)? {
            cache_key::StartKey::Open(store) => store,
            cache_key::StartKey::SignIn => return Ok(()),
            cache_key::StartKey::Sealed => {
                // Starts locked: the password opens the cache.
                *lock(&self.sealed) = Some(cache_key::SealedCache { profile, keyring });
                return Ok(());
            }
        };
        let engine = self.engine_for(&profile, &keyring)?;
        // Whoever starts the app on this machine must prove they are the broker before the book
        // shows, as after an idle lock; with no password check stored yet, there is nothing to
        // check against and the desk opens.
        let can_unlock = store.desk_setting(lock::VERIFIER)?.is_some();
        self.start_session(profile, keyring, store, engine)?;
        let at = self.config.clock.monotonic();
        *lock(&self.lock) = if can_unlock {
            lock::LockState::locked_at_start(at)
        } else {
            lock::LockState::opened(at)
        };
        Ok(())
    }

    fn engine_for(&self, profile: &Profile, keyring: &Keyring) -> Result<SyncEngine> {
        let device_id = profile::device_id(&self.config.data_dir)?;
        let firm_ca = self.firm.roots(&self.config.data_dir);
        let head_office = HeadOffice::trusting(&profile.server_url, firm_ca.as_deref())?;
        Ok(SyncEngine::new(
            head_office,
            device_id,
            Arc::new(keyring.clone()),
            self.config.clock.clone(),
        ))
    }

    fn start_session(
        &self,
        profile: Profile,
        keyring: Keyring,
        store: Store,
        engine: SyncEngine,
    ) -> Result<()> {
        let counters = store.sync_counters()?;
        *lock(&self.status) =
            SyncStatus::from_counters(&counters, self.config.build.version.to_string());
        store.build_read_indexes()?;
        let reader = Mutex::new(store.reader()?);
        let store = Arc::new(Mutex::new(store));
        keyring.attach_cache(store.clone())?;
        *lock(&self.session) = Some(Arc::new(Session {
            profile,
            keyring,
            store,
            reader,
            engine,
        }));
        Ok(())
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.config.clock.now()
    }

    /// The firm's day (Asia/Shanghai) by the desk's clock: what "today", "this month" and
    /// "overdue" mean to a broker, whatever zone this machine is set to.
    pub fn today(&self) -> chrono::NaiveDate {
        self.config.clock.today()
    }

    fn session(&self) -> Result<Arc<Session>> {
        lock(&self.session).clone().ok_or(DeskError::NotSignedIn)
    }

    /// The session, for anything that shows or changes the book: refused while the desk is locked.
    fn unlocked(&self) -> Result<Arc<Session>> {
        let session = self.session()?;
        if self.is_locked()? {
            return Err(DeskError::Locked);
        }
        Ok(session)
    }

    /// Before the process ends (the system shutting down, the desk asked to stop): lets a
    /// renewal of the session in flight keep its new token (`SyncEngine::wait_for_renewal`).
    pub async fn wait_for_renewal(&self) {
        let session = lock(&self.session).clone();
        if let Some(session) = session {
            session.engine.wait_for_renewal().await;
        }
    }

    pub fn is_signed_in(&self) -> bool {
        lock(&self.session).is_some()
    }

    pub fn session_state(&self) -> Result<SessionState> {
        let notice = lock(&self.notice).clone();
        let current = lock(&self.session).clone();
        if let Some(s) = current {
            return Ok(SessionState {
                locked: self.is_locked()?,
                signed_in: true,
                user: s.profile.user.clone(),
                server_url: Some(s.profile.server_url.clone()),
                server_fixed: self.firm.server_url.is_some(),
                last_username: Some(s.profile.username.clone()),
                notice,
            });
        }
        if let Some(s) = lock(&self.sealed).as_ref() {
            return Ok(SessionState {
                locked: true,
                signed_in: true,
                user: s.profile.user.clone(),
                server_url: Some(s.profile.server_url.clone()),
                server_fixed: self.firm.server_url.is_some(),
                last_username: Some(s.profile.username.clone()),
                notice,
            });
        }
        let remembered = profile::load(&self.config.data_dir)?;
        let server_url = match &self.firm.server_url {
            Some(firm) => Some(firm.clone()),
            None => remembered
                .as_ref()
                .map(|p| p.server_url.clone())
                .or_else(|| self.config.default_server_url.clone()),
        };
        Ok(SessionState {
            notice,
            locked: false,
            signed_in: false,
            user: None,
            server_url,
            server_fixed: self.firm.server_url.is_some(),
            last_username: remembered.map(|p| p.username),
        })
    }

    pub async fn sign_in(&self, form: SignInForm) -> Result<SessionState> {
        // Where the firm fixed the server, that is where every broker signs in.
        let server_url = match &self.firm.server_url {
            Some(firm) => firm.clone(),
            None => form.server_url.trim().trim_end_matches('/').to_string(),
        };
        let username = form.username.trim().to_string();
        if server_url.is_empty() {
            return Err(DeskError::Validation(
                "请填写服务器地址，例如 http://127.0.0.1:8787".into(),
            ));
        }
        if username.is_empty() {
            return Err(DeskError::Validation("请填写用户名".into()));
        }
        if form.password.is_empty() {
            return Err(DeskError::Validation("请填写密码".into()));
        }
        *lock(&self.notice) = None;
        let mut profile = Profile {
            server_url,
            username,
            user: None,
        };
        let keyring = Keyring::new(
            &self.config.keyring_service,
            &profile.server_url,
            &profile.username,
        );
        let engine = self.engine_for(&profile, &keyring)?;
        let user = engine.sign_in(&profile.username, &form.password).await?;
        if !user.role.uses_desk() {
            // Head office's staff work at head office; a desk holds a broker's or a lead's book.
            // The session just opened is closed again so no token stays behind.
            engine.sign_out().await?;
            return Err(DeskError::Validation(
                if user.role == protocol::Role::Service {
                    "客服账号不能登录经纪人工作台：投诉和回访请在总部系统（head-office case / visit）处理"
                    .into()
                } else {
                    "总部职能部门的账号不能登录经纪人工作台：请在总部管理控制台处理".into()
                },
            ));
        }
        profile.user = Some(user);

        let store = self.open_at_sign_in(&profile, &keyring, &form.password)?;
        profile::save(&self.config.data_dir, &profile)?;
        lock::remember_password(&store, &form.password)?;
        *lock(&self.lock) = lock::LockState::opened(self.config.clock.monotonic());
        self.start_session(profile, keyring, store, engine)?;
        self.session_state()
    }

    /// Records a contact in the cache and the outbox at once; it reaches head office with the next
    /// sync, now or whenever the network is back.
    pub fn add_contact_note(&self, note: &NewContactNote) -> Result<ClientProfile> {
        let session = self.unlocked()?;
        let author = session
            .profile
            .user
            .as_ref()
            .map(|u| u.user_id.clone())
            .ok_or(DeskError::NotSignedIn)?;
        let ids = WriteIds {
            mutation_id: format!("m-{}", random_id()),
            record_id: format!("N-{}", random_id()),
        };
        let pending = {
            let mut store = lock(&session.store);
            store.add_contact_note(ids, &author, note, self.now())?;
            store.sync_counters()?.pending
        };
        lock(&self.status).pending = pending;
        self.client_profile(&note.client_id)
    }
}

/// 128 random bits, hex: ids made on the desk for its own writes.
pub(crate) fn random_id() -> String {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    hex::encode(bytes)
}
