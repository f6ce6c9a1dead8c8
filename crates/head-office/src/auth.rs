//! Tokens (password hashes are storage's `passwords`; sign-in throttling is `throttle`).
//!
//! Access and refresh tokens are random and kept only as hashes, in the database every replica
//! shares (`head_office_storage::shared`): any replica checks a token another issued, and a copy
//! of the database gives nobody a session.

use chrono::Duration;
use rand::RngCore;
use sha2::{Digest, Sha256};

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
