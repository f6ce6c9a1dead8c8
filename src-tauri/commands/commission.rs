//! The commission panel: the month, 24 months, trades, reconciliation, disputes, statement export.

use super::DeskState;
use crate::background::SyncTrigger;
use chrono::NaiveDate;
use desk::ipc::{IpcError, StatementExport};
use protocol::broker_force::PublishedAppraisal;
use store::{
    CommissionMonth, MonthFigure, NewDispute, Reconciliation, TradeCommission, TradeFilter,
};
use tauri::State;

#[tauri::command(async)]
pub fn commission_month(
    desk: DeskState<'_>,
    month: NaiveDate,
) -> Result<CommissionMonth, IpcError> {
    Ok(desk.commission_month(month)?)
}

#[tauri::command(async)]
pub fn commission_history(desk: DeskState<'_>, months: u32) -> Result<Vec<MonthFigure>, IpcError> {
    Ok(desk.commission_history(months)?)
}

/// The broker's own published scorecards (考核), newest first.
#[tauri::command(async)]
pub fn my_appraisals(desk: DeskState<'_>) -> Result<Vec<PublishedAppraisal>, IpcError> {
    Ok(desk.my_appraisals()?)
}

#[tauri::command(async)]
pub fn commission_trades(
    desk: DeskState<'_>,
    month: NaiveDate,
    filter: TradeFilter,
) -> Result<Vec<TradeCommission>, IpcError> {
    Ok(desk.commission_trades(month, &filter)?)
}

#[tauri::command(async)]
pub fn reconcile(desk: DeskState<'_>, month: NaiveDate) -> Result<Reconciliation, IpcError> {
    Ok(desk.reconcile(month)?)
}

#[tauri::command(async)]
pub fn dispute_statement(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    dispute: NewDispute,
) -> Result<Reconciliation, IpcError> {
    let view = desk.dispute_statement(&dispute)?;
    trigger.soon();
    Ok(view)
}

#[tauri::command(async)]
pub fn export_statement(
    desk: DeskState<'_>,
    month: NaiveDate,
) -> Result<StatementExport, IpcError> {
    Ok(desk.export_statement(month)?)
}
