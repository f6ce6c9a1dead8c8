//! What a team lead reviews of the brokers under them: the org tree, each broker's month, their
//! largest clients (masked), overdue work, transfer requests and the comment threads on them.
//! Storage answers only for the brokers it is asked about; `head-office`'s `team` decides who
//! may ask about whom.

use crate::error::Result;
use crate::org::{KpiWindow, OrgChart};
use chrono::{DateTime, NaiveDate, Utc};
use domain::kpi::KpiFigures;
use domain::Fen;
use protocol::team::{
    CommentRecord, CommentSubject, MaskedClient, OverdueItem, TransferDecision,
    TransferRequestRecord,
};
use protocol::{ReminderRecord, TaskRecord};
use std::collections::HashMap;

pub trait TeamReview {
    /// The org tree and everyone placed in it.
    fn org_chart(&self) -> Result<OrgChart>;
    /// The month's figures of each of `brokers`, and of no one else.
    fn broker_figures(
        &self,
        brokers: &[String],
        window: &KpiWindow,
    ) -> Result<HashMap<String, KpiFigures>>;
    /// Net commission of each of `brokers` in `[from, until)`.
    fn commission_between(
        &self,
        brokers: &[String],
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<HashMap<String, Fen>>;
    /// A broker's largest clients, masked for a lead's eyes.
    fn top_clients(
        &self,
        broker_id: &str,
        window: &KpiWindow,
        limit: u32,
    ) -> Result<Vec<MaskedClient>>;
    fn overdue_items(&self, broker_id: &str, today: NaiveDate) -> Result<Vec<OverdueItem>>;
    /// Tasks from a lead, each into its assignee's feed (`assigned_by_name` holds the lead's id).
    fn assign_tasks(&self, tasks: &[(String, TaskRecord)]) -> Result<()>;

    /// Transfer requests raised by any of `brokers`, pending first.
    fn transfer_requests(&self, brokers: &[String]) -> Result<Vec<TransferRequestRecord>>;
    fn transfer_request(&self, id: &str) -> Result<Option<TransferRequestRecord>>;
    /// Records a decision; an approval moves the client in the same transaction.
    fn decide_transfer(
        &self,
        decider_id: &str,
        decision: &TransferDecision,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// The broker whose task or request a thread hangs off.
    fn comment_subject_broker(
        &self,
        subject: CommentSubject,
        subject_id: &str,
    ) -> Result<Option<String>>;
    fn comments(&self, subject: CommentSubject, subject_id: &str) -> Result<Vec<CommentRecord>>;
    fn add_lead_comment(&self, author_id: &str, comment: &CommentRecord) -> Result<()>;

    /// A broker's own reminders as their desk last pushed them, by due date.
    fn broker_reminders(&self, broker_id: &str) -> Result<Vec<ReminderRecord>>;
}
