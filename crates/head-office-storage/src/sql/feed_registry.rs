//! Every feed table head office keeps, in the order a first sync sends them. Adding a feed table:
//! its `FeedTable` beside its neighbours, a migration, and one line here.

use super::feed_table::FeedTable;
use super::{
    calendar, rows, rows_360, rows_commission, rows_events, rows_library, rows_tasks,
    rows_transfers,
};
use crate::error::{Result, StorageError};
use protocol::EntityKind;

pub(super) const FEED_TABLES: [FeedTable; 22] = [
    rows::CLIENTS,
    rows::ACCOUNTS,
    rows::HOLDINGS,
    rows::TRADES,
    rows::ASSET_MONTHS,
    rows::RISK_ASSESSMENTS,
    rows::CONTACT_NOTES,
    rows::CLIENT_PREFERENCES,
    rows_360::CASH_TRANSFERS,
    rows_360::SERVICE_CASES,
    rows_360::CLIENT_RELATIONS,
    rows_library::PRODUCTS,
    rows_library::PUSH_DELIVERIES,
    rows_commission::STATEMENTS,
    rows_commission::STATEMENT_LINES,
    rows_commission::DISPUTES,
    rows_tasks::TASKS,
    calendar::MARKET_EVENTS,
    rows_transfers::TRANSFER_REQUESTS,
    rows_transfers::COMMENTS,
    rows_events::CLIENT_EVENTS,
    rows_events::EVENT_INVITATIONS,
];

/// The feed table that keeps `kind`.
pub(super) fn feed_table(kind: EntityKind) -> Result<&'static FeedTable> {
    FEED_TABLES
        .iter()
        .find(|t| t.kind == kind)
        .ok_or_else(|| StorageError::Internal(format!("no feed table for {}", kind.as_str())))
}
