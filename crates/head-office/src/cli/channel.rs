//! `head-office channel`: the firm's message gateway or mail server that pushes go through, shown (secret
//! masked), set from a JSON file, or cleared. Kept at head office, never sent to desks.

use super::{read_json, DbArg};
use anyhow::bail;
use clap::Args;
use head_office::channel::ChannelSettings;
use head_office_storage::delivery::Deliveries;
use std::path::PathBuf;

#[derive(Args)]
pub struct Channel {
    #[command(flatten)]
    db: DbArg,
    /// A JSON file: {"webhook": {"url": …, "secret": …}} or {"smtp": {"host": …, "port": 465,
    /// "security": "tls", "username": …, "password": …, "from": …}}, either with "max_attempts",
    /// "first_retry_seconds" and "timeout_seconds" (6, 30, 10 unless given).
    #[arg(long, conflicts_with = "clear")]
    set: Option<PathBuf>,
    /// Takes the channel away: pushes then fail at once, saying no channel is configured.
    #[arg(long)]
    clear: bool,
}

impl Channel {
    pub fn run(self) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        if let Some(file) = &self.set {
            let settings: ChannelSettings = read_json(file, "推送渠道配置")?;
            if let Some(problem) = settings.problem() {
                bail!("{}：{problem}", file.display());
            }
            storage.set_delivery_channel(Some(&settings))?;
            println!("推送渠道已更新，总部服务下一轮投递即按此发送：");
        } else if self.clear {
            storage.set_delivery_channel(None)?;
            println!("已清除推送渠道：此后的推送将直接标记为未发送");
            return Ok(());
        }
        match storage.delivery_channel()? {
            Some(settings) => println!("{}", serde_json::to_string_pretty(&settings.masked())?),
            None => println!("未配置推送渠道：推送将直接标记为未发送（用 --set 配置消息网关）"),
        }
        Ok(())
    }
}
