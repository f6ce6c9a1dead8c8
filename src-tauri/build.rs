//! Tauri's build step. Declaring the app's commands makes each one a permission, so the
//! capability in `capabilities/` grants exactly these and nothing else.

const COMMANDS: &[&str] = &[
    "session_state",
    "sign_in",
    "sign_out",
    "sync_now",
    "sync_status",
    "list_clients",
    "client_profile",
    "add_contact_note",
    "refusals",
    "dismiss_refusal",
    "update_preferences",
    "conflicts",
    "resolve_conflict",
    "lock_desk",
    "note_activity",
    "unlock_desk",
    "lock_settings",
    "set_idle_lock_minutes",
    "reveal_field",
    "export_clients",
    "access_log",
    "saved_filters",
    "save_filter",
    "delete_filter",
    "book_tags",
    "contribution",
    "tier_report",
    "products",
    "check_recipients",
    "send_recommendation",
    "push_history",
    "push_detail",
    "client_pushes",
    "commission_month",
    "commission_history",
    "commission_trades",
    "reconcile",
    "dispute_statement",
    "export_statement",
    "agenda",
    "reminders_between",
    "add_reminder",
    "update_reminder",
    "complete_reminder",
    "snooze_reminder",
    "reminder_log",
    "book_alerts",
    "today_view",
    "team_dashboard",
    "team_broker",
    "refresh_team",
    "assign_tasks",
    "request_transfer",
    "transfer_requests",
    "comments",
    "add_comment",
    "team_transfers",
    "decide_transfer",
    "team_comments",
    "add_team_comment",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
