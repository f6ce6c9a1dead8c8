//! Leaving the desk. Signing out ends the sign-in at head office and takes the keys off this
//! machine but keeps the broker's cache, sealed with their password: the next sign-in here opens
//! it again, with everything only it holds (unsynced writes, own reminders, saved filters,
//! undecided conflicts, refused writes and their text, the push archive). Wiping the cache is a
//! separate choice, told first exactly what goes, and refused while writes wait. Neither works on
//! a locked desk, whose user has not shown they are the broker; switching user there leaves
//! everything as it is.

use super::{lock, Desk};
use crate::error::{DeskError, Result};
use crate::ipc::SessionState;
use crate::profile;
use crate::sealed_key;
use store::LocalData;

/// How long sign-out waits to tell head office before going on without it.
const SIGN_OUT_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

impl Desk {
    /// What only this cache holds: what a wipe would take.
    pub fn local_data(&self) -> Result<LocalData> {
        let session = self.unlocked()?;
        let data = lock(&session.store).local_data()?;
        Ok(data)
    }

    /// Ends the session. `wipe` also deletes the cache, refused while writes wait in the outbox.
    pub async fn sign_out(&self, wipe: bool) -> Result<SessionState> {
        if self.is_sealed() {
            return Err(DeskError::Locked);
        }
        let Some(session) = lock(&self.session).clone() else {
            return self.session_state();
        };
        if self.is_locked()? {
            return Err(DeskError::Locked);
        }
        if wipe {
            let pending = lock(&session.store).sync_counters()?.pending;
            if pending > 0 {
                return Err(DeskError::Validation(format!(
                    "还有 {pending} 条变更尚未同步到总部，清除本机数据会丢失它们。请联网同步后再清除，或只退出登录（保留本机数据）"
                )));
            }
        }
        // Head office ends the sign-in too when it can be reached; offline, the tokens are
        // taken off this machine below and expire there on their own.
        let told = tokio::time::timeout(SIGN_OUT_WAIT, session.engine.sign_out()).await;
        if !matches!(told, Ok(Ok(()))) {
            tracing::warn!("head office not told of the sign-out: {told:?}");
        }
        let Some(session) = lock(&self.session).take() else {
            return self.session_state();
        };
        let path = session.profile.database_path(&self.config.data_dir);
        let sealed = sealed_key::exists(&sealed_key::path_for(&path));
        if wipe || sealed {
            // Kept caches open again with the password alone: the key leaves the keyring.
            session.keyring.wipe()?;
        } else {
            // Never sealed (opened without a password since keys were sealed): the keyring's
            // key is the only one, and the cache must stay openable.
            session.keyring.forget_refresh_token()?;
        }
        let mut remembered = session.profile.clone();
        remembered.user = None;
        profile::save(&self.config.data_dir, &remembered)?;
        drop(session);
        if wipe {
            profile::remove_database(&path)?;
        }
        self.session_state()
    }

    /// Leaves a locked desk for someone else to sign in, or the broker to sign in afresh: the
    /// cache, keys and head office's session stay as they are.
    pub fn switch_user(&self) -> Result<SessionState> {
        *lock(&self.session) = None;
        *lock(&self.sealed) = None;
        *lock(&self.lock) = super::lock::LockState::default();
        self.session_state()
    }
}
