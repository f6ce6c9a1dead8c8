//! `head-office demo`: fill an empty database with the demo firm (also `serve --demo`).

use super::DbArg;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use clap::Args;
use clock::SharedClock;
use demo_firm::DemoParams;
use head_office_storage::{SqlStorage, Storage};

#[derive(Args)]
pub struct Demo {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    size: DemoSize,
}

#[derive(Args)]
pub struct DemoSize {
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
    pub fn params(&self, today: NaiveDate) -> DemoParams {
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

impl Demo {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        fill(&self.db.open()?, &self.size, clock.now())
    }
}

/// Generates the demo firm into `storage` unless it already holds one.
pub fn fill(storage: &SqlStorage, size: &DemoSize, now: DateTime<Utc>) -> anyhow::Result<()> {
    let today = domain::clock::shanghai_date(now);
    if !storage.is_empty()? {
        eprintln!("head-office: the database already holds a firm; keeping it");
        return Ok(());
    }
    let params = size.params(today);
    let started = std::time::Instant::now();
    let summary = storage.import_firm(demo_firm::generate(&params)?)?;
    // Last month's appraisal is published, as its statements are: a broker's 考核 tab has a card.
    let last_month = today.with_day(1).unwrap_or(today) - chrono::Months::new(1);
    head_office::appraisal::publish_month(storage, last_month, now, None)?;
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

pub fn print_users(password: &str) {
    println!("demo users (password for all: {password}):");
    println!(
        "  {:<10} 经纪人 (demo broker, about 2,000 clients)",
        demo_firm::DEMO_BROKER
    );
    println!("  {:<10} 团队长", demo_firm::DEMO_LEAD);
    println!("  {:<10} 营业部负责人", demo_firm::DEMO_MANAGER);
    println!("  broker02 … broker30, lead02 … lead06, manager02, manager03, admin");
}
