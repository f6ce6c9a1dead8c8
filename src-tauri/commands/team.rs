//! A lead's team panel, and transfer requests and threads.

use super::DeskState;
use crate::background::SyncTrigger;
use desk::ipc::IpcError;
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, CommentQuery, CommentRecord, CommentSubject,
    NewComment, TeamDashboard, TransferDecision, TransferRequestRecord,
};
use store::{CommentView, TransferRequestView};
use tauri::State;

#[tauri::command(async)]
pub fn team_dashboard(
    desk: DeskState<'_>,
    unit: Option<String>,
) -> Result<Option<TeamDashboard>, IpcError> {
    Ok(desk.team_dashboard(unit.as_deref())?)
}

#[tauri::command(async)]
pub fn team_broker(
    desk: DeskState<'_>,
    broker_id: String,
) -> Result<Option<BrokerDashboard>, IpcError> {
    Ok(desk.team_broker(&broker_id)?)
}

#[tauri::command]
pub async fn refresh_team(desk: DeskState<'_>) -> Result<Option<TeamDashboard>, IpcError> {
    Ok(desk.refresh_team().await?)
}

#[tauri::command]
pub async fn assign_tasks(
    desk: DeskState<'_>,
    request: AssignTasks,
) -> Result<AssignedTasks, IpcError> {
    Ok(desk.assign_tasks(&request).await?)
}

#[tauri::command(async)]
pub fn request_transfer(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    client_id: String,
    to_broker: String,
    reason: String,
) -> Result<Vec<TransferRequestView>, IpcError> {
    let requests = desk.request_transfer(&client_id, &to_broker, &reason)?;
    trigger.soon();
    Ok(requests)
}

#[tauri::command(async)]
pub fn transfer_requests(
    desk: DeskState<'_>,
    client_id: Option<String>,
) -> Result<Vec<TransferRequestView>, IpcError> {
    Ok(desk.transfer_requests(client_id.as_deref())?)
}

#[tauri::command(async)]
pub fn comments(
    desk: DeskState<'_>,
    subject: CommentSubject,
    subject_id: String,
) -> Result<Vec<CommentView>, IpcError> {
    Ok(desk.comments(subject, &subject_id)?)
}

#[tauri::command(async)]
pub fn add_comment(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    subject: CommentSubject,
    subject_id: String,
    body: String,
) -> Result<Vec<CommentView>, IpcError> {
    let thread = desk.add_comment(subject, &subject_id, &body)?;
    trigger.soon();
    Ok(thread)
}

#[tauri::command]
pub async fn team_transfers(desk: DeskState<'_>) -> Result<Vec<TransferRequestRecord>, IpcError> {
    Ok(desk.team_transfers().await?)
}

#[tauri::command]
pub async fn decide_transfer(
    desk: DeskState<'_>,
    decision: TransferDecision,
) -> Result<TransferRequestRecord, IpcError> {
    Ok(desk.decide_transfer(&decision).await?)
}

#[tauri::command]
pub async fn team_comments(
    desk: DeskState<'_>,
    subject: CommentSubject,
    subject_id: String,
) -> Result<Vec<CommentRecord>, IpcError> {
    let query = CommentQuery {
        subject,
        subject_id,
    };
    Ok(desk.team_comments(&query).await?)
}

#[tauri::command]
pub async fn add_team_comment(
    desk: DeskState<'_>,
    comment: NewComment,
) -> Result<Vec<CommentRecord>, IpcError> {
    Ok(desk.add_team_comment(&comment).await?)
}
