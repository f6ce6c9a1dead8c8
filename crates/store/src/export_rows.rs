//! The rows of an export: the whole filtered list, not one page, masked unless the broker stated a
//! reason to export in clear (the caller has written the audit entry by then).

use crate::client_list::{conditions, order_by, ClientQuery};
use crate::error::Result;
use crate::queries::{risk, tier};
use crate::Store;
use chrono::{DateTime, NaiveDate, Utc};
use domain::{mask, Fen, RiskLevel, Tier};
use rusqlite::params_from_iter;

/// One client as a line of the exported file.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    pub id: String,
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    pub account_nos: String,
    pub tier: Tier,
    pub risk_level: Option<RiskLevel>,
    pub assessment_expires_on: Option<NaiveDate>,
    pub total_assets: Fen,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
}

type Raw = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<NaiveDate>,
    i64,
    Option<DateTime<Utc>>,
    String,
);

impl Store {
    pub fn export_rows(
        &self,
        query: &ClientQuery,
        today: NaiveDate,
        in_clear: bool,
    ) -> Result<Vec<ExportRow>> {
        Store::check_query(query)?;
        let policy = self.firm_policy()?;
        let w = conditions(query, today, &policy);
        let sql = format!(
            "SELECT c.id, c.name, c.id_number, c.mobile, coalesce(f.account_nos, ''), c.tier, \
             f.risk_level, f.risk_expires_on, c.total_assets, c.last_contact_at, c.tags \
             {} WHERE {} ORDER BY {}",
            crate::client_list::FROM_LIST,
            w.sql(),
            order_by(&query.sort, !w.clauses.is_empty())
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let raw: Vec<Raw> = stmt
            .query_map(params_from_iter(w.values.iter()), |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        raw.into_iter()
            .map(
                |(
                    id,
                    name,
                    id_number,
                    mobile,
                    accounts,
                    t,
                    level,
                    expires,
                    assets,
                    contact,
                    tags,
                )| {
                    let (id_number, mobile, account_nos) = if in_clear {
                        (id_number, mobile, accounts)
                    } else {
                        let masked: Vec<String> = accounts
                            .split_whitespace()
                            .map(mask::account_number)
                            .collect();
                        (
                            mask::id_number(&id_number),
                            mask::mobile(&mobile),
                            masked.join(" "),
                        )
                    };
                    Ok(ExportRow {
                        id,
                        name,
                        id_number,
                        mobile,
                        account_nos,
                        tier: tier(&t)?,
                        risk_level: risk(level)?,
                        assessment_expires_on: expires,
                        total_assets: Fen(assets),
                        last_contact_at: contact,
                        tags: serde_json::from_str(&tags)?,
                    })
                },
            )
            .collect()
    }
}
