//! Finding the cache's key. The keyring has it on an ordinary start; after a reboot (Linux's kernel
//! keyring is emptied) only the copy sealed with the broker's password is left, so the desk starts
//! locked and the password both proves who is there and opens the cache. A cache that no key
//! opens is moved aside, never deleted: it may hold work head office has not seen.

use super::{lock, Desk, Session};
use crate::error::{DeskError, Result};
use crate::profile::{self, Profile};
use crate::sealed_key::{self, Unsealed};
use crate::secrets::Keyring;
use std::path::Path;
use store::{Store, StoreError};

/// A cache found at start whose key is only in its sealed file: waits for the password.
pub(super) struct SealedCache {
    pub profile: Profile,
    pub keyring: Keyring,
}

/// What opening the cache at start found.
pub(super) enum StartKey {
    Open(Store),
    /// Nothing to open, or the cache was set aside: the broker signs in.
    SignIn,
    Sealed,
}

impl Desk {
    pub(super) fn open_at_start(&self, profile: &Profile, keyring: &Keyring) -> Result<StartKey> {
        let path = profile.database_path(&self.config.data_dir);
        let sealed = sealed_key::exists(&sealed_key::path_for(&path));
        let Some(key) = keyring.db_key()? else {
            if sealed {
                return Ok(StartKey::Sealed);
            }
            if path.exists() {
                self.set_cache_aside(&path, "本机缓存的密钥已丢失")?;
            }
            return Ok(StartKey::SignIn);
        };
        match Store::open(&path, &key) {
            Ok(store) => Ok(StartKey::Open(store)),
            // The keyring's key is not this cache's; the sealed one may be.
            Err(StoreError::WrongKey) if sealed => Ok(StartKey::Sealed),
            Err(StoreError::WrongKey) => {
                self.set_cache_aside(&path, "本机缓存无法用现有密钥打开")?;
                Ok(StartKey::SignIn)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The key for the cache of a sign-in head office has just accepted `password` for.
    pub(super) fn open_at_sign_in(
        &self,
        profile: &Profile,
        keyring: &Keyring,
        password: &str,
    ) -> Result<Store> {
        let path = profile.database_path(&self.config.data_dir);
        let key_path = sealed_key::path_for(&path);
        let key = match keyring.db_key()? {
            Some(key) => key,
            None => match sealed_key::unseal(&key_path, password, keyring.account()) {
                Ok(Unsealed::Key(key)) => {
                    keyring.store_db_key(&key)?;
                    key
                }
                Ok(Unsealed::WrongPassword) => {
                    self.set_cache_aside(&path, "本机缓存是用以前的密码保护的")?;
                    keyring.create_db_key()?
                }
                // A damaged key file must not block every sign-in: the cache is kept aside too.
                Err(DeskError::Keyring(_)) => {
                    self.set_cache_aside(&path, "本机缓存的密钥文件已损坏")?;
                    keyring.create_db_key()?
                }
                Err(e) => return Err(e),
                Ok(Unsealed::Missing) => {
                    if path.exists() {
                        self.set_cache_aside(&path, "本机缓存的密钥已丢失")?;
                    }
                    keyring.create_db_key()?
                }
            },
        };
        let store = match Store::open(&path, &key) {
            Err(StoreError::WrongKey) => {
                self.set_cache_aside(&path, "本机缓存无法用现有密钥打开")?;
                Store::open(&path, &key)?
            }
            other => other?,
        };
        // Sealed again with this password: it may have changed at head office since.
        sealed_key::seal(&key_path, &key, password, keyring.account())?;
        *lock(&self.sealed) = None;
        Ok(store)
    }

    pub(super) fn is_sealed(&self) -> bool {
        lock(&self.sealed).is_some()
    }

    /// Opens a cache the desk started without the key of: `false` if the password is not the one
    /// it was sealed with.
    pub(super) fn open_sealed(&self, password: &str) -> Result<bool> {
        let Some((profile, keyring)) = lock(&self.sealed)
            .as_ref()
            .map(|s| (s.profile.clone(), s.keyring.clone()))
        else {
            return Err(DeskError::NotSignedIn);
        };
        let path = profile.database_path(&self.config.data_dir);
        let key =
            match sealed_key::unseal(&sealed_key::path_for(&path), password, keyring.account())? {
                Unsealed::Key(key) => key,
                Unsealed::WrongPassword => return Ok(false),
                Unsealed::Missing => {
                    *lock(&self.sealed) = None;
                    return Err(DeskError::Validation(
                        "本机没有可用于解锁的凭据，请重新登录".into(),
                    ));
                }
            };
        let store = match Store::open(&path, &key) {
            Err(StoreError::WrongKey) => {
                *lock(&self.sealed) = None;
                let said = self.set_cache_aside(&path, "本机缓存无法用保存的密钥打开")?;
                return Err(DeskError::Validation(said));
            }
            other => other?,
        };
        keyring.store_db_key(&key)?;
        let engine = self.engine_for(&profile, &keyring)?;
        self.start_session(profile, keyring, store, engine)?;
        *lock(&self.sealed) = None;
        Ok(true)
    }

    /// A cache made before keys were sealed gets its sealed key at the first unlock.
    pub(super) fn seal_if_missing(&self, session: &Session, password: &str) -> Result<()> {
        let path = session.profile.database_path(&self.config.data_dir);
        let key_path = sealed_key::path_for(&path);
        if sealed_key::exists(&key_path) {
            return Ok(());
        }
        let Some(key) = session.keyring.db_key()? else {
            return Ok(());
        };
        sealed_key::seal(&key_path, &key, password, session.keyring.account())
    }

    /// Moves the cache aside and says so, in the notice the window shows and in the log.
    fn set_cache_aside(&self, path: &Path, why: &str) -> Result<String> {
        let stamp = self.now().format("%Y%m%d-%H%M%S").to_string();
        let kept = profile::set_aside(path, &stamp)?;
        let said = format!(
            "{why}，原缓存（可能含尚未同步的记录）已另存为 {}，没有删除。请登录后重新同步客户资料；如有未同步的记录需要找回，请联系总部信息技术部。",
            kept.display()
        );
        tracing::warn!("{said}");
        *lock(&self.notice) = Some(said.clone());
        Ok(said)
    }
}
