//! The desk's published releases (`releases::DeskReleases`).

use super::SqlStorage;
use crate::db::{Db, Row};
use crate::error::{Result, StorageError};
use crate::releases::{DeskReleases, NewRelease, ReleaseRow};
use chrono::{DateTime, Utc};
use domain::release::{DeskVersion, ReleaseChannel};
use protocol::release::BundleKind;
use rusqlite::params;

fn channel_code(channel: ReleaseChannel) -> &'static str {
    match channel {
        ReleaseChannel::Stable => "stable",
        ReleaseChannel::Pilot => "pilot",
    }
}

fn bad_row(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(0, format!("{what} {value}"), rusqlite::types::Type::Text)
}

fn release_row(r: &Row<'_>) -> rusqlite::Result<ReleaseRow> {
    let version: String = r.get(0)?;
    let kind: String = r.get(1)?;
    let channel: String = r.get(2)?;
    let units: String = r.get(3)?;
    Ok(ReleaseRow {
        version: version.parse().map_err(|_| bad_row("version", &version))?,
        bundle_kind: BundleKind::from_code(&kind).ok_or_else(|| bad_row("bundle kind", &kind))?,
        channel: match channel.as_str() {
            "stable" => ReleaseChannel::Stable,
            "pilot" => ReleaseChannel::Pilot,
            other => return Err(bad_row("channel", other)),
        },
        units: serde_json::from_str(&units).map_err(|_| bad_row("units", &units))?,
        notes: r.get(4)?,
        file_name: r.get(5)?,
        sha256: r.get(6)?,
        size_bytes: r.get::<_, i64>(7)?.try_into().unwrap_or_default(),
        signature: r.get(8)?,
        published_at: r.get::<_, DateTime<Utc>>(9)?,
    })
}

fn publish(db: &Db<'_>, release: &NewRelease, units: &str) -> Result<()> {
    let version = release.version.to_string();
    let kind = release.bundle_kind.code();
    let known = db.query_opt(
        "SELECT 1 FROM desk_releases WHERE version = ?1 AND bundle_kind = ?2",
        params![version, kind],
        |r| r.get::<_, i64>(0),
    )?;
    if known.is_some() {
        return Err(StorageError::Validation(format!(
            "版本 {version} 的 {kind} 安装包已经发布过，已发布的版本不能更改；请用新的版本号发布"
        )));
    }
    let size = i64::try_from(release.bundle.len())
        .map_err(|_| StorageError::Validation("安装包过大".into()))?;
    db.execute(
        "INSERT INTO desk_releases (version, bundle_kind, major, minor, patch, channel, units, \
         notes, file_name, sha256, size_bytes, signature, bundle, published_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            version,
            kind,
            release.version.major,
            release.version.minor,
            release.version.patch,
            channel_code(release.channel),
            units,
            release.notes,
            release.file_name,
            release.sha256,
            size,
            release.signature,
            release.bundle,
            release.published_at
        ],
    )?;
    Ok(())
}

impl DeskReleases for SqlStorage {
    fn publish_release(&self, release: &NewRelease) -> Result<()> {
        let units = serde_json::to_string(&release.units)?;
        self.write(|db| publish(db, release, &units))
    }

    fn releases(&self, kind: BundleKind) -> Result<Vec<ReleaseRow>> {
        self.read(|db| {
            db.query_map(
                "SELECT version, bundle_kind, channel, units, notes, file_name, sha256, \
                 size_bytes, signature, published_at FROM desk_releases WHERE bundle_kind = ?1 \
                 ORDER BY major DESC, minor DESC, patch DESC",
                params![kind.code()],
                release_row,
            )
        })
    }

    fn release_bundle(&self, version: DeskVersion, kind: BundleKind) -> Result<Option<Vec<u8>>> {
        let version = version.to_string();
        self.read(|db| {
            db.query_opt(
                "SELECT bundle FROM desk_releases WHERE version = ?1 AND bundle_kind = ?2",
                params![version, kind.code()],
                |r| r.get(0),
            )
        })
    }

    fn unit_and_above(&self, unit_id: &str) -> Result<Vec<String>> {
        self.read(|db| {
            let mut chain = Vec::new();
            let mut next = Some(unit_id.to_string());
            // Bounded, so a cycle someone wrote by hand cannot hang a request.
            while let Some(unit) = next.take().filter(|_| chain.len() < 64) {
                next = db
                    .query_opt(
                        "SELECT parent_id FROM org_units WHERE id = ?1",
                        params![unit],
                        |r| r.get::<_, Option<String>>(0),
                    )?
                    .flatten();
                chain.push(unit);
            }
            Ok(chain)
        })
    }
}
