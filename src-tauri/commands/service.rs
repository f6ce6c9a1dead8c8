//! Complaints taken at the desk.

use super::DeskState;
use crate::background::SyncTrigger;
use desk::ipc::IpcError;
use store::profile_views::ServiceCaseView;
use store::ComplaintInput;
use tauri::State;

#[tauri::command(async)]
pub fn register_complaint(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    complaint: ComplaintInput,
) -> Result<Vec<ServiceCaseView>, IpcError> {
    let cases = desk.register_complaint(&complaint)?;
    trigger.soon();
    Ok(cases)
}
