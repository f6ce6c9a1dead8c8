//! `head-office restore`: put a backup in place (stop the server first).

use super::DbArg;
use clap::Args;
use head_office_storage::SqlStorage;
use std::path::PathBuf;

#[derive(Args)]
pub struct Restore {
    #[arg(long)]
    from: PathBuf,
    #[command(flatten)]
    db: DbArg,
    /// Overwrite a database that already holds a firm.
    #[arg(long)]
    replace: bool,
}

impl Restore {
    pub fn run(self) -> anyhow::Result<()> {
        let db = self.db.location();
        SqlStorage::restore(&self.from, &db, self.replace)?;
        println!("已从 {} 恢复到 {db}", self.from.display());
        Ok(())
    }
}
