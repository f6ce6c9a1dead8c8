//! What the desk remembers in plain files: which user was signed in to which head office, and the
//! device's id. No secrets: those are in the keyring.

use crate::error::{DeskError, Result};
use protocol::UserProfile;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Profile {
    pub server_url: String,
    pub username: String,
    /// `None` after sign-out: the form is prefilled but nobody is signed in.
    pub user: Option<UserProfile>,
}

impl Profile {
    /// The cache file of this user on this head office.
    pub fn database_path(&self, data_dir: &Path) -> PathBuf {
        let digest = Sha256::digest(format!("{}\n{}", self.server_url, self.username));
        data_dir.join(format!("book-{}.db", &hex::encode(digest)[..16]))
    }
}

fn io_error(path: &Path, source: std::io::Error) -> DeskError {
    DeskError::Files {
        path: path.display().to_string(),
        source,
    }
}

pub fn load(data_dir: &Path) -> Result<Option<Profile>> {
    let path = data_dir.join("profile.json");
    match std::fs::read(&path) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error(&path, e)),
    }
}

pub fn save(data_dir: &Path, profile: &Profile) -> Result<()> {
    let path = data_dir.join("profile.json");
    let bytes = serde_json::to_vec_pretty(profile)
        .map_err(|e| io_error(&path, std::io::Error::other(e)))?;
    // Write then rename, so a crash never leaves half a file behind.
    let tmp = data_dir.join("profile.json.tmp");
    std::fs::write(&tmp, bytes).map_err(|e| io_error(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| io_error(&path, e))
}

/// A random id made once per installation; head office binds refresh tokens to it.
pub fn device_id(data_dir: &Path) -> Result<String> {
    let path = data_dir.join("device-id");
    match std::fs::read_to_string(&path) {
        Ok(id) if !id.trim().is_empty() => Ok(id.trim().to_string()),
        Ok(_) => create_device_id(&path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_device_id(&path),
        Err(e) => Err(io_error(&path, e)),
    }
}

fn create_device_id(path: &Path) -> Result<String> {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    let id = hex::encode(bytes);
    std::fs::write(path, &id).map_err(|e| io_error(path, e))?;
    Ok(id)
}

const CACHE_FILES: [&str; 4] = ["", "-wal", "-shm", ".key"];

/// Deletes the cache file, its WAL companions and its sealed key.
pub fn remove_database(path: &Path) -> Result<()> {
    for suffix in CACHE_FILES {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(&p, e)),
        }
    }
    Ok(())
}

/// Moves a cache this desk cannot open (its key is gone, or sealed with a password no longer
/// known) out of the way instead of deleting it: it may hold work never synced. Returns where it
/// went. `stamp` tells kept caches apart.
pub fn set_aside(path: &Path, stamp: &str) -> Result<PathBuf> {
    let mut kept = path.as_os_str().to_owned();
    kept.push(format!(".kept-{stamp}"));
    let kept = PathBuf::from(kept);
    for suffix in CACHE_FILES {
        let mut from = path.as_os_str().to_owned();
        from.push(suffix);
        let mut to = kept.as_os_str().to_owned();
        to.push(suffix);
        match std::fs::rename(&from, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(Path::new(&from), e)),
        }
    }
    Ok(kept)
}
