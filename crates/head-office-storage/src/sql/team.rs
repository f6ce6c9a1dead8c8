//! Figures for leads, on either backend. Every query takes the brokers it may read as a JSON
//! array and reads nothing else: the scope is decided in `team`, and enforced again by what is
//! asked here.

use crate::db::Db;
use crate::error::Result;
use crate::org::{KpiWindow, OrgChart, OrgPerson, OrgUnit};
use chrono::{DateTime, NaiveDate, Utc};
use domain::kpi::KpiFigures;
use domain::{Fen, Tier};
use protocol::team::{MaskedClient, OverdueItem};
use protocol::TaskRecord;
use rusqlite::{params, ToSql};
use std::collections::HashMap;

const IN_SCOPE: &str = "(SELECT value FROM json_each(?1))";

pub(super) fn org_chart(db: &Db<'_>) -> Result<OrgChart> {
    let units = db.query_map(
        "SELECT id, parent_id, name, closed_on FROM org_units ORDER BY id",
        &[],
        |r| {
            Ok(OrgUnit {
                id: r.get(0)?,
                parent_id: r.get(1)?,
                name: r.get(2)?,
                closed_on: r.get(3)?,
            })
        },
    )?;
    let people = db.query_map(
        "SELECT id, display_name, role, org_unit_id, disabled, username FROM users ORDER BY id",
        &[],
        |r| {
            Ok(OrgPerson {
                id: r.get(0)?,
                name: r.get(1)?,
                role: super::role_from_code(&r.get::<_, String>(2)?)?,
                unit_id: r.get(3)?,
                disabled: r.get(4)?,
                username: r.get(5)?,
            })
        },
    )?;
    Ok(OrgChart { units, people })
}

/// Runs a `broker_id, count` query and adds each count where `put` says.
fn counts(
    db: &Db<'_>,
    sql: &str,
    args: &[&dyn ToSql],
    out: &mut HashMap<String, KpiFigures>,
    put: impl Fn(&mut KpiFigures, i64),
) -> Result<()> {
    let rows = db.query_map(sql, args, |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    for (broker, n) in rows {
        if let Some(k) = out.get_mut(&broker) {
            put(k, n);
        }
    }
    Ok(())
}

fn to_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

pub(super) fn broker_figures(
    db: &Db<'_>,
    brokers: &[String],
    w: &KpiWindow,
) -> Result<HashMap<String, KpiFigures>> {
    let scope = serde_json::to_string(brokers)?;
    let mut out: HashMap<String, KpiFigures> = brokers
        .iter()
        .map(|b| {
            let mut k = KpiFigures::empty();
            k.brokers = 1;
            (b.clone(), k)
        })
        .collect();
    let (from, until) = (&w.from, &w.until);
    let book = format!(
        "SELECT broker_id, count(*), coalesce(sum(total_assets), 0) FROM clients \
         WHERE broker_id IN {IN_SCOPE} GROUP BY broker_id"
    );
    let rows = db.query_map(&book, params![scope], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for (broker, clients, assets) in rows {
        if let Some(k) = out.get_mut(&broker) {
            k.clients = to_u32(clients);
            k.total_assets = Fen(assets);
        }
    }
    // Last contact: head office's date on the client, or a later note from a desk (the later of
    // the two, written as a CASE: PostgreSQL has no two-argument `max`).
    let on_client = "coalesce(c.last_contact_at, '')";
    let noted = "coalesce((SELECT max(n.contacted_at) FROM contact_notes n \
                 WHERE n.client_id = c.id), '')";
    let last_contact =
        format!("(CASE WHEN {on_client} >= {noted} THEN {on_client} ELSE {noted} END)");
    let coverage = format!(
        "SELECT c.broker_id, c.tier, count(*), \
         sum(CASE WHEN {last_contact} >= ?2 THEN 1 ELSE 0 END) FROM clients c \
         WHERE c.broker_id IN {IN_SCOPE} GROUP BY 1, 2"
    );
    let rows = db.query_map(&coverage, params![scope, w.coverage_since], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for (broker, tier, clients, contacted) in rows {
        if let (Some(k), Some(tier)) = (out.get_mut(&broker), Tier::from_code(&tier)) {
            if let Some(c) = k.coverage.iter_mut().find(|c| c.tier == tier) {
                c.clients = to_u32(clients);
                c.contacted = to_u32(contacted);
            }
        }
    }
    let dormant = format!(
        "SELECT c.broker_id, count(*) FROM clients c WHERE c.broker_id IN {IN_SCOPE} \
         AND {last_contact} < ?2 \
         AND c.id NOT IN (SELECT client_id FROM trades WHERE traded_at >= ?2) GROUP BY 1"
    );
    counts(
        db,
        &dormant,
        &[&scope, &w.dormant_since],
        &mut out,
        |k, n| k.dormant_clients = to_u32(n),
    )?;
    let trades = format!(
        "SELECT broker_id, coalesce(sum(net_commission), 0), count(DISTINCT client_id) FROM trades \
         WHERE traded_at >= ?2 AND traded_at < ?3 AND broker_id IN {IN_SCOPE} GROUP BY 1"
    );
    let rows = db.query_map(&trades, params![scope, from, until], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for (broker, commission, active) in rows {
        if let Some(k) = out.get_mut(&broker) {
            k.net_commission = Fen(commission);
            k.active_clients = to_u32(active);
        }
    }
    let window: [&dyn ToSql; 3] = [&scope, from, until];
    counts(
        db,
        &format!(
            "SELECT broker_id, coalesce(sum(CASE direction WHEN 'in' THEN amount ELSE -amount END), 0) \
             FROM cash_transfers WHERE transferred_at >= ?2 AND transferred_at < ?3 \
             AND broker_id IN {IN_SCOPE} GROUP BY 1"
        ),
        &window,
        &mut out,
        |k, n| k.net_new_assets = Fen(n),
    )?;
    counts(
        db,
        &format!(
            "SELECT broker_id, count(*) FROM recommendation_pushes \
             WHERE received_at >= ?2 AND received_at < ?3 AND broker_id IN {IN_SCOPE} GROUP BY 1"
        ),
        &window,
        &mut out,
        |k, n| k.pushes_sent = to_u32(n),
    )?;
    counts(
        db,
        &format!(
            "SELECT p.broker_id, count(*) FROM push_deliveries d \
             JOIN recommendation_pushes p ON p.id = d.push_id WHERE d.status = 'refused' \
             AND p.received_at >= ?2 AND p.received_at < ?3 AND p.broker_id IN {IN_SCOPE} GROUP BY 1"
        ),
        &window,
        &mut out,
        |k, n| k.recipients_blocked = to_u32(n),
    )?;
    for (column, put) in [
        (
            "from_broker",
            (|k, n| k.transfers_out = to_u32(n)) as fn(&mut KpiFigures, i64),
        ),
        ("to_broker", |k, n| k.transfers_in = to_u32(n)),
    ] {
        let sql = format!(
            "SELECT {column}, count(*) FROM client_moves WHERE moved_at >= ?2 AND moved_at < ?3 \
             AND {column} IN {IN_SCOPE} GROUP BY 1"
        );
        counts(db, &sql, &window, &mut out, put)?;
    }
    let today: [&dyn ToSql; 2] = [&scope, &w.today];
    // A reminder about a client who has left the book is no longer the broker's to do.
    counts(
        db,
        &format!(
            "SELECT r.broker_id, count(*) FROM broker_reminders r WHERE r.done_at IS NULL \
             AND r.due_on < ?2 AND r.broker_id IN {IN_SCOPE} AND (r.client_id IS NULL OR \
             r.client_id IN (SELECT id FROM clients c WHERE c.broker_id = r.broker_id)) GROUP BY 1"
        ),
        &today,
        &mut out,
        |k, n| k.overdue_reminders = to_u32(n),
    )?;
    counts(
        db,
        &format!(
            "SELECT broker_id, count(*) FROM tasks WHERE done_at IS NULL AND due_on < ?2 \
             AND broker_id IN {IN_SCOPE} GROUP BY 1"
        ),
        &today,
        &mut out,
        |k, n| k.overdue_tasks = to_u32(n),
    )?;
    counts(
        db,
        &format!(
            "SELECT broker_id, count(*) FROM service_cases WHERE kind = 'complaint' \
             AND closed_on IS NULL AND broker_id IN {IN_SCOPE} GROUP BY 1"
        ),
        &[&scope],
        &mut out,
        |k, n| k.open_complaints = to_u32(n),
    )?;
    // The month's scored return visits: visits are dated by the day, so the month is by days.
    let next_month = w
        .month
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(w.month);
    let days: [&dyn ToSql; 3] = [&scope, &w.month, &next_month];
    for (figure, put) in [
        (
            "count(*)",
            (|k, n| k.scored_visits = to_u32(n)) as fn(&mut KpiFigures, i64),
        ),
        ("sum(satisfaction)", |k, n| {
            k.satisfaction_points = to_u32(n)
        }),
    ] {
        let sql = format!(
            "SELECT broker_id, {figure} FROM service_cases WHERE kind = 'return_visit' \
             AND satisfaction IS NOT NULL AND opened_on >= ?2 AND opened_on < ?3 \
             AND broker_id IN {IN_SCOPE} GROUP BY 1"
        );
        counts(db, &sql, &days, &mut out, put)?;
    }
    Ok(out)
}

/// Net commission per broker in `[from, until)`.
pub(super) fn commission_between(
    db: &Db<'_>,
    brokers: &[String],
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<HashMap<String, Fen>> {
    let scope = serde_json::to_string(brokers)?;
    let sql = format!(
        "SELECT broker_id, coalesce(sum(net_commission), 0) FROM trades \
         WHERE traded_at >= ?2 AND traded_at < ?3 AND broker_id IN {IN_SCOPE} GROUP BY 1"
    );
    let rows = db.query_map(&sql, params![scope, from, until], |r| {
        Ok((r.get::<_, String>(0)?, Fen(r.get(1)?)))
    })?;
    Ok(rows.into_iter().collect())
}

pub(super) fn top_clients(
    db: &Db<'_>,
    broker: &str,
    w: &KpiWindow,
    limit: u32,
) -> Result<Vec<MaskedClient>> {
    db.query_map(
        // The largest first, then their commission: summing for the whole book before the
        // sort would read the month's trades once per client.
        "SELECT c.id, c.name, c.mobile, c.tier, c.total_assets, c.last_contact_at, \
         coalesce((SELECT sum(t.net_commission) FROM trades t WHERE t.client_id = c.id \
           AND t.traded_at >= ?2 AND t.traded_at < ?3), 0) \
         FROM (SELECT * FROM clients WHERE broker_id = ?1 \
           ORDER BY total_assets DESC, id LIMIT ?4) c ORDER BY c.total_assets DESC, c.id",
        params![broker, w.from, w.until, limit],
        |r| {
            Ok(MaskedClient {
                client_id: r.get(0)?,
                name: r.get(1)?,
                mobile_masked: domain::mask::mobile(&r.get::<_, String>(2)?),
                tier: Tier::from_code(&r.get::<_, String>(3)?).unwrap_or(Tier::Standard),
                total_assets: Fen(r.get(4)?),
                last_contact_at: r.get(5)?,
                net_commission: Fen(r.get(6)?),
            })
        },
    )
}

pub(super) fn overdue_items(
    db: &Db<'_>,
    broker: &str,
    today: NaiveDate,
) -> Result<Vec<OverdueItem>> {
    db.query_map(
        "SELECT 'reminder', r.title, r.due_on, c.name FROM broker_reminders r \
           LEFT JOIN clients c ON c.id = r.client_id \
           WHERE r.broker_id = ?1 AND r.done_at IS NULL AND r.due_on < ?2 \
           AND (r.client_id IS NULL OR c.broker_id = ?1) \
         UNION ALL SELECT 'task', t.title, t.due_on, c.name FROM tasks t \
           LEFT JOIN clients c ON c.id = t.client_id AND c.broker_id = ?1 \
           WHERE t.broker_id = ?1 AND t.done_at IS NULL AND t.due_on < ?2 \
         ORDER BY 3 LIMIT 100",
        params![broker, today],
        |r| {
            Ok(OverdueItem {
                kind: r.get(0)?,
                title: r.get(1)?,
                due_on: r.get(2)?,
                client_name: r.get(3)?,
            })
        },
    )
}

/// One task per assignee, each in that broker's feed, in one transaction (the caller's).
pub(super) fn assign_tasks(db: &Db<'_>, tasks: &[(String, TaskRecord)]) -> Result<()> {
    for (assignee, task) in tasks {
        let seq = db.next_seq()?;
        super::rows_tasks::TASKS.write(db, assignee, seq, &protocol::Record::Task(task.clone()))?;
    }
    Ok(())
}
