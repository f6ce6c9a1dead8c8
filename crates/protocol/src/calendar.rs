//! The market calendar head office publishes to every desk (firm-wide feed rows): exchange
//! holidays, new-share subscriptions, rights issues and maturities. The desk turns them into
//! alerts for the clients they concern (DOMAIN.md, "Events a broker is reminded of").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarketEventKind {
    /// A weekday the exchanges are closed; `on` is the day.
    Holiday,
    /// 新股申购: `on` is the subscription day (T); winners pay by the end of T+2.
    NewShare,
    /// 配股: `on` is the record date; holders subscribe within `window_days` trading days after.
    RightsIssue,
    /// A bond or product held by clients matures on `on`.
    Maturity,
}

impl MarketEventKind {
    pub const ALL: [MarketEventKind; 4] = [
        MarketEventKind::Holiday,
        MarketEventKind::NewShare,
        MarketEventKind::RightsIssue,
        MarketEventKind::Maturity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MarketEventKind::Holiday => "holiday",
            MarketEventKind::NewShare => "new_share",
            MarketEventKind::RightsIssue => "rights_issue",
            MarketEventKind::Maturity => "maturity",
        }
    }

    pub fn parse(text: &str) -> Option<MarketEventKind> {
        MarketEventKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MarketEventRecord {
    pub id: String,
    pub event: MarketEventKind,
    pub on: NaiveDate,
    /// `301xxx.SZ`: the new share, the security with the rights issue, the maturing bond. Empty
    /// for a holiday.
    pub security_code: String,
    pub security_name: String,
    /// Trading days of a rights issue's subscription window; 0 for other kinds.
    pub window_days: u32,
    /// What the exchange or issuer says in a line (配股比例、价格，发行价 …).
    pub detail: String,
}
