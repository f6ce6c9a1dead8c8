//! The queries behind the client panel. Every view is masked here: personal data leaves the store
//! only in the form the window may show.

use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{DateTime, NaiveDate, Utc};
use domain::{mask, Fen, InvestorClass, Rate, RiskLevel, Tier};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ClientQuery {
    /// Matches the name, the client number, the account number or the tail of the mobile number.
    pub search: Option<String>,
    #[ts(type = "number")]
    pub offset: u32,
    #[ts(type = "number")]
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClientRow {
    pub id: String,
    pub name: String,
    pub tier: Tier,
    pub risk_level: Option<RiskLevel>,
    pub assessment_expires_on: Option<NaiveDate>,
    pub total_assets: Fen,
    pub last_contact_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClientPage {
    /// Clients matching the query in the whole book, not just this page.
    #[ts(type = "number")]
    pub total: u64,
    pub rows: Vec<ClientRow>,
}

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
pub struct ClientProfile {
    pub id: String,
    pub name: String,
    pub id_number_masked: String,
    pub mobile_masked: String,
    pub investor_class: InvestorClass,
    pub tier: Tier,
    pub total_assets: Fen,
    pub opened_on: NaiveDate,
    pub serving_broker_id: String,
    pub developing_broker_id: String,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub risk_level: Option<RiskLevel>,
    pub assessed_on: Option<NaiveDate>,
    pub assessment_expires_on: Option<NaiveDate>,
    pub accounts: Vec<AccountView>,
    pub holdings: Vec<HoldingView>,
    /// Newest first, at most the latest 100.
    pub contacts: Vec<ContactNoteView>,
    pub preferences: crate::PreferencesView,
}

const LATEST_RISK: &str = "(SELECT level FROM risk_assessments r WHERE r.client_id = c.id \
    ORDER BY assessed_on DESC LIMIT 1)";
const LATEST_EXPIRY: &str = "(SELECT expires_on FROM risk_assessments r WHERE r.client_id = c.id \
    ORDER BY assessed_on DESC LIMIT 1)";

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value}"))
}

fn tier(code: &str) -> Result<Tier> {
    Tier::from_code(code).ok_or_else(|| corrupt("tier", code))
}

fn risk(code: Option<String>) -> Result<Option<RiskLevel>> {
    code.map(|c| RiskLevel::from_code(&c).ok_or_else(|| corrupt("risk level", &c)))
        .transpose()
}

/// `LIKE` pattern for text typed by a broker: `%` and `_` are matched literally.
fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

impl Store {
    pub fn list_clients(&self, query: &ClientQuery) -> Result<ClientPage> {
        let search = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let pattern = search.map(like_escaped);
        let filter = "(?1 IS NULL \
            OR c.name LIKE '%' || ?1 || '%' ESCAPE '\\' \
            OR c.id LIKE ?1 || '%' ESCAPE '\\' \
            OR c.mobile LIKE '%' || ?1 ESCAPE '\\' \
            OR EXISTS (SELECT 1 FROM accounts a WHERE a.client_id = c.id AND a.account_no LIKE '%' || ?1 || '%' ESCAPE '\\'))";
        let total: i64 = self.conn().query_row(
            &format!("SELECT count(*) FROM clients c WHERE {filter}"),
            params![pattern],
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT c.id, c.name, c.tier, {LATEST_RISK}, {LATEST_EXPIRY}, c.total_assets, c.last_contact_at \
             FROM clients c WHERE {filter} ORDER BY c.total_assets DESC, c.id LIMIT ?2 OFFSET ?3"
        );
        let limit = query.limit.clamp(1, 500);
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let raw = stmt
            .query_map(params![pattern, limit, query.offset], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<NaiveDate>>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, Option<DateTime<Utc>>>(6)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let rows = raw
            .into_iter()
            .map(|(id, name, t, level, expires, assets, contact)| {
                Ok(ClientRow {
                    id,
                    name,
                    tier: tier(&t)?,
                    risk_level: risk(level)?,
                    assessment_expires_on: expires,
                    total_assets: Fen(assets),
                    last_contact_at: contact,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ClientPage {
            total: total.unsigned_abs(),
            rows,
        })
    }

    pub fn client_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?;
        Ok(n.unsigned_abs())
    }

    pub fn client_profile(&self, client_id: &str) -> Result<Option<ClientProfile>> {
        let head = self
            .conn()
            .query_row(
                "SELECT id, name, id_number, mobile, investor_class, tier, total_assets, opened_on, \
                 serving_broker_id, developing_broker_id, last_contact_at FROM clients WHERE id = ?1",
                [client_id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, i64>(6)?,
                        r.get::<_, NaiveDate>(7)?,
                        r.get::<_, String>(8)?,
                        r.get::<_, String>(9)?,
                        r.get::<_, Option<DateTime<Utc>>>(10)?,
                    ))
                },
            )
            .optional()?;
        let Some((
            id,
            name,
            id_number,
            mobile,
            class,
            t,
            assets,
            opened_on,
            serving,
            developing,
            contact,
        )) = head
        else {
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
        Ok(Some(ClientProfile {
            id,
            name,
            id_number_masked: mask::id_number(&id_number),
            mobile_masked: mask::mobile(&mobile),
            investor_class: InvestorClass::from_code(&class)
                .ok_or_else(|| corrupt("investor class", &class))?,
            tier: tier(&t)?,
            total_assets: Fen(assets),
            opened_on,
            serving_broker_id: serving,
            developing_broker_id: developing,
            last_contact_at: contact,
            risk_level: level,
            assessed_on,
            assessment_expires_on: expires_on,
            accounts: self.accounts_of(client_id)?,
            holdings: self.holdings_of(client_id)?,
            contacts: self.contacts_of(client_id)?,
            preferences: self.preferences(client_id)?,
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
            let cost = Fen(r.get(3)?);
            let market_value = Fen(r.get(4)?);
            Ok(HoldingView {
                security_code: r.get(0)?,
                security_name: r.get(1)?,
                quantity: r.get(2)?,
                cost,
                market_value,
                profit: market_value - cost,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
