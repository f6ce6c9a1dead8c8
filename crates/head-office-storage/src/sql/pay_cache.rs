//! The firm's pay settings (`head-office pay`), stored as one document and parsed once per change. Every desk's sync asks for its pay terms, and
//! the settings are one document holding every broker's assignment: a firm of 20,000 brokers
//! parsed megabytes of it per sync, which was the whole of head office's time under load. A short
//! version row, changed with every save, says when the copy in memory is stale, so a change made
//! by another replica or by `head-office pay --set` is seen at the next request.

use crate::db::Db;
use crate::error::{Result, StorageError};
use crate::pay::PaySettings;
use domain::appraisal::Appraised;
use domain::broker_category::CategoryKind;
use rusqlite::params;
use std::sync::{Arc, Mutex};

const VERSION_KEY: &str = "pay_version";

/// The settings as stored: one validated document in `firm_settings` ('pay').
pub(super) fn settings(db: &Db<'_>) -> Result<PaySettings> {
    let stored: Option<String> = db.query_opt(
        "SELECT value FROM firm_settings WHERE key = 'pay'",
        &[],
        |r| r.get(0),
    )?;
    match stored {
        Some(text) => Ok(serde_json::from_str(&text)?),
        None => Ok(PaySettings::default()),
    }
}

pub(super) fn set_settings(db: &Db<'_>, pay: &PaySettings) -> Result<()> {
    pay.validate()?;
    let listed = |kind: CategoryKind, id: &str| -> Result<bool> {
        let category: Option<String> = db.query_opt(
            "SELECT name FROM broker_categories WHERE id = ?1 AND kind = ?2",
            params![id, kind.code()],
            |r| r.get(0),
        )?;
        Ok(category.is_some())
    };
    for scheme in &pay.appraisal_schemes {
        let kind = match &scheme.applies_to {
            Appraised::Class(_) => CategoryKind::Class,
            Appraised::Group(_) => CategoryKind::Group,
            Appraised::Level(_) => continue,
        };
        let id = scheme.applies_to.id();
        if !listed(kind, id)? {
            let kind = kind.label_zh();
            return Err(StorageError::Validation(format!(
                "考核方案所属的{kind} {id} 不存在，请先在{kind}列表中添加"
            )));
        }
    }
    for allowance in &pay.group_allowances {
        if !listed(CategoryKind::Group, &allowance.group_id)? {
            return Err(StorageError::Validation(format!(
                "津贴所属的组别 {} 不存在，请先在组别列表中添加",
                allowance.group_id
            )));
        }
    }
    for rung in &pay.class_levels {
        if !listed(CategoryKind::Class, &rung.class_id)? {
            return Err(StorageError::Validation(format!(
                "级别 {} 所属的类别 {} 不存在，请先在类别列表中添加",
                rung.plan_id, rung.class_id
            )));
        }
    }
    db.execute(
        "INSERT INTO firm_settings (key, value) VALUES ('pay', ?1) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![serde_json::to_string(pay)?],
    )?;
    bump(db)
}

#[derive(Default)]
pub(super) struct PayCache(Mutex<Option<(Option<String>, Arc<PaySettings>)>>);

fn version(db: &Db<'_>) -> Result<Option<String>> {
    db.query_opt(
        "SELECT value FROM firm_settings WHERE key = ?1",
        rusqlite::params![VERSION_KEY],
        |r| r.get(0),
    )
}

/// Marks the settings changed, for every replica's cache; called in the saving transaction.
pub(super) fn bump(db: &Db<'_>) -> Result<()> {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    db.execute(
        "INSERT INTO firm_settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        rusqlite::params![VERSION_KEY, hex::encode(bytes)],
    )?;
    Ok(())
}

impl PayCache {
    pub(super) fn get(&self, db: &Db<'_>) -> Result<Arc<PaySettings>> {
        let current = version(db)?;
        if let Some((seen, pay)) = self.0.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            if *seen == current {
                return Ok(pay.clone());
            }
        }
        // Read after the version: a save in between makes this copy look older than it is,
        // and the next request reads again.
        let pay = Arc::new(settings(db)?);
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some((current, pay.clone()));
        Ok(pay)
    }
}

#[cfg(test)]
mod tests {
    use crate::pay::{MonthlyTarget, PaySettings};
    use crate::{DatabaseLocation, SqlStorage, Storage};

    #[test]
    fn a_change_saved_by_another_replica_is_seen_at_the_next_request() {
        let dir = tempfile::tempdir().unwrap();
        let location = DatabaseLocation::Sqlite(dir.path().join("hq.db"));
        let (serving, saving) = (
            SqlStorage::open(&location).unwrap(),
            SqlStorage::open(&location).unwrap(),
        );
        let target = |s: &SqlStorage| s.pay_terms("B001").unwrap().monthly_target;
        assert_eq!(target(&serving), domain::Fen::ZERO);
        let mut pay = PaySettings::default();
        pay.targets.push(MonthlyTarget {
            broker_id: "B001".into(),
            net_commission: domain::Fen(5_000_000),
        });
        saving.set_pay_settings(&pay).unwrap();
        assert_eq!(
            target(&serving),
            domain::Fen(5_000_000),
            "the cached copy was dropped when the version changed"
        );
        saving.set_pay_settings(&PaySettings::default()).unwrap();
        assert_eq!(target(&serving), domain::Fen::ZERO);
    }
}
