//! Client preferences at head office: the broker's edits merged field by field with head office's.

use crate::db::Db;
use crate::error::{Result, StorageError};
use domain::merge::{merge_field, Merged};
use protocol::{
    ClientPreferences, ErrorCode, FieldConflictRecord, MutationOutcome, PreferencesUpdate,
};
use rusqlite::params;

/// The current preferences and their version; a client never edited is at version 0, all empty.
fn current(db: &Db<'_>, client_id: &str) -> Result<(ClientPreferences, u64)> {
    Ok(db
        .query_opt(
            "SELECT preferred_channel, best_time_to_call, remark, version FROM client_preferences WHERE id = ?1",
            params![client_id],
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
        )?
        .unwrap_or_default())
}

fn write(
    db: &Db<'_>,
    client_id: &str,
    broker: &str,
    fields: &ClientPreferences,
    version: u64,
) -> Result<()> {
    let seq = db.next_seq()?;
    db.execute(
        "INSERT INTO client_preferences (id, client_id, broker_id, seq, preferred_channel, \
         best_time_to_call, remark, version) VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT(id) DO UPDATE SET broker_id = excluded.broker_id, seq = excluded.seq, \
         preferred_channel = excluded.preferred_channel, best_time_to_call = excluded.best_time_to_call, \
         remark = excluded.remark, version = excluded.version",
        params![client_id, broker, seq, fields.preferred_channel, fields.best_time_to_call, fields.remark, version],
    )?;
    Ok(())
}

/// Why these preferences cannot be stored, in words for the broker; `None` when they can.
fn invalid(p: &ClientPreferences) -> Option<String> {
    domain::validate::preferences(
        p.preferred_channel.as_deref(),
        p.best_time_to_call.as_deref(),
        p.remark.as_deref(),
    )
    .err()
    .map(|e| e.to_string())
}

pub(super) fn apply_update(
    db: &Db<'_>,
    broker: &str,
    update: &PreferencesUpdate,
) -> Result<MutationOutcome> {
    if let Some(reason) = invalid(&update.after) {
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
    write(db, &update.client_id, broker, &merged, version + 1)?;
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
) -> Result<()> {
    if let Some(reason) = invalid(fields) {
        return Err(StorageError::Validation(reason));
    }
    let broker: String = db
        .query_opt(
            "SELECT broker_id FROM clients WHERE id = ?1",
            params![client_id],
            |r| r.get(0),
        )?
        .ok_or_else(|| StorageError::NotFound(format!("客户 {client_id}")))?;
    let (_, version) = current(db, client_id)?;
    write(db, client_id, &broker, fields, version + 1)?;
    Ok(())
}
