//! A lead's last dashboards, kept whole so the 团队 panel reads the same offline as it did when
//! they were taken. A refresh replaces them all at once: a unit or broker that left the lead's
//! subtree leaves the cache with it.

use crate::error::{Result, StoreError};
use crate::sync_state::{set_value, value};
use crate::Store;
use chrono::{DateTime, Utc};
use protocol::team::{BrokerDashboard, TeamDashboard};
use rusqlite::{params, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

const ROOT: &str = "team_root";

fn unit_key(id: &str) -> String {
    format!("unit:{id}")
}

fn broker_key(id: &str) -> String {
    format!("broker:{id}")
}

fn to_json(body: &impl Serialize) -> Result<String> {
    serde_json::to_string(body).map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl Store {
    /// Replaces the cached dashboards with a fresh set; `units[0]` is the lead's own unit.
    pub fn replace_team_snapshots(
        &mut self,
        units: &[TeamDashboard],
        brokers: &[BrokerDashboard],
    ) -> Result<()> {
        let Some(root) = units.first() else {
            return Err(StoreError::Invalid("缺少团队看板".into()));
        };
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM team_snapshots", [])?;
        {
            let mut insert = tx.prepare(
                "INSERT OR REPLACE INTO team_snapshots (key, body, taken_at) VALUES (?1, ?2, ?3)",
            )?;
            for u in units {
                insert.execute(params![unit_key(&u.unit_id), to_json(u)?, u.taken_at])?;
            }
            for b in brokers {
                insert.execute(params![broker_key(&b.broker_id), to_json(b)?, b.taken_at])?;
            }
        }
        set_value(&tx, ROOT, &root.unit_id)?;
        tx.commit()?;
        Ok(())
    }

    fn snapshot<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let body: Option<String> = self
            .conn()
            .query_row(
                "SELECT body FROM team_snapshots WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()?;
        body.map(|b| serde_json::from_str(&b).map_err(|e| StoreError::Corrupt(e.to_string())))
            .transpose()
    }

    /// A unit's last dashboard; the lead's own unit when `unit` is none.
    pub fn team_dashboard(&self, unit: Option<&str>) -> Result<Option<TeamDashboard>> {
        let id = match unit {
            Some(u) => u.to_string(),
            None => match value(self.conn(), ROOT)? {
                Some(root) => root,
                None => return Ok(None),
            },
        };
        self.snapshot(&unit_key(&id))
    }

    pub fn team_broker(&self, broker_id: &str) -> Result<Option<BrokerDashboard>> {
        self.snapshot(&broker_key(broker_id))
    }

    /// When the cached dashboards were taken, if there are any.
    pub fn team_taken_at(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .conn()
            .query_row("SELECT min(taken_at) FROM team_snapshots", [], |r| r.get(0))?)
    }
}
