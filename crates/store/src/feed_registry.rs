//! Which table keeps each kind of mirrored record. Adding a feed table: its `FeedTable` beside
//! its neighbours, a migration, and one line here (the match is exhaustive).

use crate::feed_table::FeedTable;
use crate::{events, market_alerts, rows_book as book, rows_firm as firm, team_threads};
use protocol::EntityKind;

pub(crate) fn feed_table(kind: EntityKind) -> &'static FeedTable {
    match kind {
        EntityKind::Client => &book::CLIENTS,
        EntityKind::Account => &book::ACCOUNTS,
        EntityKind::Holding => &book::HOLDINGS,
        EntityKind::Trade => &book::TRADES,
        EntityKind::AssetMonth => &book::ASSET_MONTHS,
        EntityKind::RiskAssessment => &book::RISK_ASSESSMENTS,
        EntityKind::ContactNote => &book::CONTACT_NOTES,
        EntityKind::Preferences => &book::CLIENT_PREFERENCES,
        EntityKind::CashTransfer => &book::CASH_TRANSFERS,
        EntityKind::ServiceCase => &book::SERVICE_CASES,
        EntityKind::ClientRelation => &book::CLIENT_RELATIONS,
        EntityKind::Product => &firm::PRODUCTS,
        EntityKind::PushDelivery => &firm::PUSH_DELIVERIES,
        EntityKind::Statement => &firm::STATEMENTS,
        EntityKind::StatementLine => &firm::STATEMENT_LINES,
        EntityKind::Dispute => &firm::DISPUTES,
        EntityKind::Task => &firm::TASKS,
        EntityKind::MarketEvent => &market_alerts::MARKET_EVENTS,
        EntityKind::TransferRequest => &team_threads::TRANSFER_REQUESTS,
        EntityKind::Comment => &team_threads::COMMENTS,
        EntityKind::ClientEvent => &events::CLIENT_EVENTS,
        EntityKind::EventInvitation => &events::EVENT_INVITATIONS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_table_with_id_first() {
        let mut seen = std::collections::HashSet::new();
        for kind in EntityKind::ALL {
            let t = feed_table(kind);
            assert_eq!(t.kind, kind, "{}", kind.as_str());
            assert_eq!(t.columns.first(), Some(&"id"), "{}", t.table);
            assert!(seen.insert(t.table), "{} listed twice", t.table);
        }
    }
}
