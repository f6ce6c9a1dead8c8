//! Client moves and shares set for a later day (`scheduled::ScheduledTransfers`).

use super::books::{move_client, reissue, serving_broker};
use super::staff::insert_action;
use super::users::display_name;
use super::SqlStorage;
use crate::db::{Db, Row};
use crate::error::{Result, StorageError};
use crate::scheduled::{NewScheduledTransfer, ScheduledTransfers, SettledTransfers};
use crate::staff::NewStaffAction;
use chrono::{DateTime, NaiveDate, Utc};
use domain::client_transfer::{settle, settle_share, Settlement};
use domain::Rate;
use protocol::relationships::ScheduledTransfer;
use rusqlite::params;

/// The waiting moves with the names the console shows (`listed`'s columns).
const LISTED: &str =
    "SELECT t.id, t.client_id, c.name, c.broker_id, cu.display_name, t.to_broker, \
     tu.display_name, t.effective_on, t.reason, t.requested_by, ru.display_name, t.requested_at, \
     t.share \
     FROM scheduled_transfers t JOIN clients c ON c.id = t.client_id \
     JOIN users cu ON cu.id = c.broker_id JOIN users tu ON tu.id = t.to_broker \
     JOIN users ru ON ru.id = t.requested_by WHERE t.status = 'pending'";

fn listed(r: &Row<'_>) -> rusqlite::Result<ScheduledTransfer> {
    Ok(ScheduledTransfer {
        id: r.get(0)?,
        client_id: r.get(1)?,
        client_name: r.get(2)?,
        serving_broker_id: r.get(3)?,
        serving_broker_name: r.get(4)?,
        to_broker_id: r.get(5)?,
        to_broker_name: r.get(6)?,
        effective_on: r.get(7)?,
        reason: r.get(8)?,
        requested_by: r.get(9)?,
        requested_by_name: r.get(10)?,
        requested_at: r.get(11)?,
        share: r.get::<_, Option<i64>>(12)?.map(Rate),
    })
}

/// A due move or share as settling reads it.
struct Due {
    id: String,
    client_id: String,
    to_broker: String,
    requested_by: String,
    requested_at: DateTime<Utc>,
    reason: String,
    effective_on: NaiveDate,
    share: Option<Rate>,
}

/// Begins a due share, or says why not, as `settle_one` does a move.
fn settle_due_share(
    db: &Db<'_>,
    due: &Due,
    share: Rate,
    serving: &str,
    co_active: bool,
    at: DateTime<Utc>,
) -> Result<(Settlement, String)> {
    let developer: String = db.query_row(
        "SELECT developing_broker_id FROM clients WHERE id = ?1",
        params![due.client_id],
        |r| r.get(0),
    )?;
    let shared = db
        .query_opt(
            "SELECT 1 FROM client_shares WHERE client_id = ?1 AND ended_at IS NULL",
            params![due.client_id],
            |_| Ok(true),
        )?
        .unwrap_or(false);
    let settlement = settle_share(
        serving,
        &developer,
        &due.to_broker,
        share,
        co_active,
        shared,
    );
    let route = format!(
        "{}（{serving}）与 {}（{}）共同服务，共同服务人分得服务佣金的 {share}",
        display_name(db, serving)?,
        display_name(db, &due.to_broker)?,
        due.to_broker
    );
    let detail = match &settlement {
        Settlement::Move => {
            db.execute(
                "INSERT INTO client_shares (id, client_id, broker_id, share, since, reason, \
                 started_by, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    format!("SH-{}", due.id),
                    due.client_id,
                    due.to_broker,
                    share.0,
                    due.effective_on,
                    due.reason,
                    due.requested_by,
                    at
                ],
            )?;
            // The co-server's cursor may be past every row of the client: all of it again.
            reissue(db, &due.client_id, serving)?;
            format!("{route}：{}", due.reason)
        }
        Settlement::Void(why) => format!("{route}：{why}"),
    };
    Ok((settlement, detail))
}

/// Makes or voids one due move, with its log line; nothing when another head office got to it
/// first (the claim below waits for theirs, then finds the move no longer pending).
fn settle_one(db: &Db<'_>, due: &Due, at: DateTime<Utc>) -> Result<Option<Settlement>> {
    let claimed = db.execute(
        "UPDATE scheduled_transfers SET status = 'moved', settled_at = ?2 \
         WHERE id = ?1 AND status = 'pending'",
        params![due.id, at],
    )?;
    if claimed == 0 {
        return Ok(None);
    }
    let serving = serving_broker(db, &due.client_id)?
        .ok_or_else(|| StorageError::NotFound(format!("客户 {}", due.client_id)))?;
    let receiver_active = db
        .query_opt(
            "SELECT 1 FROM users WHERE id = ?1 AND role = 'Broker' AND disabled = 0",
            params![due.to_broker],
            |_| Ok(true),
        )?
        .unwrap_or(false);
    let (settlement, action, detail) = match due.share {
        Some(share) => {
            let (settlement, detail) =
                settle_due_share(db, due, share, &serving, receiver_active, at)?;
            let action = match settlement {
                Settlement::Move => "共享生效",
                Settlement::Void(_) => "共享作废",
            };
            (settlement, action, detail)
        }
        None => {
            let settlement = settle(&serving, &due.to_broker, receiver_active);
            let route = format!(
                "从 {}（{serving}）划转给 {}（{}）",
                display_name(db, &serving)?,
                display_name(db, &due.to_broker)?,
                due.to_broker
            );
            match settlement {
                Settlement::Move => {
                    move_client(db, &due.client_id, &due.to_broker, at)?;
                    let detail = format!("{route}：{}", due.reason);
                    (Settlement::Move, "划转生效", detail)
                }
                Settlement::Void(why) => {
                    (Settlement::Void(why), "划转作废", format!("{route}：{why}"))
                }
            }
        }
    };
    if let Settlement::Void(why) = &settlement {
        db.execute(
            "UPDATE scheduled_transfers SET status = 'void', outcome = ?2 WHERE id = ?1",
            params![due.id, why],
        )?;
    }
    let set_on = domain::clock::shanghai_date(due.requested_at);
    let detail = format!("{detail}（{set_on} 安排）");
    insert_action(
        db,
        &NewStaffAction {
            id: &format!("{}-settled", due.id),
            at,
            user_id: &due.requested_by,
            action,
            subject: &due.client_id,
            detail: &detail,
        },
    )?;
    Ok(Some(settlement))
}

impl ScheduledTransfers for SqlStorage {
    fn schedule_transfer(
        &self,
        t: &NewScheduledTransfer<'_>,
        log: &NewStaffAction<'_>,
    ) -> Result<()> {
        let written = self.write(|db| {
            db.execute(
                "INSERT INTO scheduled_transfers (id, client_id, to_broker, effective_on, reason, \
                 requested_by, requested_at, status, share) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8)",
                params![
                    t.id,
                    t.client_id,
                    t.to_broker_id,
                    t.effective_on,
                    t.reason,
                    t.requested_by,
                    t.requested_at,
                    t.share.map(|r| r.0)
                ],
            )?;
            insert_action(db, log)
        });
        match written {
            Err(e) if e.is_refused_data() => Err(StorageError::Validation(format!(
                "客户 {} 已有一项待生效的划转或共享，请刷新后查看，如需改动请先撤销原安排",
                t.client_id
            ))),
            other => other,
        }
    }

    fn scheduled_transfers(&self) -> Result<Vec<ScheduledTransfer>> {
        let sql = format!("{LISTED} ORDER BY t.effective_on, t.requested_at, t.id");
        self.read(|db| db.query_map(&sql, params![], listed))
    }

    fn scheduled_transfer_of(&self, client_id: &str) -> Result<Option<ScheduledTransfer>> {
        let sql = format!("{LISTED} AND t.client_id = ?1");
        self.read(|db| db.query_opt(&sql, params![client_id], listed))
    }

    fn cancel_scheduled_transfer(
        &self,
        id: &str,
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<()> {
        self.write(|db| {
            let cancelled = db.execute(
                "UPDATE scheduled_transfers SET status = 'cancelled', settled_at = ?2 \
                 WHERE id = ?1 AND status = 'pending'",
                params![id, at],
            )?;
            if cancelled == 0 {
                return Err(StorageError::NotFound(format!("待生效的划转 {id}")));
            }
            insert_action(db, log)
        })
    }

    fn settle_due_transfers(
        &self,
        today: NaiveDate,
        at: DateTime<Utc>,
        limit: usize,
    ) -> Result<SettledTransfers> {
        self.write_locking(|db| {
            let due = db.query_map(
                "SELECT id, client_id, to_broker, requested_by, requested_at, reason, \
                 effective_on, share \
                 FROM scheduled_transfers WHERE status = 'pending' AND effective_on <= ?1 \
                 ORDER BY effective_on, requested_at, id LIMIT ?2",
                params![today, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| {
                    Ok(Due {
                        id: r.get(0)?,
                        client_id: r.get(1)?,
                        to_broker: r.get(2)?,
                        requested_by: r.get(3)?,
                        requested_at: r.get(4)?,
                        reason: r.get(5)?,
                        effective_on: r.get(6)?,
                        share: r.get::<_, Option<i64>>(7)?.map(Rate),
                    })
                },
            )?;
            let mut settled = SettledTransfers::default();
            for d in &due {
                match settle_one(db, d, at)? {
                    Some(Settlement::Move) => settled.moved += 1,
                    Some(Settlement::Void(_)) => settled.void += 1,
                    None => {}
                }
            }
            Ok(settled)
        })
    }
}
