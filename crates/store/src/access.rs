//! Personal data in clear. The store shows it only through these calls, and each one writes the
//! audit entry (and its outbox mutation for head office) in the same transaction as it reads, so
//! there is no reveal without a trace.

use crate::error::{Result, StoreError};
use crate::outbox::{enqueue, Answer};
use crate::{Store, WriteIds};
use chrono::{DateTime, Utc};
use domain::access::access_reason;
use domain::{AccessAction, SensitiveField};
use protocol::{AccessEventRecord, Mutation, MutationOp};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// One line of the desk's access log.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AccessLogEntry {
    pub id: String,
    pub action: AccessAction,
    pub client_id: Option<String>,
    pub client_name: Option<String>,
    pub field: Option<SensitiveField>,
    pub reason: String,
    pub detail: String,
    pub at: DateTime<Utc>,
    /// Not yet received by head office.
    pub pending: bool,
}

fn record(tx: &Transaction<'_>, mutation_id: String, event: AccessEventRecord) -> Result<()> {
    tx.execute(
        "INSERT INTO access_log (id, action, client_id, field, reason, detail, at, pending) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
        params![
            event.id,
            event.action.as_str(),
            event.client_id,
            event.field.map(SensitiveField::as_str),
            event.reason,
            event.detail,
            event.at
        ],
    )?;
    enqueue(
        tx,
        &Mutation {
            id: mutation_id,
            made_at: event.at,
            op: MutationOp::RecordAccess(event),
        },
    )
}

fn checked_reason(reason: &str) -> Result<String> {
    access_reason(reason).map_err(|e| StoreError::Invalid(e.to_string()))
}

impl Store {
    /// A client's field in clear, for a stated reason that goes to the audit log.
    pub fn reveal(
        &mut self,
        ids: WriteIds,
        client_id: &str,
        field: SensitiveField,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let reason = checked_reason(reason)?;
        let tx = self.conn.transaction()?;
        let sql = match field {
            SensitiveField::IdNumber => "SELECT id_number FROM clients WHERE id = ?1",
            SensitiveField::Mobile => "SELECT mobile FROM clients WHERE id = ?1",
            SensitiveField::AccountNumber => {
                "SELECT group_concat(account_no, '、') FROM accounts WHERE client_id = ?1 \
                 HAVING count(*) > 0"
            }
        };
        let value: Option<String> = tx.query_row(sql, [client_id], |r| r.get(0)).optional()?;
        let value = value
            .ok_or_else(|| StoreError::Invalid(format!("客户 {client_id} 不在您的客户名单中")))?;
        record(
            &tx,
            ids.mutation_id,
            AccessEventRecord {
                id: ids.record_id,
                action: AccessAction::Reveal,
                client_id: Some(client_id.to_string()),
                field: Some(field),
                reason,
                detail: format!("查看{}", field.label_zh()),
                at: now,
            },
        )?;
        tx.commit()?;
        Ok(value)
    }

    /// Records an export of a client list. Called before the file is written, so a crash while
    /// writing leaves an entry too many, never one too few.
    pub fn record_export(
        &mut self,
        ids: WriteIds,
        reason: &str,
        detail: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let reason = checked_reason(reason)?;
        let tx = self.conn.transaction()?;
        record(
            &tx,
            ids.mutation_id,
            AccessEventRecord {
                id: ids.record_id,
                action: AccessAction::Export,
                client_id: None,
                field: None,
                reason,
                detail: detail.to_string(),
                at: now,
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The latest entries of this desk's access log, newest first; one client's if given.
    pub fn access_log(&self, client_id: Option<&str>, limit: u32) -> Result<Vec<AccessLogEntry>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.id, l.action, l.client_id, c.name, l.field, l.reason, l.detail, l.at, l.pending \
             FROM access_log l LEFT JOIN clients c ON c.id = l.client_id \
             WHERE ?1 IS NULL OR l.client_id = ?1 ORDER BY l.at DESC, l.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![client_id, limit], |r| {
            let action: String = r.get(1)?;
            let field: Option<String> = r.get(4)?;
            Ok((
                action,
                field,
                AccessLogEntry {
                    id: r.get(0)?,
                    action: AccessAction::Reveal,
                    client_id: r.get(2)?,
                    client_name: r.get(3)?,
                    field: None,
                    reason: r.get(5)?,
                    detail: r.get(6)?,
                    at: r.get(7)?,
                    pending: r.get(8)?,
                },
            ))
        })?;
        rows.map(|row| {
            let (action, field, mut entry) = row?;
            entry.action = AccessAction::parse(&action)
                .ok_or_else(|| StoreError::Corrupt(format!("access action {action}")))?;
            entry.field = field.as_deref().and_then(SensitiveField::parse);
            Ok(entry)
        })
        .collect()
    }
}

/// The entry stays in the desk's log whatever head office answers; a refusal is shown too.
pub(crate) fn settle_answer(
    tx: &Transaction<'_>,
    event: &AccessEventRecord,
    answer: &Answer<'_>,
) -> Result<()> {
    tx.execute(
        "UPDATE access_log SET pending = 0 WHERE id = ?1",
        [&event.id],
    )?;
    answer.record_refusal(tx, "访问审计记录")
}
