//! `head-office correct-mobile`: correct a client's mobile number (master data head office keeps).

use super::DbArg;
use anyhow::bail;
use clap::Args;
use head_office_storage::Storage;

#[derive(Args)]
pub struct CorrectMobile {
    #[command(flatten)]
    db: DbArg,
    #[arg(long)]
    client: String,
    #[arg(long)]
    mobile: String,
}

impl CorrectMobile {
    pub fn run(self) -> anyhow::Result<()> {
        let mobile = match domain::Mobile::parse(&self.mobile) {
            Ok(m) => m,
            Err(e) => bail!("{e}"),
        };
        self.db
            .open()?
            .correct_client_mobile(&self.client, &mobile)?;
        println!("客户 {} 的手机号已更正为 {}", self.client, mobile.as_str());
        Ok(())
    }
}
