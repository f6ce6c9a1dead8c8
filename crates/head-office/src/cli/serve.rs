//! `head-office serve`: the API, until Ctrl+C; with `--demo`, first the demo firm.

use super::demo::{self, DemoSize};
use super::DbArg;
use anyhow::Context;
use clap::Args;
use clock::SharedClock;
use head_office::RunningHeadOffice;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Args)]
pub struct Serve {
    #[command(flatten)]
    db: DbArg,
    #[arg(long, default_value = "127.0.0.1:8787")]
    addr: SocketAddr,
    #[arg(long)]
    demo: bool,
    #[command(flatten)]
    size: DemoSize,
}

impl Serve {
    pub async fn run(self, clock: SharedClock) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        if self.demo {
            demo::fill(&storage, &self.size, clock.today())?;
            demo::print_users(&self.size.params(clock.today()).password);
        }
        let addr = self.addr;
        let server = RunningHeadOffice::start(Arc::new(storage), addr, clock)
            .await
            .with_context(|| format!("listening on {addr}"))?;
        println!("head-office: serving on {}", server.base_url());
        tokio::select! {
            r = server.wait() => r?,
            _ = tokio::signal::ctrl_c() => eprintln!("head-office: stopping"),
        }
        Ok(())
    }
}
