//! Applying pulled pages. A page and the cursor after it are written in one transaction, so an
//! interrupted sync resumes from the last whole page and never half-applies one.

use crate::error::Result;
use crate::sync_state::{set_value, CURSOR};
use crate::Store;
use domain::TradeSide;
use protocol::{Change, EntityKind, PullPage, Record};
use rusqlite::{params, Transaction};

fn table(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Client => "clients",
        EntityKind::Account => "accounts",
        EntityKind::Holding => "holdings",
        EntityKind::Trade => "trades",
        EntityKind::AssetMonth => "asset_months",
        EntityKind::RiskAssessment => "risk_assessments",
        EntityKind::ContactNote => "contact_notes",
        EntityKind::Preferences => "client_preferences",
    }
}

fn columns(kind: EntityKind) -> &'static [&'static str] {
    match kind {
        EntityKind::Client => &[
            "id",
            "name",
            "id_number",
            "mobile",
            "investor_class",
            "tier",
            "total_assets",
            "opened_on",
            "serving_broker_id",
            "developing_broker_id",
            "last_contact_at",
            "version",
        ],
        EntityKind::Account => &[
            "id",
            "client_id",
            "account_no",
            "commission_rate",
            "waive_minimum",
            "opened_on",
            "cash",
        ],
        EntityKind::Holding => &[
            "id",
            "client_id",
            "account_id",
            "security_code",
            "security_name",
            "quantity",
            "cost",
            "market_value",
        ],
        EntityKind::Trade => &[
            "id",
            "client_id",
            "account_id",
            "traded_at",
            "security_code",
            "side",
            "quantity",
            "price_li",
            "amount",
            "commission",
            "handling_fee",
            "regulatory_fee",
            "transfer_fee",
            "stamp_duty",
            "net_commission",
        ],
        EntityKind::AssetMonth => &["id", "client_id", "month", "total_assets"],
        EntityKind::RiskAssessment => &["id", "client_id", "level", "assessed_on", "expires_on"],
        EntityKind::Preferences => &[
            "id",
            "client_id",
            "preferred_channel",
            "best_time_to_call",
            "remark",
            "version",
            "pending",
        ],
        EntityKind::ContactNote => &[
            "id",
            "client_id",
            "channel",
            "summary",
            "contacted_at",
            "follow_up_on",
            "author_id",
            "pending",
        ],
    }
}

/// An upsert that updates in place: `INSERT OR REPLACE` would delete the row first and, through the
/// cascade, every child of a client.
fn upsert_sql(kind: EntityKind) -> String {
    let cols = columns(kind);
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    let updates: Vec<String> = cols[1..]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
        table(kind),
        cols.join(", "),
        marks.join(", "),
        updates.join(", ")
    )
}

fn side_code(side: TradeSide) -> &'static str {
    match side {
        TradeSide::Buy => "Buy",
        TradeSide::Sell => "Sell",
    }
}

fn upsert(tx: &Transaction<'_>, record: &Record) -> Result<()> {
    let mut stmt = tx.prepare_cached(&upsert_sql(record.kind()))?;
    bind_and_run(&mut stmt, record)
}

/// Plain INSERT of a record: what the benchmark measures the feed's apply against.
fn insert_sql(kind: EntityKind) -> String {
    let cols = columns(kind);
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        table(kind),
        cols.join(", "),
        marks.join(", ")
    )
}

fn bind_and_run(stmt: &mut rusqlite::Statement<'_>, record: &Record) -> Result<()> {
    match record {
        Record::Client(c) => stmt.execute(params![
            c.id,
            c.name,
            c.id_number,
            c.mobile,
            c.investor_class.code(),
            c.tier.code(),
            c.total_assets.0,
            c.opened_on,
            c.serving_broker_id,
            c.developing_broker_id,
            c.last_contact_at,
            c.version
        ])?,
        Record::Account(a) => stmt.execute(params![
            a.id,
            a.client_id,
            a.account_no,
            a.commission_rate.0,
            a.waive_minimum,
            a.opened_on,
            a.cash.0
        ])?,
        Record::Holding(h) => stmt.execute(params![
            h.id,
            h.client_id,
            h.account_id,
            h.security_code,
            h.security_name,
            h.quantity,
            h.cost.0,
            h.market_value.0
        ])?,
        Record::Trade(t) => stmt.execute(params![
            t.id,
            t.client_id,
            t.account_id,
            t.traded_at,
            t.security_code,
            side_code(t.side),
            t.quantity,
            t.price_li,
            t.amount.0,
            t.commission.0,
            t.handling_fee.0,
            t.regulatory_fee.0,
            t.transfer_fee.0,
            t.stamp_duty.0,
            t.net_commission.0
        ])?,
        Record::AssetMonth(m) => {
            stmt.execute(params![m.id, m.client_id, m.month, m.total_assets.0])?
        }
        Record::RiskAssessment(r) => stmt.execute(params![
            r.id,
            r.client_id,
            r.level.code(),
            r.assessed_on,
            r.expires_on
        ])?,
        // What head office sends is accepted: the note is no longer pending.
        Record::ContactNote(n) => stmt.execute(params![
            n.id,
            n.client_id,
            n.channel.as_str(),
            n.summary,
            n.contacted_at,
            n.follow_up_on,
            n.author_id,
            0
        ])?,
        Record::Preferences(p) => stmt.execute(params![
            p.id,
            p.client_id,
            p.fields.preferred_channel,
            p.fields.best_time_to_call,
            p.fields.remark,
            p.version,
            0
        ])?,
    };
    Ok(())
}

/// Deletes a row; a client goes with everything hanging off it, broker data included, because a
/// client who left the book must leave no trace on this desk.
fn remove(tx: &Transaction<'_>, kind: EntityKind, id: &str) -> Result<()> {
    if kind == EntityKind::Client {
        for child in EntityKind::ALL
            .into_iter()
            .filter(|k| *k != EntityKind::Client)
        {
            let sql = format!("DELETE FROM {} WHERE client_id = ?1", table(child));
            tx.prepare_cached(&sql)?.execute([id])?;
        }
        tx.prepare_cached("DELETE FROM conflicts WHERE client_id = ?1")?
            .execute([id])?;
    }
    let sql = format!("DELETE FROM {} WHERE id = ?1", table(kind));
    tx.prepare_cached(&sql)?.execute([id])?;
    Ok(())
}

impl Store {
    /// Inserts records with plain prepared INSERTs in one transaction, no cursor, no upsert: the
    /// raw bulk-insert speed that `make bench` compares the first sync with.
    pub fn bulk_insert_raw(&mut self, records: &[Record]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for record in records {
            let mut stmt = tx.prepare_cached(&insert_sql(record.kind()))?;
            bind_and_run(&mut stmt, record)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Applies one page and moves the cursor past it, atomically. Returns the rows touched.
    pub fn apply_page(&mut self, page: &PullPage) -> Result<usize> {
        let tx = self.conn.transaction()?;
        for change in &page.changes {
            match change {
                Change::Upsert { record, .. } => upsert(&tx, record)?,
                Change::Remove { kind, id, .. } => remove(&tx, *kind, id)?,
            }
        }
        set_value(&tx, CURSOR, &page.cursor.to_string())?;
        tx.commit()?;
        Ok(page.changes.len())
    }
}
