//! Bulk load of a generated firm: one transaction, prepared statements, seq given in book order.

use super::sqlite::{next_seq, role_to_code};
use super::sqlite_rows::{insert, FEED_TABLES, FIRM_WIDE};
use super::ImportSummary;
use crate::demo::FirmSeed;
use crate::error::Result;
use protocol::{EntityKind, Record};
use rusqlite::{params, Connection};

pub(super) fn import(conn: &mut Connection, firm: FirmSeed) -> Result<ImportSummary> {
    let tx = conn.transaction()?;
    for u in &firm.units {
        tx.execute(
            "INSERT INTO org_units (id, parent_id, name) VALUES (?1, ?2, ?3)",
            params![u.id, u.parent_id, u.name],
        )?;
    }
    for u in &firm.users {
        tx.execute(
            "INSERT INTO users (id, username, display_name, role, password_hash, org_unit_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                u.id,
                u.username,
                u.display_name,
                role_to_code(u.role),
                u.password_hash,
                u.org_unit_id
            ],
        )?;
    }
    let mut seq = next_seq(&tx)?;
    let mut clients = 0;
    let mut rows = 0;
    {
        let mut stmts = FEED_TABLES
            .iter()
            .map(|t| tx.prepare(t.insert))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for book in firm.books {
            let broker = book.client.serving_broker_id.clone();
            let records = std::iter::once(Record::Client(book.client))
                .chain(book.accounts.into_iter().map(Record::Account))
                .chain(
                    book.risk_assessments
                        .into_iter()
                        .map(Record::RiskAssessment),
                )
                .chain(book.holdings.into_iter().map(Record::Holding))
                .chain(book.asset_months.into_iter().map(Record::AssetMonth))
                .chain(book.trades.into_iter().map(Record::Trade))
                .chain(book.contact_notes.into_iter().map(Record::ContactNote))
                .chain(book.service);
            for record in records {
                let table = FEED_TABLES
                    .iter()
                    .position(|t| t.kind == record.kind())
                    .unwrap_or(0);
                insert(&mut stmts[table], &broker, seq, &record)?;
                seq += 1;
                rows += 1;
            }
            clients += 1;
        }
        let products = FEED_TABLES
            .iter()
            .position(|t| t.kind == EntityKind::Product)
            .unwrap_or(0);
        let events = FEED_TABLES
            .iter()
            .position(|t| t.kind == EntityKind::MarketEvent)
            .unwrap_or(0);
        let tasks = FEED_TABLES
            .iter()
            .position(|t| t.kind == EntityKind::Task)
            .unwrap_or(0);
        for (broker, task) in firm.tasks {
            insert(&mut stmts[tasks], &broker, seq, &Record::Task(task))?;
            seq += 1;
            rows += 1;
        }
        let firm_wide = firm
            .library
            .into_iter()
            .map(Record::Product)
            .chain(firm.market_events.into_iter().map(Record::MarketEvent));
        for record in firm_wide {
            let table = if record.kind() == EntityKind::Product {
                products
            } else {
                events
            };
            insert(&mut stmts[table], FIRM_WIDE, seq, &record)?;
            seq += 1;
            rows += 1;
        }
    }
    {
        let table = |kind| {
            FEED_TABLES
                .iter()
                .find(|t| t.kind == kind)
                .map(|t| t.insert)
        };
        let mut requests = tx.prepare(table(EntityKind::TransferRequest).unwrap_or_default())?;
        for mut r in firm.transfer_requests {
            r.client_name = tx.query_row(
                "SELECT name FROM clients WHERE id = ?1",
                [&r.client_id],
                |row| row.get(0),
            )?;
            let broker = r.from_broker_id.clone();
            insert(&mut requests, &broker, seq, &Record::TransferRequest(r))?;
            seq += 1;
            rows += 1;
        }
        let mut comments = tx.prepare(table(EntityKind::Comment).unwrap_or_default())?;
        for (broker, c) in firm.comments {
            insert(&mut comments, &broker, seq, &Record::Comment(c))?;
            seq += 1;
            rows += 1;
        }
    }
    tx.execute("UPDATE feed_seq SET last = ?1 WHERE id = 1", [seq])?;
    tx.commit()?;
    super::sqlite_commission::set_settings(conn, &firm.pay)?;
    for month in &firm.statement_months {
        // Published on the 5th of the month after, at 10:00 in Beijing, or today if that is sooner.
        let day = (*month + chrono::Months::new(1) + chrono::Days::new(4)).min(firm.as_of);
        let at = crate::demo::beijing_at(day, 10);
        super::sqlite_commission::publish(conn, *month, at)?;
    }
    Ok(ImportSummary {
        users: firm.users.len(),
        clients,
        rows,
    })
}
