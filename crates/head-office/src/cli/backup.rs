//! `head-office backup`: a consistent copy of the database, taken while it serves.

use super::DbArg;
use clap::Args;
use head_office_storage::Storage;
use std::path::PathBuf;

#[derive(Args)]
pub struct Backup {
    #[command(flatten)]
    db: DbArg,
    #[arg(long)]
    out: PathBuf,
}

impl Backup {
    pub fn run(self) -> anyhow::Result<()> {
        self.db.open()?.backup_to(&self.out)?;
        println!("已备份到 {}", self.out.display());
        Ok(())
    }
}
