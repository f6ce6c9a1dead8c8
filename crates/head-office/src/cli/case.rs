//! `head-office case`: head office's service staff handle complaints (投诉处理). Every step reaches
//! the serving broker's desk with its next sync.

use super::DbArg;
use anyhow::bail;
use clap::{Args, Subcommand};
use clock::SharedClock;
use domain::CaseStatus;
use head_office_storage::cases::{CaseFilter, ServiceCases};
use head_office_storage::Storage;
use protocol::{CaseUpdate, OpenComplaint};

#[derive(Args)]
pub struct Case {
    #[command(flatten)]
    db: DbArg,
    #[command(subcommand)]
    command: CaseCommand,
}

/// Who moved the case, as the broker reads it on the desk.
#[derive(Args)]
struct Step {
    /// 受理编号 (TS…) or the case id.
    case: String,
    /// What was done or answered.
    #[arg(long, default_value = "")]
    note: String,
    #[arg(long, default_value = "总部客服")]
    by: String,
}

#[derive(Subcommand)]
enum CaseCommand {
    /// Complaints by deadline, open ones only unless --all.
    List {
        #[arg(long)]
        all: bool,
        /// One broker's book (user name or id).
        #[arg(long)]
        broker: Option<String>,
    },
    /// Take a case and name who handles it (→ 处理中).
    Assign {
        #[command(flatten)]
        step: Step,
        /// The handler's name.
        #[arg(long)]
        to: String,
    },
    /// Record the answer given to the client (→ 已答复).
    Reply(Step),
    /// Record the return visit after the answer (→ 已回访).
    Visit(Step),
    /// Hand the case to the regulator's channel, e.g. 12386 (→ 转监管).
    Escalate(Step),
    /// Close the case with its outcome (→ 结案).
    Close(Step),
}

impl Case {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        let (step, to, handler) = match self.command {
            CaseCommand::List { all, broker } => {
                let brokers = match broker {
                    Some(name) => Some(vec![broker_id(&storage, &name)?]),
                    None => None,
                };
                let filter = CaseFilter {
                    open_only: !all,
                    brokers,
                    today: clock.today(),
                };
                print_cases(&storage.complaints(&filter)?);
                return Ok(());
            }
            CaseCommand::Assign { step, to } => (step, CaseStatus::InProgress, Some(to)),
            CaseCommand::Reply(step) => (step, CaseStatus::Replied, None),
            CaseCommand::Visit(step) => (step, CaseStatus::Visited, None),
            CaseCommand::Escalate(step) => (step, CaseStatus::Escalated, None),
            CaseCommand::Close(step) => (step, CaseStatus::Closed, None),
        };
        if step.by.trim().is_empty() {
            bail!("请写明处理人（--by）");
        }
        let update = CaseUpdate {
            to,
            note: step.note,
            handler,
        };
        let case = storage.update_complaint(&step.case, &step.by, &update, clock.now())?;
        println!(
            "投诉 {} 已改为「{}」，经纪人下次同步时可见",
            case.case_no.as_deref().unwrap_or(&case.id),
            case.status.label_zh()
        );
        Ok(())
    }
}

fn broker_id(storage: &dyn Storage, name: &str) -> anyhow::Result<String> {
    if let Some(user) = storage.user_by_username(name)? {
        return Ok(user.id);
    }
    match storage.user_by_id(name)? {
        Some(user) => Ok(user.id),
        None => bail!("找不到经纪人 {name}，请核对工号"),
    }
}

fn print_cases(cases: &[OpenComplaint]) {
    if cases.is_empty() {
        println!("没有投诉");
        return;
    }
    println!("受理编号\t状态\t类别\t时限\t剩余\t客户\t经纪人\t处理人\t客户原话");
    for c in cases {
        let left = match c.days_left {
            Some(_) if !c.status.is_open() => "已结案".into(),
            Some(d) if d < 0 => format!("超期 {} 天", -d),
            Some(d) => format!("剩 {d} 天"),
            None => "—".into(),
        };
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            c.case_no.as_deref().unwrap_or(&c.id),
            c.status.label_zh(),
            c.category.map_or("—", |k| k.label_zh()),
            c.due_on.map_or("—".into(), |d| d.to_string()),
            left,
            c.client_name,
            c.broker_name,
            c.handler.as_deref().unwrap_or("—"),
            c.summary
        );
    }
}
