//! Feed tables of the approved library (firm-wide) and of push deliveries (the pushing broker's).
//! Same shape as `rows`.

use super::feed_table::{bad, FeedScope, FeedTable};
use crate::db::{Db, Row};
use crate::error::Result;
use domain::{ProductRisk, TargetInvestors};
use protocol::{
    ApprovalState, DeliveryStatus, EntityKind, ProductKind, ProductRecord, PushDeliveryRecord,
    Record,
};
use rusqlite::params;

pub(super) const PRODUCTS: FeedTable = FeedTable {
    scope: FeedScope::Firm,
    kind: EntityKind::Product,
    table: "products",
    columns: "kind, title, summary, risk, version, approval, valid_from, valid_until, \
              security_code, author, approval_ref, body, target_investors",
    read: read_product,
    insert:
        "INSERT INTO products (id, broker_id, seq, kind, title, summary, risk, version, approval, \
             valid_from, valid_until, security_code, author, approval_ref, body, target_investors) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    bind: insert,
};

pub(super) const PUSH_DELIVERIES: FeedTable = FeedTable {
    scope: FeedScope::Author,
    kind: EntityKind::PushDelivery,
    table: "push_deliveries",
    columns: "push_id, client_id, status, reason, reply, updated_at",
    read: read_delivery,
    insert: "INSERT INTO push_deliveries (id, broker_id, seq, push_id, client_id, status, reason, \
             reply, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    bind: insert,
};

pub(super) fn read_product(r: &Row<'_>) -> rusqlite::Result<Record> {
    let kind: String = r.get(1)?;
    let risk: String = r.get(4)?;
    let approval: String = r.get(6)?;
    let target: String = r.get(13)?;
    Ok(Record::Product(ProductRecord {
        id: r.get(0)?,
        product_kind: ProductKind::parse(&kind).ok_or_else(|| bad(1, "product kind"))?,
        title: r.get(2)?,
        summary: r.get(3)?,
        risk: ProductRisk::from_code(&risk).ok_or_else(|| bad(4, "product risk"))?,
        target_investors: TargetInvestors::from_code(&target)
            .ok_or_else(|| bad(13, "target investors"))?,
        version: r.get(5)?,
        approval: ApprovalState::parse(&approval).ok_or_else(|| bad(6, "approval state"))?,
        valid_from: r.get(7)?,
        valid_until: r.get(8)?,
        security_code: r.get(9)?,
        author: r.get(10)?,
        approval_ref: r.get(11)?,
        body: r.get(12)?,
    }))
}

fn read_delivery(r: &Row<'_>) -> rusqlite::Result<Record> {
    let status: String = r.get(3)?;
    Ok(Record::PushDelivery(PushDeliveryRecord {
        id: r.get(0)?,
        push_id: r.get(1)?,
        client_id: r.get(2)?,
        status: DeliveryStatus::parse(&status).ok_or_else(|| bad(3, "delivery status"))?,
        reason: r.get(4)?,
        reply: r.get(5)?,
        updated_at: r.get(6)?,
    }))
}

fn insert(db: &Db<'_>, sql: &str, broker: &str, seq: i64, record: &Record) -> Result<usize> {
    match record {
        Record::Product(p) => db.execute(
            sql,
            params![
                p.id,
                broker,
                seq,
                p.product_kind.as_str(),
                p.title,
                p.summary,
                p.risk.code(),
                p.version,
                p.approval.as_str(),
                p.valid_from,
                p.valid_until,
                p.security_code,
                p.author,
                p.approval_ref,
                p.body,
                p.target_investors.code()
            ],
        ),
        Record::PushDelivery(d) => db.execute(
            sql,
            params![
                d.id,
                broker,
                seq,
                d.push_id,
                d.client_id,
                d.status.as_str(),
                d.reason,
                d.reply,
                d.updated_at
            ],
        ),
        _ => Err(rusqlite::Error::InvalidQuery.into()),
    }
}
