//! A real delivery channel's side of the deliveries: the settings, the messages due to be handed
//! over (new ones, and failed hand-overs whose wait is up), how each hand-over went, and the
//! gateway's receipts. Every change of state takes a new `seq`, so it reaches the pushing broker.

use super::SqlStorage;
use crate::db::Db;
use crate::delivery::{ChannelSettings, Deliveries, DeliveryChannel, Handover, HandoverResult};
use crate::error::{Result, StorageError};
use chrono::{DateTime, Utc};
use protocol::gateway::{DeliveryReceipt, GatewayMessage, ReceiptOutcome};
use protocol::DeliveryStatus;
use rusqlite::params;

const SETTINGS_KEY: &str = "delivery_channel";

pub(super) fn settings(db: &Db<'_>) -> Result<Option<ChannelSettings>> {
    let stored: Option<String> = db.query_opt(
        "SELECT value FROM firm_settings WHERE key = ?1",
        params![SETTINGS_KEY],
        |r| r.get(0),
    )?;
    Ok(stored.map(|t| serde_json::from_str(&t)).transpose()?)
}

/// Saves the settings, or with `None` takes the channel away (pushes then fail, saying why).
pub(super) fn set_settings(db: &Db<'_>, settings: Option<&ChannelSettings>) -> Result<()> {
    match settings {
        Some(s) => {
            if let Some(problem) = s.problem() {
                return Err(StorageError::Validation(problem));
            }
            db.execute(
                "INSERT INTO firm_settings (key, value) VALUES (?1, ?2) \
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![SETTINGS_KEY, serde_json::to_string(s)?],
            )?;
        }
        None => {
            db.execute(
                "DELETE FROM firm_settings WHERE key = ?1",
                params![SETTINGS_KEY],
            )?;
        }
    }
    Ok(())
}

/// Up to `limit` queued deliveries whose hand-over is due at `now`, oldest push first.
pub(super) fn due(db: &Db<'_>, now: DateTime<Utc>, limit: usize) -> Result<Vec<Handover>> {
    db.query_map(
        "SELECT d.id, d.push_id, d.client_id, c.name, c.mobile, pr.title, p.cover_message, \
         u.display_name, d.handover_attempts, c.email \
         FROM push_deliveries d \
         JOIN recommendation_pushes p ON p.id = d.push_id \
         JOIN products pr ON pr.id = p.product_id \
         JOIN clients c ON c.id = d.client_id \
         JOIN users u ON u.id = p.broker_id \
         WHERE d.status = 'queued' AND d.channel_settled = 0 \
           AND (d.next_handover_at IS NULL OR d.next_handover_at <= ?1) \
         ORDER BY p.received_at, d.id LIMIT ?2",
        params![now, limit as i64],
        |r| {
            let tried: i64 = r.get(8)?;
            Ok(Handover {
                message: GatewayMessage {
                    delivery_id: r.get(0)?,
                    push_id: r.get(1)?,
                    client_id: r.get(2)?,
                    client_name: r.get(3)?,
                    mobile: r.get(4)?,
                    email: r.get(9)?,
                    title: r.get(5)?,
                    text: r.get(6)?,
                    broker_name: r.get(7)?,
                    attempt: u32::try_from(tried).unwrap_or(u32::MAX - 1) + 1,
                },
            })
        },
    )
}

/// Records hand-overs: taken ones become 已发送; a refused one waits longer each time and, after
/// the last attempt (or at once, when trying again cannot help), fails with the channel's answer
/// so the broker knows it never went out.
pub(super) fn record(
    db: &Db<'_>,
    settings: &ChannelSettings,
    results: &[HandoverResult],
    now: DateTime<Utc>,
) -> Result<()> {
    let retries = settings.retries();
    for r in results {
        match &r.outcome {
            Ok(()) => {
                db.execute(
                    "UPDATE push_deliveries SET status = 'sent', updated_at = ?2, seq = ?3, \
                     handover_attempts = ?4, next_handover_at = NULL \
                     WHERE id = ?1 AND status = 'queued'",
                    params![r.delivery_id, now, db.next_seq()?, i64::from(r.attempt)],
                )?;
            }
            Err(why) if r.hopeless => fail(db, r, &format!("{why}，未能发送"), now)?,
            Err(why) if r.attempt >= retries.max_attempts => {
                let reason = format!(
                    "推送渠道 {} 次均未接收（最后一次：{why}），未能发送：请联系总部信息技术部",
                    r.attempt
                );
                fail(db, r, &reason, now)?;
            }
            Err(_) => {
                // Still queued for the broker: nothing new to tell the desk until it settles.
                db.execute(
                    "UPDATE push_deliveries SET handover_attempts = ?2, next_handover_at = ?3 \
                     WHERE id = ?1 AND status = 'queued'",
                    params![
                        r.delivery_id,
                        i64::from(r.attempt),
                        now + retries.retry_after(r.attempt)
                    ],
                )?;
            }
        }
    }
    Ok(())
}

/// Fails a queued delivery for good, saying why.
fn fail(db: &Db<'_>, r: &HandoverResult, reason: &str, now: DateTime<Utc>) -> Result<()> {
    db.execute(
        "UPDATE push_deliveries SET status = 'failed', reason = ?2, updated_at = ?3, seq = ?4, \
         handover_attempts = ?5, next_handover_at = NULL, channel_settled = 1 \
         WHERE id = ?1 AND status = 'queued'",
        params![
            r.delivery_id,
            reason,
            now,
            db.next_seq()?,
            i64::from(r.attempt)
        ],
    )?;
    Ok(())
}

/// Applies the gateway's receipts in order; the caller has checked each with `problem()`.
pub(super) fn apply_receipts(
    db: &Db<'_>,
    receipts: &[DeliveryReceipt],
    now: DateTime<Utc>,
) -> Result<ReceiptOutcome> {
    let mut outcome = ReceiptOutcome::default();
    for receipt in receipts {
        let current: Option<String> = db.query_opt(
            "SELECT status FROM push_deliveries WHERE id = ?1",
            params![receipt.delivery_id],
            |r| r.get(0),
        )?;
        let Some(current) = current.as_deref().and_then(DeliveryStatus::parse) else {
            outcome.unknown.push(receipt.delivery_id.clone());
            continue;
        };
        if !current.can_become(receipt.status) {
            outcome.unchanged += 1;
            continue;
        }
        let reason = match receipt.status {
            DeliveryStatus::Failed => Some(
                receipt
                    .reason
                    .clone()
                    .unwrap_or_else(|| "消息网关报告发送失败（未说明原因）".into()),
            ),
            _ => None,
        };
        db.execute(
            "UPDATE push_deliveries SET status = ?2, reason = coalesce(?3, reason), \
             reply = coalesce(?4, reply), updated_at = ?5, seq = ?6, channel_settled = ?7, \
             next_handover_at = NULL WHERE id = ?1",
            params![
                receipt.delivery_id,
                receipt.status.as_str(),
                reason,
                receipt.reply,
                receipt.at.min(now),
                db.next_seq()?,
                receipt.status.is_final()
            ],
        )?;
        outcome.applied += 1;
    }
    Ok(outcome)
}

impl Deliveries for SqlStorage {
    fn advance_deliveries(
        &self,
        channel: &dyn DeliveryChannel,
        now: DateTime<Utc>,
    ) -> Result<usize> {
        self.write(|db| super::recommend::advance_deliveries(db, channel, now))
    }

    fn delivery_channel(&self) -> Result<Option<ChannelSettings>> {
        self.read(settings)
    }

    fn set_delivery_channel(&self, s: Option<&ChannelSettings>) -> Result<()> {
        self.write(|db| set_settings(db, s))
    }

    fn due_handovers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Handover>> {
        self.read(|db| due(db, now, limit))
    }

    fn record_handovers(
        &self,
        settings: &ChannelSettings,
        results: &[HandoverResult],
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|db| record(db, settings, results, now))
    }

    fn apply_receipts(
        &self,
        receipts: &[DeliveryReceipt],
        now: DateTime<Utc>,
    ) -> Result<ReceiptOutcome> {
        self.write(|db| apply_receipts(db, receipts, now))
    }
}
