//! The desk's releases as head office keeps them: published once, bundle and all, then only read
//! (`protocol::release` is what desks see of them; `domain::release` decides who gets which).

use crate::error::Result;
use chrono::{DateTime, Utc};
use domain::release::{DeskVersion, ReleaseChannel};
use protocol::release::BundleKind;

/// A release as `head-office release publish` hands it over.
#[derive(Debug, Clone)]
pub struct NewRelease {
    pub version: DeskVersion,
    pub bundle_kind: BundleKind,
    pub channel: ReleaseChannel,
    /// For a pilot: the org units whose brokers get it first.
    pub units: Vec<String>,
    pub notes: String,
    pub file_name: String,
    pub sha256: String,
    /// The minisign signature (base64 of the `.sig` text), passed on to desks as it is.
    pub signature: String,
    pub bundle: Vec<u8>,
    pub published_at: DateTime<Utc>,
}

/// A published release without its bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseRow {
    pub version: DeskVersion,
    pub bundle_kind: BundleKind,
    pub channel: ReleaseChannel,
    pub units: Vec<String>,
    pub notes: String,
    pub file_name: String,
    pub sha256: String,
    pub size_bytes: u64,
    pub signature: String,
    pub published_at: DateTime<Utc>,
}

pub trait DeskReleases {
    /// Keeps a release; one already published under the same version and bundle kind is
    /// refused, since desks may have installed it.
    fn publish_release(&self, release: &NewRelease) -> Result<()>;
    /// Every release of one bundle kind, newest first.
    fn releases(&self, kind: BundleKind) -> Result<Vec<ReleaseRow>>;
    fn release_bundle(&self, version: DeskVersion, kind: BundleKind) -> Result<Option<Vec<u8>>>;
    /// A unit and every unit above it, from the unit up: whom a pilot for any of them reaches.
    fn unit_and_above(&self, unit_id: &str) -> Result<Vec<String>>;
}
