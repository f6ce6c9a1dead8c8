//! Schema migrations, embedded and run at open. `user_version` counts the ones applied; a migration
//! is never edited once released, only followed by another.

use crate::error::Result;
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_book.sql"),
    include_str!("migrations/002_contact_log.sql"),
    include_str!("migrations/003_preferences.sql"),
    include_str!("migrations/004_client_360.sql"),
    include_str!("migrations/005_recommendations.sql"),
    include_str!("migrations/006_commission.sql"),
    include_str!("migrations/007_agenda.sql"),
    include_str!("migrations/008_tasks.sql"),
    include_str!("migrations/009_calendar.sql"),
    include_str!("migrations/010_team.sql"),
    include_str!("migrations/011_outbox_history.sql"),
    include_str!("migrations/012_recent_clients.sql"),
    include_str!("migrations/013_follow_up_index.sql"),
    include_str!("migrations/014_complaints.sql"),
    include_str!("migrations/015_satisfaction.sql"),
    include_str!("migrations/016_needs.sql"),
    include_str!("migrations/017_events.sql"),
    include_str!("migrations/018_library_body.sql"),
    include_str!("migrations/019_library_target.sql"),
    include_str!("migrations/020_client_shares.sql"),
    include_str!("migrations/021_statement_allowance.sql"),
];

pub(crate) fn run(conn: &mut Connection) -> Result<()> {
    let applied: usize = conn
        .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?
        .unsigned_abs() as usize;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
