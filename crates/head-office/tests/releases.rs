//! Publishing the desk's releases and offering each desk the one meant for it, on a real database
//! (SQLite, or PostgreSQL when the run is on it): pilot teams first, nothing older, nothing
//! published twice, and bad input refused in Chinese.

use base64::Engine;
use chrono::{NaiveDate, TimeZone, Utc};
use demo_firm::{self as demo, DemoParams};
use domain::release::ReleaseChannel;
use head_office::error::HeadOfficeError;
use head_office::releases::{self, Publish};
use head_office_storage::releases::DeskReleases;
use head_office_storage::{test_support, SqlStorage, Storage};
use protocol::release::{BundleKind, DeskUpdateQuery};
use std::path::{Path, PathBuf};

fn firm(dir: &Path) -> SqlStorage {
    let storage = SqlStorage::open(&test_support::fresh_database(dir).unwrap()).unwrap();
    let params = DemoParams {
        clients: 120,
        demo_broker_clients: 20,
        trades_per_client: 1,
        ..DemoParams::standard(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
    };
    storage
        .import_firm(demo::generate(&params).unwrap())
        .unwrap();
    storage
}

/// A `.sig` file as Tauri's signer writes it (head office reads its trusted comment only; the
/// desk verifies the signature itself).
fn signature_file(dir: &Path, name: &str, version: &str) -> PathBuf {
    let text = format!(
        "untrusted comment: signature from tauri secret key\nRUQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\ntrusted comment: timestamp:1764900000\tfile:{name}\tversion:{version}\nPMT2s0Jk8fRy1Y3B0i2Pk0m8Zyq+g+7b0Zf8m0p3zTqQ4CnPvCkqV0o7Qh0A==\n"
    );
    let path = dir.join(format!("{name}.sig"));
    std::fs::write(
        &path,
        base64::engine::general_purpose::STANDARD.encode(text),
    )
    .unwrap();
    path
}

fn bundle(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn publish(
    storage: &SqlStorage,
    dir: &Path,
    version: &str,
    channel: ReleaseChannel,
    units: &[&str],
) -> Result<String, HeadOfficeError> {
    let name = format!("BrokerDesk_{version}_amd64.AppImage");
    let file = bundle(dir, &name, format!("bundle {version}").as_bytes());
    let signature = signature_file(dir, &name, version);
    releases::publish(
        storage,
        Publish {
            bundle: &file,
            signature: &signature,
            version,
            channel,
            units: units.iter().map(|u| u.to_string()).collect(),
            notes: format!("{version} 的改进"),
        },
        now(),
    )
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
}

fn query(current: &str) -> DeskUpdateQuery {
    DeskUpdateQuery {
        current: current.parse().unwrap(),
        bundle: BundleKind::AppImage,
    }
}

#[test]
fn a_pilot_team_gets_the_new_desk_first_and_everyone_else_the_stable_one() {
    let dir = tempfile::tempdir().unwrap();
    let storage = firm(dir.path());
    let broker01 = storage.user_by_username("broker01").unwrap().unwrap();
    let other = (2..=30)
        .filter_map(|k| storage.user_by_username(&format!("broker{k:02}")).unwrap())
        .find(|u| u.org_unit_id != broker01.org_unit_id)
        .expect("a broker of another team");

    let said = publish(&storage, dir.path(), "0.1.1", ReleaseChannel::Stable, &[]).unwrap();
    assert!(said.contains("0.1.1") && said.contains("全公司"), "{said}");
    publish(
        &storage,
        dir.path(),
        "0.2.0",
        ReleaseChannel::Pilot,
        &[broker01.org_unit_id.as_str()],
    )
    .unwrap();

    let base = "https://hq.example.cn:8443";
    let offered = releases::update_for(&storage, &broker01, &query("0.1.0"), base)
        .unwrap()
        .unwrap();
    assert_eq!(offered.version.to_string(), "0.2.0");
    assert_eq!(
        offered.url,
        "https://hq.example.cn:8443/api/v1/desk/update/0.2.0/appimage"
    );
    assert_eq!(offered.notes, "0.2.0 的改进");
    let elsewhere = releases::update_for(&storage, &other, &query("0.1.0"), base)
        .unwrap()
        .unwrap();
    assert_eq!(elsewhere.version.to_string(), "0.1.1");
    assert_eq!(
        releases::update_for(&storage, &broker01, &query("0.2.0"), base).unwrap(),
        None,
        "a desk already on the newest is offered nothing"
    );
    let debs = DeskUpdateQuery {
        bundle: BundleKind::Deb,
        ..query("0.1.0")
    };
    assert_eq!(
        releases::update_for(&storage, &broker01, &debs, base).unwrap(),
        None
    );

    let bytes = storage
        .release_bundle("0.2.0".parse().unwrap(), BundleKind::AppImage)
        .unwrap()
        .unwrap();
    assert_eq!(bytes, b"bundle 0.2.0");
}

#[test]
fn what_was_published_stays_and_bad_input_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let storage = firm(dir.path());
    publish(&storage, dir.path(), "0.1.1", ReleaseChannel::Stable, &[]).unwrap();
    let refused = |r: Result<String, HeadOfficeError>, says: &str| match r {
        Err(HeadOfficeError::Validation(m)) => assert!(m.contains(says), "{m}"),
        other => panic!("expected a refusal saying {says}: {other:?}"),
    };
    refused(
        publish(&storage, dir.path(), "0.1.1", ReleaseChannel::Stable, &[]),
        "已经发布过",
    );
    refused(
        publish(&storage, dir.path(), "0.1", ReleaseChannel::Stable, &[]),
        "X.Y.Z",
    );
    refused(
        publish(&storage, dir.path(), "0.3.0", ReleaseChannel::Pilot, &[]),
        "--units",
    );
    refused(
        publish(
            &storage,
            dir.path(),
            "0.3.0",
            ReleaseChannel::Pilot,
            &["NO-SUCH-UNIT"],
        ),
        "NO-SUCH-UNIT",
    );

    // The signature names another version than the one published.
    let file = bundle(dir.path(), "BrokerDesk_0.4.0_amd64.AppImage", b"x");
    let signature = signature_file(dir.path(), "BrokerDesk_0.4.0_amd64.AppImage", "0.3.9");
    let mismatch = Publish {
        bundle: &file,
        signature: &signature,
        version: "0.4.0",
        channel: ReleaseChannel::Stable,
        units: vec![],
        notes: String::new(),
    };
    refused(releases::publish(&storage, mismatch, now()), "0.3.9");

    let zip = bundle(dir.path(), "BrokerDesk.zip", b"x");
    let not_a_bundle = Publish {
        bundle: &zip,
        signature: &signature,
        version: "0.4.0",
        channel: ReleaseChannel::Stable,
        units: vec![],
        notes: String::new(),
    };
    refused(
        releases::publish(&storage, not_a_bundle, now()),
        ".AppImage",
    );

    let garbage = dir.path().join("garbage.sig");
    std::fs::write(&garbage, "not a signature").unwrap();
    let unsigned = Publish {
        bundle: &file,
        signature: &garbage,
        version: "0.4.0",
        channel: ReleaseChannel::Stable,
        units: vec![],
        notes: String::new(),
    };
    refused(releases::publish(&storage, unsigned, now()), "签名");
    assert_eq!(storage.releases(BundleKind::AppImage).unwrap().len(), 1);
}
