//! Clients shared with a second, serving broker (`shares::ClientShares`).

use super::books::{reissue, serving_broker};
use super::staff::insert_action;
use super::SqlStorage;
use crate::error::{Result, StorageError};
use crate::shares::{ClientShares, NewClientShare};
use crate::staff::NewStaffAction;
use chrono::{DateTime, Utc};
use domain::shared_service::check_share;
use protocol::EntityKind;
use rusqlite::params;

impl ClientShares for SqlStorage {
    fn share_client(&self, s: &NewClientShare<'_>, log: &NewStaffAction<'_>) -> Result<()> {
        let written = self.write(|db| {
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

    fn end_client_share(
        &self,
        client_id: &str,
        reason: &str,
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<()> {
        self.write(|db| {
            let serving = serving_broker(db, client_id)?
                .ok_or_else(|| StorageError::NotFound(format!("客户 {client_id}")))?;
            let co_server: String = db
                .query_opt(
                    "UPDATE client_shares SET ended_at = ?2, ended_by = ?3, end_reason = ?4 \
                     WHERE client_id = ?1 AND ended_at IS NULL RETURNING broker_id",
                    params![client_id, at, log.user_id, reason],
                    |r| r.get(0),
                )?
                .ok_or_else(|| StorageError::NotFound(format!("客户 {client_id} 的共享")))?;
            // The co-server's desk drops the client; the serving desk learns it serves alone.
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
            insert_action(db, log)
        })
    }
}
