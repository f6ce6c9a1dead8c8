//! Makes the client moves set for a later day when the day comes (`crate::relationships`):
//! once at start-up, for days head office was down, and then whenever the firm's day turns, at
//! midnight in Beijing by head office's clock. Of several replicas each tries; storage lets one
//! make each move.

use crate::delivery::blocking;
use chrono::NaiveDate;
use clock::SharedClock;
use head_office_storage::Storage;
use std::sync::Arc;

/// How often the clock is asked whether the day has turned; reading it costs nothing.
const TICK: std::time::Duration = std::time::Duration::from_secs(1);

/// Moves per transaction: a day with thousands (a branch reorganised) settles over a few rounds
/// instead of holding the feed's lock for one long one.
const PER_ROUND: usize = 200;

pub(crate) async fn run(storage: Arc<dyn Storage>, clock: SharedClock) {
    let mut ticks = tokio::time::interval(TICK);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut settled_through: Option<NaiveDate> = None;
    loop {
        ticks.tick().await;
        let today = clock.today();
        // Moves are only ever set for a later day, so none falls due until the day turns.
        if settled_through == Some(today) {
            continue;
        }
        let now = clock.now();
        match blocking(&storage, move |s| {
            s.settle_due_transfers(today, now, PER_ROUND)
        })
        .await
        {
            Ok(done) => {
                if done.total() > 0 {
                    tracing::info!(
                        moved = done.moved,
                        void = done.void,
                        %today,
                        "scheduled client transfers settled"
                    );
                }
                if done.total() < PER_ROUND {
                    settled_through = Some(today);
                }
            }
            Err(e) => eprintln!("head-office: could not settle the day's client transfers: {e}"),
        }
    }
}
