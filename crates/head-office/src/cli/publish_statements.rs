//! `head-office publish-statements`: every broker's official commission statement for a month.

use super::DbArg;
use chrono::NaiveDate;
use clap::Args;
use clock::SharedClock;
use head_office_storage::Storage;

#[derive(Args)]
pub struct PublishStatements {
    #[command(flatten)]
    db: DbArg,
    /// Any day of the month, YYYY-MM-DD.
    #[arg(long)]
    month: NaiveDate,
}

impl PublishStatements {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        let written = self
            .db
            .open()?
            .publish_statements(self.month, clock.now(), None)?;
        println!(
            "已发布 {} 的佣金结算单 {written} 份",
            self.month.format("%Y年%m月")
        );
        Ok(())
    }
}
