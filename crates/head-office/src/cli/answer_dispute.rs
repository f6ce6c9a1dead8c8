//! `head-office answer-dispute`: finance's answer to a broker's dispute of a statement figure.

use super::DbArg;
use anyhow::bail;
use clap::Args;
use head_office_storage::Storage;

#[derive(Args)]
pub struct AnswerDispute {
    #[command(flatten)]
    db: DbArg,
    #[arg(long)]
    id: String,
    /// resolved or rejected
    #[arg(long)]
    status: String,
    #[arg(long)]
    answer: String,
}

impl AnswerDispute {
    pub fn run(self) -> anyhow::Result<()> {
        let status = match self.status.as_str() {
            "resolved" => protocol::DisputeStatus::Resolved,
            "rejected" => protocol::DisputeStatus::Rejected,
            other => {
                bail!("处理结果 {other} 无法识别：请写 resolved（已解决）或 rejected（不予调整）")
            }
        };
        if self.answer.trim().is_empty() {
            bail!("请写明处理意见（--answer）");
        }
        let id = self.id;
        self.db
            .open()?
            .answer_dispute(&id, status, self.answer.trim(), None)?;
        println!("异议 {id} 已答复，经纪人下次同步时可见");
        Ok(())
    }
}
