//! Complaints and return visits as head office's service staff handle them: the queue by deadline,
//! moving a case on, recording a visit and its satisfaction score. Apart from `Storage` so the
//! service desk's side can be read (and one day served) alone.

use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::{CaseUpdate, NewReturnVisit, OpenComplaint, SatisfactionPoint, ServiceCaseRecord};

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

    /// Records a return visit in the client's serving broker's book.
    fn record_return_visit(
        &self,
        visit: &NewReturnVisit,
        now: DateTime<Utc>,
    ) -> Result<ServiceCaseRecord>;

    /// A broker's scored return visits per month from `from`'s month on.
    fn satisfaction_trend(
        &self,
        broker_id: &str,
        from: NaiveDate,
        low_line: u8,
    ) -> Result<Vec<SatisfactionPoint>>;
}
