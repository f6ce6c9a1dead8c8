//! Feed tables of the client 360° that head office alone writes: bank–securities transfers,
//! complaints and return visits, related clients. Same shape as `rows`.

use super::feed_table::{bad, FeedScope, FeedTable};
use crate::db::{Db, Row};
use crate::error::Result;
use domain::{CaseStatus, ComplaintCategory, Fen};
use protocol::{
    CashTransferRecord, ClientRelationRecord, ContactChannel, EntityKind, Record, RelationKind,
    ServiceCaseKind, ServiceCaseRecord, TransferDirection,
};
use rusqlite::params;

pub(super) const CASH_TRANSFERS: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::CashTransfer,
    table: "cash_transfers",
    columns: "client_id, account_id, transferred_at, direction, amount",
    read: read_cash_transfer,
    insert:
        "INSERT INTO cash_transfers (id, broker_id, seq, client_id, account_id, transferred_at, \
             direction, amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    bind: insert,
};

pub(super) const SERVICE_CASES: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::ServiceCase,
    table: "service_cases",
    columns: "client_id, kind, opened_on, due_on, closed_on, summary, outcome, category, channel, \
              client_asks, case_no, status, registered_by, handler, history, satisfaction, \
              client_words",
    read: read_service_case,
    insert: "INSERT INTO service_cases (id, broker_id, seq, client_id, kind, opened_on, due_on, \
             closed_on, summary, outcome, category, channel, client_asks, case_no, status, \
             registered_by, handler, history, satisfaction, client_words) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
             ?19, ?20)",
    bind: insert,
};

pub(super) const CLIENT_RELATIONS: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::ClientRelation,
    table: "client_relations",
    columns: "client_id, related_client_id, related_name, kind, label",
    read: read_relation,
    insert: "INSERT INTO client_relations (id, broker_id, seq, client_id, related_client_id, \
             related_name, kind, label) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    bind: insert,
};

fn read_cash_transfer(r: &Row<'_>) -> rusqlite::Result<Record> {
    let direction: String = r.get(4)?;
    Ok(Record::CashTransfer(CashTransferRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        account_id: r.get(2)?,
        transferred_at: r.get(3)?,
        direction: TransferDirection::parse(&direction).ok_or_else(|| bad(4, "direction"))?,
        amount: Fen(r.get(5)?),
    }))
}

pub(super) fn read_service_case(r: &Row<'_>) -> rusqlite::Result<Record> {
    let kind: String = r.get(2)?;
    let category: Option<String> = r.get(8)?;
    let channel: Option<String> = r.get(9)?;
    let status: String = r.get(12)?;
    let history: String = r.get(15)?;
    Ok(Record::ServiceCase(ServiceCaseRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        case_kind: ServiceCaseKind::parse(&kind).ok_or_else(|| bad(2, "service case kind"))?,
        opened_on: r.get(3)?,
        due_on: r.get(4)?,
        closed_on: r.get(5)?,
        summary: r.get(6)?,
        outcome: r.get(7)?,
        category: match category {
            Some(c) => Some(ComplaintCategory::parse(&c).ok_or_else(|| bad(8, "category"))?),
            None => None,
        },
        channel: match channel {
            Some(c) => Some(ContactChannel::parse(&c).ok_or_else(|| bad(9, "channel"))?),
            None => None,
        },
        client_asks: r.get(10)?,
        case_no: r.get(11)?,
        status: CaseStatus::parse(&status).ok_or_else(|| bad(12, "case status"))?,
        registered_by: r.get(13)?,
        handler: r.get(14)?,
        history: serde_json::from_str(&history).map_err(|_| bad(15, "case history"))?,
        satisfaction: r.get(16)?,
        client_words: r.get(17)?,
    }))
}

fn read_relation(r: &Row<'_>) -> rusqlite::Result<Record> {
    let kind: String = r.get(4)?;
    Ok(Record::ClientRelation(ClientRelationRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        related_client_id: r.get(2)?,
        related_name: r.get(3)?,
        relation: RelationKind::parse(&kind).ok_or_else(|| bad(4, "relation kind"))?,
        label: r.get(5)?,
    }))
}

fn insert(db: &Db<'_>, sql: &str, broker: &str, seq: i64, record: &Record) -> Result<usize> {
    match record {
        Record::CashTransfer(t) => db.execute(
            sql,
            params![
                t.id,
                broker,
                seq,
                t.client_id,
                t.account_id,
                t.transferred_at,
                t.direction.as_str(),
                t.amount.0
            ],
        ),
        Record::ServiceCase(c) => db.execute(
            sql,
            params![
                c.id,
                broker,
                seq,
                c.client_id,
                c.case_kind.as_str(),
                c.opened_on,
                c.due_on,
                c.closed_on,
                c.summary,
                c.outcome,
                c.category.map(ComplaintCategory::as_str),
                c.channel.map(ContactChannel::as_str),
                c.client_asks,
                c.case_no,
                c.status.as_str(),
                c.registered_by,
                c.handler,
                serde_json::to_string(&c.history)?,
                c.satisfaction,
                c.client_words
            ],
        ),
        Record::ClientRelation(l) => db.execute(
            sql,
            params![
                l.id,
                broker,
                seq,
                l.client_id,
                l.related_client_id,
                l.related_name,
                l.relation.as_str(),
                l.label
            ],
        ),
        _ => Err(rusqlite::Error::InvalidQuery.into()),
    }
}
