//! What of the broker's own lives only in this cache: what a wipe of the machine would take with
//! it, counted so the desk can say exactly that before it does anything.

use crate::error::Result;
use crate::Store;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LocalData {
    /// Writes head office has not accepted yet: a wipe is refused while there are any.
    pub pending: u32,
    /// The broker's own reminders not yet done.
    pub own_reminders: u32,
    pub saved_filters: u32,
    /// Differences with head office the broker has not decided.
    pub conflicts: u32,
    /// Writes head office refused, kept with their text so the broker can redo them.
    pub refusals: u32,
    /// Research pushes in the archive.
    pub pushes: u32,
}

impl LocalData {
    /// Nothing that only this cache holds.
    pub fn is_empty(&self) -> bool {
        self.pending == 0
            && self.own_reminders == 0
            && self.saved_filters == 0
            && self.conflicts == 0
            && self.refusals == 0
            && self.pushes == 0
    }
}

impl Store {
    pub fn local_data(&self) -> Result<LocalData> {
        let count = |sql: &str| -> Result<u32> {
            let n: i64 = self.conn().query_row(sql, [], |r| r.get(0))?;
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        };
        Ok(LocalData {
            pending: count("SELECT count(*) FROM outbox")?,
            own_reminders: count(
                "SELECT count(*) FROM reminders WHERE source = 'own' AND done_at IS NULL",
            )?,
            saved_filters: count("SELECT count(*) FROM saved_filters")?,
            conflicts: count("SELECT count(DISTINCT mutation_id) FROM conflicts")?,
            refusals: count("SELECT count(*) FROM refusals")?,
            pushes: count("SELECT count(*) FROM recommendation_pushes")?,
        })
    }
}
