//! The client 360° query. Every part is masked here: personal data leaves the store only in the
//! form the window may show (clear values go through `access.rs`, with an audit entry).

use crate::error::{Result, StoreError};
use crate::profile_views::*;
use crate::Store;
use chrono::{DateTime, Months, NaiveDate, Utc};
use domain::{mask, AssetClass, Fen, IdNumber, InvestorClass, Rate, RiskLevel, Tier, TradeSide};
use protocol::relationships::CoServer;
use protocol::{RelationKind, ServiceCaseKind, TransferDirection};
use rusqlite::{params, OptionalExtension, Row};
use std::collections::BTreeMap;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value}"))
}

pub(crate) fn tier(code: &str) -> Result<Tier> {
    Tier::from_code(code).ok_or_else(|| corrupt("tier", code))
}

pub(crate) fn risk(code: Option<String>) -> Result<Option<RiskLevel>> {
    code.map(|c| RiskLevel::from_code(&c).ok_or_else(|| corrupt("risk level", &c)))
        .transpose()
}

/// Reads a text column through a parser, reporting an unknown value as a conversion error.
pub(crate) fn parsed<T>(
    r: &Row<'_>,
    i: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown value {text}").into(),
        )
    })
}

fn side(text: &str) -> Option<TradeSide> {
    match text {
        "Buy" => Some(TradeSide::Buy),
        "Sell" => Some(TradeSide::Sell),
        _ => None,
    }
}

struct Head {
    id: String,
    name: String,
    id_number: String,
    mobile: String,
    class: String,
    tier: String,
    assets: i64,
    opened_on: NaiveDate,
    serving: (String, String),
    developing: (String, String),
    contact: Option<DateTime<Utc>>,
    tags: String,
    co_server: Option<CoServer>,
}

impl Store {
    pub fn client_profile(
        &self,
        client_id: &str,
        today: NaiveDate,
    ) -> Result<Option<ClientProfile>> {
        let head = self
            .conn()
            .query_row(
                "SELECT id, name, id_number, mobile, investor_class, tier, total_assets, opened_on, \
                 serving_broker_id, serving_broker_name, developing_broker_id, developing_broker_name, \
                 last_contact_at, tags, co_server_id, co_server_name, co_server_share, \
                 co_server_since FROM clients WHERE id = ?1",
                [client_id],
                |r| {
                    Ok(Head {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        id_number: r.get(2)?,
                        mobile: r.get(3)?,
                        class: r.get(4)?,
                        tier: r.get(5)?,
                        assets: r.get(6)?,
                        opened_on: r.get(7)?,
                        serving: (r.get(8)?, r.get(9)?),
                        developing: (r.get(10)?, r.get(11)?),
                        contact: r.get(12)?,
                        tags: r.get(13)?,
                        co_server: match r.get::<_, Option<String>>(14)? {
                            None => None,
                            Some(broker_id) => Some(CoServer {
                                broker_id,
                                broker_name: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
                                share: Rate(r.get(16)?),
                                since: r.get(17)?,
                            }),
                        },
                    })
                },
            )
            .optional()?;
        let Some(head) = head else {
            return Ok(None);
        };
        let assessment = self
            .conn()
            .query_row(
                "SELECT level, assessed_on, expires_on FROM risk_assessments WHERE client_id = ?1 \
                 ORDER BY assessed_on DESC LIMIT 1",
                [client_id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, NaiveDate>(1)?,
                        r.get::<_, NaiveDate>(2)?,
                    ))
                },
            )
            .optional()?;
        let (level, assessed_on, expires_on) = match assessment {
            Some((l, a, e)) => (risk(Some(l))?, Some(a), Some(e)),
            None => (None, None, None),
        };
        let policy = self.firm_policy()?;
        let accounts = self.accounts_of(client_id)?;
        let holdings = self.holdings_of(client_id)?;
        let allocation = allocation(&holdings, &accounts);
        Ok(Some(ClientProfile {
            age: IdNumber::parse(&head.id_number, today)
                .ok()
                .map(|n| n.age_on(today)),
            id: head.id,
            name: head.name,
            id_number_masked: mask::id_number(&head.id_number),
            mobile_masked: mask::mobile(&head.mobile),
            investor_class: InvestorClass::from_code(&head.class)
                .ok_or_else(|| corrupt("investor class", &head.class))?,
            tier: tier(&head.tier)?,
            total_assets: Fen(head.assets),
            opened_on: head.opened_on,
            serving_broker_id: head.serving.0,
            serving_broker_name: head.serving.1,
            developing_broker_id: head.developing.0,
            developing_broker_name: head.developing.1,
            co_server: head.co_server,
            last_contact_at: head.contact,
            tags: serde_json::from_str(&head.tags)?,
            risk_level: level,
            assessed_on,
            assessment_expires_on: expires_on,
            assessment_status: policy.assessment_status(expires_on, today),
            accounts,
            holdings,
            asset_months: self.asset_months_of(client_id)?,
            allocation,
            trades: self.trades_of(client_id)?,
            cash_transfers: self.cash_transfers_of(client_id)?,
            cash_flow_12m: self.cash_flow(client_id, today)?,
            contacts: self.contacts_of(client_id)?,
            reminders: self.client_reminders(client_id)?,
            service_cases: self.service_cases(client_id)?,
            events: self.client_events(client_id)?,
            relations: self.relations_of(client_id)?,
            preferences: self.preferences(client_id)?,
            profile_history: self.profile_history(client_id)?,
            access_log: self.access_log(Some(client_id), 20)?,
        }))
    }

    fn accounts_of(&self, client_id: &str) -> Result<Vec<AccountView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, account_no, commission_rate, waive_minimum, cash, opened_on FROM accounts \
             WHERE client_id = ?1 ORDER BY opened_on",
        )?;
        let rows = stmt.query_map([client_id], |r: &Row<'_>| {
            Ok(AccountView {
                id: r.get(0)?,
                account_no_masked: mask::account_number(&r.get::<_, String>(1)?),
                commission_rate: Rate(r.get(2)?),
                waive_minimum: r.get(3)?,
                cash: Fen(r.get(4)?),
                opened_on: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn contacts_of(&self, client_id: &str) -> Result<Vec<ContactNoteView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, channel, summary, contacted_at, follow_up_on, pending FROM contact_notes \
             WHERE client_id = ?1 ORDER BY contacted_at DESC, id LIMIT 100",
        )?;
        let rows = stmt.query_map([client_id], |r: &Row<'_>| {
            Ok(ContactNoteView {
                id: r.get(0)?,
                channel: r.get(1)?,
                summary: r.get(2)?,
                contacted_at: r.get(3)?,
                follow_up_on: r.get(4)?,
                pending: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn holdings_of(&self, client_id: &str) -> Result<Vec<HoldingView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT security_code, security_name, quantity, cost, market_value FROM holdings \
             WHERE client_id = ?1 ORDER BY market_value DESC",
        )?;
        let rows = stmt.query_map([client_id], |r: &Row<'_>| {
            let code: String = r.get(0)?;
            let cost = Fen(r.get(3)?);
            let market_value = Fen(r.get(4)?);
            Ok(HoldingView {
                asset_class: AssetClass::of_stored(&code),
                security_code: code,
                security_name: r.get(1)?,
                quantity: r.get(2)?,
                cost,
                market_value,
                profit: market_value - cost,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn asset_months_of(&self, client_id: &str) -> Result<Vec<AssetMonthView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT month, total_assets FROM (SELECT month, total_assets FROM asset_months \
             WHERE client_id = ?1 ORDER BY month DESC LIMIT 24) ORDER BY month",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            Ok(AssetMonthView {
                month: r.get(0)?,
                total_assets: Fen(r.get(1)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn trades_of(&self, client_id: &str) -> Result<Vec<TradeView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, traded_at, security_code, side, quantity, price_li, amount, commission, \
             handling_fee, regulatory_fee, transfer_fee, stamp_duty, net_commission FROM trades \
             WHERE client_id = ?1 ORDER BY traded_at DESC, id LIMIT 50",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            Ok(TradeView {
                id: r.get(0)?,
                traded_at: r.get(1)?,
                security_code: r.get(2)?,
                side: parsed(r, 3, side)?,
                quantity: r.get(4)?,
                price_li: r.get(5)?,
                amount: Fen(r.get(6)?),
                commission: Fen(r.get(7)?),
                handling_fee: Fen(r.get(8)?),
                regulatory_fee: Fen(r.get(9)?),
                transfer_fee: Fen(r.get(10)?),
                stamp_duty: Fen(r.get(11)?),
                net_commission: Fen(r.get(12)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn cash_transfers_of(&self, client_id: &str) -> Result<Vec<CashTransferView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, transferred_at, direction, amount FROM cash_transfers WHERE client_id = ?1 \
             ORDER BY transferred_at DESC, id LIMIT 50",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            Ok(CashTransferView {
                id: r.get(0)?,
                transferred_at: r.get(1)?,
                direction: parsed(r, 2, TransferDirection::parse)?,
                amount: Fen(r.get(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn cash_flow(&self, client_id: &str, today: NaiveDate) -> Result<CashFlowSummary> {
        let since = today.checked_sub_months(Months::new(12)).unwrap_or(today);
        let (inflow, outflow): (i64, i64) = self.conn().query_row(
            "SELECT coalesce(sum(CASE WHEN direction = 'in' THEN amount END), 0), \
             coalesce(sum(CASE WHEN direction = 'out' THEN amount END), 0) \
             FROM cash_transfers WHERE client_id = ?1 AND transferred_at >= ?2",
            params![client_id, since.format("%Y-%m-%d").to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(CashFlowSummary {
            transferred_in: Fen(inflow),
            transferred_out: Fen(outflow),
        })
    }

    /// The client's complaints and return visits, newest first.
    pub fn service_cases(&self, client_id: &str) -> Result<Vec<ServiceCaseView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, kind, opened_on, due_on, closed_on, summary, outcome, category, channel, \
             client_asks, case_no, status, handler, history, pending, satisfaction, client_words \
             FROM service_cases \
             WHERE client_id = ?1 ORDER BY opened_on DESC, id",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            let category: Option<String> = r.get(7)?;
            let channel: Option<String> = r.get(8)?;
            let history: String = r.get(13)?;
            Ok(ServiceCaseView {
                id: r.get(0)?,
                kind: parsed(r, 1, ServiceCaseKind::parse)?,
                opened_on: r.get(2)?,
                due_on: r.get(3)?,
                closed_on: r.get(4)?,
                summary: r.get(5)?,
                outcome: r.get(6)?,
                category: category
                    .as_deref()
                    .and_then(domain::ComplaintCategory::parse),
                channel: channel.as_deref().and_then(protocol::ContactChannel::parse),
                client_asks: r.get(9)?,
                case_no: r.get(10)?,
                status: parsed(r, 11, domain::CaseStatus::parse)?,
                handler: r.get(12)?,
                history: serde_json::from_str(&history).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        13,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?,
                pending: r.get(14)?,
                satisfaction: r.get(15)?,
                client_words: r.get(16)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn relations_of(&self, client_id: &str) -> Result<Vec<RelationView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.related_client_id, l.related_name, l.kind, l.label, \
             EXISTS (SELECT 1 FROM clients c WHERE c.id = l.related_client_id) \
             FROM client_relations l WHERE l.client_id = ?1 ORDER BY l.kind, l.related_name",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            Ok(RelationView {
                related_client_id: r.get(0)?,
                related_name: r.get(1)?,
                kind: parsed(r, 2, RelationKind::parse)?,
                label: r.get(3)?,
                in_book: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// Market value by asset class plus the accounts' cash, largest first.
fn allocation(holdings: &[HoldingView], accounts: &[AccountView]) -> Vec<AllocationSlice> {
    let mut by_class: BTreeMap<AssetClass, Fen> = BTreeMap::new();
    for h in holdings {
        *by_class.entry(h.asset_class).or_insert(Fen::ZERO) += h.market_value;
    }
    let cash = accounts.iter().fold(Fen::ZERO, |sum, a| sum + a.cash);
    if cash > Fen::ZERO {
        *by_class.entry(AssetClass::Cash).or_insert(Fen::ZERO) += cash;
    }
    let mut slices: Vec<AllocationSlice> = by_class
        .into_iter()
        .filter(|(_, v)| *v > Fen::ZERO)
        .map(|(asset_class, value)| AllocationSlice { asset_class, value })
        .collect();
    slices.sort_by_key(|s| std::cmp::Reverse(s.value));
    slices
}
