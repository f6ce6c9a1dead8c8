//! The demo's open client transfer requests and a few internal threads, so a lead's 团队 panel
//! has something to decide and a broker's task has a conversation. Which client is whose follows
//! from the book sizes: broker k's clients are numbered on from the previous brokers'.

use super::{beijing_at, broker_id};
use chrono::{Days, NaiveDate};
use protocol::team::{CommentRecord, CommentSubject, TransferRequestRecord, TransferStatus};

const REASONS: [&str; 3] = [
    "客户搬迁至同事负责的片区，就近服务更方便",
    "客户希望由擅长固收产品的同事服务",
    "客户与同事是老相识，主动提出更换服务经纪人",
];

/// The id of broker `k`'s `i`-th client (both from 0).
fn client_of(sizes: &[usize], k: usize, i: usize) -> Option<String> {
    (i < *sizes.get(k)?).then(|| format!("C{:07}", 1 + sizes[..k].iter().sum::<usize>() + i))
}

/// In every team, its second broker asks to hand a client to its first; in the first team a
/// third broker asks for a colleague of the neighbouring team, which only the branch manager
/// may decide. Client names are filled in on import.
pub fn requests(
    sizes: &[usize],
    team_count: usize,
    as_of: NaiveDate,
) -> Vec<TransferRequestRecord> {
    let mut out = Vec::new();
    let mut ask = |from: usize, to: usize, n: usize| {
        let Some(client_id) = client_of(sizes, from, 2) else {
            return;
        };
        if to >= sizes.len() {
            return;
        }
        out.push(TransferRequestRecord {
            id: format!("TR-{}-{n}", broker_id(from)),
            client_id,
            client_name: String::new(),
            from_broker_id: broker_id(from),
            from_broker_name: String::new(),
            to_broker_id: broker_id(to),
            to_broker_name: String::new(),
            reason: REASONS[n % REASONS.len()].to_string(),
            raised_at: beijing_at(as_of - Days::new(1 + (n % 3) as u64), 10 + (n % 6) as u32),
            status: TransferStatus::Pending,
            decided_by_name: None,
            decided_at: None,
            decision_note: None,
        });
    };
    for t in 0..team_count {
        ask(t + team_count, t, t);
    }
    ask(2 * team_count, 1, team_count + 1);
    out
}

/// A lead's note on the first task of each broker of the first team, and the demo broker's reply.
pub fn comments(
    team_count: usize,
    brokers: usize,
    as_of: NaiveDate,
) -> Vec<(String, CommentRecord)> {
    let mut out = Vec::new();
    for k in (0..brokers).step_by(team_count.max(1)).take(3) {
        let task = format!("T-{}-0", broker_id(k));
        let comment = |n: usize, author: &str, body: &str, hour: u32| CommentRecord {
            id: format!("CM-{}-{n}", broker_id(k)),
            subject: CommentSubject::Task,
            subject_id: task.clone(),
            author_id: author.to_string(),
            // Filled in from the users table as the row is read.
            author_name: String::new(),
            body: body.to_string(),
            at: beijing_at(as_of, hour),
        };
        out.push((
            broker_id(k),
            comment(
                0,
                "L01",
                "优先回访风险测评快到期的客户，周五碰一下进度。",
                9,
            ),
        ));
        if k == 0 {
            out.push((
                broker_id(k),
                comment(1, "B001", "收到，已排好周三、周四两天集中回访。", 10),
            ));
        }
    }
    out
}
