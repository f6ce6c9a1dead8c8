//! 客户活动: events, invitations and answers.

use super::DeskState;
use crate::background::SyncTrigger;
use desk::ipc::IpcError;
use protocol::EventResponse;
use store::{EventInput, EventView, InvitationView, RecipientSelection};
use tauri::State;

#[tauri::command(async)]
pub fn events(desk: DeskState<'_>) -> Result<Vec<EventView>, IpcError> {
    Ok(desk.events()?)
}

#[tauri::command(async)]
pub fn create_event(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    event: EventInput,
) -> Result<Vec<EventView>, IpcError> {
    let events = desk.create_event(&event)?;
    trigger.soon();
    Ok(events)
}

#[tauri::command(async)]
pub fn event_invitations(
    desk: DeskState<'_>,
    event_id: String,
) -> Result<Vec<InvitationView>, IpcError> {
    Ok(desk.event_invitations(&event_id)?)
}

#[tauri::command(async)]
pub fn invite_to_event(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    event_id: String,
    selection: RecipientSelection,
) -> Result<u32, IpcError> {
    let invited = desk.invite_to_event(&event_id, &selection)?;
    trigger.soon();
    Ok(invited)
}

#[tauri::command(async)]
pub fn record_event_response(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    response: EventResponse,
) -> Result<Vec<InvitationView>, IpcError> {
    let invitations = desk.record_event_response(&response)?;
    trigger.soon();
    Ok(invitations)
}
