//! The client book: the list, the palette, the 360°, contacts, preferences and conflicts, reveals, exports, saved filters, 80/20 and tiers.

use super::DeskState;
use crate::background::SyncTrigger;
use desk::ipc::{BookTag, ExportRequest, ExportResult, IpcError};
use domain::SensitiveField;
use store::book_view::{ContributionReport, TierReport};
use store::{
    AccessLogEntry, ClientPage, ClientProfile, ClientQuery, ConflictView, NewContactNote,
    PaletteClient, PreferencesView, SavedFilter,
};
use tauri::State;

#[tauri::command(async)]
pub fn list_clients(desk: DeskState<'_>, query: ClientQuery) -> Result<ClientPage, IpcError> {
    Ok(desk.list_clients(&query)?)
}

#[tauri::command(async)]
pub fn palette_clients(desk: DeskState<'_>, text: String) -> Result<Vec<PaletteClient>, IpcError> {
    Ok(desk.palette_clients(&text)?)
}

#[tauri::command(async)]
pub fn client_profile(desk: DeskState<'_>, client_id: String) -> Result<ClientProfile, IpcError> {
    Ok(desk.client_profile(&client_id)?)
}

#[tauri::command(async)]
pub fn add_contact_note(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    note: NewContactNote,
) -> Result<ClientProfile, IpcError> {
    let profile = desk.add_contact_note(&note)?;
    trigger.soon();
    Ok(profile)
}

#[tauri::command(async)]
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

#[tauri::command(async)]
pub fn conflicts(desk: DeskState<'_>) -> Result<Vec<ConflictView>, IpcError> {
    Ok(desk.conflicts()?)
}

#[tauri::command(async)]
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

#[tauri::command(async)]
pub fn reveal_field(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    client_id: String,
    field: SensitiveField,
    reason: String,
) -> Result<String, IpcError> {
    let value = desk.reveal(&client_id, field, &reason)?;
    trigger.soon();
    Ok(value)
}

#[tauri::command(async)]
pub fn export_clients(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    request: ExportRequest,
) -> Result<ExportResult, IpcError> {
    let result = desk.export_clients(&request)?;
    trigger.soon();
    Ok(result)
}

#[tauri::command(async)]
pub fn access_log(desk: DeskState<'_>) -> Result<Vec<AccessLogEntry>, IpcError> {
    Ok(desk.access_log()?)
}

#[tauri::command(async)]
pub fn saved_filters(desk: DeskState<'_>) -> Result<Vec<SavedFilter>, IpcError> {
    Ok(desk.saved_filters()?)
}

#[tauri::command(async)]
pub fn save_filter(
    desk: DeskState<'_>,
    name: String,
    query: ClientQuery,
) -> Result<Vec<SavedFilter>, IpcError> {
    Ok(desk.save_filter(&name, &query)?)
}

#[tauri::command(async)]
pub fn delete_filter(desk: DeskState<'_>, name: String) -> Result<Vec<SavedFilter>, IpcError> {
    Ok(desk.delete_filter(&name)?)
}

#[tauri::command(async)]
pub fn book_tags(desk: DeskState<'_>) -> Result<Vec<BookTag>, IpcError> {
    Ok(desk.book_tags()?)
}

#[tauri::command(async)]
pub fn contribution(desk: DeskState<'_>) -> Result<ContributionReport, IpcError> {
    Ok(desk.contribution()?)
}

#[tauri::command(async)]
pub fn tier_report(desk: DeskState<'_>) -> Result<TierReport, IpcError> {
    Ok(desk.tier_report()?)
}
