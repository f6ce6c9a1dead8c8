//! The audit log of personal-data access, on either backend. A desk reports what already happened
//! on it, so an event is recorded as sent, never refused: refusing would erase the trace the log
//! exists for. An over-long reason or detail is cut to a length a reader can use instead, and
//! head office stamps when it received the event, which is what the export selects by.

use crate::db::Db;
use crate::error::Result;
use crate::AuditEntry;
use chrono::{DateTime, Utc};
use domain::{AccessAction, SensitiveField};
use protocol::{AccessEventRecord, MutationOutcome};
use rusqlite::params;

/// The longest reason and detail kept, in characters; a desk asks for 4 to 200 in its forms.
const REASON_MAX: usize = 500;
const DETAIL_MAX: usize = 1_000;

fn capped(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max).collect();
    format!("{kept}…（超长，已截断）")
}

pub(super) fn record(
    db: &Db<'_>,
    user_id: &str,
    event: &AccessEventRecord,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    db.execute(
        "INSERT INTO audit_log (id, user_id, action, client_id, field, reason, detail, at, received_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO NOTHING",
        params![
            event.id,
            user_id,
            event.action.as_str(),
            event.client_id,
            event.field.map(SensitiveField::as_str),
            capped(&event.reason, REASON_MAX),
            capped(&event.detail, DETAIL_MAX),
            event.at,
            now
        ],
    )?;
    Ok(MutationOutcome::Applied)
}

pub(super) fn entries(
    db: &Db<'_>,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<AuditEntry>> {
    db.query_map(
        "SELECT a.id, a.user_id, u.username, a.action, a.client_id, a.field, a.reason, a.detail, \
         a.at, a.received_at FROM audit_log a JOIN users u ON u.id = a.user_id \
         WHERE a.received_at >= ?1 AND a.received_at < ?2 ORDER BY a.received_at, a.id",
        params![from, until],
        |r| {
            let action: String = r.get(3)?;
            let field: Option<String> = r.get(5)?;
            Ok(AuditEntry {
                id: r.get(0)?,
                user_id: r.get(1)?,
                username: r.get(2)?,
                action: AccessAction::parse(&action).unwrap_or(AccessAction::Reveal),
                client_id: r.get(4)?,
                field: field.as_deref().and_then(SensitiveField::parse),
                reason: r.get(6)?,
                detail: r.get(7)?,
                at: r.get(8)?,
                received_at: r.get(9)?,
            })
        },
    )
}
