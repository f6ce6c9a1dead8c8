//! Complaints as head office's service staff handle them: the queue by deadline and moving a case
//! on. Apart from `Storage` so the service desk's side can be read (and one day served) alone.

use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::{CaseUpdate, OpenComplaint, ServiceCaseRecord};

/// Which complaints to list. `today` sets each one's days left.
#[derive(Debug, Clone)]
pub struct CaseFilter {
    pub open_only: bool,
    /// Only these brokers' books; every book when `None`.
    pub brokers: Option<Vec<String>>,
    pub today: NaiveDate,
}

pub trait ServiceCases {
    /// Complaints by deadline, soonest first.
    fn complaints(&self, filter: &CaseFilter) -> Result<Vec<OpenComplaint>>;

    /// Moves a complaint (by case number or id) one step on; the serving broker's desk receives
    /// the change with its next sync. `by` is who did it, as the broker will read it.
    fn update_complaint(
        &self,
        case: &str,
        by: &str,
        update: &CaseUpdate,
        now: DateTime<Utc>,
    ) -> Result<ServiceCaseRecord>;
}
