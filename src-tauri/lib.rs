//! The BrokerDesk desktop app: start-up, the Tauri commands, the background sync and the
//! reminder scheduler.
//!
//! `desk` is the app without Tauri (sign-in, session, cache, sync) and is what tests drive;
//! `commands` are thin wrappers the window invokes; `secrets` keeps tokens and the database key in
//! the OS keyring; `ipc` holds the types that cross to the window, exported to TypeScript.

mod background;
mod commands;
mod reminders;

use desk::firm_config::FIRM_CONFIG_PATH;
use desk::{Desk, DeskBuild, DeskConfig};
use protocol::release::BundleKind;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::Manager;

/// Where the cache lives, the keyring name and the prefilled server can be set from outside, so
/// that `make run` and the end-to-end tests never touch a real user's desk.
/// The key every update must be signed with. A firm puts its own public key in this file before
/// `make package`; the private half never leaves its release machine.
const UPDATE_KEY: &str = include_str!("../packaging/updater/update-key.pub");

/// What this binary is: its version, and the installer it came in (patched in by the packaging).
fn desk_build(app: &tauri::App) -> Result<DeskBuild, desk::error::DeskError> {
    let version = app
        .package_info()
        .version
        .to_string()
        .parse()
        .map_err(|e: domain::ValidationError| desk::error::DeskError::Validation(e.to_string()))?;
    let bundle = match tauri::utils::platform::bundle_type() {
        Some(tauri::utils::config::BundleType::Deb) => Some(BundleKind::Deb),
        Some(tauri::utils::config::BundleType::AppImage) => Some(BundleKind::AppImage),
        _ => None,
    };
    Ok(DeskBuild {
        version,
        bundle,
        appimage: app.env().appimage.map(PathBuf::from),
        update_key: UPDATE_KEY.trim().to_string(),
    })
}

fn config_from_env(
    default_data_dir: PathBuf,
    default_export_dir: PathBuf,
    build: DeskBuild,
) -> DeskConfig {
    DeskConfig {
        data_dir: std::env::var_os("BROKERDESK_DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or(default_data_dir),
        keyring_service: std::env::var("BROKERDESK_KEYRING_SERVICE")
            .unwrap_or_else(|_| "BrokerDesk".into()),
        default_server_url: std::env::var("BROKERDESK_SERVER_URL").ok(),
        firm_config: std::env::var_os("BROKERDESK_FIRM_CONFIG")
            .map_or_else(|| PathBuf::from(FIRM_CONFIG_PATH), PathBuf::from),
        export_dir: std::env::var_os("BROKERDESK_EXPORT_DIR")
            .map(PathBuf::from)
            .unwrap_or(default_export_dir),
        clock: clock::SystemClock::shared(),
        build,
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
            let config = config_from_env(data_dir, export_dir, desk_build(app)?);
            let desk = Arc::new(Desk::open(config)?);
            let trigger = background::SyncTrigger::default();
            app.manage(desk.clone());
            app.manage(trigger.clone());
            reminders::spawn_scheduler(app.handle().clone(), desk.clone());
            #[cfg(unix)]
            background::spawn_exit_on_terminate(app.handle().clone(), desk.clone());
            background::spawn_sync_loop(app.handle().clone(), desk, trigger);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session::session_state,
            commands::session::sign_in,
            commands::session::sign_out,
            commands::session::sync_now,
            commands::session::sync_status,
            commands::session::install_update,
            commands::book::list_clients,
            commands::book::palette_clients,
            commands::book::client_profile,
            commands::book::add_contact_note,
            commands::session::refusals,
            commands::session::dismiss_refusal,
            commands::book::update_preferences,
            commands::book::conflicts,
            commands::book::resolve_conflict,
            commands::session::lock_desk,
            commands::session::local_data,
            commands::session::switch_user,
            commands::session::note_activity,
            commands::session::unlock_desk,
            commands::session::lock_settings,
            commands::session::set_idle_lock_minutes,
            commands::book::reveal_field,
            commands::book::export_clients,
            commands::book::access_log,
            commands::book::saved_filters,
            commands::book::save_filter,
            commands::book::delete_filter,
            commands::book::book_tags,
            commands::book::contribution,
            commands::book::tier_report,
            commands::recommend::products,
            commands::recommend::check_recipients,
            commands::recommend::send_recommendation,
            commands::recommend::push_history,
            commands::recommend::push_detail,
            commands::recommend::client_pushes,
            commands::commission::commission_month,
            commands::commission::commission_history,
            commands::commission::my_appraisals,
            commands::commission::commission_trades,
            commands::commission::reconcile,
            commands::commission::dispute_statement,
            commands::commission::export_statement,
            commands::agenda::agenda,
            commands::agenda::reminders_between,
            commands::agenda::add_reminder,
            commands::agenda::update_reminder,
            commands::agenda::complete_reminder,
            commands::agenda::snooze_reminder,
            commands::agenda::snooze_reminder_to_next_trading_day,
            commands::agenda::reminder_log,
            commands::agenda::book_alerts,
            commands::agenda::today_view,
            commands::team::team_dashboard,
            commands::team::team_broker,
            commands::team::refresh_team,
            commands::team::assign_tasks,
            commands::team::request_transfer,
            commands::service::register_complaint,
            commands::events::events,
            commands::events::create_event,
            commands::events::event_invitations,
            commands::events::invite_to_event,
            commands::events::record_event_response,
            commands::team::transfer_requests,
            commands::team::comments,
            commands::team::add_comment,
            commands::team::team_transfers,
            commands::team::decide_transfer,
            commands::team::team_comments,
            commands::team::add_team_comment,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("BrokerDesk could not start: {e}");
        std::process::exit(1);
    }
}
