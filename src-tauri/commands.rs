//! Tauri commands: parse, call one function of the desk, map the error. Nothing else lives here.

use crate::background::emit_status;
use crate::background::SyncTrigger;
use crate::desk::Desk;
use crate::ipc::{IpcError, SessionState, SignInForm, SyncStatus};
use std::sync::Arc;
use store::{
    ClientPage, ClientProfile, ClientQuery, ConflictView, NewContactNote, PreferencesView,
    RefusalNotice,
};
use tauri::{AppHandle, State};

type DeskState<'a> = State<'a, Arc<Desk>>;

#[tauri::command]
pub fn session_state(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.session_state()?)
}

#[tauri::command]
pub async fn sign_in(desk: DeskState<'_>, form: SignInForm) -> Result<SessionState, IpcError> {
    Ok(desk.sign_in(form).await?)
}

#[tauri::command]
pub fn sign_out(desk: DeskState<'_>) -> Result<SessionState, IpcError> {
    Ok(desk.sign_out()?)
}

#[tauri::command]
pub async fn sync_now(app: AppHandle, desk: DeskState<'_>) -> Result<SyncStatus, IpcError> {
    Ok(desk.sync(&|s| emit_status(&app, s)).await?)
}

#[tauri::command]
pub fn sync_status(desk: DeskState<'_>) -> SyncStatus {
    desk.sync_status()
}

#[tauri::command]
pub fn list_clients(desk: DeskState<'_>, query: ClientQuery) -> Result<ClientPage, IpcError> {
    Ok(desk.list_clients(&query)?)
}

#[tauri::command]
pub fn client_profile(desk: DeskState<'_>, client_id: String) -> Result<ClientProfile, IpcError> {
    Ok(desk.client_profile(&client_id)?)
}

#[tauri::command]
pub fn add_contact_note(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    note: NewContactNote,
) -> Result<ClientProfile, IpcError> {
    let profile = desk.add_contact_note(&note)?;
    trigger.soon();
    Ok(profile)
}

#[tauri::command]
pub fn refusals(desk: DeskState<'_>) -> Result<Vec<RefusalNotice>, IpcError> {
    Ok(desk.refusals()?)
}

#[tauri::command]
pub fn dismiss_refusal(
    desk: DeskState<'_>,
    mutation_id: String,
) -> Result<Vec<RefusalNotice>, IpcError> {
    Ok(desk.dismiss_refusal(&mutation_id)?)
}

#[tauri::command]
pub fn update_preferences(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    client_id: String,
    preferences: PreferencesView,
) -> Result<ClientProfile, IpcError> {
    let profile = desk.update_preferences(&client_id, &preferences)?;
    trigger.soon();
    Ok(profile)
}

#[tauri::command]
pub fn conflicts(desk: DeskState<'_>) -> Result<Vec<ConflictView>, IpcError> {
    Ok(desk.conflicts()?)
}

#[tauri::command]
pub fn resolve_conflict(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    mutation_id: String,
    field: String,
    keep_mine: bool,
) -> Result<Vec<ConflictView>, IpcError> {
    let remaining = desk.resolve_conflict(&mutation_id, &field, keep_mine)?;
    if keep_mine {
        trigger.soon();
    }
    Ok(remaining)
}
