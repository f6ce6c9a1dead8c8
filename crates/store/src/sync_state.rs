//! Small facts about sync kept in the cache itself, so they move with the book they describe.

use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{DateTime, Utc};
use domain::FirmPolicy;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

pub(crate) const CURSOR: &str = "cursor";
const LAST_SYNC_AT: &str = "last_sync_at";
const FIRST_SYNC_TOTAL: &str = "first_sync_total";
const FIRM_POLICY: &str = "firm_policy";
const PAY_TERMS: &str = "pay_terms";
const APPRAISALS: &str = "appraisals";

// Both run several times in every sync: their statements stay prepared.
pub(crate) fn set_value(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_state (key, value) VALUES (?1, ?2) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}

pub(crate) fn value(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// What the status bar shows about sync, from the cache alone.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SyncCounters {
    #[ts(type = "number")]
    pub cursor: u64,
    pub last_sync_at: Option<DateTime<Utc>>,
    /// Broker writes not yet accepted by head office.
    #[ts(type = "number")]
    pub pending: u64,
}

impl Store {
    pub fn cursor(&self) -> Result<u64> {
        match value(self.conn(), CURSOR)? {
            None => Ok(0),
            Some(v) => v
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("cursor {v}"))),
        }
    }

    /// The size of the first sync, remembered when it starts, so that a first sync cut off and
    /// resumed shows its progress bar where it stopped instead of starting again from zero.
    /// `None` once a sync has completed.
    pub fn first_sync_total(&self, remaining_now: u64) -> Result<Option<u64>> {
        if value(self.conn(), LAST_SYNC_AT)?.is_some() {
            return Ok(None);
        }
        match value(self.conn(), FIRST_SYNC_TOTAL)? {
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| StoreError::Corrupt(format!("first sync total {v}"))),
            None => {
                set_value(self.conn(), FIRST_SYNC_TOTAL, &remaining_now.to_string())?;
                Ok(Some(remaining_now))
            }
        }
    }

    /// The firm's practice as last received from head office; DOMAIN.md's defaults before that.
    pub fn firm_policy(&self) -> Result<FirmPolicy> {
        match value(self.conn(), FIRM_POLICY)? {
            Some(v) => Ok(serde_json::from_str(&v)?),
            None => Ok(FirmPolicy::default()),
        }
    }

    pub fn set_firm_policy(&self, policy: &FirmPolicy) -> Result<()> {
        set_value(self.conn(), FIRM_POLICY, &serde_json::to_string(policy)?)
    }

    /// What this broker is paid by, as last received; `None` before the first sync.
    pub fn pay_terms(&self) -> Result<Option<protocol::PayTerms>> {
        value(self.conn(), PAY_TERMS)?
            .map(|v| serde_json::from_str(&v).map_err(StoreError::from))
            .transpose()
    }

    pub fn set_pay_terms(&self, terms: &protocol::PayTerms) -> Result<()> {
        set_value(self.conn(), PAY_TERMS, &serde_json::to_string(terms)?)
    }

    /// The broker's own scorecards as head office last published them, newest first; empty
    /// before the first sync.
    pub fn appraisals(&self) -> Result<Vec<protocol::broker_force::PublishedAppraisal>> {
        value(self.conn(), APPRAISALS)?
            .map(|v| serde_json::from_str(&v).map_err(StoreError::from))
            .transpose()
            .map(Option::unwrap_or_default)
    }

    pub fn set_appraisals(
        &self,
        appraisals: &[protocol::broker_force::PublishedAppraisal],
    ) -> Result<()> {
        set_value(self.conn(), APPRAISALS, &serde_json::to_string(appraisals)?)
    }

    /// A setting of this desk (not the firm's), such as the idle-lock time.
    pub fn desk_setting(&self, key: &str) -> Result<Option<String>> {
        value(self.conn(), &format!("desk.{key}"))
    }

    pub fn set_desk_setting(&self, key: &str, text: &str) -> Result<()> {
        set_value(self.conn(), &format!("desk.{key}"), text)
    }

    /// The end of a sync: also the moment pulled follow-up dates become reminders.
    pub fn mark_synced(&self, at: DateTime<Utc>) -> Result<()> {
        self.adopt_follow_ups(domain::clock::shanghai_date(at), at)?;
        set_value(self.conn(), LAST_SYNC_AT, &at.to_rfc3339())
    }

    pub fn sync_counters(&self) -> Result<SyncCounters> {
        let last_sync_at = value(self.conn(), LAST_SYNC_AT)?
            .map(|v| {
                DateTime::parse_from_rfc3339(&v)
                    .map(|d| d.with_timezone(&Utc))
                    .map_err(|_| StoreError::Corrupt(format!("last sync {v}")))
            })
            .transpose()?;
        let pending: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))?;
        Ok(SyncCounters {
            cursor: self.cursor()?,
            last_sync_at,
            pending: pending.unsigned_abs(),
        })
    }
}
