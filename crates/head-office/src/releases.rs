//! The desk's releases: head-office IT publishes a signed bundle, and each desk asking after a
//! sync is told of the newest one meant for it (pilot teams first, `domain::release`). Head office
//! only checks that the signature names the version it is published as; the desk checks the
//! signature itself against the key built into the app, so a bundle head office was handed wrongly
//! is refused there and nothing changes on the desk.

use crate::error::{HeadOfficeError, Result};
use base64::Engine;
use chrono::{DateTime, Utc};
use domain::release::{release_for, DeskVersion, ReleaseChannel, ReleaseReach};
use head_office_storage::releases::NewRelease;
use head_office_storage::{Storage, UserRow};
use protocol::release::{BundleKind, DeskUpdate, DeskUpdateQuery};
use sha2::{Digest, Sha256};
use std::path::Path;

/// What `head-office release publish` was given.
pub struct Publish<'a> {
    pub bundle: &'a Path,
    pub signature: &'a Path,
    pub version: &'a str,
    pub channel: ReleaseChannel,
    pub units: Vec<String>,
    pub notes: String,
}

fn invalid(message: String) -> HeadOfficeError {
    HeadOfficeError::Validation(message)
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| invalid(format!("无法读取 {}：{e}", path.display())))
}

/// Which installer a file is, by the name Tauri's bundler gives it.
fn bundle_kind(file: &Path) -> Result<BundleKind> {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name.ends_with(".deb") {
        Ok(BundleKind::Deb)
    } else if name.ends_with(".AppImage") {
        Ok(BundleKind::AppImage)
    } else {
        Err(invalid(format!(
            "{} 不是经纪人工作台的安装包：应为 make package 生成的 .deb 或 .AppImage 文件",
            file.display()
        )))
    }
}

/// The `.sig` file Tauri's signer writes is base64 of a minisign signature; its trusted comment
/// must carry `version:<X.Y.Z>`, which desks check against the version they are offered.
fn check_signature(text: &str, version: DeskVersion) -> Result<String> {
    let signature = text.trim();
    let how =
        "请用 make package 签名生成的 .sig 文件（tauri signer sign --app-version X.Y.Z 的输出）";
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(signature)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(|| invalid(format!("签名文件不是有效的签名：{how}")))?;
    let trusted = decoded
        .lines()
        .find_map(|l| l.strip_prefix("trusted comment:"))
        .filter(|_| decoded.starts_with("untrusted comment:"))
        .ok_or_else(|| invalid(format!("签名文件不是有效的签名：{how}")))?;
    let signed = trusted
        .split('\t')
        .find_map(|field| field.trim().strip_prefix("version:"))
        .ok_or_else(|| invalid(format!("签名中没有注明版本号：{how}")))?;
    if signed != version.to_string() {
        return Err(invalid(format!(
            "签名注明的版本是 {signed}，与要发布的版本 {version} 不符：请核对安装包和签名文件"
        )));
    }
    Ok(signature.to_string())
}

/// Stores a release; returns what to tell head-office IT.
pub fn publish(storage: &dyn Storage, p: Publish<'_>, now: DateTime<Utc>) -> Result<String> {
    let version: DeskVersion = p
        .version
        .parse()
        .map_err(|e: domain::ValidationError| invalid(e.to_string()))?;
    let bundle_kind = bundle_kind(p.bundle)?;
    match (p.channel, p.units.is_empty()) {
        (ReleaseChannel::Pilot, true) => {
            return Err(invalid(
                "试点发布须用 --units 指定试点的团队或营业部，例如 --units TM01,TM02".into(),
            ))
        }
        (ReleaseChannel::Stable, false) => {
            return Err(invalid(
                "正式发布面向全公司，不能指定 --units；只给部分团队请用 --channel pilot".into(),
            ))
        }
        _ => {}
    }
    let known: Vec<String> = storage
        .org_chart()?
        .units
        .into_iter()
        .map(|u| u.id)
        .collect();
    if let Some(unknown) = p.units.iter().find(|u| !known.contains(u)) {
        return Err(invalid(format!(
            "没有编号为 {unknown} 的机构，请核对 --units"
        )));
    }
    let signature = check_signature(&String::from_utf8_lossy(&read(p.signature)?), version)?;
    let bundle = read(p.bundle)?;
    if bundle.is_empty() {
        return Err(invalid(format!("{} 是空文件", p.bundle.display())));
    }
    let release = NewRelease {
        version,
        bundle_kind,
        channel: p.channel,
        units: p.units,
        notes: p.notes,
        file_name: p
            .bundle
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256: hex::encode(Sha256::digest(&bundle)),
        signature,
        bundle,
        published_at: now,
    };
    storage.publish_release(&release)?;
    let reach = match release.channel {
        ReleaseChannel::Stable => "全公司".to_string(),
        ReleaseChannel::Pilot => format!("试点：{}", release.units.join("、")),
    };
    Ok(format!(
        "已发布经纪人工作台 {version}（{}，{:.1} MB，{reach}）",
        bundle_kind.code(),
        release.bundle.len() as f64 / 1_048_576.0
    ))
}

/// The release a desk should move to, if any; `base_url` is how the desk reached head office.
pub fn update_for(
    storage: &dyn Storage,
    caller: &UserRow,
    query: &DeskUpdateQuery,
    base_url: &str,
) -> Result<Option<DeskUpdate>> {
    let releases = storage.releases(query.bundle)?;
    let units = storage.unit_and_above(&caller.org_unit_id)?;
    let reach: Vec<ReleaseReach> = releases
        .iter()
        .map(|r| ReleaseReach {
            version: r.version,
            channel: r.channel,
            units: r.units.clone(),
        })
        .collect();
    let Some(chosen) = release_for(&reach, query.current, &units) else {
        return Ok(None);
    };
    let Some(row) = releases.iter().find(|r| r.version == chosen.version) else {
        return Ok(None);
    };
    Ok(Some(DeskUpdate {
        version: row.version,
        notes: row.notes.clone(),
        pub_date: row.published_at,
        url: format!(
            "{}/api/v1/desk/update/{}/{}",
            base_url.trim_end_matches('/'),
            row.version,
            row.bundle_kind.code()
        ),
        signature: row.signature.clone(),
    }))
}
