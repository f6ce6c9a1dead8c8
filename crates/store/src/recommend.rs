//! The library and pushing from it: which items may be pushed today, the suitability check of every
//! recipient, and the push itself, archived exactly as sent and queued in the outbox in one
//! transaction. The gate is `domain::suitability_check`; a blocked recipient cannot be sent to.

use crate::error::{Result, StoreError};
use crate::outbox::enqueue;
use crate::queries::tier;
use crate::{ClientQuery, Store, WriteIds};
use chrono::{DateTime, NaiveDate, Utc};
use domain::recommendation::{cover_message, decide, RecipientDecision};
use domain::suitability_check::{check, SuitabilityProfile, Verdict};
use domain::{IdNumber, InvestorClass, ProductRisk, RiskLevel, TargetInvestors, Tier};
use protocol::{
    ApprovalState, Mutation, MutationOp, ProductKind, ProductRecord, PushRecipient,
    RecommendationPush,
};
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A library item as the panel shows it: the item as head office sent it, and whether it may be
/// pushed today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductView {
    #[serde(flatten)]
    #[ts(flatten)]
    pub item: ProductRecord,
    /// Approved and within its validity today.
    pub pushable: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ProductQuery {
    /// Title, summary, security code or author.
    pub search: Option<String>,
    pub kinds: Vec<ProductKind>,
    pub risks: Vec<ProductRisk>,
    pub pushable_only: bool,
}

/// Who a push is for: clients picked by hand, and/or everyone matching a filter of the book.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RecipientSelection {
    pub client_ids: Vec<String>,
    pub query: Option<ClientQuery>,
}

/// One recipient with the gate's verdict for the chosen item.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecipientCheck {
    pub client_id: String,
    pub name: String,
    pub tier: Tier,
    pub investor_class: InvestorClass,
    pub risk_level: Option<RiskLevel>,
    pub assessment_expires_on: Option<NaiveDate>,
    pub lowest_category: bool,
    pub age: Option<u32>,
    pub verdict: Verdict,
    /// Why it may not go as it stands, in Chinese; none when allowed.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecipientChecks {
    pub product: ProductView,
    pub checks: Vec<RecipientCheck>,
    pub allowed: u32,
    pub needs_confirmation: u32,
    pub blocked: u32,
}

/// A push as the broker sends it: only allowed recipients, and elderly ones confirmed by name.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PushDraft {
    pub product_id: String,
    pub cover_message: String,
    pub client_ids: Vec<String>,
    pub elderly_confirmed: Vec<String>,
}

const PRODUCT_COLUMNS: &str = "id, product_kind, title, summary, risk, version, approval, \
    valid_from, valid_until, security_code, author, approval_ref, body, target_investors";

fn corrupt(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value}").into(),
    )
}

pub(crate) fn product_record(r: &Row<'_>) -> rusqlite::Result<ProductRecord> {
    let kind: String = r.get(1)?;
    let risk: String = r.get(4)?;
    let approval: String = r.get(6)?;
    let target: String = r.get(13)?;
    Ok(ProductRecord {
        id: r.get(0)?,
        product_kind: ProductKind::parse(&kind).ok_or_else(|| corrupt("product kind", &kind))?,
        title: r.get(2)?,
        summary: r.get(3)?,
        risk: ProductRisk::from_code(&risk).ok_or_else(|| corrupt("risk", &risk))?,
        target_investors: TargetInvestors::from_code(&target)
            .ok_or_else(|| corrupt("target investors", &target))?,
        version: r.get(5)?,
        approval: ApprovalState::parse(&approval).ok_or_else(|| corrupt("approval", &approval))?,
        valid_from: r.get(7)?,
        valid_until: r.get(8)?,
        security_code: r.get(9)?,
        author: r.get(10)?,
        approval_ref: r.get(11)?,
        body: r.get(12)?,
    })
}

pub(crate) fn view(item: ProductRecord, today: NaiveDate) -> ProductView {
    ProductView {
        pushable: item.pushable_on(today),
        item,
    }
}

impl Store {
    /// The library, newest first, filtered. A withdrawn item is not in it: once compliance has
    /// withdrawn it, the broker should not find it at all; pushes already sent keep their copy.
    pub fn products(&self, query: &ProductQuery, today: NaiveDate) -> Result<Vec<ProductView>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {PRODUCT_COLUMNS} FROM products WHERE approval <> 'withdrawn' \
             ORDER BY valid_from DESC, id"
        ))?;
        let search = query
            .search
            .as_deref()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty());
        let records = stmt
            .query_map([], product_record)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(records
            .into_iter()
            .map(|p| view(p, today))
            .filter(|p| query.kinds.is_empty() || query.kinds.contains(&p.item.product_kind))
            .filter(|p| query.risks.is_empty() || query.risks.contains(&p.item.risk))
            .filter(|p| !query.pushable_only || p.pushable)
            .filter(|p| {
                search.as_deref().is_none_or(|s| {
                    let i = &p.item;
                    [&i.title, &i.summary, &i.author]
                        .into_iter()
                        .chain(i.security_code.as_ref())
                        .any(|f| f.to_lowercase().contains(s))
                })
            })
            .collect())
    }

    pub(crate) fn product(&self, id: &str) -> Result<ProductRecord> {
        self.conn()
            .query_row(
                &format!("SELECT {PRODUCT_COLUMNS} FROM products WHERE id = ?1"),
                [id],
                product_record,
            )
            .optional()?
            .ok_or_else(|| StoreError::Invalid(format!("资料库中没有编号为 {id} 的资料，请先同步")))
    }

    /// Every client the selection names, once, in the order picked then filtered (a push and an
    /// event invitation each cap how many).
    pub(crate) fn selected_clients(
        &self,
        selection: &RecipientSelection,
        today: NaiveDate,
    ) -> Result<Vec<String>> {
        let mut ids: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for id in &selection.client_ids {
            if seen.insert(id.clone()) {
                ids.push(id.clone());
            }
        }
        if let Some(query) = &selection.query {
            Store::check_query(query)?;
            let policy = self.firm_policy()?;
            let w = crate::client_list::conditions(query, today, &policy);
            let sql = format!(
                "SELECT c.id {} WHERE {} ORDER BY c.total_assets DESC, c.id",
                crate::client_list::FROM_LIST,
                w.sql()
            );
            let mut stmt = self.conn().prepare(&sql)?;
            let found = stmt
                .query_map(params_from_iter(w.values.iter()), |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for id in found {
                if seen.insert(id.clone()) {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }

    /// One client as the gate sees them, or `None` if not in the book.
    fn recipient(
        &self,
        client_id: &str,
        product: &ProductRecord,
        today: NaiveDate,
        policy: &domain::FirmPolicy,
    ) -> Result<Option<RecipientCheck>> {
        let row = self
            .conn()
            .prepare_cached(
                "SELECT c.name, c.tier, c.investor_class, c.id_number, r.level, r.expires_on, \
                 coalesce(r.lowest_category, 0) FROM clients c LEFT JOIN risk_assessments r \
                 ON r.id = (SELECT id FROM risk_assessments WHERE client_id = c.id \
                            ORDER BY assessed_on DESC LIMIT 1) \
                 WHERE c.id = ?1",
            )?
            .query_row([client_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<NaiveDate>>(5)?,
                    r.get::<_, bool>(6)?,
                ))
            })
            .optional()?;
        let Some((name, tier_code, class, id_number, level, expires, lowest)) = row else {
            return Ok(None);
        };
        let risk_level = crate::queries::risk(level)?;
        let investor_class = InvestorClass::from_code(&class).unwrap_or(InvestorClass::Ordinary);
        let age = IdNumber::parse(&id_number, today)
            .ok()
            .map(|id| id.age_on(today));
        let profile = SuitabilityProfile {
            investor_class,
            assessment: risk_level.zip(expires),
            lowest_category: lowest,
            age,
        };
        let verdict = check(
            &profile,
            product.risk,
            product.target_investors,
            today,
            policy,
        );
        let reason = match decide(&verdict, false) {
            RecipientDecision::Send => None,
            RecipientDecision::Withhold(why) => Some(why),
        };
        Ok(Some(RecipientCheck {
            client_id: client_id.to_string(),
            name,
            tier: tier(&tier_code)?,
            investor_class,
            risk_level,
            assessment_expires_on: expires,
            lowest_category: lowest,
            age,
            verdict,
            reason,
        }))
    }

    /// The gate for every selected client: allowed, needs a confirmation, or blocked and why.
    pub fn check_recipients(
        &self,
        product_id: &str,
        selection: &RecipientSelection,
        today: NaiveDate,
    ) -> Result<RecipientChecks> {
        let product = self.product(product_id)?;
        let policy = self.firm_policy()?;
        let mut checks = Vec::new();
        let selected = self.selected_clients(selection, today)?;
        if selected.len() > RecommendationPush::MAX_RECIPIENTS {
            return Err(StoreError::Invalid(format!(
                "所选客户共 {} 位，一次最多推送 {} 位，请缩小筛选范围或分批推送",
                selected.len(),
                RecommendationPush::MAX_RECIPIENTS
            )));
        }
        for id in selected {
            let found = self.recipient(&id, &product, today, &policy)?;
            checks.push(
                found
                    .ok_or_else(|| StoreError::Invalid(format!("客户 {id} 不在您的客户名单中")))?,
            );
        }
        let count =
            |f: fn(&Verdict) -> bool| checks.iter().filter(|c| f(&c.verdict)).count() as u32;
        Ok(RecipientChecks {
            allowed: count(|v| *v == Verdict::Allowed),
            needs_confirmation: count(|v| *v == Verdict::NeedsConfirmation),
            blocked: count(|v| matches!(v, Verdict::Blocked { .. })),
            product: view(product, today),
            checks,
        })
    }

    /// Archives the push exactly as sent and queues it, in one transaction. Refused whole if any
    /// recipient is blocked or an elderly one is unconfirmed: the desk never sends what its own
    /// gate does not allow, and head office checks again.
    pub fn send_recommendation(
        &mut self,
        ids: WriteIds,
        draft: &PushDraft,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<String> {
        let message =
            cover_message(&draft.cover_message).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let product = self.product(&draft.product_id)?;
        if !product.pushable_on(today) {
            return Err(StoreError::Invalid(format!(
                "《{}》已撤回或不在有效期内，不能推送",
                product.title
            )));
        }
        if draft.client_ids.is_empty() {
            return Err(StoreError::Invalid("请至少选择一位可推送的客户".into()));
        }
        let selection = RecipientSelection {
            client_ids: draft.client_ids.clone(),
            query: None,
        };
        let checks = self.check_recipients(&draft.product_id, &selection, today)?;
        let mut withheld = Vec::new();
        let mut recipients = Vec::new();
        for c in &checks.checks {
            let confirmed = draft.elderly_confirmed.contains(&c.client_id);
            match decide(&c.verdict, confirmed) {
                RecipientDecision::Send => recipients.push(PushRecipient {
                    client_id: c.client_id.clone(),
                    desk_verdict: c.verdict.clone(),
                    elderly_confirmed: confirmed && c.verdict == Verdict::NeedsConfirmation,
                }),
                RecipientDecision::Withhold(why) => withheld.push(format!("{}（{why}）", c.name)),
            }
        }
        if !withheld.is_empty() {
            let shown: Vec<&str> = withheld.iter().take(3).map(String::as_str).collect();
            return Err(StoreError::Invalid(format!(
                "{} 位客户不能接收本次推送，请移出名单后再发送：{}{}",
                withheld.len(),
                shown.join("；"),
                if withheld.len() > 3 { " 等" } else { "" }
            )));
        }
        let push = RecommendationPush {
            id: ids.record_id,
            product_id: product.id.clone(),
            product_version: product.version,
            cover_message: message,
            recipients,
            sent_at: now,
        };
        let snapshot = serde_json::to_string(&product)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO recommendation_pushes (id, product_id, product_snapshot, cover_message, sent_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![push.id, push.product_id, snapshot, push.cover_message, push.sent_at],
        )?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO push_recipients (push_id, client_id, client_name, desk_verdict, \
                 elderly_confirmed) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (r, c) in push.recipients.iter().zip(&checks.checks) {
                stmt.execute(params![
                    push.id,
                    r.client_id,
                    c.name,
                    serde_json::to_string(&r.desk_verdict)?,
                    r.elderly_confirmed
                ])?;
            }
        }
        let id = push.id.clone();
        enqueue(
            &tx,
            &Mutation {
                id: ids.mutation_id,
                made_at: now,
                op: MutationOp::SendRecommendation(push),
            },
        )?;
        tx.commit()?;
        Ok(id)
    }
}
