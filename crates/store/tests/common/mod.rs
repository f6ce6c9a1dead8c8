//! A small book of five clients, loaded into a real encrypted cache through `apply_page`, shared
//! by the store's integration tests.

#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use domain::{Fen, InvestorClass, Rate, RiskLevel, Tier};
use protocol::{
    AccountRecord, Change, ClientRecord, PullPage, Record, RiskAssessmentRecord, TradeRecord,
};
use store::{DbKey, Store};

pub const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 25) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// 10:00 in Beijing on [`TODAY`]: the tests' "now", whatever day they run.
pub fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Person {
    n: u32,
    name: &'static str,
    mobile: &'static str,
    assets_yuan: i64,
    tier: Tier,
    risk: Option<(RiskLevel, NaiveDate)>,
    tags: &'static [&'static str],
    last_contact: Option<NaiveDate>,
}

const PEOPLE: [Person; 5] = [
    Person {
        n: 1,
        name: "张伟",
        mobile: "13812345678",
        assets_yuan: 800_000,
        tier: Tier::Gold,
        risk: Some((RiskLevel::C4, day_c(2027, 6, 1))),
        tags: &["高净值"],
        last_contact: Some(day_c(2026, 11, 20)),
    },
    Person {
        n: 2,
        name: "张卫东",
        mobile: "13900001111",
        assets_yuan: 50_000,
        tier: Tier::Standard,
        risk: Some((RiskLevel::C2, day_c(2026, 12, 10))),
        tags: &[],
        last_contact: None,
    },
    Person {
        n: 3,
        name: "单杰",
        mobile: "13700005678",
        assets_yuan: 6_000_000,
        tier: Tier::Diamond,
        risk: Some((RiskLevel::C5, day_c(2026, 1, 1))),
        tags: &["高净值", "企业主"],
        last_contact: Some(day_c(2025, 1, 5)),
    },
    Person {
        n: 4,
        name: "李娜",
        mobile: "15011112222",
        assets_yuan: 200_000,
        tier: Tier::Silver,
        risk: None,
        tags: &["退休"],
        last_contact: Some(day_c(2026, 9, 1)),
    },
    Person {
        n: 5,
        name: "王芳",
        mobile: "18622223333",
        assets_yuan: 1_500_000,
        tier: Tier::Platinum,
        risk: Some((RiskLevel::C3, day_c(2028, 3, 3))),
        tags: &[],
        last_contact: Some(day_c(2026, 11, 1)),
    },
];

const fn day_c(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(v) => v,
        None => NaiveDate::MIN,
    }
}

pub fn records() -> Vec<Record> {
    let mut out = Vec::new();
    for p in &PEOPLE {
        let id = format!("C{:07}", p.n);
        out.push(Record::Client(ClientRecord {
            id: id.clone(),
            name: p.name.into(),
            id_number: "11010519491231002X".into(),
            mobile: p.mobile.into(),
            investor_class: InvestorClass::Ordinary,
            tier: p.tier,
            total_assets: Fen::from_yuan(p.assets_yuan),
            opened_on: day(2020, 1, 1),
            serving_broker_id: "B001".into(),
            serving_broker_name: "马婷".into(),
            developing_broker_id: "B001".into(),
            developing_broker_name: "马婷".into(),
            last_contact_at: p
                .last_contact
                .map(|d| Utc.from_utc_datetime(&d.and_hms_opt(2, 0, 0).unwrap())),
            tags: p.tags.iter().map(|t| t.to_string()).collect(),
            version: 1,
            id_expires_on: None,
            co_server: None,
        }));
        out.push(Record::Account(AccountRecord {
            id: format!("A{:07}", p.n),
            client_id: id.clone(),
            account_no: format!("31000000{:04}", 4000 + p.n),
            commission_rate: Rate(2_500),
            waive_minimum: false,
            opened_on: day(2020, 1, 1),
            cash: Fen::from_yuan(1_000),
            margin_ratio_bp: None,
        }));
        if let Some((level, expires_on)) = p.risk {
            out.push(Record::RiskAssessment(RiskAssessmentRecord {
                id: format!("R{:07}", p.n),
                client_id: id.clone(),
                level,
                assessed_on: expires_on - chrono::Months::new(24),
                expires_on,
                lowest_category: false,
            }));
        }
    }
    // 王芳 traded recently, so she is not dormant; 单杰 has neither trades nor recent contact.
    out.push(Record::Trade(TradeRecord {
        id: "T1".into(),
        client_id: "C0000005".into(),
        account_id: "A0000005".into(),
        traded_at: Utc.with_ymd_and_hms(2026, 11, 3, 2, 0, 0).unwrap(),
        security_code: "600519.SH".into(),
        side: domain::TradeSide::Buy,
        quantity: 100,
        price_li: 1_500_000,
        amount: Fen::from_yuan(150_000),
        commission: Fen(3_750),
        handling_fee: Fen(512),
        regulatory_fee: Fen(300),
        transfer_fee: Fen(150),
        stamp_duty: Fen(0),
        net_commission: Fen(2_938),
    }));
    out
}

pub fn book(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("book.db"), &DbKey([7; 32])).unwrap();
    let changes = records()
        .into_iter()
        .enumerate()
        .map(|(i, record)| Change::Upsert {
            seq: i as u64 + 1,
            record,
        })
        .collect::<Vec<_>>();
    let cursor = changes.len() as u64;
    store
        .apply_page(&PullPage {
            changes,
            cursor,
            has_more: false,
            remaining: 0,
            epoch: String::new(),
        })
        .unwrap();
    store
}

/// Applies `records` as one more pulled page, numbered from `first_seq`.
pub fn apply_more(store: &mut Store, first_seq: u64, records: Vec<Record>) {
    let changes: Vec<Change> = records
        .into_iter()
        .enumerate()
        .map(|(i, record)| Change::Upsert {
            seq: first_seq + i as u64,
            record,
        })
        .collect();
    let cursor = first_seq + changes.len() as u64;
    store
        .apply_page(&PullPage {
            changes,
            cursor,
            has_more: false,
            remaining: 0,
            epoch: String::new(),
        })
        .unwrap();
}
