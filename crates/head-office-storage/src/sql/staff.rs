//! Client search and the operation log (`staff::StaffDesk`).

use super::rows_commission::{read_dispute, DISPUTES};
use super::users::role_from_code;
use super::SqlStorage;
use crate::db::{Db, Row};
use crate::error::Result;
use crate::staff::{NewStaffAction, StaffDesk};
use chrono::{DateTime, Utc};
use domain::{Fen, Rate, Tier};
use protocol::console::{DisputeInQueue, StaffAction};
use protocol::relationships::{ClientOwnership, CoServer, ScheduledMove};
use protocol::Record;
use rusqlite::params;

fn bad(column: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(column, what.into(), rusqlite::types::Type::Text)
}

fn ownership(r: &Row<'_>) -> rusqlite::Result<ClientOwnership> {
    let tier: String = r.get(2)?;
    Ok(ClientOwnership {
        client_id: r.get(0)?,
        name: r.get(1)?,
        tier: Tier::from_code(&tier).ok_or_else(|| bad(2, "tier"))?,
        total_assets: Fen(r.get(3)?),
        serving_broker_id: r.get(4)?,
        serving_broker_name: r.get(5)?,
        developing_broker_id: r.get(6)?,
        unit_id: r.get(7)?,
        scheduled: match r.get::<_, Option<String>>(8)? {
            None => None,
            Some(to_broker_id) => Some(ScheduledMove {
                to_broker_id,
                to_broker_name: r.get(9)?,
                effective_on: r.get(10)?,
                share: r.get::<_, Option<i64>>(15)?.map(Rate),
            }),
        },
        co_server: match r.get::<_, Option<String>>(11)? {
            None => None,
            Some(broker_id) => Some(CoServer {
                broker_id,
                broker_name: r.get(12)?,
                share: Rate(r.get(13)?),
                since: r.get(14)?,
            }),
        },
    })
}

/// A client with who serves them, the move waiting for them and their co-server, if any
/// (`ownership`'s columns).
const OWNERSHIP: &str =
    "SELECT c.id, c.name, c.tier, c.total_assets, c.broker_id, u.display_name, \
     c.developing_broker_id, u.org_unit_id, s.to_broker, su.display_name, s.effective_on, \
     cs.broker_id, csu.display_name, cs.share, cs.since, s.share \
     FROM clients c JOIN users u ON u.id = c.broker_id \
     LEFT JOIN scheduled_transfers s ON s.client_id = c.id AND s.status = 'pending' \
     LEFT JOIN users su ON su.id = s.to_broker \
     LEFT JOIN client_shares cs ON cs.client_id = c.id AND cs.ended_at IS NULL \
     LEFT JOIN users csu ON csu.id = cs.broker_id";

fn action(r: &Row<'_>) -> rusqlite::Result<StaffAction> {
    let role: String = r.get(3)?;
    Ok(StaffAction {
        at: r.get(0)?,
        user_id: r.get(1)?,
        user_name: r.get(2)?,
        role: role_from_code(&role)?,
        action: r.get(4)?,
        subject: r.get(5)?,
        detail: r.get(6)?,
    })
}

fn queued(r: &Row<'_>) -> rusqlite::Result<DisputeInQueue> {
    let Record::Dispute(dispute) = read_dispute(r)? else {
        return Err(bad(0, "dispute"));
    };
    Ok(DisputeInQueue {
        dispute,
        broker_id: r.get(10)?,
        broker_name: r.get(11)?,
        month: r.get(12)?,
    })
}

/// `LIKE` reads `%` and `_` as patterns; a name never means them.
fn like_escaped(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// A line of the operation log, inside the caller's transaction: the change it tells of and the
/// line commit together.
/// The log line of a console change, if it is one (IT's command line writes none).
pub(super) fn insert_if(db: &Db<'_>, log: Option<&NewStaffAction<'_>>) -> Result<()> {
    match log {
        Some(line) => insert_action(db, line),
        None => Ok(()),
    }
}

pub(super) fn insert_action(db: &Db<'_>, a: &NewStaffAction<'_>) -> Result<()> {
    db.execute(
        "INSERT INTO staff_actions (id, at, user_id, action, subject, detail) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![a.id, a.at, a.user_id, a.action, a.subject, a.detail],
    )?;
    Ok(())
}

impl StaffDesk for SqlStorage {
    fn find_clients(&self, text: &str, limit: u32) -> Result<Vec<ClientOwnership>> {
        let pattern = like_escaped(text);
        let sql = format!(
            "{OWNERSHIP} WHERE c.id = ?1 OR c.name LIKE ?2 ESCAPE '\\' ORDER BY c.id LIMIT ?3"
        );
        self.read(|db| db.query_map(&sql, params![text, pattern, i64::from(limit)], ownership))
    }

    fn broker_book(&self, broker_id: &str) -> Result<Vec<ClientOwnership>> {
        let sql = format!("{OWNERSHIP} WHERE c.broker_id = ?1 ORDER BY c.id");
        self.read(|db| db.query_map(&sql, params![broker_id], ownership))
    }

    fn book_size(&self, broker_id: &str) -> Result<u32> {
        let n: i64 = self.read(|db| {
            db.query_row(
                "SELECT count(*) FROM clients WHERE broker_id = ?1",
                params![broker_id],
                |r| r.get(0),
            )
        })?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    fn record_staff_action(&self, a: &NewStaffAction<'_>) -> Result<()> {
        self.write(|db| insert_action(db, a))
    }

    fn dispute_queue(&self, open_only: bool) -> Result<Vec<DisputeInQueue>> {
        let columns: Vec<String> = DISPUTES
            .columns
            .split(',')
            .map(|c| format!("d.{}", c.trim()))
            .collect();
        let open = if open_only {
            "WHERE d.status = 'open'"
        } else {
            ""
        };
        let sql = format!(
            "SELECT d.id, {}, d.broker_id, u.display_name, s.month FROM statement_disputes d \
             JOIN users u ON u.id = d.broker_id \
             JOIN commission_statements s ON s.id = d.statement_id {open} \
             ORDER BY d.raised_at, d.id",
            columns.join(", ")
        );
        self.read(|db| db.query_map(&sql, params![], queued))
    }

    fn staff_actions(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<StaffAction>> {
        self.read(|db| {
            db.query_map(
                "SELECT a.at, a.user_id, u.display_name, u.role, a.action, a.subject, a.detail \
                 FROM staff_actions a JOIN users u ON u.id = a.user_id \
                 WHERE a.at >= ?1 AND a.at < ?2 ORDER BY a.at DESC, a.id",
                params![from, until],
                action,
            )
        })
    }
}
