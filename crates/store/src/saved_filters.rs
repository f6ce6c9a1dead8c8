//! Filters the broker named to use again ("本月待回访金卡"), kept on this desk.

use crate::client_list::ClientQuery;
use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SavedFilter {
    pub name: String,
    pub query: ClientQuery,
}

pub const FILTER_NAME_MAX: usize = 30;

impl Store {
    /// Saves under `name`, replacing a filter of the same name. Paging is not part of a filter.
    pub fn save_filter(&self, name: &str, query: &ClientQuery, now: DateTime<Utc>) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("请给筛选条件起个名字".into()));
        }
        if name.chars().count() > FILTER_NAME_MAX {
            return Err(StoreError::Invalid(format!(
                "筛选名称不能超过 {FILTER_NAME_MAX} 字"
            )));
        }
        Store::check_query(query)?;
        let stored = ClientQuery {
            offset: 0,
            ..query.clone()
        };
        self.conn().execute(
            "INSERT INTO saved_filters (name, query, created_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT(name) DO UPDATE SET query = excluded.query",
            params![name, serde_json::to_string(&stored)?, now],
        )?;
        Ok(())
    }

    pub fn saved_filters(&self) -> Result<Vec<SavedFilter>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT name, query FROM saved_filters ORDER BY created_at, name")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        rows.map(|row| {
            let (name, query) = row?;
            Ok(SavedFilter {
                name,
                query: serde_json::from_str(&query)?,
            })
        })
        .collect()
    }

    pub fn delete_filter(&self, name: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM saved_filters WHERE name = ?1", [name])?;
        Ok(())
    }
}
