//! Brokers' classes and groups (`domain::broker_category`): the firm's lists and where each
//! broker is placed. Each change is written with its operation-log line in one transaction.

use crate::error::Result;
use crate::staff::NewStaffAction;
use chrono::NaiveDate;
use domain::broker_category::{BrokerCategory, CategoryKind, CategoryPeriod};
use std::collections::HashMap;

/// A broker's class and group, by category id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrokerPlacement {
    pub class_id: Option<String>,
    pub group_id: Option<String>,
}

pub trait BrokerCategories {
    /// Both lists, classes first, each by id.
    fn broker_categories(&self) -> Result<Vec<BrokerCategory>>;
    /// Every broker placed in a class or a group, by broker id.
    fn broker_placements(&self) -> Result<HashMap<String, BrokerPlacement>>;
    /// Every broker's class or group history (by `kind`), by broker id, oldest first.
    fn broker_category_periods(
        &self,
        kind: CategoryKind,
    ) -> Result<HashMap<String, Vec<CategoryPeriod>>>;
    /// Adds `category` if `domain::broker_category::check_new` allows it against the lists as
    /// they are in the transaction (`Validation` otherwise).
    fn add_broker_category(
        &self,
        category: &BrokerCategory,
        log: &NewStaffAction<'_>,
    ) -> Result<()>;
    /// Places `broker_id` (an active broker) in a class and a group of the lists; a new class or
    /// group counts from `today` (a second change the same day replaces the first).
    fn place_broker_in_categories(
        &self,
        broker_id: &str,
        placement: &BrokerPlacement,
        today: NaiveDate,
        log: &NewStaffAction<'_>,
    ) -> Result<()>;
}
