//! Clients shared with a second, serving broker (`shares::ClientShares`).

use super::books::{reissue, serving_broker, transfer_client};
use super::staff::insert_action;
use super::SqlStorage;
use crate::db::Db;
use crate::error::{Result, StorageError};
use crate::shares::{ClientShares, NewClientShare};
use crate::staff::NewStaffAction;
use chrono::{DateTime, Utc};
use domain::clock::shanghai_midnight;
use domain::shared_service::check_share;
use protocol::relationships::CoServer;
use protocol::{ClientRecord, EntityKind};
use rusqlite::params;

/// A share that came with the firm's data (`ClientRecord.co_server` of an imported client),
/// checked by the same rules as one made in the console; no one on the staff started it.
pub(super) fn import_share(db: &Db<'_>, client: &ClientRecord, co: &CoServer) -> Result<()> {
    check_share(
        &client.serving_broker_id,
        &client.developing_broker_id,
        &co.broker_id,
        co.share,
    )
    .map_err(|e| StorageError::Validation(format!("客户 {}：{e}", client.id)))?;
    db.execute(
        "INSERT INTO client_shares (id, client_id, broker_id, share, since, reason, started_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, '随公司数据导入', ?6)",
        params![
            format!("SH-{}", client.id),
            client.id,
            co.broker_id,
            co.share.0,
            co.since,
            shanghai_midnight(co.since)
        ],
    )?;
    Ok(())
}

/// Ends the client's share: the co-server's desk drops the client, and the serving desk learns
/// from the re-numbered client row that it serves alone.
fn end_share(
    db: &Db<'_>,
    client_id: &str,
    reason: &str,
    at: DateTime<Utc>,
    by: &str,
) -> Result<()> {
    let serving = serving_broker(db, client_id)?
        .ok_or_else(|| StorageError::NotFound(format!("客户 {client_id}")))?;
    let co_server: String = db
        .query_opt(
            "UPDATE client_shares SET ended_at = ?2, ended_by = ?3, end_reason = ?4 \
             WHERE client_id = ?1 AND ended_at IS NULL RETURNING broker_id",
            params![client_id, at, by, reason],
            |r| r.get(0),
        )?
        .ok_or_else(|| StorageError::NotFound(format!("客户 {client_id} 的共享")))?;
    db.execute(
        "INSERT INTO tombstones (seq, broker_id, kind, id) VALUES (?1, ?2, ?3, ?4)",
        params![
            db.next_seq()?,
            co_server,
            EntityKind::Client.as_str(),
            client_id
        ],
    )?;
    db.move_rows("clients", "id", client_id, &serving)?;
    Ok(())
}

impl ClientShares for SqlStorage {
    fn share_client(&self, s: &NewClientShare<'_>, log: &NewStaffAction<'_>) -> Result<()> {
        let written = self.write_locking(|db| {
            let serving = serving_broker(db, s.client_id)?
                .ok_or_else(|| StorageError::NotFound(format!("客户 {}", s.client_id)))?;
            let developer: String = db.query_row(
                "SELECT developing_broker_id FROM clients WHERE id = ?1",
                params![s.client_id],
                |r| r.get(0),
            )?;
            check_share(&serving, &developer, s.co_broker_id, s.share)
                .map_err(|e| StorageError::Validation(e.to_string()))?;
            db.execute(
                "INSERT INTO client_shares (id, client_id, broker_id, share, since, reason, \
                 started_by, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    s.id,
                    s.client_id,
                    s.co_broker_id,
                    s.share.0,
                    s.since,
                    s.reason,
                    s.started_by,
                    s.started_at
                ],
            )?;
            // The co-server's cursor may be past every row of the client: all of it again.
            reissue(db, s.client_id, &serving)?;
            insert_action(db, log)
        });
        match written {
            Err(e) if e.is_refused_data() => Err(StorageError::Validation(format!(
                "客户 {} 已有共同服务人，请刷新后查看；如需更换，请先结束原共享",
                s.client_id
            ))),
            other => other,
        }
    }

    fn co_served_by(&self, broker: &str) -> Result<u32> {
        let n: i64 = self.read(|db| {
            db.query_row(
                "SELECT count(*) FROM client_shares WHERE broker_id = ?1 AND ended_at IS NULL",
                params![broker],
                |r| r.get(0),
            )
        })?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    fn hand_over_book(
        &self,
        leaving: &str,
        moves: &[(String, String)],
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<()> {
        self.write_locking(|db| {
            for (client_id, to_broker_id) in moves {
                transfer_client(db, client_id, to_broker_id, at)?;
            }
            let co_served: Vec<String> = db.query_map(
                "SELECT client_id FROM client_shares WHERE broker_id = ?1 AND ended_at IS NULL",
                params![leaving],
                |r| r.get(0),
            )?;
            for client_id in co_served {
                end_share(db, &client_id, "共同服务人离职移交", at, log.user_id)?;
            }
            // A move set to bring a client to the leaver later would land it in an empty book.
            db.execute(
                "UPDATE scheduled_transfers SET status = 'cancelled', settled_at = ?2 \
                 WHERE to_broker = ?1 AND status = 'pending'",
                params![leaving, at],
            )?;
            insert_action(db, log)
        })
    }

    fn end_client_share(
        &self,
        client_id: &str,
        reason: &str,
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<()> {
        self.write_locking(|db| {
            end_share(db, client_id, reason, at, log.user_id)?;
            insert_action(db, log)
        })
    }
}
