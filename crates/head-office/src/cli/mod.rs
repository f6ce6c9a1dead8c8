//! The `head-office` subcommands, one file each. Every one opens the database it is given, does
//! one thing and says in Chinese what it changed; `main.rs` only parses and dispatches.

pub mod answer_dispute;
pub mod audit_export;
pub mod backup;
pub mod backup_dir;
pub mod case;
pub mod channel;
pub mod correct_mobile;
pub mod correct_trade_commission;
pub mod demo;
pub mod import;
pub mod openapi;
pub mod pay;
pub mod policy;
pub mod publish_statements;
pub mod recompute_tiers;
pub mod release;
pub mod restore;
pub mod serve;
pub mod set_preferences;
pub mod transfer_client;
pub mod unit;
pub mod user;
pub mod visit;

use anyhow::Context;
use clap::Args;
use head_office_storage::{DatabaseLocation, SqlStorage};
use std::path::Path;

/// Where the head office's data is: a SQLite file path or a `postgres://` URL.
#[derive(Args)]
pub struct DbArg {
    #[arg(
        long = "db",
        visible_alias = "database-url",
        env = "BROKERDESK_DATABASE_URL",
        value_name = "PATH|URL"
    )]
    location: String,
}

impl DbArg {
    pub fn location(&self) -> DatabaseLocation {
        DatabaseLocation::parse(&self.location)
    }

    pub fn open(&self) -> anyhow::Result<SqlStorage> {
        let location = self.location();
        SqlStorage::open(&location).with_context(|| format!("打开总部数据库 {location} 失败"))
    }
}

/// A JSON document from a file, with the file named in the error.
pub fn read_json<T: serde::de::DeserializeOwned>(file: &Path, what: &str) -> anyhow::Result<T> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("无法读取 {}", file.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} 不是有效的{what} JSON", file.display()))
}
