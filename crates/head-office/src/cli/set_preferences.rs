//! `head-office set-preferences`: head office's edit of a client's preferences (as a call centre
//! would), merged with brokers' edits like any other.

use super::DbArg;
use clap::Args;
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
}

impl SetPreferences {
    pub fn run(self) -> anyhow::Result<()> {
        let fields = protocol::ClientPreferences {
            preferred_channel: self.channel,
            best_time_to_call: self.best_time,
            remark: self.remark,
        };
        self.db.open()?.set_preferences(&self.client, &fields)?;
        println!("客户 {} 的偏好已更新", self.client);
        Ok(())
    }
}
