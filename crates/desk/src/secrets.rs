//! Secrets in the OS keyring: the refresh token and the key of the local database. On Linux this
//! is the kernel keyring (keyutils), which works headless and without a session bus but is emptied
//! by a reboot, so the database key also lives sealed with the broker's password
//! (`sealed_key`); on macOS the Keychain; on Windows the Credential Manager. Nothing secret is
//! ever written to a file in the clear.

use crate::error::{DeskError, Result};
use keyring::Entry;
use rand::RngCore;
use std::sync::{Arc, Mutex, OnceLock};
use store::{DbKey, Store};
use sync::{TokenVault, VaultError};

/// The desk setting holding a copy of the refresh token inside the (encrypted) cache.
const CACHED_REFRESH_TOKEN: &str = "refresh_token";

/// The keyring entries of one user on one head office. Clones share the cache they are attached
/// to, so the sync engine's copy sees it once the session opens it.
#[derive(Clone)]
pub struct Keyring {
    service: String,
    account: String,
    /// The refresh token is also kept in the cache: a reboot empties Linux's keyring, and the
    /// cache, opened again with the password, still holds it, so sync goes on without a sign-in.
    cache: Arc<OnceLock<Arc<Mutex<Store>>>>,
}

impl Keyring {
    /// `service` is the application's name in the keyring; tests pass their own so they never
    /// touch a real user's entries.
    pub fn new(service: &str, server_url: &str, username: &str) -> Keyring {
        Keyring {
            service: service.to_string(),
            account: format!("{username}@{server_url}"),
            cache: Arc::new(OnceLock::new()),
        }
    }

    /// From now on the refresh token is kept in `store` too; the one in the keyring (a fresh
    /// sign-in's) is copied there at once, and one only the cache has (after a reboot) stays.
    pub fn attach_cache(&self, store: Arc<Mutex<Store>>) -> Result<()> {
        let in_keyring = self.read("refresh-token")?;
        let store = self.cache.get_or_init(|| store);
        if let Some(token) = in_keyring {
            cached(store).set_desk_setting(CACHED_REFRESH_TOKEN, &token)?;
        }
        Ok(())
    }

    fn cached_refresh_token(&self) -> Result<Option<String>> {
        let Some(store) = self.cache.get() else {
            return Ok(None);
        };
        let token = cached(store).desk_setting(CACHED_REFRESH_TOKEN)?;
        Ok(token.filter(|t| !t.is_empty()))
    }

    fn entry(&self, what: &str) -> keyring::Result<Entry> {
        #[cfg(target_os = "linux")]
        session_keyring::ensure_possessed();
        Entry::new(&self.service, &format!("{}#{what}", self.account))
    }

    fn read(&self, what: &str) -> keyring::Result<Option<String>> {
        match self.entry(what)?.get_password() {
            Ok(v) => Ok(Some(v)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn delete(&self, what: &str) -> keyring::Result<()> {
        match self.entry(what)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e),
        }
    }

    pub fn db_key(&self) -> Result<Option<DbKey>> {
        let Some(text) = self.read("db-key")? else {
            return Ok(None);
        };
        let bytes = hex::decode(text.trim()).map_err(|e| DeskError::Keyring(e.to_string()))?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| DeskError::Keyring("本地数据库密钥长度不正确".into()))?;
        Ok(Some(DbKey(key)))
    }

    /// A fresh random 256-bit key, stored before it is used so a crash cannot orphan a database.
    pub fn create_db_key(&self) -> Result<DbKey> {
        let mut key = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        let key = DbKey(key);
        self.store_db_key(&key)?;
        Ok(key)
    }

    /// Puts a key recovered from its sealed file back, so the next start needs no password for it.
    pub fn store_db_key(&self, key: &DbKey) -> Result<()> {
        self.entry("db-key")?.set_password(&hex::encode(key.0))?;
        Ok(())
    }

    /// Who these entries belong to: a sealed key is bound to it.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// Ends the session on this machine but keeps the cache's key.
    pub fn forget_refresh_token(&self) -> Result<()> {
        self.delete("refresh-token")?;
        if let Some(store) = self.cache.get() {
            cached(store).set_desk_setting(CACHED_REFRESH_TOKEN, "")?;
        }
        Ok(())
    }

    /// Forgets everything of this user: used at sign-out.
    pub fn wipe(&self) -> Result<()> {
        self.forget_refresh_token()?;
        self.delete("db-key")?;
        Ok(())
    }
}

fn cached(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(|p| p.into_inner())
}

impl TokenVault for Keyring {
    fn refresh_token(&self) -> Result<Option<String>, VaultError> {
        let vault_error = |e: DeskError| VaultError(e.to_string());
        match self
            .read("refresh-token")
            .map_err(|e| VaultError(e.to_string()))?
        {
            Some(token) => Ok(Some(token)),
            None => self.cached_refresh_token().map_err(vault_error),
        }
    }

    fn set_refresh_token(&self, token: &str) -> Result<(), VaultError> {
        self.entry("refresh-token")
            .and_then(|e| e.set_password(token))
            .map_err(|e| VaultError(e.to_string()))?;
        if let Some(store) = self.cache.get() {
            cached(store)
                .set_desk_setting(CACHED_REFRESH_TOKEN, token)
                .map_err(|e| VaultError(e.to_string()))?;
        }
        Ok(())
    }
}

/// keyring-rs keeps each key in the session keyring and links it into the user's persistent keyring,
/// which outlives the process and is linked into every session keyring that asks for it. A process
/// started outside a login session (a service, a container, CI) falls back to the shared
/// user-session keyring, whose keys it can add but, on current kernels, not read back. Such a thread
/// joins a fresh session keyring of its own first (credentials, and so session keyrings, belong to
/// threads); its keys still reach the persistent keyring, where every later thread and start finds
/// them.
#[cfg(target_os = "linux")]
mod session_keyring {
    use std::cell::Cell;

    const KEYCTL_JOIN_SESSION_KEYRING: libc::c_long = 1;
    const KEYCTL_DESCRIBE: libc::c_long = 6;
    const KEY_SPEC_SESSION_KEYRING: libc::c_long = -3;

    fn session_description() -> Option<String> {
        let mut buf = vec![0u8; 256];
        // SAFETY: keyctl(DESCRIBE) writes at most `buf.len()` bytes into the buffer we own.
        let n = unsafe {
            libc::syscall(
                libc::SYS_keyctl,
                KEYCTL_DESCRIBE,
                KEY_SPEC_SESSION_KEYRING,
                buf.as_mut_ptr(),
                buf.len(),
            )
        };
        let n = usize::try_from(n).ok()?.min(buf.len());
        Some(
            String::from_utf8_lossy(&buf[..n])
                .trim_end_matches('\0')
                .to_string(),
        )
    }

    thread_local! {
        static CHECKED: Cell<bool> = const { Cell::new(false) };
    }

    pub fn ensure_possessed() {
        if CHECKED.with(|c| c.replace(true)) {
            return;
        }
        {
            let shared = session_description().is_none_or(|d| {
                d.rsplit(';')
                    .next()
                    .is_some_and(|n| n.starts_with("_uid_ses."))
            });
            if shared {
                // SAFETY: a NULL name asks the kernel for a new anonymous session keyring.
                let r = unsafe {
                    libc::syscall(
                        libc::SYS_keyctl,
                        KEYCTL_JOIN_SESSION_KEYRING,
                        std::ptr::null::<libc::c_char>(),
                    )
                };
                if r < 0 {
                    tracing::warn!("could not join a session keyring; secrets may not be readable");
                }
            }
        }
    }
}
