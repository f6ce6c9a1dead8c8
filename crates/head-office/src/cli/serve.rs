//! `head-office serve`: the API, until Ctrl+C; with `--demo`, first the demo firm.

use super::demo::{self, DemoSize};
use super::DbArg;
use anyhow::Context;
use clap::Args;
use clock::SharedClock;
use head_office::{DeliveryOptions, RunningHeadOffice};
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

/// The demo's simulated client answers only with `--demo`: a real firm's brokers must never read
/// an answer nobody gave.
fn delivery_for(demo: bool) -> DeliveryOptions {
    if demo {
        DeliveryOptions::simulated()
    } else {
        eprintln!(
            "head-office: no delivery channel is configured; pushes will be reported to desks as not sent"
        );
        DeliveryOptions::unconfigured()
    }
}

impl Serve {
    pub async fn run(self, clock: SharedClock) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        if self.demo {
            demo::fill(&storage, &self.size, clock.today())?;
            demo::print_users(&self.size.params(clock.today()).password);
        }
        let addr = self.addr;
        let delivery = delivery_for(self.demo);
        let server = RunningHeadOffice::start_with(Arc::new(storage), addr, clock, delivery)
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use head_office::channel::{ChannelMessage, NO_CHANNEL_REASON};
    use protocol::DeliveryStatus;

    #[test]
    fn only_the_demo_invents_client_answers() {
        let message = ChannelMessage {
            delivery_id: "P-1/C0000001".into(),
            client_id: "C0000001".into(),
            handed_over_at: Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
        };
        let later = message.handed_over_at + chrono::Duration::hours(1);
        let real = delivery_for(false).channel.report(&message, later);
        assert_eq!(real.events.len(), 1);
        assert_eq!(real.events[0].status, DeliveryStatus::Failed);
        assert_eq!(real.events[0].reason.as_deref(), Some(NO_CHANNEL_REASON));
        let demo = delivery_for(true).channel.report(&message, later);
        assert_ne!(demo.events[0].status, DeliveryStatus::Failed);
    }
}
