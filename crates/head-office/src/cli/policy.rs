//! `head-office policy`: the firm's practice (tier bands, window, hysteresis, assessment validity,
//! dormancy, elderly age, idle lock, alert thresholds), shown or set from a JSON file.

use super::{read_json, DbArg};
use clap::Args;
use head_office_storage::Storage;
use std::path::PathBuf;

#[derive(Args)]
pub struct Policy {
    #[command(flatten)]
    db: DbArg,
    /// A JSON file in the shape printed without it.
    #[arg(long)]
    set: Option<PathBuf>,
}

impl Policy {
    pub fn run(self) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        if let Some(file) = self.set {
            let policy: domain::FirmPolicy = read_json(&file, "公司规则")?;
            storage.set_firm_policy(&policy)?;
            println!("公司规则已更新，经纪人下次同步时生效：");
        }
        println!("{}", serde_json::to_string_pretty(&storage.firm_policy()?)?);
        Ok(())
    }
}
