//! `head-office visit`: head office's caller records a return visit (回访) and the client's
//! satisfaction score; the serving broker's desk shows it with its next sync, and a low score
//! alerts that broker.

use super::DbArg;
use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use clock::SharedClock;
use head_office_storage::cases::ServiceCases;
use protocol::NewReturnVisit;

#[derive(Args)]
pub struct Visit {
    #[command(flatten)]
    db: DbArg,
    #[arg(long)]
    client: String,
    /// Why the call was made: 开户回访, 产品回访, 投诉回访 …
    #[arg(long, default_value = "服务回访")]
    purpose: String,
    #[arg(long)]
    result: String,
    /// 1 (very dissatisfied) to 5 (very satisfied); leave out when the client did not answer.
    #[arg(long)]
    score: Option<u8>,
    /// The client's own words.
    #[arg(long)]
    words: Option<String>,
    /// The day of the call (YYYY-MM-DD); today when left out.
    #[arg(long)]
    on: Option<String>,
    #[arg(long, default_value = "总部客服")]
    by: String,
}

impl Visit {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        let visited_on = match &self.on {
            Some(day) => NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .with_context(|| format!("回访日期 {day} 无法识别，请写成 2026-12-04"))?,
            None => clock.today(),
        };
        let visit = NewReturnVisit {
            client_id: self.client,
            visited_on,
            purpose: self.purpose,
            result: self.result,
            satisfaction: self.score,
            client_words: self.words,
            by: self.by,
        };
        let record = self.db.open()?.record_return_visit(&visit, clock.now())?;
        let score = record
            .satisfaction
            .map_or("未评分".to_string(), |s| format!("满意度 {s} 分"));
        println!(
            "已记录客户 {} 的回访（{}，{score}），服务经纪人下次同步时可见",
            record.client_id, record.opened_on
        );
        Ok(())
    }
}
