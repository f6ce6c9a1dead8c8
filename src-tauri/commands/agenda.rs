//! The agenda: reminders, the log of what fired, alerts and the Today view.

use super::DeskState;
use crate::background::SyncTrigger;
use chrono::NaiveDate;
use desk::ipc::{IpcError, TodayView};
use store::{Agenda, AgendaItem, BookAlert, NewReminder, ReminderEvent};
use tauri::State;

#[tauri::command(async)]
pub fn agenda(desk: DeskState<'_>) -> Result<Agenda, IpcError> {
    Ok(desk.agenda()?)
}

#[tauri::command(async)]
pub fn reminders_between(
    desk: DeskState<'_>,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<AgendaItem>, IpcError> {
    Ok(desk.reminders_between(from, until)?)
}

#[tauri::command(async)]
pub fn add_reminder(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    reminder: NewReminder,
) -> Result<Agenda, IpcError> {
    let agenda = desk.add_reminder(&reminder)?;
    trigger.soon();
    Ok(agenda)
}

#[tauri::command(async)]
pub fn update_reminder(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    id: String,
    reminder: NewReminder,
) -> Result<Agenda, IpcError> {
    let agenda = desk.update_reminder(&id, &reminder)?;
    trigger.soon();
    Ok(agenda)
}

#[tauri::command(async)]
pub fn complete_reminder(
    desk: DeskState<'_>,
    trigger: State<'_, SyncTrigger>,
    id: String,
) -> Result<Agenda, IpcError> {
    let agenda = desk.complete_reminder(&id)?;
    trigger.soon();
    Ok(agenda)
}

#[tauri::command(async)]
pub fn snooze_reminder(desk: DeskState<'_>, id: String, minutes: u32) -> Result<Agenda, IpcError> {
    Ok(desk.snooze_reminder(&id, minutes)?)
}

#[tauri::command(async)]
pub fn snooze_reminder_to_next_trading_day(
    desk: DeskState<'_>,
    id: String,
) -> Result<Agenda, IpcError> {
    Ok(desk.snooze_reminder_to_next_trading_day(&id)?)
}

#[tauri::command(async)]
pub fn reminder_log(desk: DeskState<'_>, limit: u32) -> Result<Vec<ReminderEvent>, IpcError> {
    Ok(desk.reminder_log(limit)?)
}

#[tauri::command(async)]
pub fn book_alerts(desk: DeskState<'_>) -> Result<Vec<BookAlert>, IpcError> {
    Ok(desk.book_alerts()?)
}

#[tauri::command(async)]
pub fn today_view(desk: DeskState<'_>) -> Result<TodayView, IpcError> {
    Ok(desk.today_view()?)
}
