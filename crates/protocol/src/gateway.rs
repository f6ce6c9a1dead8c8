//! What head office says to the firm's message gateway (短信/企业微信网关) and what the gateway
//! answers. Head office POSTs one [`GatewayMessage`] per recipient to the gateway's URL; the
//! gateway later POSTs [`ReceiptBatch`]es to [`crate::paths::CHANNEL_RECEIPTS`]. Both directions
//! carry [`SIGNATURE_HEADER`]: `sha256=` and the hex HMAC-SHA256 of the exact body bytes under the
//! secret the two sides share, so neither accepts a message a third party made up.

use crate::library::DeliveryStatus;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const SIGNATURE_HEADER: &str = "X-BrokerDesk-Signature";
/// The signature's scheme, before the hex digest.
pub const SIGNATURE_PREFIX: &str = "sha256=";

/// One recipient's message, handed to the gateway to send. `delivery_id` is the idempotency key:
/// after a timeout head office sends the same message again, and the gateway must not text the
/// client twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GatewayMessage {
    pub delivery_id: String,
    pub push_id: String,
    pub client_id: String,
    pub client_name: String,
    /// The number to text; the gateway is inside the firm, so it gets the whole number.
    pub mobile: String,
    /// The client's e-mail address, when the firm's files gave one.
    #[serde(default)]
    pub email: Option<String>,
    /// The research item's title, and the broker's words that go with it.
    pub title: String,
    pub text: String,
    pub broker_name: String,
    /// 1 for the first hand-over, then counting the retries.
    pub attempt: u32,
}

/// What became of one message, as the gateway tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeliveryReceipt {
    pub delivery_id: String,
    /// `sent`, `delivered`, `read`, `replied` or `failed`.
    pub status: DeliveryStatus,
    /// When it happened, by the gateway's clock (a time in the future is taken as now).
    pub at: DateTime<Utc>,
    /// The client's words, for `replied`.
    #[serde(default)]
    pub reply: Option<String>,
    /// Why, for `failed` (停机, 空号, 未关注 …).
    #[serde(default)]
    pub reason: Option<String>,
}

impl DeliveryReceipt {
    /// The most receipts one batch may carry.
    pub const BATCH_MAX: usize = 1_000;
    pub const REPLY_MAX_CHARS: usize = 1_000;
    pub const REASON_MAX_CHARS: usize = 200;

    /// Why head office cannot take this receipt, in words the gateway's engineers can act on.
    pub fn problem(&self) -> Option<String> {
        let id = &self.delivery_id;
        let chars = |t: &Option<String>| t.as_deref().map_or(0, |t| t.chars().count());
        match self.status {
            DeliveryStatus::Queued | DeliveryStatus::Refused => Some(format!(
                "回执 {id} 的状态只能是 sent、delivered、read、replied 或 failed"
            )),
            DeliveryStatus::Replied
                if self.reply.as_deref().is_none_or(|r| r.trim().is_empty()) =>
            {
                Some(format!(
                    "回执 {id} 是客户回复（replied），请在 reply 中附上回复内容"
                ))
            }
            _ if chars(&self.reply) > Self::REPLY_MAX_CHARS => Some(format!(
                "回执 {id} 的回复内容超过 {} 字，请截断后重发",
                Self::REPLY_MAX_CHARS
            )),
            _ if chars(&self.reason) > Self::REASON_MAX_CHARS => Some(format!(
                "回执 {id} 的失败原因超过 {} 字，请截断后重发",
                Self::REASON_MAX_CHARS
            )),
            _ => None,
        }
    }
}

/// Receipts in one POST; applied one by one, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReceiptBatch {
    pub receipts: Vec<DeliveryReceipt>,
}

/// What head office did with a batch. A receipt that does not move its delivery forward (a
/// resend, or one that arrived after a later one) is `unchanged`, so resending a batch is safe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReceiptOutcome {
    pub applied: usize,
    pub unchanged: usize,
    /// Delivery ids head office never handed over.
    pub unknown: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(status: DeliveryStatus, reply: Option<&str>) -> DeliveryReceipt {
        DeliveryReceipt {
            delivery_id: "P-1/C0000001".into(),
            status,
            at: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            reply: reply.map(str::to_string),
            reason: None,
        }
    }

    #[test]
    fn a_gateway_reports_what_a_channel_can_know() {
        assert!(receipt(DeliveryStatus::Delivered, None).problem().is_none());
        assert!(receipt(DeliveryStatus::Replied, Some("收到"))
            .problem()
            .is_none());
        let missing = receipt(DeliveryStatus::Replied, Some("  "))
            .problem()
            .unwrap();
        assert!(missing.contains("reply"), "{missing}");
        assert!(receipt(DeliveryStatus::Refused, None).problem().is_some());
        assert!(receipt(DeliveryStatus::Queued, None).problem().is_some());
        let long = "好".repeat(DeliveryReceipt::REPLY_MAX_CHARS + 1);
        assert!(receipt(DeliveryStatus::Replied, Some(&long))
            .problem()
            .is_some());
    }

    #[test]
    fn deliveries_only_move_forward() {
        use DeliveryStatus as S;
        assert!(S::Queued.can_become(S::Delivered));
        assert!(S::Delivered.can_become(S::Replied));
        assert!(!S::Read.can_become(S::Delivered));
        assert!(!S::Read.can_become(S::Failed));
        assert!(S::Sent.can_become(S::Failed));
        assert!(!S::Failed.can_become(S::Delivered));
        assert!(!S::Refused.can_become(S::Sent));
        assert!(!S::Sent.can_become(S::Sent));
        assert!(!S::Sent.can_become(S::Queued));
    }
}
