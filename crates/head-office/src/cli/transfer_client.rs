//! `head-office transfer-client`: 客户划转, a client with its whole history to another broker.

use super::DbArg;
use anyhow::bail;
use clap::Args;
use clock::SharedClock;
use head_office_storage::Storage;

#[derive(Args)]
pub struct TransferClient {
    #[command(flatten)]
    db: DbArg,
    #[arg(long)]
    client: String,
    /// The receiving broker's user name, e.g. broker02.
    #[arg(long)]
    to: String,
}

impl TransferClient {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        let Some(broker) = storage.user_by_username(&self.to)? else {
            bail!("没有用户名为 {} 的经纪人", self.to);
        };
        storage.transfer_client(&self.client, &broker.id, clock.now())?;
        println!(
            "客户 {} 已划转给 {}（{}）",
            self.client, broker.display_name, broker.username
        );
        Ok(())
    }
}
