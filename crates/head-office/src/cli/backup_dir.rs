//! `head-office backup-dir`: where the console's 立即备份 writes, set on the server by IT (a
//! browser never names a path on the server). Without a directory, shows the current one.

use super::DbArg;
use clap::Args;
use head_office_storage::Storage;
use std::path::PathBuf;

#[derive(Args)]
pub struct BackupDir {
    #[command(flatten)]
    db: DbArg,
    /// The directory; created at the first backup if missing.
    dir: Option<PathBuf>,
    /// Take the directory away: the console can then no longer back up.
    #[arg(long, conflicts_with = "dir")]
    clear: bool,
}

impl BackupDir {
    pub fn run(self) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        if self.clear {
            storage.set_backup_directory(None)?;
            println!("已取消备份目录：控制台不能再备份");
            return Ok(());
        }
        match self.dir {
            Some(dir) => {
                let dir = std::path::absolute(&dir)?;
                storage.set_backup_directory(Some(&dir.display().to_string()))?;
                println!("控制台的备份将写入 {}", dir.display());
            }
            None => match storage.backup_directory()? {
                Some(dir) => println!("{dir}"),
                None => println!("尚未设置备份目录"),
            },
        }
        Ok(())
    }
}
