//! Head office's backups as IT sees them in the console (系统管理 → 数据备份): the directory IT
//! configured on the server (`head-office backup-dir`), the backups in it, and taking one now.
//! The console never chooses where files go: a browser cannot name a path on the server.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One backup in the directory, newest first in a shelf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BackupFile {
    pub name: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// When it was taken, by head office's clock (it is in the name).
    pub taken_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BackupShelf {
    /// Where backups go on the server; none until IT sets it.
    pub directory: Option<String>,
    pub files: Vec<BackupFile>,
}
