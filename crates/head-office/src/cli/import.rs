//! `head-office import <kind> --file F.csv`: loads one of the firm's files (README, "Loading your
//! firm's data"). Any bad row stops the whole file unless `--skip-bad`; every one is listed.

use super::DbArg;
use anyhow::{bail, Context};
use clap::Args;
use clock::SharedClock;
use std::path::PathBuf;

#[derive(Args)]
pub struct Import {
    #[command(flatten)]
    db: DbArg,
    /// clients, accounts, assessments, holdings, trades, calendar or library.
    kind: String,
    /// A CSV file in UTF-8 with a header row, or an Excel workbook (.xlsx, first sheet).
    #[arg(long)]
    file: PathBuf,
    /// Import the good rows and report the bad ones, instead of importing nothing.
    #[arg(long)]
    skip_bad: bool,
}

impl Import {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        let kind = head_office::import::kind(&self.kind)?;
        let bytes = std::fs::read(&self.file)
            .with_context(|| format!("无法读取 {}", self.file.display()))?;
        let storage = self.db.open()?;
        let report =
            head_office::import::import_file(&storage, kind, &bytes, self.skip_bad, clock.now())?;
        if !report.written {
            bail!("{}", report.summary_zh(kind));
        }
        println!("{}", report.summary_zh(kind));
        Ok(())
    }
}
