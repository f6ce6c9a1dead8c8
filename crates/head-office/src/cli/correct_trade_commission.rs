//! `head-office correct-trade-commission`: finance's correction of what one trade was charged.

use super::DbArg;
use anyhow::bail;
use clap::Args;
use head_office_storage::Storage;

#[derive(Args)]
pub struct CorrectTradeCommission {
    #[command(flatten)]
    db: DbArg,
    #[arg(long)]
    trade: String,
    /// In yuan, e.g. 25.00.
    #[arg(long)]
    commission: String,
}

impl CorrectTradeCommission {
    pub fn run(self) -> anyhow::Result<()> {
        let (trade, commission) = (self.trade, self.commission);
        let Some(fen) = domain::Fen::parse_yuan(&commission) else {
            bail!("佣金金额 {commission} 无法识别：请写成元，最多两位小数，例如 25.00");
        };
        let storage = self.db.open()?;
        let Some(charged) = storage.trade_charge(&trade)? else {
            bail!("找不到成交 {trade}，请核对成交编号");
        };
        storage.correct_trade_commission(&trade, charged.commission, fen, None)?;
        println!("成交 {trade} 的佣金已更正为 {commission} 元；重新发布当月结算单后生效");
        Ok(())
    }
}
