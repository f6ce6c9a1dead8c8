//! Client preferences on the desk: the broker's edit shows at once and travels with the state it
//! was based on; conflicts head office reports wait here for the broker's choice.

use crate::error::{Result, StoreError};
use crate::outbox::{enqueue, Answer};
use crate::Store;
use chrono::{DateTime, Utc};
use protocol::{
    ClientPreferences, FieldConflictRecord, Mutation, MutationOp, MutationOutcome,
    PreferencesUpdate,
};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Preferences as the profile shows and the form edits them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreferencesView {
    /// `phone`, `visit`, `wechat`, `email` or `meeting`.
    pub preferred_channel: Option<String>,
    pub best_time_to_call: Option<String>,
    pub remark: Option<String>,
    /// Edited on this desk and not yet accepted by head office.
    #[serde(default)]
    pub pending: bool,
}

/// A field both the broker and head office changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ConflictView {
    pub mutation_id: String,
    pub client_id: String,
    pub client_name: String,
    /// `preferred_channel`, `best_time_to_call` or `remark`.
    pub field: String,
    pub before: Option<String>,
    pub mine: Option<String>,
    pub head_office: Option<String>,
    pub created_at: DateTime<Utc>,
}

fn blank_to_none(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn load(tx: &Transaction<'_>, client_id: &str) -> Result<(ClientPreferences, u64)> {
    Ok(tx
        .query_row(
            "SELECT preferred_channel, best_time_to_call, remark, version FROM client_preferences WHERE id = ?1",
            [client_id],
            |r| {
                Ok((
                    ClientPreferences {
                        preferred_channel: r.get(0)?,
                        best_time_to_call: r.get(1)?,
                        remark: r.get(2)?,
                    },
                    r.get(3)?,
                ))
            },
        )
        .optional()?
        .unwrap_or_default())
}

fn save(
    tx: &Transaction<'_>,
    client_id: &str,
    p: &ClientPreferences,
    version: u64,
    pending: bool,
) -> Result<()> {
    tx.execute(
        "INSERT INTO client_preferences (id, client_id, preferred_channel, best_time_to_call, remark, \
         version, pending) VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET \
         preferred_channel = excluded.preferred_channel, best_time_to_call = excluded.best_time_to_call, \
         remark = excluded.remark, version = excluded.version, pending = excluded.pending",
        params![client_id, p.preferred_channel, p.best_time_to_call, p.remark, version, pending],
    )?;
    Ok(())
}

/// Head office's answer to an edit: taken, merged with conflicts to show, or refused (the row
/// goes back to what it was before the edit).
pub(crate) fn settle_answer(
    tx: &Transaction<'_>,
    update: &PreferencesUpdate,
    answer: &Answer<'_>,
) -> Result<()> {
    match answer.outcome {
        MutationOutcome::Refused { .. } => {
            restore(tx, update)?;
            let what = describe(&update.after);
            answer.record_refusal(tx, &format!("客户偏好：{what}"))
        }
        MutationOutcome::Merged { conflicts } => record_conflicts(
            tx,
            answer.mutation_id,
            &update.client_id,
            conflicts,
            answer.now,
        ),
        MutationOutcome::Applied => Ok(()),
    }
}

/// Puts the row back as it was when a refused edit was made.
fn restore(tx: &Transaction<'_>, update: &PreferencesUpdate) -> Result<()> {
    let known: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM clients WHERE id = ?1",
            [&update.client_id],
            |r| r.get(0),
        )
        .optional()?;
    if known.is_none() {
        // The client left this desk meanwhile: there is nothing to put back.
        return Ok(());
    }
    save(
        tx,
        &update.client_id,
        &update.before,
        update.base_version,
        false,
    )
}

/// A short description of an edit, for the list of refused changes.
fn describe(p: &ClientPreferences) -> String {
    [&p.preferred_channel, &p.best_time_to_call, &p.remark]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("；")
}

fn record_conflicts(
    tx: &Transaction<'_>,
    mutation_id: &str,
    client_id: &str,
    conflicts: &[FieldConflictRecord],
    now: DateTime<Utc>,
) -> Result<()> {
    for c in conflicts {
        tx.execute(
            "INSERT OR REPLACE INTO conflicts (mutation_id, client_id, field, before, mine, head_office, \
             created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![mutation_id, client_id, c.field, c.before, c.mine, c.head_office, now],
        )?;
    }
    Ok(())
}

/// Records an edit as a mutation based on the row's current state, and shows it at once.
fn edit(
    tx: &Transaction<'_>,
    mutation_id: String,
    client_id: &str,
    after: ClientPreferences,
    now: DateTime<Utc>,
) -> Result<()> {
    let (before, base_version) = load(tx, client_id)?;
    if after == before {
        return Ok(());
    }
    save(tx, client_id, &after, base_version, true)?;
    enqueue(
        tx,
        &Mutation {
            id: mutation_id,
            made_at: now,
            op: MutationOp::UpdatePreferences(PreferencesUpdate {
                client_id: client_id.to_string(),
                base_version,
                before,
                after,
            }),
        },
    )
}

impl Store {
    pub fn preferences(&self, client_id: &str) -> Result<PreferencesView> {
        Ok(self
            .conn()
            .query_row(
                "SELECT preferred_channel, best_time_to_call, remark, pending FROM client_preferences WHERE id = ?1",
                [client_id],
                |r| {
                    Ok(PreferencesView {
                        preferred_channel: r.get(0)?,
                        best_time_to_call: r.get(1)?,
                        remark: r.get(2)?,
                        pending: r.get(3)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    pub fn update_preferences(
        &mut self,
        mutation_id: String,
        client_id: &str,
        input: &PreferencesView,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let after = ClientPreferences {
            preferred_channel: blank_to_none(&input.preferred_channel),
            best_time_to_call: blank_to_none(&input.best_time_to_call),
            remark: blank_to_none(&input.remark),
        };
        domain::validate::preferences(
            after.preferred_channel.as_deref(),
            after.best_time_to_call.as_deref(),
            after.remark.as_deref(),
        )
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let tx = self.conn.transaction()?;
        let known: Option<i64> = tx
            .query_row("SELECT 1 FROM clients WHERE id = ?1", [client_id], |r| {
                r.get(0)
            })
            .optional()?;
        if known.is_none() {
            return Err(StoreError::Invalid(format!(
                "客户 {client_id} 不在您的客户名单中"
            )));
        }
        edit(&tx, mutation_id, client_id, after, now)?;
        tx.commit()?;
        Ok(())
    }

    pub fn conflicts(&self) -> Result<Vec<ConflictView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT f.mutation_id, f.client_id, coalesce(c.name, f.client_id), f.field, f.before, f.mine, \
             f.head_office, f.created_at FROM conflicts f LEFT JOIN clients c ON c.id = f.client_id \
             ORDER BY f.created_at DESC, f.field",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ConflictView {
                mutation_id: r.get(0)?,
                client_id: r.get(1)?,
                client_name: r.get(2)?,
                field: r.get(3)?,
                before: r.get(4)?,
                mine: r.get(5)?,
                head_office: r.get(6)?,
                created_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The broker's choice on a conflict: keep mine sends the broker's value again as a new edit
    /// based on head office's current state; accepting head office just closes the conflict.
    pub fn resolve_conflict(
        &mut self,
        mutation_id: &str,
        field: &str,
        keep_mine: bool,
        new_mutation_id: String,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let found = tx
            .query_row(
                "SELECT client_id, mine FROM conflicts WHERE mutation_id = ?1 AND field = ?2",
                [mutation_id, field],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)),
            )
            .optional()?;
        let Some((client_id, mine)) = found else {
            return Err(StoreError::Invalid("该冲突已处理".into()));
        };
        if keep_mine {
            let (mut after, _) = load(&tx, &client_id)?;
            if let Some(slot) = after.field_mut(field) {
                *slot = mine;
            }
            edit(&tx, new_mutation_id, &client_id, after, now)?;
        }
        tx.execute(
            "DELETE FROM conflicts WHERE mutation_id = ?1 AND field = ?2",
            [mutation_id, field],
        )?;
        tx.commit()?;
        Ok(())
    }
}
