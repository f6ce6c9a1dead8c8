//! The cache's key, sealed with the broker's password, in a file beside the cache. The keyring
//! holds the key for everyday starts, but on Linux it is the kernel keyring, which a reboot (or a
//! few days unused) empties; without the key the cache, unsynced work included, would be noise.
//! With this file the broker's password opens the cache again, offline.
//!
//! The password is stretched with Argon2id (the same cost as head office's password hashes) and
//! the key sealed with XChaCha20-Poly1305, bound to the account so a file cannot be swapped in
//! from another user's cache. Guessing the password offline costs one Argon2id run per guess,
//! exactly as guessing it against the unlock check already does.

use crate::error::{DeskError, Result};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use store::DbKey;

#[derive(Debug, Serialize, Deserialize)]
struct SealedKeyFile {
    version: u32,
    /// Argon2id cost, kept with the file so a later desk can raise it and still open old files.
    m_kib: u32,
    t: u32,
    p: u32,
    salt: String,
    nonce: String,
    sealed: String,
}

/// Where the sealed key of the cache at `database` lives.
pub fn path_for(database: &Path) -> PathBuf {
    let mut p = database.as_os_str().to_owned();
    p.push(".key");
    PathBuf::from(p)
}

fn files_error(path: &Path, source: std::io::Error) -> DeskError {
    DeskError::Files {
        path: path.display().to_string(),
        source,
    }
}

fn stretch(password: &str, salt: &[u8], params: Params) -> Result<[u8; 32]> {
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(password.as_bytes(), salt, &mut out)
        .map_err(|e| DeskError::Validation(format!("无法保护本地数据库密钥：{e}")))?;
    Ok(out)
}

/// Seals `key` with `password` into `path`, replacing what was there (the password may have
/// changed since the last sign-in). Written beside and renamed, so a crash leaves the old file.
pub fn seal(path: &Path, key: &DbKey, password: &str, account: &str) -> Result<()> {
    let params = Params::default();
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let wrapping = stretch(password, &salt, params.clone())?;
    let cipher = XChaCha20Poly1305::new((&wrapping).into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &key.0,
                aad: account.as_bytes(),
            },
        )
        .map_err(|_| DeskError::Validation("无法保护本地数据库密钥".into()))?;
    let file = SealedKeyFile {
        version: 1,
        m_kib: params.m_cost(),
        t: params.t_cost(),
        p: params.p_cost(),
        salt: hex::encode(salt),
        nonce: hex::encode(nonce),
        sealed: hex::encode(sealed),
    };
    let bytes =
        serde_json::to_vec(&file).map_err(|e| files_error(path, std::io::Error::other(e)))?;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    write_private(&tmp, &bytes)?;
    std::fs::rename(&tmp, path).map_err(|e| files_error(path, e))
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| files_error(path, e))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| files_error(path, e))
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| files_error(path, e))
}

/// What opening a sealed key found.
pub enum Unsealed {
    Key(DbKey),
    /// The file is there but this password (or account) does not open it.
    WrongPassword,
    /// No file: the cache was made before keys were sealed, or signed out.
    Missing,
}

impl std::fmt::Debug for Unsealed {
    // Never the key itself, not even in a test's failure message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unsealed::Key(_) => "Key(..)",
            Unsealed::WrongPassword => "WrongPassword",
            Unsealed::Missing => "Missing",
        })
    }
}

pub fn exists(path: &Path) -> bool {
    path.is_file()
}

pub fn unseal(path: &Path, password: &str, account: &str) -> Result<Unsealed> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Unsealed::Missing),
        Err(e) => return Err(files_error(path, e)),
    };
    let damaged = || {
        DeskError::Keyring(format!(
            "本地数据库密钥文件 {} 已损坏。请退出后重新登录；如有尚未同步的记录，请联系总部信息技术部协助找回",
            path.display()
        ))
    };
    let file: SealedKeyFile = serde_json::from_slice(&bytes).map_err(|_| damaged())?;
    let decode = |h: &str| hex::decode(h).map_err(|_| damaged());
    let (salt, nonce, sealed) = (
        decode(&file.salt)?,
        decode(&file.nonce)?,
        decode(&file.sealed)?,
    );
    if file.version != 1 || nonce.len() != 24 {
        return Err(damaged());
    }
    let params = Params::new(file.m_kib, file.t, file.p, Some(32)).map_err(|_| damaged())?;
    let wrapping = stretch(password, &salt, params)?;
    let cipher = XChaCha20Poly1305::new((&wrapping).into());
    let opened = cipher.decrypt(
        XNonce::from_slice(&nonce),
        Payload {
            msg: &sealed,
            aad: account.as_bytes(),
        },
    );
    let Ok(plain) = opened else {
        return Ok(Unsealed::WrongPassword);
    };
    let key: [u8; 32] = plain.try_into().map_err(|_| damaged())?;
    Ok(Unsealed::Key(DbKey(key)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_password_and_account_it_was_sealed_with_open_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_for(&dir.path().join("book.db"));
        let key = DbKey([7u8; 32]);
        assert!(matches!(
            unseal(&path, "pw", "a").unwrap(),
            Unsealed::Missing
        ));
        seal(&path, &key, "pw-1", "broker01@http://ho").unwrap();
        match unseal(&path, "pw-1", "broker01@http://ho").unwrap() {
            Unsealed::Key(k) => assert_eq!(k.0, key.0),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            unseal(&path, "pw-2", "broker01@http://ho").unwrap(),
            Unsealed::WrongPassword
        ));
        assert!(matches!(
            unseal(&path, "pw-1", "broker02@http://ho").unwrap(),
            Unsealed::WrongPassword
        ));
        let text = std::fs::read(&path).unwrap();
        assert!(!text.windows(4).any(|w| w == b"pw-1"));
        assert!(!text.windows(32).any(|w| w == key.0));
        std::fs::write(&path, b"{not json").unwrap();
        assert!(matches!(
            unseal(&path, "pw-1", "broker01@http://ho"),
            Err(DeskError::Keyring(_))
        ));
    }
}
