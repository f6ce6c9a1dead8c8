//! The background sync loop: a pass at start, soon after a local write, every minute while online,
//! and with exponential backoff and jitter while head office cannot be reached.

use desk::ipc::{events, Connection, SyncStatus};
use desk::Desk;
use rand::Rng;
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Emitter};
use tokio::sync::Notify;

const SYNC_EVERY: Duration = Duration::from_secs(60);
/// A local write is pushed this long after it, so a burst of writes goes in one sync.
const AFTER_WRITE: Duration = Duration::from_secs(2);
const BACKOFF_FIRST: Duration = Duration::from_secs(5);
const BACKOFF_MAX: Duration = Duration::from_secs(300);

pub fn emit_status(app: &AppHandle, status: &SyncStatus) {
    if let Err(e) = app.emit(events::SYNC_STATUS, status) {
        tracing::warn!(error = %e, "could not send the sync status to the window");
    }
}

/// Wakes the loop after a local write.
#[derive(Clone, Default)]
pub struct SyncTrigger(Arc<Notify>);

impl SyncTrigger {
    pub fn soon(&self) {
        self.0.notify_one();
    }
}

/// The wait before the next pass: a minute when online; doubling from 5 s to 5 min, with up to a
/// quarter of jitter so that a branch full of desks does not reconnect in lockstep, when offline.
pub fn next_wait(failures: u32, jitter: f64) -> Duration {
    if failures == 0 {
        return SYNC_EVERY;
    }
    let doubled = BACKOFF_FIRST.saturating_mul(1u32 << failures.saturating_sub(1).min(10));
    doubled
        .min(BACKOFF_MAX)
        .mul_f64(1.0 + 0.25 * jitter.clamp(0.0, 1.0))
}

pub fn spawn_sync_loop(app: AppHandle, desk: Arc<Desk>, trigger: SyncTrigger) {
    tauri::async_runtime::spawn(async move {
        let mut failures = 0u32;
        loop {
            if desk.is_signed_in() {
                match desk.sync(&|s| emit_status(&app, s)).await {
                    Ok(status) if status.connection == Connection::Offline => failures += 1,
                    Ok(_) => failures = 0,
                    Err(e) => {
                        tracing::warn!(error = %e, "background sync stopped: the session ended")
                    }
                }
            }
            let wait = next_wait(failures, rand::thread_rng().gen());
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = trigger.0.notified() => tokio::time::sleep(AFTER_WRITE).await,
            }
        }
    });
}

/// How long an ending desk waits for a session renewal in flight.
const TERM_GRACE: Duration = Duration::from_secs(5);

/// The system ends the desk with SIGTERM (shutdown, logout, an installer): a renewal of the
/// session in flight keeps its new token first, so the broker is not signed out at the next start.
#[cfg(unix)]
pub fn spawn_exit_on_terminate(app: AppHandle, desk: Arc<Desk>) {
    use tokio::signal::unix::{signal, SignalKind};
    tauri::async_runtime::spawn(async move {
        let mut term = match signal(SignalKind::terminate()) {
            Ok(term) => term,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                return;
            }
        };
        term.recv().await;
        if tokio::time::timeout(TERM_GRACE, desk.wait_for_renewal())
            .await
            .is_err()
        {
            tracing::warn!("ending with a session renewal unanswered");
        }
        app.exit(0);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_five_minutes_with_bounded_jitter() {
        assert_eq!(next_wait(0, 0.5), SYNC_EVERY);
        assert_eq!(next_wait(1, 0.0), Duration::from_secs(5));
        assert_eq!(next_wait(2, 0.0), Duration::from_secs(10));
        assert_eq!(next_wait(4, 0.0), Duration::from_secs(40));
        assert_eq!(next_wait(30, 0.0), BACKOFF_MAX);
        assert_eq!(next_wait(2, 1.0), Duration::from_millis(12_500));
        assert!(next_wait(30, 1.0) <= BACKOFF_MAX.mul_f64(1.25));
    }
}
