//! Tasks the demo leads have set their brokers this week: a believable morning's list.

use super::broker_id;
use chrono::{Days, NaiveDate};
use protocol::TaskRecord;

const TASKS: [(&str, &str, u64); 4] = [
    (
        "本周完成 10 位金卡以上客户的季度回访",
        "重点关注风险测评即将到期的客户，回访后在系统登记联系记录。",
        0,
    ),
    (
        "整理科创板开户意向客户名单",
        "筛选资产 50 万以上、交易经验满 2 年的客户，周五前提交。",
        1,
    ),
    (
        "跟进上月资产转出较大的客户",
        "了解转出原因，做好挽留与服务记录。",
        3,
    ),
    (
        "参加周四下午的适当性管理培训",
        "地点：营业部三楼会议室，14:00–16:00。",
        3,
    ),
];

/// Three or four tasks for every broker from the lead of their team, due from today on.
pub fn generate(brokers: usize, team_count: usize, as_of: NaiveDate) -> Vec<(String, TaskRecord)> {
    let mut out = Vec::new();
    for k in 0..brokers {
        let lead = format!("L{:02}", k % team_count.max(1) + 1);
        let count = 3 + k % 2;
        for (i, (title, detail, days)) in TASKS.iter().take(count).enumerate() {
            out.push((
                broker_id(k),
                TaskRecord {
                    id: format!("T-{}-{i}", broker_id(k)),
                    title: (*title).to_string(),
                    detail: Some((*detail).to_string()),
                    client_id: None,
                    // The lead's user id on the way in; the feed reads back their name.
                    assigned_by_name: lead.clone(),
                    due_on: as_of + Days::new(*days),
                    done_at: None,
                },
            ));
        }
    }
    out
}
