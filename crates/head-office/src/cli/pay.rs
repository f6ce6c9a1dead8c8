//! `head-office pay`: how the firm pays its brokers (fee schedules, plans, assignments, the
//! development split, targets, adjustments), shown or set from a JSON file.

use super::{read_json, DbArg};
use clap::Args;
use head_office_storage::pay::PaySettings;
use head_office_storage::Storage;
use std::path::PathBuf;

#[derive(Args)]
pub struct Pay {
    #[command(flatten)]
    db: DbArg,
    #[arg(long)]
    set: Option<PathBuf>,
}

impl Pay {
    pub fn run(self) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        if let Some(file) = self.set {
            let pay: PaySettings = read_json(&file, "薪酬设置")?;
            storage.set_pay_settings(&pay)?;
            println!("薪酬设置已更新，经纪人下次同步时生效；已发布的结算单须重新发布才会改变：");
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&storage.pay_settings()?)?
        );
        Ok(())
    }
}
