//! The client list: search by name, pinyin, initials, account number or phone tail; filters by
//! tier, risk level, assessment, assets, tag, contact and dormancy; any sort. Each row is masked.

use crate::error::{Result, StoreError};
use crate::queries::{risk, tier};
use crate::Store;
use chrono::{DateTime, Days, NaiveDate, Utc};
use domain::needs::{InvestmentGoal, InvestmentHorizon, ProductInterest};
use domain::{mask, AssessmentStatus, Fen, FirmPolicy, RiskLevel, Tier};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ClientSortField {
    #[default]
    TotalAssets,
    /// In pinyin order, the way Chinese name lists are read.
    Name,
    LastContact,
    AssessmentExpiry,
    OpenedOn,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientSort {
    pub field: ClientSortField,
    pub descending: bool,
}

impl Default for ClientSort {
    /// The biggest clients first: where a broker's day starts.
    fn default() -> Self {
        ClientSort {
            field: ClientSortField::TotalAssets,
            descending: true,
        }
    }
}

/// What the broker asked the list for. Saved filters store it as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientQuery {
    /// Name or part of it, full pinyin or initials, client number, account number, phone tail.
    pub search: Option<String>,
    pub tiers: Vec<Tier>,
    pub risk_levels: Vec<RiskLevel>,
    pub assessment: Vec<AssessmentStatus>,
    pub assets_min: Option<Fen>,
    pub assets_max: Option<Fen>,
    pub tag: Option<String>,
    /// Contacted within this many days.
    pub contacted_within_days: Option<u32>,
    /// Not contacted for at least this many days (or never).
    pub not_contacted_days: Option<u32>,
    /// No trade and no contact for the firm's dormancy period.
    pub dormant_only: bool,
    /// Holds this security (`600519` or `600519.SH`) in any account.
    #[serde(default)]
    #[ts(optional)]
    pub holds_security: Option<String>,
    /// 投资目标 is one of these (needs analysis).
    #[serde(default)]
    #[ts(optional)]
    pub goals: Option<Vec<InvestmentGoal>>,
    /// 投资期限 is this band or a longer one: "three years or more".
    #[serde(default)]
    #[ts(optional)]
    pub horizon_at_least: Option<InvestmentHorizon>,
    /// Named this product among those of interest.
    #[serde(default)]
    #[ts(optional)]
    pub interested_in: Option<ProductInterest>,
    pub sort: ClientSort,
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
    pub mobile_masked: String,
    pub tier: Tier,
    pub risk_level: Option<RiskLevel>,
    pub assessment_expires_on: Option<NaiveDate>,
    pub assessment_status: AssessmentStatus,
    pub total_assets: Fen,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClientPage {
    /// Clients matching the query in the whole book, not just this page.
    #[ts(type = "number")]
    pub total: u64,
    pub rows: Vec<ClientRow>,
}

/// Every client has its facts row (written with the client), so an inner join loses nobody and
/// lets SQLite start from the narrow facts table when the search is on it.
pub(crate) const FROM_LIST: &str = "FROM client_facts f JOIN clients c ON c.id = f.client_id";

/// The largest page the window may ask for; the table is virtual and asks for more as it scrolls.
pub const MAX_PAGE: u32 = 1_000;

/// `LIKE` pattern for text typed by a broker: `%` and `_` are matched literally.
pub(crate) fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// A WHERE clause built up with its parameters in order.
#[derive(Default)]
pub(crate) struct Conditions {
    pub(crate) clauses: Vec<String>,
    pub(crate) values: Vec<Value>,
}

impl Conditions {
    fn add(&mut self, clause: impl Into<String>, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.into());
        self.values.extend(values);
    }

    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".to_string()
        } else {
            self.clauses.join(" AND ")
        }
    }
}

fn text(v: impl Into<String>) -> Value {
    Value::Text(v.into())
}

fn day_text(day: NaiveDate) -> Value {
    text(day.format("%Y-%m-%d").to_string())
}

fn days_before(today: NaiveDate, days: u32) -> NaiveDate {
    today
        .checked_sub_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn search_condition(w: &mut Conditions, search: &str) {
    let lower = search.to_lowercase();
    let pattern = like_escaped(&lower);
    if lower.bytes().all(|b| b.is_ascii_lowercase()) {
        w.add(
            "(f.name_pinyin LIKE '%' || ? || '%' ESCAPE '\\' OR f.name_initials LIKE ? || '%' ESCAPE '\\')",
            [text(pattern.clone()), text(pattern)],
        );
    } else if lower.bytes().all(|b| b.is_ascii_digit()) {
        w.add(
            "(f.mobile LIKE '%' || ? ESCAPE '\\' OR f.account_nos LIKE '%' || ? || '%' ESCAPE '\\' \
             OR f.client_id LIKE '%' || ? ESCAPE '\\')",
            [text(pattern.clone()), text(pattern.clone()), text(pattern)],
        );
    } else {
        w.add(
            "(f.name LIKE '%' || ? || '%' ESCAPE '\\' OR lower(f.client_id) LIKE ? || '%' ESCAPE '\\')",
            [text(pattern.clone()), text(pattern)],
        );
    }
}

fn assessment_condition(
    w: &mut Conditions,
    wanted: &[AssessmentStatus],
    today: NaiveDate,
    policy: &FirmPolicy,
) {
    if wanted.is_empty() {
        return;
    }
    let warn_until = today
        .checked_add_days(Days::new(u64::from(policy.assessment_warn_days)))
        .unwrap_or(NaiveDate::MAX);
    let mut parts = Vec::new();
    let mut values = Vec::new();
    for status in wanted {
        match status {
            AssessmentStatus::Missing => parts.push("f.risk_expires_on IS NULL".to_string()),
            AssessmentStatus::Expired => {
                parts.push("f.risk_expires_on <= ?".into());
                values.push(day_text(today));
            }
            AssessmentStatus::Expiring => {
                parts.push("(f.risk_expires_on > ? AND f.risk_expires_on <= ?)".into());
                values.extend([day_text(today), day_text(warn_until)]);
            }
            AssessmentStatus::Valid => {
                parts.push("f.risk_expires_on > ?".into());
                values.push(day_text(warn_until));
            }
        }
    }
    w.add(format!("({})", parts.join(" OR ")), values);
}

pub(crate) fn conditions(query: &ClientQuery, today: NaiveDate, policy: &FirmPolicy) -> Conditions {
    let mut w = Conditions::default();
    if let Some(search) = query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        search_condition(&mut w, search);
    }
    let list = |items: Vec<&'static str>| vec!["?"; items.len()].join(", ");
    if !query.tiers.is_empty() {
        let codes: Vec<&'static str> = query.tiers.iter().map(|t| t.code()).collect();
        w.add(
            format!("c.tier IN ({})", list(codes.clone())),
            codes.into_iter().map(text),
        );
    }
    if !query.risk_levels.is_empty() {
        let codes: Vec<&'static str> = query.risk_levels.iter().map(|l| l.code()).collect();
        w.add(
            format!("f.risk_level IN ({})", list(codes.clone())),
            codes.into_iter().map(text),
        );
    }
    assessment_condition(&mut w, &query.assessment, today, policy);
    if let Some(min) = query.assets_min {
        w.add("c.total_assets >= ?", [Value::Integer(min.0)]);
    }
    if let Some(max) = query.assets_max {
        w.add("c.total_assets <= ?", [Value::Integer(max.0)]);
    }
    if let Some(tag) = query.tag.as_deref().filter(|t| !t.is_empty()) {
        w.add(
            "EXISTS (SELECT 1 FROM json_each(c.tags) WHERE json_each.value = ?)",
            [text(tag)],
        );
    }
    if let Some(days) = query.contacted_within_days {
        w.add(
            "c.last_contact_at >= ?",
            [day_text(days_before(today, days))],
        );
    }
    if let Some(days) = query.not_contacted_days {
        w.add(
            "(c.last_contact_at IS NULL OR c.last_contact_at < ?)",
            [day_text(days_before(today, days))],
        );
    }
    if let Some(code) = query.holds_security.as_deref().map(str::trim) {
        if !code.is_empty() {
            // check_query has proved the code; normalised so `600519` finds `600519.SH`.
            let code =
                domain::SecurityCode::parse(code).map_or(code.to_string(), |c| c.to_string());
            w.add(
                "EXISTS (SELECT 1 FROM holdings h WHERE h.client_id = c.id AND h.security_code = ?)",
                [text(code)],
            );
        }
    }
    needs_conditions(&mut w, query);
    if query.dormant_only {
        let before = policy.dormant_before(today);
        w.add(
            "coalesce(c.last_contact_at, '') < ? AND coalesce(f.last_trade_at, '') < ?",
            [day_text(before), day_text(before)],
        );
    }
    w
}

/// The needs analysis answers live in the profile row, keyed by the client's id.
fn needs_conditions(w: &mut Conditions, query: &ClientQuery) {
    let profile =
        |condition: &str| format!("c.id IN (SELECT id FROM client_preferences WHERE {condition})");
    let any_of = |column: &str, codes: Vec<&'static str>| {
        let marks = vec!["?"; codes.len()].join(", ");
        (
            profile(&format!("{column} IN ({marks})")),
            codes.into_iter().map(text).collect::<Vec<_>>(),
        )
    };
    if let Some(goals) = query.goals.as_ref().filter(|g| !g.is_empty()) {
        let (clause, values) = any_of("investment_goal", goals.iter().map(|g| g.code()).collect());
        w.add(clause, values);
    }
    if let Some(least) = query.horizon_at_least {
        let (clause, values) = any_of(
            "horizon",
            least.at_least().iter().map(|h| h.code()).collect(),
        );
        w.add(clause, values);
    }
    if let Some(product) = query.interested_in {
        w.add(
            profile("',' || products_of_interest || ',' LIKE '%,' || ? || ',%'"),
            [text(product.code())],
        );
    }
}

/// `narrowed`: the query has conditions. Then walking a whole index in sort order, testing each
/// row, costs more than finding the few matches by scanning and sorting them, so the index is
/// kept out of the plan (a unary `+` makes the column ineligible).
pub(crate) fn order_by(sort: &ClientSort, narrowed: bool) -> String {
    let column = match sort.field {
        ClientSortField::TotalAssets => "c.total_assets",
        ClientSortField::Name => "c.name_pinyin",
        ClientSortField::LastContact => "c.last_contact_at",
        ClientSortField::AssessmentExpiry => "f.risk_expires_on",
        ClientSortField::OpenedOn => "c.opened_on",
    };
    let column = if narrowed {
        format!("+{column}")
    } else {
        column.to_string()
    };
    let direction = if sort.descending { "DESC" } else { "ASC" };
    let nullable = matches!(
        sort.field,
        ClientSortField::LastContact | ClientSortField::AssessmentExpiry
    );
    if nullable {
        // Rows without a value go last whichever way the column is sorted.
        format!("{column} IS NULL, {column} {direction}, c.id")
    } else {
        // Bare, so the index on the column can serve the first page without sorting the book.
        format!("{column} {direction}, c.id {direction}")
    }
}

type RawRow = (
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
    pub fn list_clients(&self, query: &ClientQuery, today: NaiveDate) -> Result<ClientPage> {
        Store::check_query(query)?;
        let policy = self.firm_policy()?;
        let w = conditions(query, today, &policy);
        let from = FROM_LIST;
        let total: i64 = if w.clauses.is_empty() {
            self.conn()
                .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?
        } else {
            self.conn().query_row(
                &format!("SELECT count(*) {from} WHERE {}", w.sql()),
                params_from_iter(w.values.iter()),
                |r| r.get(0),
            )?
        };
        let sql = format!(
            "SELECT c.id, c.name, c.mobile, c.tier, f.risk_level, f.risk_expires_on, c.total_assets, \
             c.last_contact_at, c.tags {from} WHERE {} ORDER BY {} LIMIT {} OFFSET {}",
            w.sql(),
            order_by(&query.sort, !w.clauses.is_empty()),
            query.limit.clamp(1, MAX_PAGE),
            query.offset
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let raw: Vec<RawRow> = stmt
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
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let rows = raw
            .into_iter()
            .map(
                |(id, name, mobile, t, level, expires, assets, contact, tags)| {
                    Ok(ClientRow {
                        id,
                        name,
                        mobile_masked: mask::mobile(&mobile),
                        tier: tier(&t)?,
                        risk_level: risk(level)?,
                        assessment_expires_on: expires,
                        assessment_status: policy.assessment_status(expires, today),
                        total_assets: Fen(assets),
                        last_contact_at: contact,
                        tags: serde_json::from_str(&tags)?,
                    })
                },
            )
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

    /// Every tag in the book with how many clients carry it, most common first.
    pub fn book_tags(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT j.value, count(*) FROM clients c, json_each(c.tags) j \
             GROUP BY j.value ORDER BY count(*) DESC, j.value",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.unsigned_abs())))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn check_query(query: &ClientQuery) -> Result<()> {
        if let (Some(min), Some(max)) = (query.assets_min, query.assets_max) {
            if min > max {
                return Err(StoreError::Invalid(
                    "资产下限不能高于上限，请调整资产范围".into(),
                ));
            }
        }
        if let Some(code) = query.holds_security.as_deref().map(str::trim) {
            if !code.is_empty() {
                domain::SecurityCode::parse(code)
                    .map_err(|e| StoreError::Invalid(format!("持仓证券代码有误：{e}")))?;
            }
        }
        Ok(())
    }
}
