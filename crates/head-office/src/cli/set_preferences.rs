//! `head-office set-preferences`: head office's edit of a client's profile (as a call centre
//! would), merged with brokers' edits like any other. Only the fields given change; an empty
//! value (`--remark ""`) clears one.

use super::DbArg;
use clap::Args;
use clock::SharedClock;
use head_office_storage::Storage;

#[derive(Args)]
pub struct SetPreferences {
    #[command(flatten)]
    db: DbArg,
    #[arg(long)]
    client: String,
    /// phone, visit, wechat, email or meeting.
    #[arg(long)]
    channel: Option<String>,
    #[arg(long)]
    best_time: Option<String>,
    #[arg(long)]
    remark: Option<String>,
    /// 投资目标: capital_preservation, steady_growth, aggressive_growth, retirement,
    /// child_education or legacy.
    #[arg(long)]
    goal: Option<String>,
    /// 投资期限: under_1y, 1y_to_3y, 3y_to_5y or over_5y.
    #[arg(long)]
    horizon: Option<String>,
    /// 流动性需求: high, medium or low.
    #[arg(long)]
    liquidity: Option<String>,
    /// 感兴趣的产品, comma-separated: equity, fund, bond, wealth_management, margin, options, gold.
    #[arg(long)]
    products: Option<String>,
    /// 家庭情况: single, married, with_children, children_grown or retired.
    #[arg(long)]
    family: Option<String>,
}

impl SetPreferences {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        let mut fields = storage.preferences(&self.client)?;
        let given = [
            ("preferred_channel", self.channel),
            ("best_time_to_call", self.best_time),
            ("remark", self.remark),
            ("investment_goal", self.goal),
            ("horizon", self.horizon),
            ("liquidity_need", self.liquidity),
            ("products_of_interest", self.products),
            ("family_stage", self.family),
        ];
        for (field, value) in given {
            if let (Some(value), Some(slot)) = (value, fields.field_mut(field)) {
                let value = value.trim().to_string();
                *slot = (!value.is_empty()).then_some(value);
            }
        }
        storage.set_preferences(&self.client, &fields, clock.now())?;
        println!("客户 {} 的资料已更新", self.client);
        Ok(())
    }
}
