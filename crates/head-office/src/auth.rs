//! Tokens (password hashes are storage's `passwords`; sign-in throttling is `throttle`).
//!
//! Access tokens are short-lived and held in memory only: a restarted head office forgets them and
//! desks quietly renew with their refresh token, which lives (hashed) in storage.

use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

pub const ACCESS_TOKEN_TTL: Duration = Duration::minutes(15);
/// A desk unused this long must sign in with the password again.
pub const REFRESH_TOKEN_TTL: Duration = Duration::days(7);
/// However often it is refreshed, a sign-in ends this long after it began.
pub const SESSION_MAX_AGE: Duration = Duration::days(30);
/// 256 random bits, hex-encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Tokens are stored only as hashes, so a copy of the database gives nobody a session.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[derive(Debug, Clone)]
pub struct AccessGrant {
    pub user_id: String,
    /// The sign-in it was issued under, so a stolen refresh token ends that session's access too.
    pub family_id: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Default)]
pub struct AccessTokens {
    grants: Mutex<HashMap<String, AccessGrant>>,
}

impl AccessTokens {
    pub fn issue(&self, user_id: &str, family_id: &str, now: DateTime<Utc>) -> String {
        let token = new_token();
        let mut grants = self.grants.lock().unwrap_or_else(|p| p.into_inner());
        grants.retain(|_, g| g.expires_at > now);
        grants.insert(
            token_hash(&token),
            AccessGrant {
                user_id: user_id.to_string(),
                family_id: family_id.to_string(),
                issued_at: now,
                expires_at: now + ACCESS_TOKEN_TTL,
            },
        );
        token
    }

    pub fn check(&self, token: &str, now: DateTime<Utc>) -> Result<AccessGrant> {
        let grants = self.grants.lock().unwrap_or_else(|p| p.into_inner());
        match grants.get(&token_hash(token)) {
            Some(g) if g.expires_at > now => Ok(g.clone()),
            _ => Err(HeadOfficeError::Unauthorized),
        }
    }

    /// Ends every access token of a user, for sign-out and for a refresh token shown by another
    /// device.
    pub fn revoke_user(&self, user_id: &str) {
        let mut grants = self.grants.lock().unwrap_or_else(|p| p.into_inner());
        grants.retain(|_, g| g.user_id != user_id);
    }

    /// Ends the access tokens of one sign-in, for a replayed refresh token: whoever holds an
    /// access token of that session may be the thief.
    pub fn revoke_family(&self, family_id: &str) {
        let mut grants = self.grants.lock().unwrap_or_else(|p| p.into_inner());
        grants.retain(|_, g| g.family_id != family_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_tokens_expire() {
        let tokens = AccessTokens::default();
        let t0 = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 2, 0, 0).unwrap();
        let tok = tokens.issue("B001", "F1", t0);
        let other = tokens.issue("B001", "F2", t0);
        assert_eq!(tokens.check(&tok, t0).unwrap().user_id, "B001");
        assert!(tokens.check(&tok, t0 + Duration::minutes(16)).is_err());
        assert!(tokens.check("nonsense", t0).is_err());
        tokens.revoke_family("F1");
        assert!(tokens.check(&tok, t0).is_err());
        assert!(tokens.check(&other, t0).is_ok(), "another sign-in lives on");
    }
}
