//! The password hashes the users table keeps (Argon2id, PHC strings): made and checked here so
//! that every writer of a user row (sign-in, the admin CLI, the demo firm) agrees on the format.

use crate::error::{Result, StorageError};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StorageError::Hashing(e.to_string()))
}

pub fn verify_password(password: &str, stored_hash: &str) -> Result<bool> {
    let parsed =
        PasswordHash::new(stored_hash).map_err(|e| StorageError::Hashing(e.to_string()))?;
    Ok(Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok())
}

/// Costs the same as a verification; used when the user name is unknown.
pub fn hash_password_dummy(password: &str) -> Result<()> {
    hash_password(password).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hash_verifies_only_the_right_password() {
        let h = hash_password("demo1234").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("demo1234", &h).unwrap());
        assert!(!verify_password("demo12345", &h).unwrap());
    }
}
