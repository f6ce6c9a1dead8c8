//! Head-office data as it travels to the desk. Money in fen, rates in ten-millionths, instants in UTC.

use crate::calendar::MarketEventRecord;
use crate::commission::{DisputeRecord, StatementLineRecord, StatementRecord};
use crate::library::{ProductRecord, PushDeliveryRecord};
use crate::push::{ContactNoteRecord, PreferencesRecord};
use crate::service::{CashTransferRecord, ClientRelationRecord, ServiceCaseRecord};
use crate::tasks::TaskRecord;
use chrono::{DateTime, NaiveDate, Utc};
use domain::{Fen, InvestorClass, Rate, RiskLevel, Tier, TradeSide};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Client,
    Account,
    Holding,
    Trade,
    AssetMonth,
    RiskAssessment,
    ContactNote,
    Preferences,
    CashTransfer,
    ServiceCase,
    ClientRelation,
    /// A library item: firm-wide, in every broker's feed.
    Product,
    /// One recipient of a push, in the pushing broker's book.
    PushDelivery,
    /// A broker's official monthly statement, and its lines, in that broker's feed.
    Statement,
    StatementLine,
    /// A broker's dispute of a statement figure, with head office's answer.
    Dispute,
    /// A task a lead assigned to the broker.
    Task,
    /// Holidays, new shares, rights issues, maturities: firm-wide.
    MarketEvent,
    /// A client transfer the broker asked for, and its decision.
    TransferRequest,
    /// A message on the broker's task or transfer request.
    Comment,
    /// A client event (客户活动): firm-wide, so any broker can invite to it.
    ClientEvent,
    /// One client invited to an event, in that client's book.
    EventInvitation,
}

impl EntityKind {
    pub const ALL: [EntityKind; 22] = [
        EntityKind::Client,
        EntityKind::Account,
        EntityKind::Holding,
        EntityKind::Trade,
        EntityKind::AssetMonth,
        EntityKind::RiskAssessment,
        EntityKind::ContactNote,
        EntityKind::Preferences,
        EntityKind::CashTransfer,
        EntityKind::ServiceCase,
        EntityKind::ClientRelation,
        EntityKind::Product,
        EntityKind::PushDelivery,
        EntityKind::Statement,
        EntityKind::StatementLine,
        EntityKind::Dispute,
        EntityKind::Task,
        EntityKind::MarketEvent,
        EntityKind::TransferRequest,
        EntityKind::Comment,
        EntityKind::ClientEvent,
        EntityKind::EventInvitation,
    ];

    /// The same name serde uses on the wire, for storing a kind in a text column.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Client => "client",
            EntityKind::Account => "account",
            EntityKind::Holding => "holding",
            EntityKind::Trade => "trade",
            EntityKind::AssetMonth => "asset_month",
            EntityKind::RiskAssessment => "risk_assessment",
            EntityKind::ContactNote => "contact_note",
            EntityKind::Preferences => "preferences",
            EntityKind::CashTransfer => "cash_transfer",
            EntityKind::ServiceCase => "service_case",
            EntityKind::ClientRelation => "client_relation",
            EntityKind::Product => "product",
            EntityKind::PushDelivery => "push_delivery",
            EntityKind::Statement => "statement",
            EntityKind::StatementLine => "statement_line",
            EntityKind::Dispute => "dispute",
            EntityKind::Task => "task",
            EntityKind::MarketEvent => "market_event",
            EntityKind::TransferRequest => "transfer_request",
            EntityKind::Comment => "comment",
            EntityKind::ClientEvent => "client_event",
            EntityKind::EventInvitation => "event_invitation",
        }
    }

    pub fn parse(text: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// On the wire an object with its `kind` first; decoded by `tagged.rs`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    Client(ClientRecord),
    Account(AccountRecord),
    Holding(HoldingRecord),
    Trade(TradeRecord),
    AssetMonth(AssetMonthRecord),
    RiskAssessment(RiskAssessmentRecord),
    ContactNote(ContactNoteRecord),
    Preferences(PreferencesRecord),
    CashTransfer(CashTransferRecord),
    ServiceCase(ServiceCaseRecord),
    ClientRelation(ClientRelationRecord),
    Product(ProductRecord),
    PushDelivery(PushDeliveryRecord),
    Statement(StatementRecord),
    StatementLine(StatementLineRecord),
    Dispute(DisputeRecord),
    Task(TaskRecord),
    MarketEvent(MarketEventRecord),
    TransferRequest(crate::team::TransferRequestRecord),
    Comment(crate::team::CommentRecord),
    ClientEvent(crate::events::ClientEventRecord),
    EventInvitation(crate::events::EventInvitationRecord),
}

impl Record {
    pub fn kind(&self) -> EntityKind {
        match self {
            Record::Client(_) => EntityKind::Client,
            Record::Account(_) => EntityKind::Account,
            Record::Holding(_) => EntityKind::Holding,
            Record::Trade(_) => EntityKind::Trade,
            Record::AssetMonth(_) => EntityKind::AssetMonth,
            Record::RiskAssessment(_) => EntityKind::RiskAssessment,
            Record::ContactNote(_) => EntityKind::ContactNote,
            Record::Preferences(_) => EntityKind::Preferences,
            Record::CashTransfer(_) => EntityKind::CashTransfer,
            Record::ServiceCase(_) => EntityKind::ServiceCase,
            Record::ClientRelation(_) => EntityKind::ClientRelation,
            Record::Product(_) => EntityKind::Product,
            Record::PushDelivery(_) => EntityKind::PushDelivery,
            Record::Statement(_) => EntityKind::Statement,
            Record::StatementLine(_) => EntityKind::StatementLine,
            Record::Dispute(_) => EntityKind::Dispute,
            Record::Task(_) => EntityKind::Task,
            Record::MarketEvent(_) => EntityKind::MarketEvent,
            Record::TransferRequest(_) => EntityKind::TransferRequest,
            Record::Comment(_) => EntityKind::Comment,
            Record::ClientEvent(_) => EntityKind::ClientEvent,
            Record::EventInvitation(_) => EntityKind::EventInvitation,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClientRecord {
    pub id: String,
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    pub investor_class: InvestorClass,
    pub tier: Tier,
    pub total_assets: Fen,
    pub opened_on: NaiveDate,
    pub serving_broker_id: String,
    pub serving_broker_name: String,
    pub developing_broker_id: String,
    pub developing_broker_name: String,
    pub last_contact_at: Option<DateTime<Utc>>,
    /// Head office's labels (高净值, 企业主, 退休 …), in display order.
    pub tags: Vec<String>,
    pub version: u64,
    /// The end of the ID document's 有效期限: from that day business may be restricted.
    #[serde(default)]
    pub id_expires_on: Option<NaiveDate>,
    /// A second broker serving the client beside the first (客户共享), with their split.
    #[serde(default)]
    pub co_server: Option<crate::relationships::CoServer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AccountRecord {
    pub id: String,
    pub client_id: String,
    /// 资金账号.
    pub account_no: String,
    pub commission_rate: Rate,
    /// 免五: not charged the ¥5 minimum commission.
    pub waive_minimum: bool,
    pub opened_on: NaiveDate,
    pub cash: Fen,
    /// A margin (两融) account's maintenance ratio at the last close, in basis points
    /// (15000 = 150 %); `None` for a cash account.
    #[serde(default)]
    pub margin_ratio_bp: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HoldingRecord {
    pub id: String,
    pub client_id: String,
    pub account_id: String,
    /// `600519.SH`.
    pub security_code: String,
    pub security_name: String,
    pub quantity: i64,
    pub cost: Fen,
    pub market_value: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TradeRecord {
    pub id: String,
    pub client_id: String,
    pub account_id: String,
    pub traded_at: DateTime<Utc>,
    pub security_code: String,
    pub side: TradeSide,
    pub quantity: i64,
    /// Price in 厘 (0.001 yuan), the tick of ETFs.
    pub price_li: i64,
    pub amount: Fen,
    pub commission: Fen,
    pub handling_fee: Fen,
    pub regulatory_fee: Fen,
    pub transfer_fee: Fen,
    pub stamp_duty: Fen,
    pub net_commission: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssetMonthRecord {
    pub id: String,
    pub client_id: String,
    /// First day of the month the figure closes.
    pub month: NaiveDate,
    pub total_assets: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RiskAssessmentRecord {
    pub id: String,
    pub client_id: String,
    pub level: RiskLevel,
    pub assessed_on: NaiveDate,
    pub expires_on: NaiveDate,
    /// 最低类别: a C1 who lacks full civil capacity or accepts no loss at all.
    #[serde(default)]
    pub lowest_category: bool,
}
