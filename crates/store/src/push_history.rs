//! What became of the broker's pushes: per push, per recipient and per client. The archive is read
//! as it was written; delivery states come from head office.

use crate::error::{Result, StoreError};
use crate::outbox::Answer;
use crate::recommend::{view, ProductView};
use crate::Store;
use chrono::{DateTime, Utc};
use domain::suitability_check::Verdict;
use protocol::{DeliveryStatus, ProductRecord, RecommendationPush};
use rusqlite::{OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// Where the push itself is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PushState {
    /// Waiting in the outbox (offline, or not synced yet).
    Pending,
    Accepted,
    /// Head office refused the whole push.
    Refused,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DeliveryCounts {
    pub waiting: u32,
    pub sent: u32,
    pub delivered: u32,
    pub read: u32,
    pub replied: u32,
    pub failed: u32,
    pub refused: u32,
}

impl DeliveryCounts {
    fn add(&mut self, status: Option<DeliveryStatus>) {
        let slot = match status {
            None | Some(DeliveryStatus::Queued) => &mut self.waiting,
            Some(DeliveryStatus::Sent) => &mut self.sent,
            Some(DeliveryStatus::Delivered) => &mut self.delivered,
            Some(DeliveryStatus::Read) => &mut self.read,
            Some(DeliveryStatus::Replied) => &mut self.replied,
            Some(DeliveryStatus::Failed) => &mut self.failed,
            Some(DeliveryStatus::Refused) => &mut self.refused,
        };
        *slot += 1;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PushSummary {
    pub id: String,
    /// The library item exactly as it was sent.
    pub product: ProductView,
    pub cover_message: String,
    pub sent_at: DateTime<Utc>,
    pub state: PushState,
    pub refusal: Option<String>,
    pub recipients: u32,
    pub counts: DeliveryCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PushRecipientView {
    pub client_id: String,
    pub client_name: String,
    /// The desk's verdict at sending, as archived.
    pub desk_verdict: Verdict,
    pub elderly_confirmed: bool,
    /// None until head office has taken the push.
    pub status: Option<DeliveryStatus>,
    pub reason: Option<String>,
    pub reply: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PushDetail {
    pub summary: PushSummary,
    pub recipients: Vec<PushRecipientView>,
}

/// One push as one client received it, for the client's profile.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClientPushView {
    pub push_id: String,
    pub product: ProductView,
    pub cover_message: String,
    pub sent_at: DateTime<Utc>,
    pub state: PushState,
    pub status: Option<DeliveryStatus>,
    pub reason: Option<String>,
    pub reply: Option<String>,
}

fn state(text: &str) -> PushState {
    match text {
        "accepted" => PushState::Accepted,
        "refused" => PushState::Refused,
        _ => PushState::Pending,
    }
}

/// A stored value that does not parse: the cache is damaged, reported as a conversion failure.
fn unreadable(i: usize, e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.to_string().into())
}

/// The library item as archived in column `i`, judged "pushable" as of the day it was sent: the
/// archive does not age.
fn snapshot(r: &Row<'_>, i: usize, sent_at: DateTime<Utc>) -> rusqlite::Result<ProductView> {
    let record: ProductRecord =
        serde_json::from_str(&r.get::<_, String>(i)?).map_err(|e| unreadable(i, e))?;
    Ok(view(record, domain::clock::shanghai_date(sent_at)))
}

fn status(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<DeliveryStatus>> {
    r.get::<_, Option<String>>(i)?
        .map(|t| {
            DeliveryStatus::parse(&t).ok_or_else(|| unreadable(i, format!("delivery status {t}")))
        })
        .transpose()
}

type PushRow = (
    String,
    ProductView,
    String,
    DateTime<Utc>,
    String,
    Option<String>,
);

const PUSH_COLUMNS: &str = "id, product_snapshot, cover_message, sent_at, state, refusal";

fn push_row(r: &Row<'_>) -> rusqlite::Result<PushRow> {
    let sent_at = r.get(3)?;
    Ok((
        r.get(0)?,
        snapshot(r, 1, sent_at)?,
        r.get(2)?,
        sent_at,
        r.get(4)?,
        r.get(5)?,
    ))
}

impl Store {
    fn summary(&self, row: PushRow) -> Result<PushSummary> {
        let (id, product, cover_message, sent_at, push_state, refusal) = row;
        let mut counts = DeliveryCounts::default();
        let mut recipients = 0;
        let mut stmt = self.conn().prepare_cached(
            "SELECT d.status FROM push_recipients r LEFT JOIN push_deliveries d \
             ON d.push_id = r.push_id AND d.client_id = r.client_id WHERE r.push_id = ?1",
        )?;
        let statuses = stmt
            .query_map([&id], |r| status(r, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for s in statuses {
            counts.add(s);
            recipients += 1;
        }
        Ok(PushSummary {
            product,
            id,
            cover_message,
            sent_at,
            state: state(&push_state),
            refusal,
            recipients,
            counts,
        })
    }

    /// The broker's pushes, newest first.
    pub fn push_history(&self, limit: u32) -> Result<Vec<PushSummary>> {
        let rows = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {PUSH_COLUMNS} FROM recommendation_pushes ORDER BY sent_at DESC, id LIMIT ?1"
            ))?
            .query_map([limit.clamp(1, 1_000)], push_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(|row| self.summary(row)).collect()
    }

    pub fn push_detail(&self, push_id: &str) -> Result<PushDetail> {
        let row = self
            .conn()
            .query_row(
                &format!("SELECT {PUSH_COLUMNS} FROM recommendation_pushes WHERE id = ?1"),
                [push_id],
                push_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::Invalid(format!("没有编号为 {push_id} 的推送记录")))?;
        let summary = self.summary(row)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.client_id, r.client_name, r.desk_verdict, r.elderly_confirmed, d.status, \
             d.reason, d.reply, d.updated_at FROM push_recipients r LEFT JOIN push_deliveries d \
             ON d.push_id = r.push_id AND d.client_id = r.client_id WHERE r.push_id = ?1 \
             ORDER BY r.rowid",
        )?;
        let recipients = stmt
            .query_map([push_id], |r| {
                Ok(PushRecipientView {
                    client_id: r.get(0)?,
                    client_name: r.get(1)?,
                    desk_verdict: serde_json::from_str(&r.get::<_, String>(2)?)
                        .map_err(|e| unreadable(2, e))?,
                    elderly_confirmed: r.get(3)?,
                    status: status(r, 4)?,
                    reason: r.get(5)?,
                    reply: r.get(6)?,
                    updated_at: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(PushDetail {
            summary,
            recipients,
        })
    }

    /// Every push this client was sent, newest first.
    pub fn client_pushes(&self, client_id: &str) -> Result<Vec<ClientPushView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT p.id, p.product_snapshot, p.cover_message, p.sent_at, p.state, d.status, \
             coalesce(d.reason, p.refusal), d.reply FROM push_recipients r \
             JOIN recommendation_pushes p ON p.id = r.push_id \
             LEFT JOIN push_deliveries d ON d.push_id = r.push_id AND d.client_id = r.client_id \
             WHERE r.client_id = ?1 ORDER BY p.sent_at DESC",
        )?;
        let pushes = stmt
            .query_map([client_id], |r| {
                let sent_at = r.get(3)?;
                Ok(ClientPushView {
                    push_id: r.get(0)?,
                    product: snapshot(r, 1, sent_at)?,
                    cover_message: r.get(2)?,
                    sent_at,
                    state: state(&r.get::<_, String>(4)?),
                    status: status(r, 5)?,
                    reason: r.get(6)?,
                    reply: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(pushes)
    }
}

/// Head office's answer to a push: taken (deliveries follow by the feed) or refused whole. The
/// archive stays as sent either way; only its state says what head office did.
pub(crate) fn settle_answer(
    tx: &Transaction<'_>,
    push: &RecommendationPush,
    answer: &Answer<'_>,
) -> Result<()> {
    let Some(reason) = answer.refusal() else {
        tx.execute(
            "UPDATE recommendation_pushes SET state = 'accepted' WHERE id = ?1",
            [&push.id],
        )?;
        return Ok(());
    };
    tx.execute(
        "UPDATE recommendation_pushes SET state = 'refused', refusal = ?2 WHERE id = ?1",
        rusqlite::params![push.id, reason],
    )?;
    let title: String = tx
        .query_row(
            "SELECT json_extract(product_snapshot, '$.title') FROM recommendation_pushes WHERE id = ?1",
            [&push.id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default();
    let what = format!("推荐《{title}》给 {} 位客户", push.recipients.len());
    answer.record_refusal(tx, &what)
}

#[cfg(test)]
mod tests {
    use crate::{DbKey, Store};

    #[test]
    fn an_archived_push_cannot_be_edited_or_deleted_only_its_state_moves() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("desk.db"), &DbKey([3; 32])).unwrap();
        let conn = store.conn();
        conn.execute_batch(
            "INSERT INTO recommendation_pushes (id, product_id, product_snapshot, cover_message, sent_at) \
             VALUES ('PUSH-1', 'P1', '{}', '原话', '2026-11-25T02:00:00Z'); \
             INSERT INTO push_recipients (push_id, client_id, client_name, desk_verdict, elderly_confirmed) \
             VALUES ('PUSH-1', 'C1', '张伟', '{\"verdict\":\"allowed\"}', 0);",
        )
        .unwrap();
        for sql in [
            "UPDATE recommendation_pushes SET cover_message = '改过的话' WHERE id = 'PUSH-1'",
            "UPDATE recommendation_pushes SET product_snapshot = '{}' WHERE id = 'PUSH-1'",
            "DELETE FROM recommendation_pushes WHERE id = 'PUSH-1'",
            "UPDATE push_recipients SET desk_verdict = 'x'",
            "DELETE FROM push_recipients",
        ] {
            assert!(conn.execute(sql, []).is_err(), "{sql} was allowed");
        }
        conn.execute(
            "UPDATE recommendation_pushes SET state = 'accepted' WHERE id = 'PUSH-1'",
            [],
        )
        .unwrap();
        let message: String = conn
            .query_row("SELECT cover_message FROM recommendation_pushes", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(message, "原话");
    }
}
