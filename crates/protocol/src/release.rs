//! The desk's own updates, served by the firm's head office: a desk asks after each sync whether
//! a newer release is there for it, in the form Tauri's updater reads, and downloads the bundle
//! from head office too (desks sit on an intranet). The bundle is checked against the public key
//! built into the app, never trusted for coming from head office.

use chrono::{DateTime, Utc};
use domain::release::DeskVersion;
use serde::{Deserialize, Serialize};

/// How the desk was installed, which decides the file it can update itself from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BundleKind {
    Deb,
    AppImage,
}

impl BundleKind {
    pub const ALL: [BundleKind; 2] = [BundleKind::Deb, BundleKind::AppImage];

    pub fn code(self) -> &'static str {
        match self {
            BundleKind::Deb => "deb",
            BundleKind::AppImage => "appimage",
        }
    }

    pub fn from_code(code: &str) -> Option<BundleKind> {
        BundleKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// `GET /api/v1/desk/update?current=0.1.0&bundle=appimage`
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeskUpdateQuery {
    /// The version the desk runs.
    pub current: DeskVersion,
    pub bundle: BundleKind,
}

/// A newer release for the asking desk, as Tauri's updater reads a server's answer (no update is
/// `204 No Content`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeskUpdate {
    pub version: DeskVersion,
    /// What changed, in the firm's words; shown to the broker before they install.
    pub notes: String,
    pub pub_date: DateTime<Utc>,
    /// Where the bundle is downloaded from: head office itself.
    pub url: String,
    /// The minisign signature of the bundle (base64 of the `.sig` file's text).
    pub signature: String,
}
