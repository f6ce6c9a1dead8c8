//! The demo firm's scope, written out by hand rather than computed by the code under test: which
//! units and brokers each caller may see, and each broker's book as their own feed has it. The
//! scope suites check head office's answers against it.

use chrono::{Datelike, Duration, TimeZone, Utc};
use domain::Fen;
use head_office_storage::Storage;
use protocol::{Change, PullQuery, Record};
use std::collections::{BTreeSet, HashMap};

use crate::TODAY;

pub const UNITS: [&str; 10] = [
    "HQ", "BR01", "BR02", "BR03", "TM01", "TM02", "TM03", "TM04", "TM05", "TM06",
];

/// The demo firm places broker k in team k mod 6; teams 1–2 are branch 1's.
pub fn team_of(broker: usize) -> String {
    format!("TM{:02}", (broker - 1) % 6 + 1)
}

pub fn brokers() -> Vec<String> {
    (1..=30).map(|k| format!("B{k:03}")).collect()
}

/// Units each caller may read, written out by hand rather than computed by the code under test.
pub fn units_of(user: &str) -> BTreeSet<&'static str> {
    match user {
        "lead01" => ["TM01"].into(),
        "lead02" => ["TM02"].into(),
        "manager01" => ["BR01", "TM01", "TM02"].into(),
        "manager02" => ["BR02", "TM03", "TM04"].into(),
        "admin" => UNITS.into(),
        _ => BTreeSet::new(),
    }
}

pub fn brokers_of(user: &str) -> BTreeSet<String> {
    let units = units_of(user);
    (1..=30)
        .filter(|k| units.contains(team_of(*k).as_str()))
        .map(|k| format!("B{k:03}"))
        .collect()
}

pub fn brokers_under(unit: &str) -> BTreeSet<String> {
    (1..=30)
        .filter(|k| {
            let team = team_of(*k);
            let branch = format!("BR{:02}", ((k - 1) % 6) / 2 + 1);
            unit == "HQ" || team == unit || branch == unit
        })
        .map(|k| format!("B{k:03}"))
        .collect()
}

/// Everything in a broker's feed, every page of it.
pub fn feed_of(storage: &dyn Storage, broker: &str) -> Vec<Record> {
    let (mut cursor, mut out) = (0, Vec::new());
    loop {
        let page = storage.pull(broker, cursor, PullQuery::MAX_LIMIT).unwrap();
        out.extend(page.changes.into_iter().filter_map(|c| match c {
            Change::Upsert { record, .. } => Some(record),
            Change::Remove { .. } => None,
        }));
        cursor = page.cursor;
        if !page.has_more {
            return out;
        }
    }
}

/// Each broker's clients and this month's net commission, read from their own feed.
pub struct Books {
    pub clients: HashMap<String, BTreeSet<String>>,
    pub commission: HashMap<String, Fen>,
}

pub fn books(storage: &dyn Storage) -> Books {
    let since = Utc
        .with_ymd_and_hms(TODAY.year(), TODAY.month(), 1, 0, 0, 0)
        .unwrap()
        - Duration::hours(8);
    let mut out = Books {
        clients: HashMap::new(),
        commission: HashMap::new(),
    };
    for b in brokers() {
        // A broker's feed also carries the clients they co-serve (客户共享): those are in the
        // serving broker's book, and count there.
        let feed = feed_of(storage, &b);
        let clients: BTreeSet<String> = feed
            .iter()
            .filter_map(|r| match r {
                Record::Client(c) if c.serving_broker_id == b => Some(c.id.clone()),
                _ => None,
            })
            .collect();
        let commission = feed
            .iter()
            .filter_map(|r| match r {
                Record::Trade(t) if t.traded_at >= since && clients.contains(&t.client_id) => {
                    Some(t.net_commission)
                }
                _ => None,
            })
            .fold(Fen::ZERO, |sum, n| sum + n);
        out.clients.insert(b.clone(), clients);
        out.commission.insert(b, commission);
    }
    out
}
