//! `head-office audit-export`: the reveals and exports of personal data for a period, as CSV.

use super::DbArg;
use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::Args;
use head_office::audit;
use std::path::PathBuf;

#[derive(Args)]
pub struct AuditExport {
    #[command(flatten)]
    db: DbArg,
    /// First day, inclusive (YYYY-MM-DD, Beijing time).
    #[arg(long)]
    from: NaiveDate,
    /// Last day, inclusive.
    #[arg(long)]
    until: NaiveDate,
    /// The CSV file to write; standard output if not given.
    #[arg(long)]
    out: Option<PathBuf>,
}

impl AuditExport {
    pub fn run(self) -> anyhow::Result<()> {
        let (from, until) = (self.from, self.until);
        if until < from {
            bail!("结束日期 {until} 早于开始日期 {from}");
        }
        let entries = audit::entries_in(&self.db.open()?, from, until)?;
        let csv = audit::to_csv(&entries);
        match self.out {
            Some(path) => {
                std::fs::write(&path, csv)
                    .with_context(|| format!("无法写入 {}", path.display()))?;
                println!(
                    "已导出 {} 条访问审计记录到 {}",
                    entries.len(),
                    path.display()
                );
            }
            None => print!("{csv}"),
        }
        Ok(())
    }
}
