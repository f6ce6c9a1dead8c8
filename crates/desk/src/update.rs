//! The desk updating itself from the firm's head office. After each sync the desk asks whether a
//! newer release is there for it and shows it in the status bar; on the broker's click it pushes
//! what is waiting first, refuses while anything stays unpushed, checks the bundle's signature
//! against the key built into the app, and only then replaces itself. A bundle that fails the
//! check is refused and the installed desk stays exactly as it was.

use crate::error::{DeskError, Result};
use crate::ipc::{SyncStatus, UpdateOffer};
use crate::{lock, Desk};
use base64::Engine;
use domain::release::DeskVersion;
use protocol::release::{BundleKind, DeskUpdate};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What the running app is and how it was installed.
#[derive(Debug, Clone)]
pub struct DeskBuild {
    pub version: DeskVersion,
    /// `None` for a build run from the source tree: it has no installer to update from.
    pub bundle: Option<BundleKind>,
    /// The AppImage file the desk runs from (`$APPIMAGE`), which an update replaces.
    pub appimage: Option<PathBuf>,
    /// The public key every update must be signed with (as Tauri's signer writes it: base64 of a
    /// minisign public key), built into the app so that head office cannot change it.
    pub update_key: String,
}

impl DeskBuild {
    /// A desk that never updates itself (tests, a build run from the tree).
    pub fn unpackaged(version: DeskVersion) -> DeskBuild {
        DeskBuild {
            version,
            bundle: None,
            appimage: None,
            update_key: String::new(),
        }
    }
}

/// Why a bundle was refused; the installed desk is unchanged in every case.
fn refused(reason: &str) -> DeskError {
    DeskError::UpdateRefused(reason.to_string())
}

fn decode_box(base64_text: &str) -> Option<String> {
    base64::engine::general_purpose::STANDARD
        .decode(base64_text.trim())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
}

/// Checks `bundle` against the app's key and that the signature names the offered version.
pub fn verify_bundle(update_key: &str, update: &DeskUpdate, bundle: &[u8]) -> Result<()> {
    let key = decode_box(update_key)
        .and_then(|text| minisign_verify::PublicKey::decode(&text).ok())
        .ok_or_else(|| refused("本机内置的更新公钥无效，无法核验更新包"))?;
    let signature = decode_box(&update.signature)
        .and_then(|text| minisign_verify::Signature::decode(&text).ok())
        .ok_or_else(|| refused("更新包的签名格式不正确"))?;
    key.verify(bundle, &signature, true)
        .map_err(|_| refused("更新包的签名与本机内置的公司公钥不符（安装包可能被篡改或签错）"))?;
    let signed_version = signature
        .trusted_comment()
        .split('\t')
        .find_map(|field| field.trim().strip_prefix("version:"));
    if signed_version != Some(update.version.to_string().as_str()) {
        return Err(refused("更新包签名中注明的版本与总部发布的版本不符"));
    }
    Ok(())
}

impl Desk {
    /// After a sync: remembers what head office offers, for the status bar. A failed check is
    /// only logged; it must never turn a good sync into an error.
    pub(crate) async fn check_for_update(&self, session: &crate::Session) {
        let build = &self.config.build;
        let Some(bundle) = build.bundle else { return };
        match session.engine.check_update(build.version, bundle).await {
            Ok(offer) => {
                lock(&self.status).update = offer.as_ref().map(|u| UpdateOffer {
                    version: u.version.to_string(),
                    notes: u.notes.clone(),
                });
                *lock(&self.offered) = offer;
            }
            Err(e) => tracing::warn!(error = %e, "could not ask head office for a newer desk"),
        }
    }

    /// Installs the offered release. Holds the sync lock from the push to the end, so no sync
    /// runs mid-install; the caller restarts the app while still holding the returned guard.
    pub async fn install_update(
        &self,
        notify: &(dyn Fn(&SyncStatus) + Send + Sync),
    ) -> Result<(DeskVersion, tokio::sync::MutexGuard<'_, ()>)> {
        let build = &self.config.build;
        let bundle = build.bundle.ok_or(DeskError::NotUpdatable)?;
        let guard = self.sync_lock.lock().await;
        // Pushes what waits, and asks again what is offered.
        let status = self.sync_locked(notify).await?;
        if status.pending > 0 {
            return Err(DeskError::UpdateWaitsForSync {
                pending: status.pending,
            });
        }
        let offer = lock(&self.offered).clone().ok_or(DeskError::NoUpdate)?;
        let session = self.session()?;
        let bytes = session.engine.download_update(&offer, bundle).await?;
        verify_bundle(&build.update_key, &offer, &bytes)?;
        match bundle {
            BundleKind::AppImage => {
                let target = build.appimage.as_deref().ok_or(DeskError::NotUpdatable)?;
                replace_appimage(target, &bytes)?;
            }
            BundleKind::Deb => install_deb(&self.config.data_dir, &bytes).await?,
        }
        tracing::info!(version = %offer.version, "desk updated; restarting");
        Ok((offer.version, guard))
    }
}

fn install_failed(e: impl std::fmt::Display) -> DeskError {
    DeskError::UpdateInstall(e.to_string())
}

/// Writes the new AppImage beside the old one and renames it over: the running desk keeps its
/// open file, and a failure half-way leaves the old one in place.
fn replace_appimage(target: &Path, bytes: &[u8]) -> Result<()> {
    if !bytes.starts_with(b"\x7fELF") {
        return Err(refused("下载的文件不是 AppImage 安装包"));
    }
    let dir = target
        .parent()
        .ok_or_else(|| install_failed("AppImage 路径无效"))?;
    let permissions = std::fs::metadata(target)
        .map_err(install_failed)?
        .permissions();
    let mut staged = tempfile_in(dir)?;
    let written = staged
        .1
        .write_all(bytes)
        .and_then(|()| staged.1.sync_all())
        .and_then(|()| std::fs::set_permissions(&staged.0, permissions))
        .and_then(|()| std::fs::rename(&staged.0, target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&staged.0);
        return Err(install_failed(format!(
            "无法写入 {}：{e}",
            target.display()
        )));
    }
    Ok(())
}

fn tempfile_in(dir: &Path) -> Result<(PathBuf, std::fs::File)> {
    let path = dir.join(format!(".brokerdesk-update-{}", crate::random_id()));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| install_failed(format!("无法在 {} 中写入更新：{e}", dir.display())))?;
    Ok((path, file))
}

/// A .deb goes through dpkg, as root: directly when the desk runs as root, otherwise through
/// pkexec, which asks for an administrator's password.
async fn install_deb(data_dir: &Path, bytes: &[u8]) -> Result<()> {
    if !bytes.starts_with(b"!<arch>\ndebian-binary") {
        return Err(refused("下载的文件不是 .deb 安装包"));
    }
    let (path, mut file) = tempfile_in(data_dir)?;
    let result = async {
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(install_failed)?;
        drop(file);
        let package = path.with_extension("deb");
        std::fs::rename(&path, &package).map_err(install_failed)?;
        let mut command = if is_root() {
            tokio::process::Command::new("dpkg")
        } else {
            let mut c = tokio::process::Command::new("pkexec");
            c.arg("dpkg");
            c
        };
        let output = command
            .args(["--force-confold", "-i"])
            .arg(&package)
            .output()
            .await
            .map_err(|e| install_failed(format!("无法运行 dpkg：{e}")));
        let _ = std::fs::remove_file(&package);
        let output = output?;
        if !output.status.success() {
            return Err(install_failed(format!(
                "dpkg 未能安装（{}）：{}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            )));
        }
        Ok(())
    }
    .await;
    let _ = std::fs::remove_file(&path);
    result
}

#[cfg(target_os = "linux")]
fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[cfg(not(target_os = "linux"))]
fn is_root() -> bool {
    false
}
