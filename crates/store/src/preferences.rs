//! The client's profile (preferences and needs) on the desk: the broker's edit shows at once and travels with the state it
//! was based on; conflicts head office reports wait here for the broker's choice.

use crate::error::{Result, StoreError};
use crate::outbox::{enqueue, Answer};
use crate::Store;
use chrono::{DateTime, Utc};
use protocol::{
    preference_columns, ClientPreferences, FieldConflictRecord, Mutation, MutationOp,
    MutationOutcome, PreferencesUpdate, ProfileChange, PREFERENCE_FIELD_COUNT,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The client's preferences and needs as the profile shows and the form edits them. Answers
/// are codes (`domain::needs`), kept as text so a code this desk does not know yet survives an
/// edit of another field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreferencesView {
    /// `phone`, `visit`, `wechat`, `email` or `meeting`.
    pub preferred_channel: Option<String>,
    pub best_time_to_call: Option<String>,
    pub remark: Option<String>,
    /// An `InvestmentGoal` code.
    #[serde(default)]
    pub investment_goal: Option<String>,
    /// An `InvestmentHorizon` code.
    #[serde(default)]
    pub horizon: Option<String>,
    /// A `LiquidityNeed` code.
    #[serde(default)]
    pub liquidity_need: Option<String>,
    /// `ProductInterest` codes.
    #[serde(default)]
    pub products_of_interest: Vec<String>,
    /// A `FamilyStage` code.
    #[serde(default)]
    pub family_stage: Option<String>,
    /// Edited on this desk and not yet accepted by head office.
    #[serde(default)]
    pub pending: bool,
}

impl PreferencesView {
    fn of(p: ClientPreferences, pending: bool) -> PreferencesView {
        PreferencesView {
            products_of_interest: p
                .products_of_interest
                .as_deref()
                .unwrap_or("")
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect(),
            preferred_channel: p.preferred_channel,
            best_time_to_call: p.best_time_to_call,
            remark: p.remark,
            investment_goal: p.investment_goal,
            horizon: p.horizon,
            liquidity_need: p.liquidity_need,
            family_stage: p.family_stage,
            pending,
        }
    }

    /// The profile as it travels: text trimmed, blanks as not set, products in their one order.
    fn fields(&self) -> Result<ClientPreferences> {
        let products: Vec<&str> = self
            .products_of_interest
            .iter()
            .map(String::as_str)
            .collect();
        let products = domain::needs::parse_products(&products.join(","))
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let products = domain::needs::products_text(&products);
        let fields = ClientPreferences {
            preferred_channel: blank_to_none(&self.preferred_channel),
            best_time_to_call: blank_to_none(&self.best_time_to_call),
            remark: blank_to_none(&self.remark),
            investment_goal: blank_to_none(&self.investment_goal),
            horizon: blank_to_none(&self.horizon),
            liquidity_need: blank_to_none(&self.liquidity_need),
            products_of_interest: (!products.is_empty()).then_some(products),
            family_stage: blank_to_none(&self.family_stage),
        };
        match fields.problem() {
            Some(reason) => Err(StoreError::Invalid(reason)),
            None => Ok(fields),
        }
    }
}

/// A field both the broker and head office changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ConflictView {
    pub mutation_id: String,
    pub client_id: String,
    pub client_name: String,
    /// One of `ClientPreferences::FIELDS`.
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

/// The row's fields, version and pending flag, for any connection or transaction.
fn read(conn: &Connection, client_id: &str) -> Result<Option<(ClientPreferences, u64, bool)>> {
    Ok(conn
        .query_row(
            concat!(
                "SELECT version, pending, ",
                preference_columns!(),
                " FROM client_preferences WHERE id = ?1"
            ),
            [client_id],
            |r| {
                let mut values: [Option<String>; PREFERENCE_FIELD_COUNT] = Default::default();
                for (i, slot) in values.iter_mut().enumerate() {
                    *slot = r.get(2 + i)?;
                }
                Ok((ClientPreferences::from_values(values), r.get(0)?, r.get(1)?))
            },
        )
        .optional()?)
}

fn load(tx: &Transaction<'_>, client_id: &str) -> Result<(ClientPreferences, u64)> {
    Ok(read(tx, client_id)?
        .map(|(p, version, _)| (p, version))
        .unwrap_or_default())
}

fn save(
    tx: &Transaction<'_>,
    client_id: &str,
    p: &ClientPreferences,
    version: u64,
    pending: bool,
) -> Result<()> {
    let [a, b, c, d, e, f, g, h] = p.values();
    tx.execute(
        concat!(
            "INSERT INTO client_preferences (id, client_id, version, pending, ",
            preference_columns!(),
            ") VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT(id) DO UPDATE SET \
             version = excluded.version, pending = excluded.pending, \
             preferred_channel = excluded.preferred_channel, best_time_to_call = excluded.best_time_to_call, \
             remark = excluded.remark, investment_goal = excluded.investment_goal, \
             horizon = excluded.horizon, liquidity_need = excluded.liquidity_need, \
             products_of_interest = excluded.products_of_interest, family_stage = excluded.family_stage"
        ),
        params![client_id, version, pending, a, b, c, d, e, f, g, h],
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
    p.values()
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
            op: MutationOp::UpdatePreferences(Box::new(PreferencesUpdate {
                client_id: client_id.to_string(),
                base_version,
                before,
                after,
            })),
        },
    )
}

impl Store {
    pub fn preferences(&self, client_id: &str) -> Result<PreferencesView> {
        Ok(read(self.conn(), client_id)?
            .map(|(p, _, pending)| PreferencesView::of(p, pending))
            .unwrap_or_default())
    }

    /// Who changed the client's profile, what and when, newest first, as head office last sent
    /// it (an edit still waiting here is not in it yet).
    pub fn profile_history(&self, client_id: &str) -> Result<Vec<ProfileChange>> {
        let history: Option<String> = self
            .conn()
            .query_row(
                "SELECT history FROM client_preferences WHERE id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match history {
            Some(text) => serde_json::from_str(&text)?,
            None => Vec::new(),
        })
    }

    pub fn update_preferences(
        &mut self,
        mutation_id: String,
        client_id: &str,
        input: &PreferencesView,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let after = input.fields()?;
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
