//! `head-office serve`: the API, until Ctrl+C; with `--demo`, first the demo firm.

use super::demo::{self, DemoSize};
use super::DbArg;
use anyhow::Context;
use clap::Args;
use clock::SharedClock;
use head_office::channel::ChannelSettings;
use head_office::{DeliveryOptions, RunningHeadOffice};
use head_office_storage::delivery::Deliveries;
use head_office_storage::SqlStorage;
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
    /// The server's certificate chain (PEM), to serve HTTPS; with --tls-key.
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<std::path::PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<std::path::PathBuf>,
    #[command(flatten)]
    size: DemoSize,
}

/// The demo's simulated client answers only with `--demo`: a real firm's brokers must never read
/// an answer nobody gave. Without it, the channel head-office IT configured, if any.
fn delivery_for(demo: bool) -> DeliveryOptions {
    if demo {
        DeliveryOptions::simulated()
    } else {
        DeliveryOptions::configured()
    }
}

/// Says at start which channel pushes will take, so IT sees a missing gateway before a broker does.
fn announce_channel(storage: &SqlStorage, demo: bool) -> anyhow::Result<()> {
    if demo {
        eprintln!("head-office: demo firm: client answers to pushes are simulated");
        return Ok(());
    }
    match storage.delivery_channel()? {
        Some(ChannelSettings::Webhook(w)) => {
            eprintln!("head-office: pushes go to the message gateway at {}", w.url)
        }
        Some(ChannelSettings::Smtp(m)) => eprintln!(
            "head-office: pushes go by e-mail through {}:{} as {}",
            m.host, m.port, m.from
        ),
        None => eprintln!(
            "head-office: no delivery channel is configured (head-office channel --set); \
             pushes will be reported to desks as not sent"
        ),
    }
    Ok(())
}

impl Serve {
    pub async fn run(self, clock: SharedClock) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        if self.demo {
            demo::fill(&storage, &self.size, clock.now())?;
            demo::print_users(&self.size.params(clock.today()).password);
        }
        let addr = self.addr;
        announce_channel(&storage, self.demo)?;
        let delivery = delivery_for(self.demo);
        let tls = match (&self.tls_cert, &self.tls_key) {
            (Some(cert), Some(key)) => Some(head_office::tls::acceptor(cert, key)?),
            _ => None,
        };
        let server =
            RunningHeadOffice::start_serving(Arc::new(storage), addr, clock, delivery, tls)
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
    use head_office::ChannelSource;

    #[test]
    fn only_the_demo_invents_client_answers() {
        assert!(matches!(
            delivery_for(false).source,
            ChannelSource::Configured
        ));
        assert!(matches!(delivery_for(true).source, ChannelSource::Fixed(_)));
    }
}
