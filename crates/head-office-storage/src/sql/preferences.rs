//! The client's profile (preferences and needs) at head office: the broker's edits merged field by
//! field with head office's, each change kept with who made it.

use crate::db::Db;
use crate::error::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::merge::{merge_field, Merged};
use protocol::{preference_columns, ProfileChange, PREFERENCE_FIELD_COUNT, RECENT_CHANGES};
use protocol::{
    ClientPreferences, ErrorCode, FieldConflictRecord, MutationOutcome, PreferencesUpdate,
};
use rusqlite::params;

/// How head office's own edits are signed in a profile's history.
const HEAD_OFFICE: &str = "总部";

/// Who made a change, as the history names them.
pub(super) struct ChangedBy<'a> {
    pub id: &'a str,
    pub name: String,
    pub at: DateTime<Utc>,
}

/// The current profile and its version; a client never edited is at version 0, all empty.
pub(super) fn current(db: &Db<'_>, client_id: &str) -> Result<(ClientPreferences, u64)> {
    Ok(db
        .query_opt(
            concat!(
                "SELECT ",
                preference_columns!(),
                ", version FROM client_preferences WHERE id = ?1"
            ),
            params![client_id],
            |r| {
                let mut values: [Option<String>; PREFERENCE_FIELD_COUNT] = Default::default();
                for (i, slot) in values.iter_mut().enumerate() {
                    *slot = r.get(i)?;
                }
                Ok((
                    ClientPreferences::from_values(values),
                    r.get(PREFERENCE_FIELD_COUNT)?,
                ))
            },
        )?
        .unwrap_or_default())
}

/// The latest changes, newest first, as the row carries them to the desk.
fn recent_changes(db: &Db<'_>, client_id: &str) -> Result<Vec<ProfileChange>> {
    db.query_map(
        "SELECT version, changed_by, changed_at, changes FROM client_profile_changes \
         WHERE client_id = ?1 ORDER BY version DESC LIMIT ?2",
        params![client_id, RECENT_CHANGES as i64],
        |r| {
            Ok((
                r.get::<_, u64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, DateTime<Utc>>(2)?,
                r.get::<_, String>(3)?,
            ))
        },
    )?
    .into_iter()
    .map(|(version, changed_by, changed_at, changes)| {
        Ok(ProfileChange {
            version,
            changed_by,
            changed_at,
            changes: serde_json::from_str(&changes)?,
        })
    })
    .collect()
}

/// Stores the new version, and the change that made it when anything changed.
fn write(
    db: &Db<'_>,
    client_id: &str,
    broker: &str,
    (before, after): (&ClientPreferences, &ClientPreferences),
    version: u64,
    by: &ChangedBy<'_>,
) -> Result<()> {
    let changes = after.changes_from(before);
    if !changes.is_empty() {
        db.execute(
            "INSERT INTO client_profile_changes (client_id, version, changed_by_id, changed_by, \
             changed_at, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                client_id,
                version,
                by.id,
                by.name,
                by.at,
                serde_json::to_string(&changes)?
            ],
        )?;
    }
    let history = serde_json::to_string(&recent_changes(db, client_id)?)?;
    let seq = db.next_seq()?;
    let [a, b, c, d, e, f, g, h] = after.values();
    db.execute(
        concat!(
            "INSERT INTO client_preferences (id, client_id, broker_id, seq, version, history, ",
            preference_columns!(),
            ") VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
             ON CONFLICT(id) DO UPDATE SET broker_id = excluded.broker_id, seq = excluded.seq, \
             version = excluded.version, history = excluded.history, \
             preferred_channel = excluded.preferred_channel, best_time_to_call = excluded.best_time_to_call, \
             remark = excluded.remark, investment_goal = excluded.investment_goal, \
             horizon = excluded.horizon, liquidity_need = excluded.liquidity_need, \
             products_of_interest = excluded.products_of_interest, family_stage = excluded.family_stage"
        ),
        params![client_id, broker, seq, version, history, a, b, c, d, e, f, g, h],
    )?;
    Ok(())
}

/// `broker` edits the profile of a client in `book` (theirs, or one they co-serve).
pub(super) fn apply_update(
    db: &Db<'_>,
    broker: &str,
    book: &str,
    update: &PreferencesUpdate,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    if let Some(reason) = update.after.problem() {
        return Ok(MutationOutcome::Refused {
            code: ErrorCode::Validation,
            message: reason,
        });
    }
    let (theirs, version) = current(db, &update.client_id)?;
    let mut merged = theirs.clone();
    let mut conflicts = Vec::new();
    for field in ClientPreferences::FIELDS {
        let (Some(before), Some(mine), Some(head_office)) = (
            update.before.field(field),
            update.after.field(field),
            theirs.field(field),
        ) else {
            continue;
        };
        // Based on the current version, head office's value is the broker's `before`.
        let before = if update.base_version == version {
            head_office
        } else {
            before
        };
        let result = merge_field(before, mine, head_office);
        if let (Some(slot), value) = (merged.field_mut(field), result.value().clone()) {
            *slot = value;
        }
        if let Merged::Conflict(c) = result {
            conflicts.push(FieldConflictRecord {
                field: field.to_string(),
                before: c.before,
                mine: c.mine,
                head_office: c.head_office,
            });
        }
    }
    // Written even when nothing changed: the row then flows back and replaces the desk's
    // optimistic copy with head office's, whatever the merge decided.
    let by = ChangedBy {
        id: broker,
        name: super::users::display_name(db, broker)?,
        at: now,
    };
    write(
        db,
        &update.client_id,
        book,
        (&theirs, &merged),
        version + 1,
        &by,
    )?;
    Ok(if conflicts.is_empty() {
        MutationOutcome::Applied
    } else {
        MutationOutcome::Merged { conflicts }
    })
}

pub(super) fn set_at_head_office(
    db: &Db<'_>,
    client_id: &str,
    fields: &ClientPreferences,
    now: DateTime<Utc>,
) -> Result<()> {
    if let Some(reason) = fields.problem() {
        return Err(StorageError::Validation(reason));
    }
    let broker: String = db
        .query_opt(
            "SELECT broker_id FROM clients WHERE id = ?1",
            params![client_id],
            |r| r.get(0),
        )?
        .ok_or_else(|| StorageError::NotFound(format!("客户 {client_id}")))?;
    let (before, version) = current(db, client_id)?;
    let by = ChangedBy {
        id: HEAD_OFFICE,
        name: HEAD_OFFICE.to_string(),
        at: now,
    };
    write(db, client_id, &broker, (&before, fields), version + 1, &by)?;
    Ok(())
}
