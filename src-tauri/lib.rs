//! The BrokerDesk desktop app: start-up, the Tauri commands, the background sync and the
//! reminder scheduler.
//!
//! `desk` is the app without Tauri (sign-in, session, cache, sync) and is what tests drive;
//! `commands` are thin wrappers the window invokes; `secrets` keeps tokens and the database key in
//! the OS keyring; `ipc` holds the types that cross to the window, exported to TypeScript.

mod background;
mod commands;
mod reminders;

use desk::{Desk, DeskConfig};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::Manager;

/// Where the cache lives, the keyring name and the prefilled server can be set from outside, so
/// that `make run` and the end-to-end tests never touch a real user's desk.
fn config_from_env(default_data_dir: PathBuf, default_export_dir: PathBuf) -> DeskConfig {
    DeskConfig {
        data_dir: std::env::var_os("BROKERDESK_DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or(default_data_dir),
        keyring_service: std::env::var("BROKERDESK_KEYRING_SERVICE")
            .unwrap_or_else(|_| "BrokerDesk".into()),
        default_server_url: std::env::var("BROKERDESK_SERVER_URL").ok(),
        export_dir: std::env::var_os("BROKERDESK_EXPORT_DIR")
            .map(PathBuf::from)
            .unwrap_or(default_export_dir),
        clock: clock::SystemClock::shared(),
    }
}

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            // Without a downloads folder (a bare server session), exports go beside the cache.
            let export_dir = app
                .path()
                .download_dir()
                .unwrap_or_else(|_| data_dir.join("exports"));
            let config = config_from_env(data_dir, export_dir);
            let desk = Arc::new(Desk::open(config)?);
            let trigger = background::SyncTrigger::default();
            app.manage(desk.clone());
            app.manage(trigger.clone());
            reminders::spawn_scheduler(app.handle().clone(), desk.clone());
            background::spawn_sync_loop(app.handle().clone(), desk, trigger);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session_state,
            commands::sign_in,
            commands::sign_out,
            commands::sync_now,
            commands::sync_status,
            commands::list_clients,
            commands::palette_clients,
            commands::client_profile,
            commands::add_contact_note,
            commands::refusals,
            commands::dismiss_refusal,
            commands::update_preferences,
            commands::conflicts,
            commands::resolve_conflict,
            commands::lock_desk,
            commands::local_data,
            commands::switch_user,
            commands::note_activity,
            commands::unlock_desk,
            commands::lock_settings,
            commands::set_idle_lock_minutes,
            commands::reveal_field,
            commands::export_clients,
            commands::access_log,
            commands::saved_filters,
            commands::save_filter,
            commands::delete_filter,
            commands::book_tags,
            commands::contribution,
            commands::tier_report,
            commands::products,
            commands::check_recipients,
            commands::send_recommendation,
            commands::push_history,
            commands::push_detail,
            commands::client_pushes,
            commands::commission_month,
            commands::commission_history,
            commands::commission_trades,
            commands::reconcile,
            commands::dispute_statement,
            commands::export_statement,
            commands::agenda,
            commands::reminders_between,
            commands::add_reminder,
            commands::update_reminder,
            commands::complete_reminder,
            commands::snooze_reminder,
            commands::snooze_reminder_to_next_trading_day,
            commands::reminder_log,
            commands::book_alerts,
            commands::today_view,
            commands::team_dashboard,
            commands::team_broker,
            commands::refresh_team,
            commands::assign_tasks,
            commands::request_transfer,
            commands::transfer_requests,
            commands::comments,
            commands::add_comment,
            commands::team_transfers,
            commands::decide_transfer,
            commands::team_comments,
            commands::add_team_comment,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("BrokerDesk could not start: {e}");
        std::process::exit(1);
    }
}
