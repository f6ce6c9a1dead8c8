//! Applying pulled pages. A page and the cursor after it are written in one transaction, so an
//! interrupted sync resumes from the last whole page and never half-applies one.

use crate::error::Result;
use crate::feed_registry::feed_table;
use crate::sync_state::{set_value, CURSOR};
use crate::Store;
use protocol::{Change, EntityKind, PullPage, Record};
use rusqlite::{OptionalExtension, Transaction};
use std::collections::HashSet;

/// An upsert that updates in place: `INSERT OR REPLACE` would delete the row first and, through the
/// cascade, every child of a client.
fn upsert_sql(kind: EntityKind) -> String {
    let t = feed_table(kind);
    let cols = t.columns;
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    let updates: Vec<String> = cols[1..]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
        t.table,
        cols.join(", "),
        marks.join(", "),
        updates.join(", ")
    )
}

/// The SQL of each kind, built once per page rather than once per row: a first sync applies
/// hundreds of thousands of rows of a handful of kinds.
#[derive(Default)]
struct SqlByKind(std::collections::HashMap<EntityKind, String>);

impl SqlByKind {
    fn get(&mut self, kind: EntityKind, build: fn(EntityKind) -> String) -> &str {
        self.0.entry(kind).or_insert_with(|| build(kind))
    }
}

fn upsert(tx: &Transaction<'_>, sql: &mut SqlByKind, record: &Record) -> Result<()> {
    let kind = record.kind();
    let mut stmt = tx.prepare_cached(sql.get(kind, upsert_sql))?;
    (feed_table(kind).bind)(&mut stmt, record)?;
    Ok(())
}

/// Plain INSERT of a record: what the benchmark measures the feed's apply against.
fn insert_sql(kind: EntityKind) -> String {
    let t = feed_table(kind);
    let cols = t.columns;
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        t.table,
        cols.join(", "),
        marks.join(", ")
    )
}

/// Deletes a row; a client goes with everything hanging off it, broker data included, because a
/// client who left the book must leave no trace on this desk. The broker's own push archive and
/// its delivery states stay, like the audit log: they record what the broker did.
/// Returns the client whose child row went, so its derived facts can be redone.
fn remove(tx: &Transaction<'_>, kind: EntityKind, id: &str) -> Result<Option<String>> {
    let mut owner = None;
    let table = feed_table(kind);
    if table.kind == EntityKind::Client {
        let children = EntityKind::ALL.into_iter().map(feed_table);
        for child in children.filter(|t| t.follows_client) {
            let sql = format!("DELETE FROM {} WHERE client_id = ?1", child.table);
            tx.prepare_cached(&sql)?.execute([id])?;
        }
        // The audit log stays: it records what the broker did, and head office must receive it.
        for derived in ["conflicts", "client_facts", "reminders"] {
            let sql = format!("DELETE FROM {derived} WHERE client_id = ?1");
            tx.prepare_cached(&sql)?.execute([id])?;
        }
    } else if table.follows_client {
        let sql = format!("SELECT client_id FROM {} WHERE id = ?1", table.table);
        owner = tx
            .prepare_cached(&sql)?
            .query_row([id], |r| r.get(0))
            .optional()?;
    }
    let sql = format!("DELETE FROM {} WHERE id = ?1", table.table);
    tx.prepare_cached(&sql)?.execute([id])?;
    Ok(owner)
}

/// Recomputes what the client list filters on from the client's rows as they now stand.
fn refresh_facts(tx: &Transaction<'_>, client_id: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO client_facts (client_id, name, name_pinyin, name_initials, mobile, \
         risk_level, assessed_on, risk_expires_on, last_trade_at, account_nos) \
         SELECT c.id, c.name, c.name_pinyin, c.name_initials, c.mobile, \
           r.level, r.assessed_on, r.expires_on, \
           (SELECT max(traded_at) FROM trades WHERE client_id = ?1), \
           coalesce((SELECT group_concat(account_no, ' ') FROM accounts WHERE client_id = ?1), '') \
         FROM clients c LEFT JOIN (SELECT level, assessed_on, expires_on FROM risk_assessments \
           WHERE client_id = ?1 ORDER BY assessed_on DESC LIMIT 1) r \
         WHERE c.id = ?1",
    )?
    .execute([client_id])?;
    Ok(())
}

/// The client whose list facts a record feeds: the client itself or its parent. Library items
/// and push deliveries feed none.
fn client_of(record: &Record) -> Option<&str> {
    Some(match record {
        Record::Client(c) => &c.id,
        Record::Account(a) => &a.client_id,
        Record::Holding(h) => &h.client_id,
        Record::Trade(t) => &t.client_id,
        Record::AssetMonth(m) => &m.client_id,
        Record::RiskAssessment(r) => &r.client_id,
        Record::ContactNote(n) => &n.client_id,
        Record::Preferences(p) => &p.client_id,
        Record::CashTransfer(t) => &t.client_id,
        Record::ServiceCase(c) => &c.client_id,
        Record::ClientRelation(l) => &l.client_id,
        Record::EventInvitation(i) => &i.client_id,
        Record::Product(_)
        | Record::PushDelivery(_)
        | Record::Statement(_)
        | Record::StatementLine(_)
        | Record::Dispute(_)
        | Record::Task(_)
        | Record::MarketEvent(_)
        | Record::TransferRequest(_)
        | Record::Comment(_)
        | Record::ClientEvent(_) => return None,
    })
}

impl Store {
    /// Inserts records with plain prepared INSERTs in one transaction, no cursor, no upsert: the
    /// raw bulk-insert speed that `make bench` compares the first sync with.
    pub fn bulk_insert_raw(&mut self, records: &[Record]) -> Result<()> {
        let tx = self.conn.transaction()?;
        let mut sql = SqlByKind::default();
        for record in records {
            let kind = record.kind();
            let mut stmt = tx.prepare_cached(sql.get(kind, insert_sql))?;
            (feed_table(kind).bind)(&mut stmt, record)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Applies one page and moves the cursor past it, atomically. Returns the rows touched.
    pub fn apply_page(&mut self, page: &PullPage) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut touched: HashSet<String> = HashSet::new();
        let mut sql = SqlByKind::default();
        for change in &page.changes {
            match change {
                Change::Upsert { record, .. } => {
                    upsert(&tx, &mut sql, record)?;
                    if let Some(client) = client_of(record) {
                        touched.insert(client.to_string());
                    }
                }
                Change::Remove { kind, id, .. } => {
                    if let Some(owner) = remove(&tx, *kind, id)? {
                        touched.insert(owner);
                    }
                }
            }
        }
        for client_id in &touched {
            refresh_facts(&tx, client_id)?;
        }
        set_value(&tx, CURSOR, &page.cursor.to_string())?;
        tx.commit()?;
        Ok(page.changes.len())
    }
}
