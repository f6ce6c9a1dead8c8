//! The desk updating itself from head office (an AppImage here; a .deb goes through dpkg): it
//! hears of the release at a sync, pushes its outbox before installing and refuses while work
//! stays unpushed, and refuses a bundle whose signature does not match the key built into the
//! app, leaving the installed file exactly as it was.

use crate::support::{config, everything, form, service};
use base64::Engine;
use desk::ipc::{IpcError, IpcErrorCode};
use desk::{Desk, DeskBuild};
use domain::release::ReleaseChannel;
use head_office::releases::{self, Publish};
use protocol::release::BundleKind;
use std::path::{Path, PathBuf};
use system_tests::{small_firm, TestHeadOffice, PASSWORD};

fn b64(text: String) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// A signing key as `tauri signer generate` makes one: the public half goes into the app.
struct SigningKey(minisign::KeyPair);

impl SigningKey {
    fn new() -> SigningKey {
        SigningKey(minisign::KeyPair::generate_unencrypted_keypair().unwrap())
    }

    fn public(&self) -> String {
        b64(self.0.pk.to_box().unwrap().to_string())
    }

    /// `bundle.sig`, as `tauri signer sign --app-version` writes it.
    fn sign(&self, bundle: &Path, version: &str) -> PathBuf {
        let name = bundle.file_name().unwrap().to_string_lossy();
        let trusted = format!("timestamp:1764900000\tfile:{name}\tversion:{version}");
        let signature = minisign::sign(
            Some(&self.0.pk),
            &self.0.sk,
            std::fs::File::open(bundle).unwrap(),
            Some(&trusted),
            Some("signature from tauri secret key"),
        )
        .unwrap();
        let path = bundle.with_extension("AppImage.sig");
        std::fs::write(&path, b64(signature.to_string())).unwrap();
        path
    }
}

/// An "AppImage" is an ELF file; the desk checks that much before replacing itself.
fn appimage(dir: &Path, version: &str, body: &str) -> PathBuf {
    let path = dir.join(format!("BrokerDesk_{version}_amd64.AppImage"));
    std::fs::write(&path, format!("\x7fELF {body}")).unwrap();
    path
}

fn publish(ho: &TestHeadOffice, bundle: &Path, signature: &Path, version: &str) {
    releases::publish(
        ho.storage.as_ref(),
        Publish {
            bundle,
            signature,
            version,
            channel: ReleaseChannel::Stable,
            units: vec![],
            notes: format!("{version}：客户列表更快"),
        },
        system_tests::now(),
    )
    .unwrap();
}

/// A desk at 0.1.0 running from the AppImage `installed`, signed in to `ho`, trusting `key`.
async fn appimage_desk(
    ho: &TestHeadOffice,
    dir: &Path,
    installed: &Path,
    key: &SigningKey,
    name: &str,
) -> Desk {
    let mut config = config(&dir.join("data"), &service(name));
    config.build = DeskBuild {
        version: "0.1.0".parse().unwrap(),
        bundle: Some(BundleKind::AppImage),
        appimage: Some(installed.to_path_buf()),
        update_key: key.public(),
    };
    let desk = Desk::open(config).unwrap();
    desk.sign_in(form(&ho.base_url(), PASSWORD)).await.unwrap();
    desk
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".brokerdesk-update"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_appimage_desk_pushes_first_then_installs_only_a_bundle_signed_by_the_firm() {
    let mut ho = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let installed_dir = dir.path().join("Applications");
    std::fs::create_dir_all(&installed_dir).unwrap();
    let installed = appimage(&installed_dir, "installed", "desk 0.1.0");
    let key = SigningKey::new();
    let desk = appimage_desk(&ho, dir.path(), &installed, &key, "update").await;
    let synced = desk.sync(&|_| {}).await.unwrap();
    assert_eq!(synced.update, None, "nothing published yet");
    assert!(!synced.syncing && synced.version == "0.1.0", "{synced:?}");
    let refused: IpcError = desk.install_update(&|_| {}).await.unwrap_err().into();
    assert_eq!(refused.message, "总部没有可安装的新版本");

    let releases_dir = dir.path().join("releases");
    std::fs::create_dir_all(&releases_dir).unwrap();
    let good = appimage(&releases_dir, "0.1.1", "desk 0.1.1");
    publish(&ho, &good, &key.sign(&good, "0.1.1"), "0.1.1");
    let seen = std::sync::Mutex::new(Vec::new());
    let status = desk
        .sync(&|s| seen.lock().unwrap().push(s.clone()))
        .await
        .unwrap();
    let last = seen.lock().unwrap().last().cloned().unwrap();
    assert!(
        !last.syncing && last.update.is_some(),
        "the window's last word: {last:?}"
    );
    let offered = status.update.expect("offered");
    assert_eq!(offered.version, "0.1.1");
    assert_eq!(offered.notes, "0.1.1：客户列表更快");

    // Work written while head office is away must reach it before the desk replaces itself.
    let client = desk.list_clients(&everything()).unwrap().rows[0].id.clone();
    let note = store::NewContactNote {
        client_id: client.clone(),
        channel: "phone".into(),
        summary: "更新前记下的联系".into(),
        follow_up_on: None,
    };
    ho.stop().await;
    desk.add_contact_note(&note).unwrap();
    let waits: IpcError = desk.install_update(&|_| {}).await.unwrap_err().into();
    assert_eq!(waits.code, IpcErrorCode::Validation);
    assert!(
        waits.message.contains("1 条记录未上传"),
        "{}",
        waits.message
    );
    assert_eq!(std::fs::read(&installed).unwrap(), b"\x7fELF desk 0.1.0");

    ho.restart().await;
    let (version, _sync_paused) = desk.install_update(&|_| {}).await.unwrap();
    assert_eq!(version.to_string(), "0.1.1");
    assert_eq!(std::fs::read(&installed).unwrap(), b"\x7fELF desk 0.1.1");
    // Head office took it: nothing waits, and it came back in the feed as head office's own.
    assert_eq!(desk.sync_status().pending, 0, "pushed before installing");
    drop(_sync_paused);
    let profile = desk.client_profile(&client).unwrap();
    assert!(profile
        .contacts
        .iter()
        .any(|c| c.summary == "更新前记下的联系"));
    assert!(leftovers(&installed_dir).is_empty());
    desk.sign_out(true).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tampered_or_foreign_bundle_is_refused_and_nothing_changes() {
    let ho = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let installed = appimage(dir.path(), "installed", "desk 0.1.0");
    let key = SigningKey::new();
    let desk = appimage_desk(&ho, dir.path(), &installed, &key, "update-bad").await;

    // Signed properly, then changed on the way to head office.
    let releases_dir = dir.path().join("releases");
    std::fs::create_dir_all(&releases_dir).unwrap();
    let tampered = appimage(&releases_dir, "0.1.1", "desk 0.1.1");
    let signature = key.sign(&tampered, "0.1.1");
    std::fs::write(&tampered, "\x7fELF desk 0.1.1 with something added").unwrap();
    publish(&ho, &tampered, &signature, "0.1.1");
    desk.sync(&|_| {}).await.unwrap();
    let refused: IpcError = desk.install_update(&|_| {}).await.unwrap_err().into();
    assert_eq!(refused.code, IpcErrorCode::Update);
    assert!(
        refused.message.starts_with("已拒绝安装更新"),
        "{}",
        refused.message
    );
    assert!(
        refused.message.contains("当前版本未作任何改动"),
        "{}",
        refused.message
    );
    assert_eq!(std::fs::read(&installed).unwrap(), b"\x7fELF desk 0.1.0");

    // Signed by a key that is not the firm's.
    let foreign = appimage(&releases_dir, "0.1.2", "desk 0.1.2");
    publish(
        &ho,
        &foreign,
        &SigningKey::new().sign(&foreign, "0.1.2"),
        "0.1.2",
    );
    assert_eq!(
        desk.sync(&|_| {}).await.unwrap().update.unwrap().version,
        "0.1.2"
    );
    let refused: IpcError = desk.install_update(&|_| {}).await.unwrap_err().into();
    assert_eq!(refused.code, IpcErrorCode::Update);
    assert_eq!(std::fs::read(&installed).unwrap(), b"\x7fELF desk 0.1.0");
    assert!(leftovers(dir.path()).is_empty());
    desk.sign_out(true).await.unwrap();
}
