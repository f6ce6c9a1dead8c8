//! One head-office replica for the failover test (`tests/replicas.rs`): the server `head-office
//! serve` runs for a firm (the configured channel, no demo), on the tests' clock so that its
//! months agree with the desks', serving until it is killed.
//!
//! `hq-replica <database URL> <address>`; prints `serving <address>` once it listens.

use head_office::{DeliveryOptions, RunningHeadOffice};
use head_office_storage::{DatabaseLocation, SqlStorage};
use std::io::Write;
use std::sync::Arc;
use system_tests::test_clock;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, addr] = args.as_slice() else {
        anyhow::bail!("usage: hq-replica <database URL> <address>");
    };
    let storage = Arc::new(SqlStorage::open(&DatabaseLocation::parse(db))?);
    let server = RunningHeadOffice::start_with(
        storage,
        addr.parse()?,
        test_clock(),
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
