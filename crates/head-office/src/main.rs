//! `head-office`: the API server and head-office IT's commands. Each subcommand is one file in
//! `cli/`; this file only parses the command line and dispatches.

mod cli;

use clap::{Parser, Subcommand};
use clock::{SharedClock, SystemClock};

#[derive(Parser)]
#[command(name = "head-office", about = "BrokerDesk head-office API server")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API; with --demo, first fill an empty database with the demo firm.
    Serve(cli::serve::Serve),
    /// Fill an empty database with the demo firm and exit.
    Demo(cli::demo::Demo),
    /// Load one of the firm's own files (clients, accounts, assessments, holdings, trades,
    /// calendar, library): upserted by the firm's ids, every bad row reported by line.
    Import(cli::import::Import),
    /// Move a client, with its whole history, to another broker (客户划转).
    TransferClient(cli::transfer_client::TransferClient),
    /// Set a client's preferences at head office (as a call centre would); merged with brokers' edits.
    SetPreferences(cli::set_preferences::SetPreferences),
    /// Set the firm's practice (tier bands, window, hysteresis, assessment validity, dormancy,
    /// elderly age, idle lock) from a JSON file; `policy` with no file prints the current one.
    Policy(cli::policy::Policy),
    /// The firm's message gateway pushes go through (webhook URL, shared secret, retries):
    /// shown, set from a JSON file, or cleared. Never sent to desks.
    Channel(cli::channel::Channel),
    /// The monthly tier run: re-tier every client by the policy's bands, window and hysteresis.
    RecomputeTiers(cli::recompute_tiers::RecomputeTiers),
    /// Write the audit log of personal-data reveals and exports for a period as CSV.
    AuditExport(cli::audit_export::AuditExport),
    /// Show how the firm pays its brokers, or set it from a JSON file in the shape shown
    /// (fee schedules, pay plans, assignments, development split, targets, adjustments).
    Pay(cli::pay::Pay),
    /// Publish (or republish) every broker's official commission statement for a month.
    PublishStatements(cli::publish_statements::PublishStatements),
    /// Finance's correction of what one trade was charged (commission in yuan, e.g. 25.00).
    CorrectTradeCommission(cli::correct_trade_commission::CorrectTradeCommission),
    /// Answer a broker's dispute of a statement figure: resolved or rejected, with the reason.
    AnswerDispute(cli::answer_dispute::AnswerDispute),
    /// People: add, disable, enable, reset a password, place in the org tree, list.
    User(cli::user::User),
    /// The org tree: add a unit.
    Unit(cli::unit::Unit),
    /// A consistent copy of the database, taken while it serves.
    Backup(cli::backup::Backup),
    /// Where the console's backups go (IT sets it here, never from a browser); shown without one.
    BackupDir(cli::backup_dir::BackupDir),
    /// Put a backup in place (stop the server first); --replace to overwrite a database.
    Restore(cli::restore::Restore),
    /// Correct a client's mobile number (master data kept by head office).
    CorrectMobile(cli::correct_mobile::CorrectMobile),
    /// Complaints: list by deadline, assign, reply, record the return visit, escalate, close.
    Case(cli::case::Case),
    /// Record a return visit (回访) with the client's satisfaction score (1–5) and words.
    Visit(cli::visit::Visit),
    /// The desk's releases: publish a signed bundle for desks to update to (pilot teams first).
    Release(cli::release::Release),
    /// Print the API's OpenAPI 3.1 document (what `/api/v1/openapi.json` serves).
    Openapi,
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
        Command::Serve(c) => c.run(clock).await,
        Command::Demo(c) => c.run(&clock),
        Command::Import(c) => c.run(&clock),
        Command::TransferClient(c) => c.run(&clock),
        Command::SetPreferences(c) => c.run(&clock),
        Command::Policy(c) => c.run(),
        Command::Channel(c) => c.run(),
        Command::RecomputeTiers(c) => c.run(),
        Command::AuditExport(c) => c.run(),
        Command::Pay(c) => c.run(),
        Command::PublishStatements(c) => c.run(&clock),
        Command::CorrectTradeCommission(c) => c.run(),
        Command::AnswerDispute(c) => c.run(),
        Command::User(c) => c.run(&clock),
        Command::Unit(c) => c.run(),
        Command::Backup(c) => c.run(),
        Command::BackupDir(c) => c.run(),
        Command::Restore(c) => c.run(),
        Command::CorrectMobile(c) => c.run(),
        Command::Case(c) => c.run(&clock),
        Command::Visit(c) => c.run(&clock),
        Command::Release(c) => c.run(&clock),
        Command::Openapi => cli::openapi::print(),
    }
}
