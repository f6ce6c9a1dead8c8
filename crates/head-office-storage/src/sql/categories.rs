//! Brokers' classes and groups (`categories::BrokerCategories`).

use super::staff::insert_action;
use super::SqlStorage;
use crate::categories::{BrokerCategories, BrokerPlacement};
use crate::db::Db;
use crate::error::{Result, StorageError};
use crate::staff::NewStaffAction;
use chrono::NaiveDate;
use domain::broker_category::{self, BrokerCategory, CategoryKind, CategoryPeriod};
use rusqlite::params;
use std::collections::HashMap;

fn lists(db: &Db<'_>) -> Result<Vec<BrokerCategory>> {
    db.query_map(
        "SELECT id, kind, name FROM broker_categories ORDER BY kind, id",
        params![],
        |r| {
            let kind: String = r.get(1)?;
            Ok(BrokerCategory {
                id: r.get(0)?,
                kind: CategoryKind::from_code(&kind).ok_or_else(|| {
                    rusqlite::Error::InvalidColumnType(
                        1,
                        "kind".into(),
                        rusqlite::types::Type::Text,
                    )
                })?,
                name: r.get(2)?,
            })
        },
    )
}

/// One broker's class or group history, oldest first.
pub(super) fn periods_of(
    db: &Db<'_>,
    broker_id: &str,
    kind: CategoryKind,
) -> Result<Vec<CategoryPeriod>> {
    db.query_map(
        "SELECT effective_from, category_id FROM broker_category_periods \
         WHERE broker_id = ?1 AND kind = ?2 ORDER BY effective_from",
        params![broker_id, kind.code()],
        |r| {
            Ok(CategoryPeriod {
                effective_from: r.get(0)?,
                category_id: r.get(1)?,
            })
        },
    )
}

/// Adds (or, the same day, replaces) the period from `from` in `kind`'s history.
pub(super) fn begin_period(
    db: &Db<'_>,
    broker_id: &str,
    kind: CategoryKind,
    from: NaiveDate,
    category_id: Option<&str>,
) -> Result<()> {
    db.execute(
        "INSERT INTO broker_category_periods (broker_id, kind, effective_from, category_id) \
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT (broker_id, kind, effective_from) \
         DO UPDATE SET category_id = excluded.category_id",
        params![broker_id, kind.code(), from, category_id],
    )?;
    Ok(())
}

fn refused(e: broker_category::CategoryError) -> StorageError {
    StorageError::Validation(e.to_string())
}

impl BrokerCategories for SqlStorage {
    fn broker_categories(&self) -> Result<Vec<BrokerCategory>> {
        self.read(lists)
    }

    fn broker_placements(&self) -> Result<HashMap<String, BrokerPlacement>> {
        let rows = self.read(|db| {
            db.query_map(
                "SELECT broker_id, class_id, group_id FROM broker_placements",
                params![],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        BrokerPlacement {
                            class_id: r.get(1)?,
                            group_id: r.get(2)?,
                        },
                    ))
                },
            )
        })?;
        Ok(rows.into_iter().collect())
    }

    fn broker_category_periods(
        &self,
        kind: CategoryKind,
    ) -> Result<HashMap<String, Vec<CategoryPeriod>>> {
        let rows = self.read(|db| {
            db.query_map(
                "SELECT broker_id, effective_from, category_id FROM broker_category_periods \
                 WHERE kind = ?1 ORDER BY broker_id, effective_from",
                params![kind.code()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        CategoryPeriod {
                            effective_from: r.get(1)?,
                            category_id: r.get(2)?,
                        },
                    ))
                },
            )
        })?;
        let mut by_broker: HashMap<String, Vec<CategoryPeriod>> = HashMap::new();
        for (broker, period) in rows {
            by_broker.entry(broker).or_default().push(period);
        }
        Ok(by_broker)
    }

    fn add_broker_category(
        &self,
        category: &BrokerCategory,
        log: &NewStaffAction<'_>,
    ) -> Result<()> {
        self.write(|db| {
            broker_category::check_new(&lists(db)?, category).map_err(refused)?;
            db.execute(
                "INSERT INTO broker_categories (id, kind, name) VALUES (?1, ?2, ?3)",
                params![category.id, category.kind.code(), category.name],
            )?;
            insert_action(db, log)
        })
    }

    fn place_broker_in_categories(
        &self,
        broker_id: &str,
        placement: &BrokerPlacement,
        today: NaiveDate,
        log: &NewStaffAction<'_>,
    ) -> Result<()> {
        self.write(|db| {
            let existing = lists(db)?;
            broker_category::check_choice(
                &existing,
                CategoryKind::Class,
                placement.class_id.as_deref(),
            )
            .map_err(refused)?;
            broker_category::check_choice(
                &existing,
                CategoryKind::Group,
                placement.group_id.as_deref(),
            )
            .map_err(refused)?;
            let before = db
                .query_opt(
                    "SELECT class_id, group_id FROM broker_placements WHERE broker_id = ?1",
                    params![broker_id],
                    |r| {
                        Ok(BrokerPlacement {
                            class_id: r.get(0)?,
                            group_id: r.get(1)?,
                        })
                    },
                )?
                .unwrap_or_default();
            for (kind, was, now) in [
                (CategoryKind::Class, &before.class_id, &placement.class_id),
                (CategoryKind::Group, &before.group_id, &placement.group_id),
            ] {
                if was != now {
                    begin_period(db, broker_id, kind, today, now.as_deref())?;
                }
            }
            db.execute(
                "INSERT INTO broker_placements (broker_id, class_id, group_id) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (broker_id) DO UPDATE SET class_id = excluded.class_id, \
                 group_id = excluded.group_id",
                params![broker_id, placement.class_id, placement.group_id],
            )?;
            insert_action(db, log)
        })
    }
}
