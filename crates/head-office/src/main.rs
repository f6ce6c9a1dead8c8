//! `head-office`: serve the API, generate the demo firm, correct master data, administer
//! people and the org tree.

mod admin_cli;

use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use clock::{SharedClock, SystemClock};
use demo_firm::{self as demo, DemoParams};
use head_office::audit;
use head_office::RunningHeadOffice;
use head_office_storage::{DatabaseLocation, SqlStorage, Storage};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Parser)]
#[command(name = "head-office", about = "BrokerDesk head-office API server")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API; with --demo, first fill an empty database with the demo firm.
    Serve {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, default_value = "127.0.0.1:8787")]
        addr: SocketAddr,
        #[arg(long)]
        demo: bool,
        #[command(flatten)]
        size: DemoSize,
    },
    /// Fill an empty database with the demo firm and exit.
    Demo {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        size: DemoSize,
    },
    /// Move a client, with its whole history, to another broker (客户划转).
    TransferClient {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        client: String,
        /// The receiving broker's user name, e.g. broker02.
        #[arg(long)]
        to: String,
    },
    /// Set a client's preferences at head office (as a call centre would); merged with brokers' edits.
    SetPreferences {
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
    },
    /// Set the firm's practice (tier bands, window, hysteresis, assessment validity, dormancy,
    /// elderly age, idle lock) from a JSON file; `policy` with no file prints the current one.
    Policy {
        #[command(flatten)]
        db: DbArg,
        /// A JSON file in the shape printed without it.
        #[arg(long)]
        set: Option<PathBuf>,
    },
    /// The monthly tier run: re-tier every client by the policy's bands, window and hysteresis.
    RecomputeTiers {
        #[command(flatten)]
        db: DbArg,
    },
    /// Write the audit log of personal-data reveals and exports for a period as CSV.
    AuditExport {
        #[command(flatten)]
        db: DbArg,
        /// First day, inclusive (YYYY-MM-DD, Beijing time).
        #[arg(long)]
        from: NaiveDate,
        /// Last day, inclusive.
        #[arg(long)]
        until: NaiveDate,
        /// The CSV file to write; standard output if not given.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Show how the firm pays its brokers, or set it from a JSON file in the shape shown
    /// (fee schedules, pay plans, assignments, development split, targets, adjustments).
    Pay {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        set: Option<PathBuf>,
    },
    /// Publish (or republish) every broker's official commission statement for a month.
    PublishStatements {
        #[command(flatten)]
        db: DbArg,
        /// Any day of the month, YYYY-MM-DD.
        #[arg(long)]
        month: NaiveDate,
    },
    /// Finance's correction of what one trade was charged (commission in yuan, e.g. 25.00).
    CorrectTradeCommission {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        trade: String,
        #[arg(long)]
        commission: String,
    },
    /// Answer a broker's dispute of a statement figure: resolved or rejected, with the reason.
    AnswerDispute {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        id: String,
        /// resolved or rejected
        #[arg(long)]
        status: String,
        #[arg(long)]
        answer: String,
    },
    /// People: add, disable, enable, reset a password, place in the org tree, list.
    User {
        #[command(flatten)]
        db: DbArg,
        #[command(subcommand)]
        command: admin_cli::UserCommand,
    },
    /// The org tree: add a unit.
    Unit {
        #[command(flatten)]
        db: DbArg,
        #[command(subcommand)]
        command: admin_cli::UnitCommand,
    },
    /// A consistent copy of the database, taken while it serves.
    Backup {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        out: PathBuf,
    },
    /// Put a backup in place (stop the server first); --replace to overwrite a database.
    Restore {
        #[arg(long)]
        from: PathBuf,
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        replace: bool,
    },
    /// Correct a client's mobile number (master data kept by head office).
    CorrectMobile {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        client: String,
        #[arg(long)]
        mobile: String,
    },
}

/// Where the head office's data is: a SQLite file path or a `postgres://` URL.
#[derive(Args)]
struct DbArg {
    #[arg(
        long = "db",
        visible_alias = "database-url",
        env = "BROKERDESK_DATABASE_URL",
        value_name = "PATH|URL"
    )]
    location: String,
}

impl DbArg {
    fn location(&self) -> DatabaseLocation {
        DatabaseLocation::parse(&self.location)
    }

    fn open(&self) -> anyhow::Result<SqlStorage> {
        let location = self.location();
        SqlStorage::open(&location).with_context(|| format!("打开总部数据库 {location} 失败"))
    }
}

#[derive(Args)]
struct DemoSize {
    /// Clients in the whole firm.
    #[arg(long, default_value_t = 20_000)]
    clients: usize,
    /// Clients of the demo broker, broker01.
    #[arg(long, default_value_t = 2_000)]
    demo_broker_clients: usize,
    /// Mean trades per client over 24 months.
    #[arg(long, default_value_t = 24)]
    trades_per_client: u32,
    /// Mean contact-log entries per client over 24 months.
    #[arg(long, default_value_t = 6)]
    notes_per_client: u32,
    #[arg(long, default_value_t = 20_261_125)]
    seed: u64,
    /// The demo firm's "today" (YYYY-MM-DD); defaults to today in Beijing.
    #[arg(long)]
    as_of: Option<NaiveDate>,
}

impl DemoSize {
    /// `today` is the firm's day by the head office's clock, unless `--as-of` names another.
    fn params(&self, today: NaiveDate) -> DemoParams {
        DemoParams {
            seed: self.seed,
            clients: self.clients,
            demo_broker_clients: self.demo_broker_clients,
            trades_per_client: self.trades_per_client,
            notes_per_client: self.notes_per_client,
            ..DemoParams::standard(self.as_of.unwrap_or(today))
        }
    }
}

fn fill_demo(storage: &SqlStorage, size: &DemoSize, today: NaiveDate) -> anyhow::Result<()> {
    if !storage.is_empty()? {
        eprintln!("head-office: the database already holds a firm; keeping it");
        return Ok(());
    }
    let params = size.params(today);
    let started = std::time::Instant::now();
    let summary = storage.import_firm(demo::generate(&params)?)?;
    eprintln!(
        "head-office: demo firm generated in {:.1} s: {} users, {} clients, {} rows (seed {}, as of {})",
        started.elapsed().as_secs_f64(),
        summary.users,
        summary.clients,
        summary.rows,
        params.seed,
        params.as_of
    );
    Ok(())
}

fn print_demo_users(password: &str) {
    println!("demo users (password for all: {password}):");
    println!(
        "  {:<10} 经纪人 (demo broker, about 2,000 clients)",
        demo::DEMO_BROKER
    );
    println!("  {:<10} 团队长", demo::DEMO_LEAD);
    println!("  {:<10} 营业部负责人", demo::DEMO_MANAGER);
    println!("  broker02 … broker30, lead02 … lead06, manager02, manager03, admin");
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    // The only clock the head office runs on; everything below asks it, never the OS.
    let clock: SharedClock = SystemClock::shared();
    match Cli::parse().command {
        Command::Serve {
            db,
            addr,
            demo,
            size,
        } => {
            let storage = db.open()?;
            if demo {
                fill_demo(&storage, &size, clock.today())?;
                print_demo_users(&size.params(clock.today()).password);
            }
            let server = RunningHeadOffice::start(Arc::new(storage), addr, clock.clone())
                .await
                .with_context(|| format!("listening on {addr}"))?;
            println!("head-office: serving on {}", server.base_url());
            tokio::select! {
                r = server.wait() => r?,
                _ = tokio::signal::ctrl_c() => eprintln!("head-office: stopping"),
            }
        }
        Command::Demo { db, size } => {
            let storage = db.open()?;
            fill_demo(&storage, &size, clock.today())?;
        }
        Command::TransferClient { db, client, to } => {
            let storage = db.open()?;
            let Some(broker) = storage.user_by_username(&to)? else {
                bail!("没有用户名为 {to} 的经纪人");
            };
            storage.transfer_client(&client, &broker.id, clock.now())?;
            println!(
                "客户 {client} 已划转给 {}（{}）",
                broker.display_name, broker.username
            );
        }
        Command::SetPreferences {
            db,
            client,
            channel,
            best_time,
            remark,
        } => {
            let fields = protocol::ClientPreferences {
                preferred_channel: channel,
                best_time_to_call: best_time,
                remark,
            };
            db.open()?.set_preferences(&client, &fields)?;
            println!("客户 {client} 的偏好已更新");
        }
        Command::Policy { db, set } => {
            let storage = db.open()?;
            if let Some(file) = set {
                let text = std::fs::read_to_string(&file)
                    .with_context(|| format!("无法读取 {}", file.display()))?;
                let policy: domain::FirmPolicy = serde_json::from_str(&text)
                    .with_context(|| format!("{} 不是有效的公司规则 JSON", file.display()))?;
                storage.set_firm_policy(&policy)?;
                println!("公司规则已更新，经纪人下次同步时生效：");
            }
            println!("{}", serde_json::to_string_pretty(&storage.firm_policy()?)?);
        }
        Command::RecomputeTiers { db } => {
            let changed = db.open()?.recompute_tiers()?;
            println!("客户定级完成：{changed} 位客户的等级有变化");
        }
        Command::AuditExport {
            db,
            from,
            until,
            out,
        } => {
            if until < from {
                bail!("结束日期 {until} 早于开始日期 {from}");
            }
            let entries = audit::entries_in(&db.open()?, from, until)?;
            let csv = audit::to_csv(&entries);
            match out {
                Some(path) => {
                    std::fs::write(&path, csv)
                        .with_context(|| format!("无法写入 {}", path.display()))?;
                    println!(
                        "已导出 {} 条访问审计记录到 {}",
                        entries.len(),
                        path.display()
                    );
                }
                None => print!("{csv}"),
            }
        }
        Command::Pay { db, set } => {
            let storage = db.open()?;
            if let Some(file) = set {
                let text = std::fs::read_to_string(&file)
                    .with_context(|| format!("无法读取 {}", file.display()))?;
                let pay: head_office_storage::pay::PaySettings = serde_json::from_str(&text)
                    .with_context(|| format!("{} 不是有效的薪酬设置 JSON", file.display()))?;
                storage.set_pay_settings(&pay)?;
                println!(
                    "薪酬设置已更新，经纪人下次同步时生效；已发布的结算单须重新发布才会改变："
                );
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&storage.pay_settings()?)?
            );
        }
        Command::PublishStatements { db, month } => {
            let written = db.open()?.publish_statements(month, clock.now())?;
            println!(
                "已发布 {} 的佣金结算单 {written} 份",
                month.format("%Y年%m月")
            );
        }
        Command::CorrectTradeCommission {
            db,
            trade,
            commission,
        } => {
            let Some(fen) = domain::Fen::parse_yuan(&commission) else {
                bail!("佣金金额 {commission} 无法识别：请写成元，最多两位小数，例如 25.00");
            };
            db.open()?.correct_trade_commission(&trade, fen)?;
            println!("成交 {trade} 的佣金已更正为 {commission} 元；重新发布当月结算单后生效");
        }
        Command::AnswerDispute {
            db,
            id,
            status,
            answer,
        } => {
            let status = match status.as_str() {
                "resolved" => protocol::DisputeStatus::Resolved,
                "rejected" => protocol::DisputeStatus::Rejected,
                other => bail!(
                    "处理结果 {other} 无法识别：请写 resolved（已解决）或 rejected（不予调整）"
                ),
            };
            if answer.trim().is_empty() {
                bail!("请写明处理意见（--answer）");
            }
            db.open()?.answer_dispute(&id, status, answer.trim())?;
            println!("异议 {id} 已答复，经纪人下次同步时可见");
        }
        Command::User { db, command } => admin_cli::user(&db.open()?, command, clock.now())?,
        Command::Unit { db, command } => admin_cli::unit(&db.open()?, command)?,
        Command::Backup { db, out } => admin_cli::backup(&db.open()?, &out)?,
        Command::Restore { from, db, replace } => {
            admin_cli::restore(&from, &db.location(), replace)?
        }
        Command::CorrectMobile { db, client, mobile } => {
            let mobile = match domain::Mobile::parse(&mobile) {
                Ok(m) => m,
                Err(e) => bail!("{e}"),
            };
            db.open()?.correct_client_mobile(&client, &mobile)?;
            println!("客户 {client} 的手机号已更正为 {}", mobile.as_str());
        }
    }
    Ok(())
}
