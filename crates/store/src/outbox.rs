//! The outbox: every broker write waits here, in the order it was made, until head office has
//! answered for it. A leaf: the feature that made a mutation handles the answer to it
//! (`crate::settle` hands each answer over), so this module knows no feature's tables.

use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{DateTime, Utc};
use protocol::{Mutation, MutationOutcome, MutationResult};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// A change head office refused, shown to the broker until dismissed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RefusalNotice {
    pub mutation_id: String,
    pub summary: String,
    pub reason: String,
    pub refused_at: DateTime<Utc>,
}

/// Ids made by the caller (the desk), so the store stays free of randomness.
pub struct WriteIds {
    pub mutation_id: String,
    pub record_id: String,
}

/// Whether any text in `value` holds U+0000, which a paste can carry in and head office refuses
/// (PostgreSQL text cannot hold it): such a write would wait in the outbox for ever.
fn holds_nul(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => s.contains('\0'),
        serde_json::Value::Array(items) => items.iter().any(holds_nul),
        serde_json::Value::Object(fields) => {
            fields.iter().any(|(k, v)| k.contains('\0') || holds_nul(v))
        }
        _ => false,
    }
}

pub(crate) fn enqueue(tx: &rusqlite::Connection, mutation: &Mutation) -> Result<()> {
    let value = serde_json::to_value(mutation).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    if holds_nul(&value) {
        return Err(StoreError::Invalid(
            "内容里有一个看不见的控制字符（U+0000，多见于从其他软件粘贴的文字），总部无法保存。请删除粘贴的文字后重新输入，再保存"
                .into(),
        ));
    }
    let payload = value.to_string();
    tx.execute(
        "INSERT INTO outbox (id, kind, payload, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![mutation.id, mutation.op.kind(), payload, mutation.made_at],
    )?;
    Ok(())
}

/// Head office's answer to one queued mutation, as the feature that made it receives it.
pub(crate) struct Answer<'a> {
    pub mutation_id: &'a str,
    pub outcome: &'a MutationOutcome,
    pub now: DateTime<Utc>,
}

impl Answer<'_> {
    /// Head office's reason, when it refused the mutation.
    pub fn refusal(&self) -> Option<&str> {
        match self.outcome {
            MutationOutcome::Refused { message, .. } => Some(message),
            _ => None,
        }
    }

    /// Keeps the refusal for the broker, `summary` saying what it was they made.
    pub fn record_refusal(&self, tx: &Transaction<'_>, summary: &str) -> Result<()> {
        let Some(reason) = self.refusal() else {
            return Ok(());
        };
        tx.execute(
            "INSERT OR REPLACE INTO refusals (mutation_id, summary, reason, refused_at) VALUES (?1, ?2, ?3, ?4)",
            params![self.mutation_id, summary, reason, self.now],
        )?;
        Ok(())
    }
}

/// The answered mutation, still in the queue: its position (the order it was made in) and the
/// mutation itself, or `None` when an earlier answer already took it.
pub(crate) fn queued(
    tx: &Transaction<'_>,
    result: &MutationResult,
) -> Result<Option<(i64, Mutation)>> {
    let queued: Option<(i64, String)> = tx
        .query_row(
            "SELECT position, payload FROM outbox WHERE id = ?1",
            [&result.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((position, payload)) = queued else {
        return Ok(None);
    };
    let mutation: Mutation =
        serde_json::from_str(&payload).map_err(|e| StoreError::Corrupt(format!("outbox: {e}")))?;
    Ok(Some((position, mutation)))
}

/// Takes an answered mutation out of the queue.
pub(crate) fn remove(tx: &Transaction<'_>, mutation_id: &str) -> Result<()> {
    tx.execute("DELETE FROM outbox WHERE id = ?1", [mutation_id])?;
    Ok(())
}

impl Store {
    /// The oldest `limit` waiting mutations, in the order they were made.
    pub fn outbox_batch(&self, limit: usize) -> Result<Vec<Mutation>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT payload FROM outbox ORDER BY position LIMIT ?1")?;
        let rows = stmt.query_map([limit as i64], |r| r.get::<_, String>(0))?;
        rows.map(|row| {
            let text = row?;
            serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("outbox: {e}")))
        })
        .collect()
    }

    pub fn refusals(&self) -> Result<Vec<RefusalNotice>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT mutation_id, summary, reason, refused_at FROM refusals ORDER BY refused_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RefusalNotice {
                mutation_id: r.get(0)?,
                summary: r.get(1)?,
                reason: r.get(2)?,
                refused_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn dismiss_refusal(&self, mutation_id: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM refusals WHERE mutation_id = ?1", [mutation_id])?;
        Ok(())
    }
}
