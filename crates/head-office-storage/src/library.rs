//! The library's review as head office keeps it (`domain::library_review` decides what may
//! happen; `protocol::console` is what the console sees). Publishing and withdrawing write the
//! item into the firm-wide feed, so desks have it at their next sync, and add a line to the
//! publication record that nothing may change.

use crate::error::Result;
use crate::staff::NewStaffAction;
use chrono::{DateTime, Utc};
use protocol::console::{LibraryContent, LibraryItem, LibraryReviewState};
use protocol::ProductRecord;

/// A move of an item from one review state to another, made only if it is still in `from`
/// (two reviewers at once: the second is told it changed).
pub struct StateChange<'a> {
    pub id: &'a str,
    pub from: LibraryReviewState,
    pub to: LibraryReviewState,
    pub reviewer: Option<&'a str>,
    pub note: Option<&'a str>,
    pub at: DateTime<Utc>,
    /// Written with the change, and only if it is made.
    pub log: &'a NewStaffAction<'a>,
}

/// What desks get when an item is published or withdrawn, and the record of it.
pub struct Publication<'a> {
    pub record: &'a ProductRecord,
    pub reviewer: &'a str,
    pub note: &'a str,
}

pub trait LibraryReviews {
    /// Every item: those in review in the console, and those that came from the firm's files.
    fn library_items(&self) -> Result<Vec<LibraryItem>>;
    fn library_item(&self, id: &str) -> Result<Option<LibraryItem>>;
    /// Keeps a draft (new, or the next version of an item), `Drafting`; false when the item is
    /// waiting for compliance and so cannot change.
    fn save_library_draft(
        &self,
        id: &str,
        content: &LibraryContent,
        drafted_by: &str,
        at: DateTime<Utc>,
        log: &NewStaffAction<'_>,
    ) -> Result<bool>;
    /// False when the item was no longer in `change.from`.
    fn change_library_state(&self, change: &StateChange<'_>) -> Result<bool>;
    /// Makes the state change and puts `publication.record` in every desk's library with it, in
    /// one transaction; false as `change_library_state`.
    fn publish_library_item(
        &self,
        change: &StateChange<'_>,
        publication: &Publication<'_>,
    ) -> Result<bool>;
}
