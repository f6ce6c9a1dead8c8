//! The client 360° as it crosses to the window: every part already masked and in the broker's terms.

use crate::{AccessLogEntry, PreferencesView, ReminderView};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{AssessmentStatus, AssetClass, Fen, InvestorClass, Rate, RiskLevel, Tier, TradeSide};
use protocol::{RelationKind, ServiceCaseKind, TransferDirection};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AccountView {
    pub id: String,
    pub account_no_masked: String,
    pub commission_rate: Rate,
    pub waive_minimum: bool,
    pub cash: Fen,
    pub opened_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HoldingView {
    pub security_code: String,
    pub security_name: String,
    pub asset_class: AssetClass,
    #[ts(type = "number")]
    pub quantity: i64,
    pub cost: Fen,
    pub market_value: Fen,
    pub profit: Fen,
}

/// One entry of a client's contact timeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ContactNoteView {
    pub id: String,
    /// `phone`, `visit`, `wechat`, `email` or `meeting`.
    pub channel: String,
    pub summary: String,
    pub contacted_at: DateTime<Utc>,
    pub follow_up_on: Option<NaiveDate>,
    /// Written on this desk and not yet accepted by head office.
    pub pending: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AssetMonthView {
    pub month: NaiveDate,
    pub total_assets: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AllocationSlice {
    pub asset_class: AssetClass,
    pub value: Fen,
}

/// A trade with every fee it was charged (DOMAIN.md, "Fees").
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TradeView {
    pub id: String,
    pub traded_at: DateTime<Utc>,
    pub security_code: String,
    pub side: TradeSide,
    #[ts(type = "number")]
    pub quantity: i64,
    /// 厘 (0.001 yuan).
    #[ts(type = "number")]
    pub price_li: i64,
    pub amount: Fen,
    pub commission: Fen,
    pub handling_fee: Fen,
    pub regulatory_fee: Fen,
    pub transfer_fee: Fen,
    pub stamp_duty: Fen,
    pub net_commission: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CashTransferView {
    pub id: String,
    pub transferred_at: DateTime<Utc>,
    pub direction: TransferDirection,
    pub amount: Fen,
}

/// Money moved in and out over the last 12 months.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CashFlowSummary {
    pub transferred_in: Fen,
    pub transferred_out: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ServiceCaseView {
    pub id: String,
    pub kind: ServiceCaseKind,
    pub opened_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    /// The client's words for a complaint; what was done for a return visit.
    pub summary: String,
    pub outcome: Option<String>,
    pub category: Option<domain::ComplaintCategory>,
    pub channel: Option<protocol::ContactChannel>,
    pub client_asks: Option<String>,
    /// Head office's case number; none while the complaint waits to be pushed.
    pub case_no: Option<String>,
    pub status: domain::CaseStatus,
    pub handler: Option<String>,
    pub history: Vec<protocol::CaseStep>,
    /// Taken at this desk and not yet accepted by head office.
    pub pending: bool,
    /// A return visit's score (1–5) and the client's words.
    pub satisfaction: Option<u8>,
    pub client_words: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RelationView {
    pub related_client_id: String,
    pub related_name: String,
    pub kind: RelationKind,
    pub label: String,
    /// The related client is in this broker's book too, so their profile can be opened.
    pub in_book: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClientProfile {
    pub id: String,
    pub name: String,
    pub id_number_masked: String,
    pub mobile_masked: String,
    /// From the ID number; none when it cannot be read.
    pub age: Option<u32>,
    pub investor_class: InvestorClass,
    pub tier: Tier,
    pub total_assets: Fen,
    pub opened_on: NaiveDate,
    pub serving_broker_id: String,
    pub serving_broker_name: String,
    pub developing_broker_id: String,
    pub developing_broker_name: String,
    /// The second broker serving a shared client (客户共享), with their split.
    pub co_server: Option<protocol::relationships::CoServer>,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
    pub risk_level: Option<RiskLevel>,
    pub assessed_on: Option<NaiveDate>,
    pub assessment_expires_on: Option<NaiveDate>,
    pub assessment_status: AssessmentStatus,
    pub accounts: Vec<AccountView>,
    pub holdings: Vec<HoldingView>,
    /// Oldest first, up to 24 months.
    pub asset_months: Vec<AssetMonthView>,
    /// Holdings by asset class, plus cash, largest first.
    pub allocation: Vec<AllocationSlice>,
    /// Newest first, at most 50.
    pub trades: Vec<TradeView>,
    /// Newest first, at most 50.
    pub cash_transfers: Vec<CashTransferView>,
    pub cash_flow_12m: CashFlowSummary,
    /// Newest first, at most the latest 100.
    pub contacts: Vec<ContactNoteView>,
    pub reminders: Vec<ReminderView>,
    pub service_cases: Vec<ServiceCaseView>,
    /// The events the client was invited to, latest first.
    pub events: Vec<crate::ClientEventView>,
    pub relations: Vec<RelationView>,
    pub preferences: PreferencesView,
    /// Who changed the preferences and needs, what and when; newest first.
    pub profile_history: Vec<protocol::ProfileChange>,
    /// This client's entries in the desk's access log, newest first.
    pub access_log: Vec<AccessLogEntry>,
}
