//! A whole firm as head office takes it in one go: the org tree, the users, each client's book,
//! the library, pay, tasks, the market calendar and open transfers. The demo generator makes one;
//! `import` writes one into either backend.

use chrono::NaiveDate;
use protocol::{
    AccountRecord, AssetMonthRecord, ClientRecord, ContactNoteRecord, HoldingRecord, Record,
    RiskAssessmentRecord, Role, TradeRecord,
};

pub struct OrgUnitSeed {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
}

pub struct UserSeed {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub password_hash: String,
    pub org_unit_id: String,
}

pub struct FirmSeed {
    pub units: Vec<OrgUnitSeed>,
    pub users: Vec<UserSeed>,
    pub books: Box<dyn Iterator<Item = ClientBook> + Send>,
    /// The approved library every desk pulls.
    pub library: Vec<protocol::ProductRecord>,
    pub pay: super::pay::PaySettings,
    /// Months whose official statements are published on import.
    pub statement_months: Vec<NaiveDate>,
    /// "Today" of the firm: statements are dated by it.
    pub as_of: NaiveDate,
    /// Tasks from leads, with the assignee.
    pub tasks: Vec<(String, protocol::TaskRecord)>,
    /// Holidays, new shares, rights issues and maturities around "today".
    pub market_events: Vec<protocol::MarketEventRecord>,
    /// Open client transfer requests (client names filled in on import).
    pub transfer_requests: Vec<protocol::team::TransferRequestRecord>,
    /// Messages on tasks, with the broker whose feed they are in.
    pub comments: Vec<(String, protocol::team::CommentRecord)>,
    /// Brokers' classes and groups, by broker id (of the lists migration 034 seeds).
    pub broker_placements: Vec<(String, super::categories::BrokerPlacement)>,
    /// Classes and groups changed after the firm's data began, with the one before: a broker not
    /// named here for a kind has been in their placement's class or group since `before_records`.
    pub placement_history: Vec<(
        String,
        domain::broker_category::CategoryKind,
        domain::broker_category::CategoryPeriod,
    )>,
}

pub struct ClientBook {
    pub client: ClientRecord,
    pub accounts: Vec<AccountRecord>,
    pub holdings: Vec<HoldingRecord>,
    pub trades: Vec<TradeRecord>,
    pub asset_months: Vec<AssetMonthRecord>,
    pub risk_assessments: Vec<RiskAssessmentRecord>,
    pub contact_notes: Vec<ContactNoteRecord>,
    /// Transfers, complaints and return visits, relations: head office's side of the 360°.
    pub service: Vec<Record>,
}

impl ClientBook {
    pub fn row_count(&self) -> usize {
        1 + self.accounts.len()
            + self.holdings.len()
            + self.trades.len()
            + self.asset_months.len()
            + self.risk_assessments.len()
            + self.contact_notes.len()
            + self.service.len()
    }
}
