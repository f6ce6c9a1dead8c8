//! Bulk load of a generated firm, on either backend: in the caller's one transaction, seq given
//! in book order.

use super::categories::begin_period;
use super::feed_registry::feed_table;
use super::feed_table::FIRM_WIDE;
use super::role_to_code;
use crate::db::Db;
use crate::error::Result;
use crate::seed::FirmSeed;
use crate::ImportSummary;
use domain::broker_category::{before_records, CategoryKind};
use protocol::{EntityKind, Record};
use rusqlite::params;

pub(super) fn import(db: &Db<'_>, firm: FirmSeed) -> Result<ImportSummary> {
    for u in &firm.units {
        db.execute(
            "INSERT INTO org_units (id, parent_id, name) VALUES (?1, ?2, ?3)",
            params![u.id, u.parent_id, u.name],
        )?;
    }
    for u in &firm.users {
        db.execute(
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
    let mut seq = db.next_seq()?;
    let mut clients = 0;
    let mut rows = 0;
    for book in firm.books {
        let broker = book.client.serving_broker_id.clone();
        // Written after the client, whose row it refers to.
        let share = book
            .client
            .co_server
            .clone()
            .map(|co| (book.client.clone(), co));
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
            feed_table(record.kind())?.write(db, &broker, seq, &record)?;
            seq += 1;
            rows += 1;
        }
        if let Some((client, co)) = share {
            super::shares::import_share(db, &client, &co)?;
        }
        clients += 1;
    }
    for (broker, task) in firm.tasks {
        feed_table(EntityKind::Task)?.write(db, &broker, seq, &Record::Task(task))?;
        seq += 1;
        rows += 1;
    }
    let firm_wide = firm
        .library
        .into_iter()
        .map(Record::Product)
        .chain(firm.market_events.into_iter().map(Record::MarketEvent));
    for record in firm_wide {
        feed_table(record.kind())?.write(db, FIRM_WIDE, seq, &record)?;
        seq += 1;
        rows += 1;
    }
    for mut r in firm.transfer_requests {
        r.client_name = db.query_row(
            "SELECT name FROM clients WHERE id = ?1",
            params![r.client_id],
            |row| row.get(0),
        )?;
        let broker = r.from_broker_id.clone();
        let record = Record::TransferRequest(r);
        feed_table(EntityKind::TransferRequest)?.write(db, &broker, seq, &record)?;
        seq += 1;
        rows += 1;
    }
    for (broker, c) in firm.comments {
        feed_table(EntityKind::Comment)?.write(db, &broker, seq, &Record::Comment(c))?;
        seq += 1;
        rows += 1;
    }
    db.advance_seq_to(seq)?;
    for (broker, kind, period) in &firm.placement_history {
        begin_period(
            db,
            broker,
            *kind,
            period.effective_from,
            period.category_id.as_deref(),
        )?;
    }
    for (broker, placed) in &firm.broker_placements {
        db.execute(
            "INSERT INTO broker_placements (broker_id, class_id, group_id) VALUES (?1, ?2, ?3)",
            params![broker, placed.class_id, placed.group_id],
        )?;
        // A class or group with no history of its own has been the broker's all along.
        for (kind, now) in [
            (CategoryKind::Class, &placed.class_id),
            (CategoryKind::Group, &placed.group_id),
        ] {
            let has_history = firm
                .placement_history
                .iter()
                .any(|(b, k, _)| b == broker && *k == kind);
            if now.is_some() && !has_history {
                begin_period(db, broker, kind, before_records(), now.as_deref())?;
            }
        }
    }
    super::pay_cache::set_settings(db, &firm.pay)?;
    for month in &firm.statement_months {
        // Published on the 5th of the month after, at 10:00 in Beijing, or today if that is sooner.
        let day = (*month + chrono::Months::new(1) + chrono::Days::new(4)).min(firm.as_of);
        let at = domain::clock::shanghai_midnight(day) + chrono::Duration::hours(10);
        super::commission::publish(db, *month, at)?;
    }
    Ok(ImportSummary {
        users: firm.users.len(),
        clients,
        rows,
    })
}
