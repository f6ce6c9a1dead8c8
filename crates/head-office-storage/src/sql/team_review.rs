//! A lead's review of their brokers (`review::TeamReview`), over the statements of `team`,
//! `transfers` and `tasks`.

use super::{tasks, team, transfers, SqlStorage};
use crate::error::Result;
use crate::org::{KpiWindow, OrgChart};
use crate::review::TeamReview;
use chrono::{DateTime, NaiveDate, Utc};
use domain::kpi::KpiFigures;
use domain::Fen;
use protocol::team::{
    CommentRecord, CommentSubject, MaskedClient, OverdueItem, TransferDecision,
    TransferRequestRecord,
};
use protocol::{ReminderRecord, TaskRecord};
use std::collections::HashMap;

impl TeamReview for SqlStorage {
    fn org_chart(&self) -> Result<OrgChart> {
        self.read(team::org_chart)
    }

    fn broker_figures(
        &self,
        brokers: &[String],
        window: &KpiWindow,
    ) -> Result<HashMap<String, KpiFigures>> {
        self.read(|db| team::broker_figures(db, brokers, window))
    }

    fn commission_between(
        &self,
        brokers: &[String],
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<HashMap<String, Fen>> {
        self.read(|db| team::commission_between(db, brokers, from, until))
    }

    fn top_clients(
        &self,
        broker_id: &str,
        window: &KpiWindow,
        limit: u32,
    ) -> Result<Vec<MaskedClient>> {
        self.read(|db| team::top_clients(db, broker_id, window, limit))
    }

    fn overdue_items(&self, broker_id: &str, today: NaiveDate) -> Result<Vec<OverdueItem>> {
        self.read(|db| team::overdue_items(db, broker_id, today))
    }

    fn assign_tasks(&self, tasks: &[(String, TaskRecord)]) -> Result<()> {
        self.write(|db| team::assign_tasks(db, tasks))
    }

    fn transfer_requests(&self, brokers: &[String]) -> Result<Vec<TransferRequestRecord>> {
        self.read(|db| transfers::requests_from(db, brokers))
    }

    fn transfer_request(&self, id: &str) -> Result<Option<TransferRequestRecord>> {
        self.read(|db| transfers::request_by_id(db, id))
    }

    fn decide_transfer(
        &self,
        decider_id: &str,
        decision: &TransferDecision,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write_locking(|db| transfers::decide(db, decider_id, decision, now))
    }

    fn comment_subject_broker(
        &self,
        subject: CommentSubject,
        subject_id: &str,
    ) -> Result<Option<String>> {
        self.read(|db| transfers::subject_broker(db, subject, subject_id))
    }

    fn comments(&self, subject: CommentSubject, subject_id: &str) -> Result<Vec<CommentRecord>> {
        self.read(|db| transfers::comments(db, subject, subject_id))
    }

    fn add_lead_comment(&self, author_id: &str, comment: &CommentRecord) -> Result<()> {
        self.write(|db| transfers::lead_comment(db, author_id, comment))
    }

    fn broker_reminders(&self, broker_id: &str) -> Result<Vec<ReminderRecord>> {
        self.read(|db| tasks::broker_reminders(db, broker_id))
    }
}
