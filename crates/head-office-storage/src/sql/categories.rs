//! Brokers' classes and groups (`categories::BrokerCategories`).

use super::staff::insert_action;
use super::SqlStorage;
use crate::categories::{BrokerCategories, BrokerPlacement};
use crate::db::Db;
use crate::error::{Result, StorageError};
use crate::staff::NewStaffAction;
use chrono::NaiveDate;
use domain::broker_category::{self, BrokerCategory, CategoryKind, GroupPeriod};
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

/// One broker's group history, oldest first.
pub(super) fn group_periods_of(db: &Db<'_>, broker_id: &str) -> Result<Vec<GroupPeriod>> {
    db.query_map(
        "SELECT effective_from, group_id FROM broker_group_periods WHERE broker_id = ?1 \
         ORDER BY effective_from",
        params![broker_id],
        |r| {
            Ok(GroupPeriod {
                effective_from: r.get(0)?,
                group_id: r.get(1)?,
            })
        },
    )
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

    fn broker_group_periods(&self) -> Result<HashMap<String, Vec<GroupPeriod>>> {
        let rows = self.read(|db| {
            db.query_map(
                "SELECT broker_id, effective_from, group_id FROM broker_group_periods \
                 ORDER BY broker_id, effective_from",
                params![],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        GroupPeriod {
                            effective_from: r.get(1)?,
                            group_id: r.get(2)?,
                        },
                    ))
                },
            )
        })?;
        let mut by_broker: HashMap<String, Vec<GroupPeriod>> = HashMap::new();
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
            let group_before: Option<Option<String>> = db.query_opt(
                "SELECT group_id FROM broker_placements WHERE broker_id = ?1",
                params![broker_id],
                |r| r.get(0),
            )?;
            if group_before.flatten() != placement.group_id {
                db.execute(
                    "INSERT INTO broker_group_periods (broker_id, effective_from, group_id) \
                     VALUES (?1, ?2, ?3) ON CONFLICT (broker_id, effective_from) \
                     DO UPDATE SET group_id = excluded.group_id",
                    params![broker_id, today, placement.group_id],
                )?;
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
