//! The research library, the suitability check of recipients, pushes and their history.

use super::DeskState;
use crate::background::SyncTrigger;
use desk::ipc::IpcError;
use store::{
    ClientPushView, ProductQuery, ProductView, PushDetail, PushDraft, PushSummary, RecipientChecks,
    RecipientSelection,
};
use tauri::State;

#[tauri::command(async)]
pub fn products(desk: DeskState<'_>, query: ProductQuery) -> Result<Vec<ProductView>, IpcError> {
    Ok(desk.products(&query)?)
}

#[tauri::command(async)]
pub fn check_recipients(
    desk: DeskState<'_>,
    product_id: String,
    selection: RecipientSelection,
) -> Result<RecipientChecks, IpcError> {
    Ok(desk.check_recipients(&product_id, &selection)?)
}

#[tauri::command(async)]
pub fn send_recommendation(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    draft: PushDraft,
) -> Result<PushDetail, IpcError> {
    let detail = desk.send_recommendation(&draft)?;
    trigger.soon();
    Ok(detail)
}

#[tauri::command(async)]
pub fn push_history(desk: DeskState<'_>, limit: u32) -> Result<Vec<PushSummary>, IpcError> {
    Ok(desk.push_history(limit)?)
}

#[tauri::command(async)]
pub fn push_detail(desk: DeskState<'_>, push_id: String) -> Result<PushDetail, IpcError> {
    Ok(desk.push_detail(&push_id)?)
}

#[tauri::command(async)]
pub fn client_pushes(
    desk: DeskState<'_>,
    client_id: String,
) -> Result<Vec<ClientPushView>, IpcError> {
    Ok(desk.client_pushes(&client_id)?)
}
