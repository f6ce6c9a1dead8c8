//! One head-office replica for the failover test (`tests/replicas.rs`): the server `head-office
//! serve` runs for a firm (the configured channel, no demo), on the tests' clock so that its
//! months agree with the desks', serving until it is killed.
//!
//! `hq-replica <database URL> <address> <now, RFC 3339>`; prints `serving <address>` once it
//! listens. The clock runs from the given instant, the test process's clock at spawning.

use chrono::{DateTime, Utc};
use clock::RunningClock;
use head_office::{DeliveryOptions, RunningHeadOffice};
use head_office_storage::{DatabaseLocation, SqlStorage};
use std::io::Write;
use std::sync::Arc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, addr, now] = args.as_slice() else {
        anyhow::bail!("usage: hq-replica <database URL> <address> <now, RFC 3339>");
    };
    let now = DateTime::parse_from_rfc3339(now)?.with_timezone(&Utc);
    let storage = Arc::new(SqlStorage::open(&DatabaseLocation::parse(db))?);
    let server = RunningHeadOffice::start_with(
        storage,
        addr.parse()?,
        RunningClock::from(now),
        DeliveryOptions::configured(),
    )
    .await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "serving {}", server.addr)?;
    out.flush()?;
    drop(out);
    server.wait().await?;
    Ok(())
}
