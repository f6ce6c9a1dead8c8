//! Recommendation pushes at head office: the suitability gate run again on head office's own data
//! (the desk's verdict is archived, never trusted), the archive written exactly as received, and
//! one delivery row per recipient that the channel then moves along.

use super::books::book_served_by;
use super::policy::firm_policy;
use super::rows_library::{read_product, PUSH_DELIVERIES};
use crate::db::Db;
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use domain::recommendation::{cover_message, decide, RecipientDecision};
use domain::suitability_check::{check, SuitabilityProfile, Verdict};
use domain::{FirmPolicy, IdNumber, InvestorClass, RiskLevel};
use protocol::{
    DeliveryStatus, ErrorCode, MutationOutcome, ProductRecord, PushDeliveryRecord,
    RecommendationPush, Record,
};
use rusqlite::params;
use serde::Serialize;
use std::collections::HashSet;

/// Head office's finding for one recipient, archived beside the desk's.
#[derive(Debug, Serialize)]
struct HeadOfficeCheck {
    client_id: String,
    verdict: Verdict,
    status: DeliveryStatus,
    reason: Option<String>,
}

/// The suitability record kept for 20 years: what was received and what head office decided.
#[derive(Serialize)]
struct Archive<'a> {
    push: &'a RecommendationPush,
    product: &'a ProductRecord,
    checked_on: NaiveDate,
    head_office: &'a [HeadOfficeCheck],
}

pub(super) fn product(db: &Db<'_>, id: &str) -> Result<Option<ProductRecord>> {
    let t = &super::rows_library::PRODUCTS;
    let sql = format!("SELECT id, {} FROM products WHERE id = ?1", t.columns);
    let record = db.query_opt(&sql, params![id], read_product)?;
    Ok(record.and_then(|r| match r {
        Record::Product(p) => Some(p),
        _ => None,
    }))
}

/// What the gate needs to know about a client, from head office's own rows.
pub(super) fn suitability_profile(
    db: &Db<'_>,
    client_id: &str,
    today: NaiveDate,
) -> Result<Option<SuitabilityProfile>> {
    let client = db.query_opt(
        "SELECT investor_class, id_number FROM clients WHERE id = ?1",
        params![client_id],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
    )?;
    let Some((class, id_number)) = client else {
        return Ok(None);
    };
    let assessment = db.query_opt(
        "SELECT level, expires_on, lowest_category FROM risk_assessments WHERE client_id = ?1 \
         ORDER BY assessed_on DESC LIMIT 1",
        params![client_id],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, NaiveDate>(1)?,
                r.get::<_, bool>(2)?,
            ))
        },
    )?;
    let lowest_category = assessment.as_ref().is_some_and(|a| a.2);
    Ok(Some(SuitabilityProfile {
        // An unreadable class is treated as ordinary: the stricter reading.
        investor_class: InvestorClass::from_code(&class).unwrap_or(InvestorClass::Ordinary),
        assessment: assessment
            .and_then(|(level, expires, _)| RiskLevel::from_code(&level).map(|l| (l, expires))),
        lowest_category,
        age: IdNumber::parse(&id_number, today)
            .ok()
            .map(|id| id.age_on(today)),
    }))
}

/// Checks one recipient as head office sees them now.
fn check_recipient(
    db: &Db<'_>,
    broker: &str,
    product: &ProductRecord,
    client_id: &str,
    elderly_confirmed: bool,
    today: NaiveDate,
    policy: &FirmPolicy,
) -> Result<HeadOfficeCheck> {
    let mine = book_served_by(db, client_id, broker)?.is_some();
    let profile = if mine {
        suitability_profile(db, client_id, today)?
    } else {
        None
    };
    let Some(profile) = profile else {
        return Ok(HeadOfficeCheck {
            client_id: client_id.to_string(),
            verdict: Verdict::Blocked { reasons: vec![] },
            status: DeliveryStatus::Refused,
            reason: Some("该客户不在您的服务范围内".into()),
        });
    };
    let verdict = check(
        &profile,
        product.risk,
        product.target_investors,
        today,
        policy,
    );
    let (status, reason) = match decide(&verdict, elderly_confirmed) {
        RecipientDecision::Send => (DeliveryStatus::Queued, None),
        RecipientDecision::Withhold(why) => (
            DeliveryStatus::Refused,
            Some(format!("总部适当性复核未通过：{why}")),
        ),
    };
    Ok(HeadOfficeCheck {
        client_id: client_id.to_string(),
        verdict,
        status,
        reason,
    })
}

/// Accepts a push for the recipients head office finds suitable, refusing the others each with
/// its reason; a push with no suitable recipient at all is refused whole.
pub(super) fn accept(
    db: &Db<'_>,
    broker: &str,
    push: &RecommendationPush,
    now: DateTime<Utc>,
) -> Result<MutationOutcome> {
    let today = domain::clock::shanghai_date(now);
    if push.recipients.is_empty() {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "请至少选择一位客户",
        ));
    }
    if push.recipients.len() > RecommendationPush::MAX_RECIPIENTS {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            format!(
                "一次推送最多 {} 位客户，请分批发送",
                RecommendationPush::MAX_RECIPIENTS
            ),
        ));
    }
    let mut seen = HashSet::new();
    if !push.recipients.iter().all(|r| seen.insert(&r.client_id)) {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            "同一客户在推送名单中出现了两次",
        ));
    }
    if let Err(e) = cover_message(&push.cover_message) {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            e.to_string(),
        ));
    }
    let Some(product) = product(db, &push.product_id)? else {
        return Ok(MutationOutcome::refused(
            ErrorCode::NotFound,
            "资料库中没有这份资料，不能推送",
        ));
    };
    if !product.pushable_on(today) {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            format!("《{}》已撤回或不在有效期内，不能推送", product.title),
        ));
    }
    if product.version != push.product_version {
        return Ok(MutationOutcome::refused(
            ErrorCode::Validation,
            format!(
                "《{}》已更新为第 {} 版，请同步后重新发送",
                product.title, product.version
            ),
        ));
    }
    let policy = firm_policy(db)?;
    let mut checks = Vec::with_capacity(push.recipients.len());
    for r in &push.recipients {
        checks.push(check_recipient(
            db,
            broker,
            &product,
            &r.client_id,
            r.elderly_confirmed,
            today,
            &policy,
        )?);
    }
    if checks.iter().all(|c| c.status == DeliveryStatus::Refused) {
        let first = checks
            .first()
            .and_then(|c| c.reason.clone())
            .unwrap_or_default();
        let message = if checks.len() == 1 {
            format!("客户 {}：{first}", push.recipients[0].client_id)
        } else {
            format!("{} 位客户均未通过总部复核，例如：{first}", checks.len())
        };
        return Ok(MutationOutcome::refused(ErrorCode::Unsuitable, message));
    }
    let archive = serde_json::to_string(&Archive {
        push,
        product: &product,
        checked_on: today,
        head_office: &checks,
    })?;
    db.execute(
        "INSERT INTO recommendation_pushes (id, broker_id, product_id, product_version, product_risk, \
         cover_message, sent_at, received_at, archive) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            push.id,
            broker,
            product.id,
            push.product_version,
            product.risk.code(),
            push.cover_message,
            push.sent_at,
            now,
            archive
        ],
    )?;
    for c in checks {
        let record = Record::PushDelivery(PushDeliveryRecord {
            id: PushDeliveryRecord::id_for(&push.id, &c.client_id),
            push_id: push.id.clone(),
            client_id: c.client_id,
            status: c.status,
            reason: c.reason,
            reply: None,
            updated_at: now,
        });
        PUSH_DELIVERIES.write(db, broker, db.next_seq()?, &record)?;
    }
    Ok(MutationOutcome::Applied)
}

/// Asks the channel about every delivery it has not settled and writes what changed; each change
/// takes a new `seq`, so it reaches the pushing broker's desk on the next pull.
pub(super) fn advance_deliveries(
    db: &Db<'_>,
    channel: &dyn crate::delivery::DeliveryChannel,
    now: DateTime<Utc>,
) -> Result<usize> {
    let open: Vec<(String, String, String, DateTime<Utc>)> = db.query_map(
        "SELECT d.id, d.client_id, d.status, p.received_at FROM push_deliveries d \
         JOIN recommendation_pushes p ON p.id = d.push_id \
         WHERE d.channel_settled = 0 AND d.status <> 'refused'",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let mut changed = 0;
    for (id, client_id, status, handed_over_at) in open {
        let Some(status) = DeliveryStatus::parse(&status) else {
            continue;
        };
        let report = channel.report(
            &crate::delivery::ChannelMessage {
                delivery_id: id.clone(),
                client_id,
                handed_over_at,
                status,
            },
            now,
        );
        let latest = report.events.last();
        if let Some(event) = latest.filter(|e| status.can_become(e.status)) {
            // A reply keeps what it said; a failure keeps why.
            db.execute(
                "UPDATE push_deliveries SET status = ?2, reason = coalesce(?3, reason), \
                 reply = coalesce(?4, reply), updated_at = ?5, seq = ?6, channel_settled = ?7 \
                 WHERE id = ?1",
                params![
                    id,
                    event.status.as_str(),
                    event.reason,
                    event.reply,
                    event.at,
                    db.next_seq()?,
                    report.settled
                ],
            )?;
            changed += 1;
        } else if report.settled {
            db.execute(
                "UPDATE push_deliveries SET channel_settled = 1 WHERE id = ?1",
                params![id],
            )?;
        }
    }
    Ok(changed)
}

/// The archived push as head office received it, with its own verdicts (JSON).
pub(super) fn archive(db: &Db<'_>, push_id: &str) -> Result<Option<String>> {
    db.query_opt(
        "SELECT archive FROM recommendation_pushes WHERE id = ?1",
        params![push_id],
        |r| r.get(0),
    )
}
