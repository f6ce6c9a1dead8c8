//! The delivery loop: every tick, moves pushed messages along through the channel in use.

use crate::channel::webhook::WebhookChannel;
use crate::channel::{ChannelSettings, DeliveryChannel, SimulatedChannel, UnconfiguredChannel};
use clock::SharedClock;
use head_office_storage::Storage;
use std::sync::Arc;

/// Where the channel comes from.
pub enum ChannelSource {
    /// One channel for the server's life: the demo's simulation, or a test's.
    Fixed(Arc<dyn DeliveryChannel>),
    /// What head-office IT configured (`head-office channel`), read every round, so a change
    /// takes effect without a restart; nothing configured means nothing is sent.
    Configured,
}

/// How a head office delivers pushes.
pub struct DeliveryOptions {
    pub source: ChannelSource,
    /// How often the channel is asked what happened, and due messages handed over.
    pub tick: std::time::Duration,
}

/// Hand-overs per round: a backlog after a gateway outage drains over several ticks.
const HANDOVERS_PER_ROUND: usize = 200;

impl DeliveryOptions {
    const TICK: std::time::Duration = std::time::Duration::from_millis(500);

    /// The demo firm's and the tests' invented but repeatable client answers.
    pub fn simulated() -> DeliveryOptions {
        DeliveryOptions {
            source: ChannelSource::Fixed(Arc::new(SimulatedChannel::default())),
            tick: Self::TICK,
        }
    }

    /// A real firm's head office: the configured gateway, or, until there is one, every push
    /// fails saying why.
    pub fn configured() -> DeliveryOptions {
        DeliveryOptions {
            source: ChannelSource::Configured,
            tick: Self::TICK,
        }
    }
}

type RoundResult = Result<(), head_office_storage::StorageError>;

/// Runs a background loop's storage call off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    storage: &Arc<dyn Storage>,
    f: impl FnOnce(&dyn Storage) -> head_office_storage::Result<T> + Send + 'static,
) -> head_office_storage::Result<T> {
    let storage = storage.clone();
    tokio::task::spawn_blocking(move || {
        head_office_storage::on_blocking_thread(|| f(storage.as_ref()))
    })
    .await
    .map_err(|e| head_office_storage::StorageError::Internal(format!("background round: {e}")))?
}

async fn report_round(
    storage: &Arc<dyn Storage>,
    channel: Arc<dyn DeliveryChannel>,
    clock: &SharedClock,
) -> RoundResult {
    let now = clock.now();
    blocking(storage, move |s| {
        s.advance_deliveries(channel.as_ref(), now)
    })
    .await?;
    Ok(())
}

async fn configured_round(
    storage: &Arc<dyn Storage>,
    webhook: &WebhookChannel,
    clock: &SharedClock,
) -> RoundResult {
    match blocking(storage, |s| s.delivery_channel()).await? {
        None => report_round(storage, Arc::new(UnconfiguredChannel), clock).await,
        Some(settings) => {
            let now = clock.now();
            let due = blocking(storage, move |s| s.due_handovers(now, HANDOVERS_PER_ROUND)).await?;
            if due.is_empty() {
                return Ok(());
            }
            let results = match &settings {
                ChannelSettings::Webhook(gateway) => webhook.hand_over(gateway, due).await,
                ChannelSettings::Smtp(mail) => crate::channel::email::hand_over(mail, due).await,
            };
            let now = clock.now();
            blocking(storage, move |s| {
                s.record_handovers(&settings, &results, now)
            })
            .await
        }
    }
}

/// Moves deliveries along until aborted. A failed round is logged and the next one tries again.
pub(crate) async fn run(storage: Arc<dyn Storage>, clock: SharedClock, options: DeliveryOptions) {
    let webhook = match WebhookChannel::new() {
        Ok(w) => w,
        Err(e) => {
            tracing::error!("head-office: no HTTP client for the message gateway: {e}");
            return;
        }
    };
    let mut ticks = tokio::time::interval(options.tick);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut leading = false;
    loop {
        ticks.tick().await;
        // Of several replicas, one delivers; the others ask again every tick, so one of them
        // takes over within a tick of the leader's death.
        match blocking(&storage, |s| s.lead_deliveries()).await {
            Ok(now_leading) => {
                if now_leading != leading {
                    tracing::info!(leading = now_leading, "delivery loop leadership");
                }
                leading = now_leading;
            }
            Err(e) => {
                eprintln!("head-office: cannot tell who runs the delivery loop: {e}");
                leading = false;
            }
        }
        if !leading {
            continue;
        }
        let round = match &options.source {
            ChannelSource::Fixed(channel) => report_round(&storage, channel.clone(), &clock).await,
            ChannelSource::Configured => configured_round(&storage, &webhook, &clock).await,
        };
        if let Err(e) = round {
            eprintln!("head-office: delivery round failed: {e}");
        }
    }
}
