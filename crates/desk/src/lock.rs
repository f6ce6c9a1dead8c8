//! The idle lock. After the chosen idle time (and at every start) the window hides the book and
//! the desk refuses to show it until the broker types their sign-in password. The check is local
//! (an Argon2 hash kept in the encrypted cache), so it works offline; sync carries on underneath.
//!
//! The idle time is enforced here, not only by the window's timer (which a suspend skips): the
//! window reports the broker's activity, and any command after the idle time, by the clock's
//! monotonic time that counts a suspend and ignores the wall clock, finds the desk locked.

use super::{lock, Desk};
use crate::error::{DeskError, Result};
use crate::ipc::{LockSettings, SessionState};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::time::Duration;
use store::Store;

/// The desk setting holding the Argon2 hash of the last password that signed in here.
pub(super) const VERIFIER: &str = "unlock_verifier";
const IDLE_MINUTES: &str = "idle_lock_minutes";
const DEFAULT_IDLE_MINUTES: u32 = 10;
/// After this many wrong passwords in a row the desk waits before it checks again.
const MAX_FAILURES: u32 = 5;
const COOL_DOWN_SECONDS: u64 = 30;

/// Times are the clock's monotonic time, so a test can step past them and a user cannot by
/// setting the clock back.
#[derive(Debug, Default)]
pub(super) struct LockState {
    locked: bool,
    failures: u32,
    blocked_until: Option<Duration>,
    /// When the window last reported the broker at the desk (or the desk was opened).
    last_activity: Duration,
}

impl LockState {
    pub fn opened(at: Duration) -> LockState {
        LockState {
            last_activity: at,
            ..LockState::default()
        }
    }

    pub fn locked_at_start(at: Duration) -> LockState {
        LockState {
            locked: true,
            ..LockState::opened(at)
        }
    }
}

fn settings_of(store: &Store) -> Result<LockSettings> {
    let max = store.firm_policy()?.max_idle_lock_minutes.max(1);
    let chosen = store
        .desk_setting(IDLE_MINUTES)?
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(DEFAULT_IDLE_MINUTES);
    Ok(LockSettings {
        idle_lock_minutes: chosen.clamp(1, max),
        max_idle_lock_minutes: max,
    })
}

pub(super) fn remember_password(store: &Store, password: &str) -> Result<()> {
    let salt = SaltString::generate(&mut OsRng);
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| DeskError::Validation(format!("无法保存解锁凭据：{e}")))?;
    store.set_desk_setting(VERIFIER, &hash.to_string())?;
    Ok(())
}

fn password_matches(stored: &str, password: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

impl Desk {
    /// Whether the book is hidden now: locked by hand, at start, or idle past the chosen time
    /// (which locks it, here and for good until the password is typed).
    pub(super) fn is_locked(&self) -> Result<bool> {
        let session = self.session()?;
        let limit = settings_of(&lock(&session.store))?.idle_lock_minutes;
        let now = self.config.clock.monotonic();
        let mut state = lock(&self.lock);
        let idle = now.saturating_sub(state.last_activity);
        if idle >= Duration::from_secs(u64::from(limit) * 60) {
            state.locked = true;
        }
        Ok(state.locked)
    }

    /// The window saw the broker at the desk (a key, a click, the mouse): the idle time starts
    /// again, unless it has already run out.
    pub fn note_activity(&self) -> Result<SessionState> {
        if !self.is_sealed() && !self.is_locked()? {
            lock(&self.lock).last_activity = self.config.clock.monotonic();
        }
        self.session_state()
    }

    pub fn lock_desk(&self) -> Result<SessionState> {
        self.session()?;
        lock(&self.lock).locked = true;
        self.session_state()
    }

    pub fn unlock(&self, password: &str) -> Result<SessionState> {
        {
            let state = lock(&self.lock);
            if state
                .blocked_until
                .is_some_and(|t| self.config.clock.monotonic() < t)
            {
                return Err(DeskError::Validation(format!(
                    "密码连续输错 {MAX_FAILURES} 次，请 {COOL_DOWN_SECONDS} 秒后再试"
                )));
            }
        }
        if password.is_empty() {
            return Err(DeskError::Validation("请输入登录密码".into()));
        }
        let ok = if self.is_sealed() {
            self.open_sealed(password)?
        } else {
            self.password_opens(password)?
        };
        let now = self.config.clock.monotonic();
        let mut state = lock(&self.lock);
        if ok {
            *state = LockState::opened(now);
            drop(state);
            return self.session_state();
        }
        state.failures += 1;
        if state.failures >= MAX_FAILURES {
            state.failures = 0;
            state.blocked_until = Some(now + Duration::from_secs(COOL_DOWN_SECONDS));
        }
        Err(DeskError::Validation(
            "密码不正确，请输入本账号的登录密码".into(),
        ))
    }

    /// Checks the password against the one that last signed in here, offline.
    fn password_opens(&self, password: &str) -> Result<bool> {
        let session = self.session()?;
        let stored = lock(&session.store).desk_setting(VERIFIER)?;
        let Some(stored) = stored else {
            // Nothing to check against: only a fresh sign-in can open this desk.
            return Err(DeskError::Validation(
                "本机没有可用于解锁的凭据，请退出后重新登录".into(),
            ));
        };
        if !password_matches(&stored, password) {
            return Ok(false);
        }
        self.seal_if_missing(&session, password)?;
        Ok(true)
    }

    pub fn lock_settings(&self) -> Result<LockSettings> {
        let session = self.session()?;
        let settings = settings_of(&lock(&session.store));
        settings
    }

    pub fn set_idle_lock_minutes(&self, minutes: u32) -> Result<LockSettings> {
        let session = self.unlocked()?;
        {
            let store = lock(&session.store);
            let max = store.firm_policy()?.max_idle_lock_minutes.max(1);
            if minutes < 1 || minutes > max {
                return Err(DeskError::Validation(format!(
                    "自动锁定时间应在 1 到 {max} 分钟之间（公司规定最长 {max} 分钟）"
                )));
            }
            store.set_desk_setting(IDLE_MINUTES, &minutes.to_string())?;
        }
        self.lock_settings()
    }
}
