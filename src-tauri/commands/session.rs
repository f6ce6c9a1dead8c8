//! Sign-in, sign-out, the lock, sync, and what head office refused.

use super::DeskState;
use crate::background::emit_status;
use desk::ipc::{IpcError, LockSettings, SessionState, SignInForm, SyncStatus};
use store::{LocalData, RefusalNotice};
use tauri::AppHandle;

#[tauri::command(async)]
pub fn session_state(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.session_state()?)
}

#[tauri::command]
pub async fn sign_in(desk: DeskState<'_>, form: SignInForm) -> Result<SessionState, IpcError> {
    Ok(desk.sign_in(form).await?)
}

/// `wipe`: also delete this broker's cache from the machine (refused while writes wait).
#[tauri::command]
pub async fn sign_out(desk: DeskState<'_>, wipe: bool) -> Result<SessionState, IpcError> {
    Ok(desk.sign_out(wipe).await?)
}

/// What only this machine holds of the broker's: what a wipe would take.
#[tauri::command(async)]
pub fn local_data(desk: DeskState<'_>) -> Result<LocalData, IpcError> {
    Ok(desk.local_data()?)
}

#[tauri::command(async)]
pub fn switch_user(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.switch_user()?)
}

#[tauri::command]
pub async fn sync_now(app: AppHandle, desk: DeskState<'_>) -> Result<SyncStatus, IpcError> {
    Ok(desk.sync(&|s| emit_status(&app, s)).await?)
}

/// Installs the release head office offered (pushing the outbox first) and restarts into it; the
/// sync stays paused until the process ends.
#[tauri::command]
pub async fn install_update(app: AppHandle, desk: DeskState<'_>) -> Result<(), IpcError> {
    let (_version, _sync_paused) = desk.install_update(&|s| emit_status(&app, s)).await?;
    app.restart()
}

#[tauri::command(async)]
pub fn sync_status(desk: DeskState<'_>) -> Result<SyncStatus, IpcError> {
    Ok(desk.sync_status())
}

#[tauri::command(async)]
pub fn refusals(desk: DeskState<'_>) -> Result<Vec<RefusalNotice>, IpcError> {
    Ok(desk.refusals()?)
}

#[tauri::command(async)]
pub fn dismiss_refusal(
    desk: DeskState<'_>,
    mutation_id: String,
) -> Result<Vec<RefusalNotice>, IpcError> {
    Ok(desk.dismiss_refusal(&mutation_id)?)
}

#[tauri::command(async)]
pub fn lock_desk(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.lock_desk()?)
}

/// The window saw the broker at the desk; the idle time starts again.
#[tauri::command(async)]
pub fn note_activity(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.note_activity()?)
}

#[tauri::command(async)]
pub fn unlock_desk(desk: DeskState<'_>, password: String) -> Result<SessionState, IpcError> {
    Ok(desk.unlock(&password)?)
}

#[tauri::command(async)]
pub fn lock_settings(desk: DeskState<'_>) -> Result<LockSettings, IpcError> {
    Ok(desk.lock_settings()?)
}

#[tauri::command(async)]
pub fn set_idle_lock_minutes(desk: DeskState<'_>, minutes: u32) -> Result<LockSettings, IpcError> {
    Ok(desk.set_idle_lock_minutes(minutes)?)
}
