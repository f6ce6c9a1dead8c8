//! `head-office recompute-tiers`: the monthly tier run.

use super::DbArg;
use clap::Args;
use head_office_storage::Storage;

#[derive(Args)]
pub struct RecomputeTiers {
    #[command(flatten)]
    db: DbArg,
}

impl RecomputeTiers {
    pub fn run(self) -> anyhow::Result<()> {
        let changed = self.db.open()?.recompute_tiers()?;
        println!("客户定级完成：{changed} 位客户的等级有变化");
        Ok(())
    }
}
