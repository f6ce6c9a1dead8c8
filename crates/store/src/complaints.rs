//! Complaints the client brings to the broker, taken offline like every broker write. The desk keeps
//! its own row until head office's arrives with the case number; the deadline shown meanwhile is
//! the firm's limit as this desk last synced it, the same rule head office applies.

use crate::error::{Result, StoreError};
use crate::outbox::{enqueue, Answer, WriteIds};
use crate::Store;
use chrono::{DateTime, NaiveDate, Utc};
use domain::clock::shanghai_date;
use domain::complaint::check_complaint;
use domain::{CaseStatus, ComplaintCategory};
use protocol::{CaseStep, ContactChannel, Mutation, MutationOp, NewComplaint};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;
use ts_rs::TS;

/// A complaint as the broker takes it down.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintInput {
    pub client_id: String,
    pub category: ComplaintCategory,
    pub channel: ContactChannel,
    pub client_words: String,
    pub client_asks: String,
    /// The day the client complained; the time limit runs from it.
    pub received_on: NaiveDate,
}

impl Store {
    /// Registers a complaint about a client of this book, offline or not; returns its id.
    pub fn register_complaint(
        &mut self,
        ids: WriteIds,
        me: (&str, &str),
        input: &ComplaintInput,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let today = shanghai_date(now);
        let (words, asks) = check_complaint(
            &input.client_words,
            &input.client_asks,
            input.received_on,
            today,
        )
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let due_on = self
            .firm_policy()?
            .complaints
            .due_on(input.category, input.received_on);
        let tx = self.conn.transaction()?;
        let known: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM clients WHERE id = ?1",
                [&input.client_id],
                |r| r.get(0),
            )
            .optional()?;
        if known.is_none() {
            return Err(StoreError::Invalid(format!(
                "客户 {} 不在您的客户名单中，投诉未登记：请转给客户的服务经纪人或总部客服",
                input.client_id
            )));
        }
        let step = CaseStep {
            at: now,
            status: CaseStatus::Registered,
            by: me.1.to_string(),
            note: "已登记，待同步到总部后获得受理编号".to_string(),
        };
        tx.execute(
            "INSERT INTO service_cases (id, client_id, kind, opened_on, due_on, summary, category, \
             channel, client_asks, status, registered_by, history, pending) \
             VALUES (?1, ?2, 'complaint', ?3, ?4, ?5, ?6, ?7, ?8, 'registered', ?9, ?10, 1)",
            params![
                ids.record_id,
                input.client_id,
                input.received_on,
                due_on,
                words,
                input.category.as_str(),
                input.channel.as_str(),
                (!asks.is_empty()).then_some(asks),
                me.0,
                serde_json::to_string(&[step])?
            ],
        )?;
        let id = ids.record_id.clone();
        enqueue(
            &tx,
            &Mutation {
                id: ids.mutation_id,
                made_at: now,
                op: MutationOp::RegisterComplaint(NewComplaint {
                    id: ids.record_id,
                    client_id: input.client_id.clone(),
                    category: input.category,
                    channel: input.channel,
                    client_words: words.to_string(),
                    client_asks: asks.to_string(),
                    received_on: input.received_on,
                }),
            },
        )?;
        tx.commit()?;
        Ok(id)
    }
}

/// Head office's answer: taken (its row, with the case number, comes with the next pull), or
/// refused (the desk's row goes and the reason is kept for the broker).
pub(crate) fn settle_answer(
    tx: &Transaction<'_>,
    complaint: &NewComplaint,
    answer: &Answer<'_>,
) -> Result<()> {
    if answer.refusal().is_none() {
        tx.execute(
            "UPDATE service_cases SET pending = 0 WHERE id = ?1",
            [&complaint.id],
        )?;
        return Ok(());
    }
    tx.execute(
        "DELETE FROM service_cases WHERE id = ?1 AND pending = 1",
        [&complaint.id],
    )?;
    let words: String = complaint.client_words.chars().take(20).collect();
    answer.record_refusal(tx, &format!("投诉登记：{words}"))
}
