//! The reminder scheduler: a tick every 15 seconds, signed in or not, online or not, locked or
//! not. What fires becomes a desktop notification and an event for the window; what came due
//! while the app was closed is reported as missed on the first tick after a start.

use desk::ipc::events;
use desk::Desk;
use std::sync::Arc;
use std::time::Duration;
use store::ReminderEvent;
use tauri::{AppHandle, Emitter};
use tauri_plugin_notification::NotificationExt;

const TICK: Duration = Duration::from_secs(15);

/// What a notification says: on a locked desk, nothing of the client or the task.
pub fn notification_text(event: &ReminderEvent, locked: bool) -> (String, String) {
    let title = if event.event == "missed" {
        "错过的提醒"
    } else {
        "到期提醒"
    };
    let body = if locked {
        "您有一条提醒到期，解锁后查看".to_string()
    } else {
        event.title.clone()
    };
    (title.to_string(), body)
}

fn notify(app: &AppHandle, event: &ReminderEvent, locked: bool) {
    let (title, body) = notification_text(event, locked);
    // Without a notification service (a bare session, a test display) the window's own notice
    // and the log still carry it.
    if let Err(e) = app.notification().builder().title(title).body(body).show() {
        tracing::info!(error = %e, "desktop notification not shown");
    }
}

pub fn spawn_scheduler(app: AppHandle, desk: Arc<Desk>) {
    tauri::async_runtime::spawn(async move {
        loop {
            match desk.scheduler_tick() {
                Ok(Some((fired, locked))) if !fired.is_empty() => {
                    for event in fired.iter().filter(|e| e.event == "fired") {
                        notify(&app, event, locked);
                    }
                    if let Err(e) = app.emit(events::REMINDERS, &fired) {
                        tracing::warn!(error = %e, "could not tell the window about reminders");
                    }
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "reminder tick failed"),
            }
            tokio::time::sleep(TICK).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_locked_desk_keeps_the_reminder_to_itself() {
        let due = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
        let event = ReminderEvent {
            reminder_id: "R-1".into(),
            title: "回访张伟".into(),
            client_id: Some("C0000001".into()),
            due_at: due,
            event: "fired".into(),
            at: due,
        };
        assert_eq!(notification_text(&event, false).1, "回访张伟");
        assert!(!notification_text(&event, true).1.contains("张伟"));
        let missed = ReminderEvent {
            event: "missed".into(),
            ..event
        };
        assert_eq!(notification_text(&missed, false).0, "错过的提醒");
    }
}
