//! The firm's approved library (研报、个股点评、产品) and recommendation pushes: a broker may only pass on
//! what head office provides centrally, and head office re-checks every push before any channel
//! carries it.

use chrono::{DateTime, NaiveDate, Utc};
use domain::suitability_check::Verdict;
use domain::{ProductRisk, TargetInvestors};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a library item is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProductKind {
    /// 研究报告: a research report of the firm's institute.
    ResearchReport,
    /// 个股点评: a note on one security.
    StockPick,
    /// 公募基金 distributed by the firm.
    Fund,
    /// 收益凭证、资管计划 and other products the firm issues or sells.
    WealthProduct,
}

impl ProductKind {
    pub const ALL: [ProductKind; 4] = [
        ProductKind::ResearchReport,
        ProductKind::StockPick,
        ProductKind::Fund,
        ProductKind::WealthProduct,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProductKind::ResearchReport => "research_report",
            ProductKind::StockPick => "stock_pick",
            ProductKind::Fund => "fund",
            ProductKind::WealthProduct => "wealth_product",
        }
    }

    pub fn parse(text: &str) -> Option<ProductKind> {
        ProductKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// Only approved items can be pushed. A withdrawn one still reaches desks, so that the desk can
/// take it off its library and refuse a push of it, while pushes already sent keep their copy.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ApprovalState {
    Approved,
    Withdrawn,
}

impl ApprovalState {
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalState::Approved => "approved",
            ApprovalState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<ApprovalState> {
        match text {
            "approved" => Some(ApprovalState::Approved),
            "withdrawn" => Some(ApprovalState::Withdrawn),
            _ => None,
        }
    }
}

/// One item of the approved library. Firm-wide: every desk pulls it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ProductRecord {
    pub id: String,
    pub product_kind: ProductKind,
    pub title: String,
    pub summary: String,
    pub risk: ProductRisk,
    /// Whom compliance approved it for; items from before the field are for all investors.
    #[serde(default)]
    pub target_investors: TargetInvestors,
    /// Raised whenever the content changes; a push names the version it sent.
    pub version: u32,
    pub approval: ApprovalState,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    /// The security a stock pick is about, `600519.SH`.
    pub security_code: Option<String>,
    /// The analyst or the product's manager.
    pub author: String,
    /// Head office's approval reference (合规审核编号), printed with every push.
    pub approval_ref: String,
    /// The full text as approved, for the broker to read before pushing; empty when the firm
    /// sent only the summary.
    #[serde(default)]
    pub body: String,
}

impl ProductRecord {
    /// Whether head office allows pushing it on `today`.
    pub fn pushable_on(&self, today: NaiveDate) -> bool {
        self.approval == ApprovalState::Approved
            && self.valid_from <= today
            && today <= self.valid_until
    }
}

/// Where a pushed message is for one recipient.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DeliveryStatus {
    /// Accepted by head office, waiting for the channel.
    Queued,
    Sent,
    Delivered,
    Read,
    Replied,
    /// The channel could not deliver (number out of service, not bound).
    Failed,
    /// Head office's own suitability check refused this recipient.
    Refused,
}

impl DeliveryStatus {
    pub const ALL: [DeliveryStatus; 7] = [
        DeliveryStatus::Queued,
        DeliveryStatus::Sent,
        DeliveryStatus::Delivered,
        DeliveryStatus::Read,
        DeliveryStatus::Replied,
        DeliveryStatus::Failed,
        DeliveryStatus::Refused,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Queued => "queued",
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Read => "read",
            DeliveryStatus::Replied => "replied",
            DeliveryStatus::Failed => "failed",
            DeliveryStatus::Refused => "refused",
        }
    }

    pub fn parse(text: &str) -> Option<DeliveryStatus> {
        DeliveryStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether a channel's later report may move a delivery from `self` to `next`. Reports may
    /// skip steps or arrive out of order (a read receipt before the delivery receipt), so only
    /// forward moves count; a failure can only come before the client has read the message.
    pub fn can_become(self, next: DeliveryStatus) -> bool {
        use DeliveryStatus as S;
        let step = |s: DeliveryStatus| match s {
            S::Queued => Some(0),
            S::Sent => Some(1),
            S::Delivered => Some(2),
            S::Read => Some(3),
            S::Replied => Some(4),
            S::Failed | S::Refused => None,
        };
        match (step(self), next) {
            (Some(now), S::Failed) => now <= 2,
            (Some(now), later) => step(later).is_some_and(|l| l > now),
            (None, _) => false,
        }
    }

    /// Nothing more will happen to it.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            DeliveryStatus::Replied | DeliveryStatus::Failed | DeliveryStatus::Refused
        )
    }
}

/// Head office's record of one recipient of a push, in the pushing broker's book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PushDeliveryRecord {
    /// `<push id>/<client id>`.
    pub id: String,
    pub push_id: String,
    pub client_id: String,
    pub status: DeliveryStatus,
    /// Why head office refused, or why the channel failed.
    pub reason: Option<String>,
    /// The client's answer, when the channel carries one.
    pub reply: Option<String>,
    pub updated_at: DateTime<Utc>,
}

impl PushDeliveryRecord {
    pub fn id_for(push_id: &str, client_id: &str) -> String {
        format!("{push_id}/{client_id}")
    }
}

/// One recipient as the desk checked them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PushRecipient {
    pub client_id: String,
    /// The desk's verdict, archived with the push; head office decides by its own.
    pub desk_verdict: Verdict,
    /// The broker confirmed, explicitly, a push above R3 to an elderly client.
    pub elderly_confirmed: bool,
}

/// A proactive push of one library item to clients of the broker's book (`MutationOp::SendRecommendation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RecommendationPush {
    pub id: String,
    pub product_id: String,
    pub product_version: u32,
    /// The broker's own words: the only part of a push that does not come from the library.
    pub cover_message: String,
    pub recipients: Vec<PushRecipient>,
    pub sent_at: DateTime<Utc>,
}

impl RecommendationPush {
    /// Head office refuses larger pushes; the desk splits nothing, it refuses too.
    pub const MAX_RECIPIENTS: usize = 1_000;
}
