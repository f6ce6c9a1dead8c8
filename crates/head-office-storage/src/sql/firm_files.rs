//! A firm's own files written into head office, upserted by the firm's ids: first every row is
//! resolved against the database (does the client exist, which broker serves it, is anything
//! different from what is stored), then, unless a bad row stops the file, the changed rows are
//! written with new `seq`s, so they reach desks as ordinary feed changes. Unchanged rows are not
//! touched: importing the same file twice tells no desk anything.

use super::books::move_client;
use super::feed_registry::feed_table;
use super::feed_table::{FeedTable, FIRM_WIDE};
use crate::db::Db;
use crate::error::Result;
use chrono::{DateTime, Utc};
use firm_import::{ImportReport, ImportRow, RowError, RowProblem};
use protocol::{EntityKind, Record};
use rusqlite::params;
use std::collections::{HashMap, HashSet};

/// A row ready to write: whose feed, what, and whether it is new.
struct Resolved {
    id: String,
    broker: String,
    record: Record,
    new: bool,
    /// Already stored exactly so.
    unchanged: bool,
    /// The client moves to `broker` from another book first.
    moves: bool,
    /// A client's e-mail address, kept beside its record.
    email: Option<Option<String>>,
}

/// What the import looked up once and keeps for the rest of the file.
#[derive(Default)]
struct Lookups {
    /// client id → serving broker.
    clients: HashMap<String, Option<String>>,
    /// account id → client id.
    accounts: HashMap<String, Option<String>>,
    /// username → (id, display name) of a broker.
    brokers: HashMap<String, Option<(String, String)>>,
}

/// `sql`'s one column for `key`, asked once per import.
fn cached(
    db: &Db<'_>,
    seen: &mut HashMap<String, Option<String>>,
    sql: &str,
    key: &str,
) -> Result<Option<String>> {
    if let Some(found) = seen.get(key) {
        return Ok(found.clone());
    }
    let found: Option<String> = db.query_opt(sql, params![key], |r| r.get(0))?;
    seen.insert(key.to_string(), found.clone());
    Ok(found)
}

impl Lookups {
    fn client_broker(&mut self, db: &Db<'_>, client: &str) -> Result<Option<String>> {
        let sql = "SELECT broker_id FROM clients WHERE id = ?1";
        cached(db, &mut self.clients, sql, client)
    }

    fn account_client(&mut self, db: &Db<'_>, account: &str) -> Result<Option<String>> {
        let sql = "SELECT client_id FROM accounts WHERE id = ?1";
        cached(db, &mut self.accounts, sql, account)
    }

    fn broker(&mut self, db: &Db<'_>, username: &str) -> Result<Option<(String, String)>> {
        if let Some(found) = self.brokers.get(username) {
            return Ok(found.clone());
        }
        let found = db.query_opt(
            "SELECT id, display_name FROM users WHERE username = ?1 AND role = 'Broker' \
             AND disabled = 0",
            params![username],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        self.brokers.insert(username.to_string(), found.clone());
        Ok(found)
    }
}

/// The stored record with this id in `table`, if any.
fn stored(db: &Db<'_>, table: &FeedTable, id: &str) -> Result<Option<Record>> {
    let sql = format!(
        "SELECT {t}.id, {c} FROM {t} WHERE {t}.id = ?1",
        t = table.table,
        c = table.columns
    );
    db.query_opt(&sql, params![id], |r| (table.read)(r))
}

/// `table`'s insert, made an upsert on the firm's id.
pub(super) fn upsert_sql(insert: &str) -> String {
    let columns = insert
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map_or("", |(cols, _)| cols);
    let set: Vec<String> = columns
        .split(',')
        .map(str::trim)
        .filter(|c| *c != "id")
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!("{insert} ON CONFLICT(id) DO UPDATE SET {}", set.join(", "))
}

type Checked<T> = std::result::Result<T, RowError>;

/// The client a row hangs off and its broker, or why the row cannot be taken.
fn book_of(db: &Db<'_>, look: &mut Lookups, client: &str) -> Result<Checked<String>> {
    Ok(look.client_broker(db, client)?.ok_or_else(|| {
        RowError::from(format!("客户 {client} 不存在：请先导入客户文件（clients）"))
    }))
}

fn through_account(db: &Db<'_>, look: &mut Lookups, account: &str) -> Result<Checked<String>> {
    Ok(look.account_client(db, account)?.ok_or_else(|| {
        RowError::from(format!(
            "资金账户 {account} 不存在：请先导入账户文件（accounts）"
        ))
    }))
}

/// The client an account belongs to and the broker serving it.
fn account_book(
    db: &Db<'_>,
    look: &mut Lookups,
    account: &str,
) -> Result<Checked<(String, String)>> {
    let client = match through_account(db, look, account)? {
        Ok(client) => client,
        Err(why) => return Ok(Err(why)),
    };
    Ok(book_of(db, look, &client)?.map(|broker| (client, broker)))
}

fn resolve(db: &Db<'_>, look: &mut Lookups, row: ImportRow) -> Result<Checked<Resolved>> {
    let id = row.id().to_string();
    let email = match &row {
        ImportRow::Client { email, .. } => Some(email.clone()),
        _ => None,
    };
    let (broker, mut record) = match row {
        ImportRow::Client {
            mut record,
            serving_broker,
            developing_broker,
            ..
        } => {
            let Some((serving_id, serving_name)) = look.broker(db, &serving_broker)? else {
                return Ok(Err(RowError::from(format!(
                    "serving_broker {serving_broker} 不是在职的经纪人用户名"
                ))));
            };
            let Some((developing_id, developing_name)) = look.broker(db, &developing_broker)?
            else {
                return Ok(Err(RowError::from(format!(
                    "developing_broker {developing_broker} 不是在职的经纪人用户名"
                ))));
            };
            record.serving_broker_id = serving_id.clone();
            record.serving_broker_name = serving_name;
            record.developing_broker_id = developing_id;
            record.developing_broker_name = developing_name;
            (serving_id, Record::Client(record))
        }
        ImportRow::Account(a) => match book_of(db, look, &a.client_id)? {
            Ok(broker) => {
                look.accounts
                    .insert(a.id.clone(), Some(a.client_id.clone()));
                (broker, Record::Account(a))
            }
            Err(why) => return Ok(Err(why)),
        },
        ImportRow::Assessment(a) => match book_of(db, look, &a.client_id)? {
            Ok(broker) => (broker, Record::RiskAssessment(a)),
            Err(why) => return Ok(Err(why)),
        },
        ImportRow::Holding(mut h) => match account_book(db, look, &h.account_id)? {
            Ok((client, broker)) => {
                h.client_id = client;
                (broker, Record::Holding(h))
            }
            Err(why) => return Ok(Err(why)),
        },
        ImportRow::Trade(mut t) => match account_book(db, look, &t.account_id)? {
            Ok((client, broker)) => {
                t.client_id = client;
                (broker, Record::Trade(t))
            }
            Err(why) => return Ok(Err(why)),
        },
        ImportRow::CashTransfer(mut t) => match account_book(db, look, &t.account_id)? {
            Ok((client, broker)) => {
                t.client_id = client;
                (broker, Record::CashTransfer(t))
            }
            Err(why) => return Ok(Err(why)),
        },
        ImportRow::Relation(mut r) => {
            let related: Option<String> = db.query_opt(
                "SELECT name FROM clients WHERE id = ?1",
                params![r.related_client_id],
                |row| row.get(0),
            )?;
            let Some(name) = related else {
                return Ok(Err(RowError::from(format!(
                    "关联客户 {} 不存在：请先导入客户文件（clients）",
                    r.related_client_id
                ))));
            };
            r.related_name = name;
            match book_of(db, look, &r.client_id)? {
                Ok(broker) => (broker, Record::ClientRelation(r)),
                Err(why) => return Ok(Err(why)),
            }
        }
        ImportRow::ServiceCase(c) => match book_of(db, look, &c.client_id)? {
            Ok(broker) => (broker, Record::ServiceCase(c)),
            Err(why) => return Ok(Err(why)),
        },
        ImportRow::MarketEvent(e) => (FIRM_WIDE.to_string(), Record::MarketEvent(e)),
        ImportRow::Product(p) => (FIRM_WIDE.to_string(), Record::Product(p)),
    };
    let table = feed_table(record.kind())?;
    let before = stored(db, table, &id)?;
    let mut moves = false;
    match (&mut record, &before) {
        (Record::Client(c), Some(Record::Client(old))) => {
            // Head office's own figures stay; the file's master data replaces the rest.
            c.tier = old.tier;
            c.total_assets = old.total_assets;
            c.last_contact_at = old.last_contact_at;
            c.version = old.version;
            moves = old.serving_broker_id != c.serving_broker_id;
            if before.as_ref() != Some(&record) {
                if let Record::Client(c) = &mut record {
                    c.version += 1;
                }
            }
        }
        (Record::Client(c), None) => {
            c.version = 1;
            look.clients.insert(c.id.clone(), Some(broker.clone()));
        }
        (Record::Account(a), Some(Record::Account(old))) if a.client_id != old.client_id => {
            return Ok(Err(RowError::from(format!(
                "资金账户 {} 已属于客户 {}，不能改挂到 {}",
                a.id, old.client_id, a.client_id
            ))));
        }
        (Record::Product(p), Some(Record::Product(old)))
            if p.version < old.version || (p.version == old.version && p != old) =>
        {
            return Ok(Err(RowError::from(format!(
                "产品 {} 的内容有变化，version 应大于总部现有的 {}",
                p.id, old.version
            ))));
        }
        _ => {}
    }
    let same_email = match &email {
        Some(email) => {
            let stored: Option<Option<String>> = db.query_opt(
                "SELECT email FROM clients WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )?;
            stored.as_ref() == Some(email)
        }
        None => true,
    };
    Ok(Ok(Resolved {
        id,
        broker,
        new: before.is_none(),
        unchanged: same_email && before.as_ref() == Some(&record),
        record,
        moves,
        email,
    }))
}

/// Resolves every row, then writes the changed ones, unless a problem stops the file.
pub(super) fn import_rows(
    db: &Db<'_>,
    rows: &[(u64, ImportRow)],
    problems: &[RowProblem],
    skip_bad: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let mut look = Lookups::default();
    let mut ready = Vec::with_capacity(rows.len());
    let mut seen = HashSet::new();
    let mut report = ImportReport::default();
    let mut problems = problems.to_vec();
    for (line, row) in rows {
        let line = *line;
        match resolve(db, &mut look, row.clone())? {
            Ok(r) if !seen.insert(r.id.clone()) => problems.push(RowProblem {
                line,
                reason: format!("{} 在文件中重复出现", r.id),
            }),
            Ok(r) if r.unchanged && !r.moves => report.unchanged += 1,
            Ok(r) => ready.push(r),
            Err(reason) => problems.push(RowProblem {
                line,
                reason: reason.to_string(),
            }),
        }
    }
    problems.sort_by_key(|p| p.line);
    report.problems = problems;
    if !report.problems.is_empty() && !skip_bad {
        report.unchanged = 0;
        return Ok(report);
    }
    let mut sql: HashMap<EntityKind, String> = HashMap::new();
    let mut touched = HashSet::new();
    for r in ready {
        if r.moves {
            move_client(db, &r.id, &r.broker, now)?;
        }
        let table = feed_table(r.record.kind())?;
        let upsert = sql
            .entry(r.record.kind())
            .or_insert_with(|| upsert_sql(table.insert));
        (table.bind)(db, upsert, &r.broker, db.next_seq()?, &r.record)?;
        if let Some(email) = &r.email {
            db.execute(
                "UPDATE clients SET email = ?2 WHERE id = ?1",
                params![r.id, email],
            )?;
        }
        match &r.record {
            Record::Account(a) => touched.insert(a.client_id.clone()),
            Record::Holding(h) => touched.insert(h.client_id.clone()),
            _ => false,
        };
        if r.new {
            report.inserted += 1;
        } else {
            report.updated += 1;
        }
    }
    for client in touched {
        refresh_total_assets(db, &client)?;
    }
    report.written = true;
    Ok(report)
}

/// A client's total assets are its accounts' cash and its holdings' market value.
fn refresh_total_assets(db: &Db<'_>, client: &str) -> Result<()> {
    let total: i64 = db.query_row(
        "SELECT (SELECT coalesce(sum(cash), 0) FROM accounts WHERE client_id = ?1) \
         + (SELECT coalesce(sum(market_value), 0) FROM holdings WHERE client_id = ?1)",
        params![client],
        |r| r.get(0),
    )?;
    db.execute(
        "UPDATE clients SET total_assets = ?2, version = version + 1, seq = ?3 \
         WHERE id = ?1 AND total_assets <> ?2",
        params![client, total, db.next_seq()?],
    )?;
    Ok(())
}
