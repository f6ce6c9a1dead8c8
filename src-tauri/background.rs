//! The background sync loop: a pass at start, then one a minute while the app runs.

use crate::desk::Desk;
use crate::ipc::{events, SyncStatus};
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Emitter};

const SYNC_EVERY: Duration = Duration::from_secs(60);

pub fn emit_status(app: &AppHandle, status: &SyncStatus) {
    if let Err(e) = app.emit(events::SYNC_STATUS, status) {
        tracing::warn!(error = %e, "could not send the sync status to the window");
    }
}

pub fn spawn_sync_loop(app: AppHandle, desk: Arc<Desk>) {
    tauri::async_runtime::spawn(async move {
        loop {
            if desk.is_signed_in() {
                if let Err(e) = desk.sync(&|s| emit_status(&app, s)).await {
                    tracing::warn!(error = %e, "background sync stopped: the session ended");
                }
            }
            tokio::time::sleep(SYNC_EVERY).await;
        }
    });
}
