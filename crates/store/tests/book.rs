//! The client list over a real encrypted cache: search (name, pinyin, initials, phone tail,
//! account), filters, sort, saved filters, reveal and export audit, and what the file on disk holds.

use chrono::{NaiveDate, TimeZone, Utc};
use domain::{AssessmentStatus, Fen, InvestorClass, Rate, RiskLevel, SensitiveField, Tier};
use protocol::{
    AccountRecord, Change, ClientRecord, MutationOp, PullPage, Record, RiskAssessmentRecord,
    TradeRecord,
};
use store::{ClientQuery, ClientSort, ClientSortField, DbKey, Store, StoreError, WriteIds};

const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 25) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
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

fn records() -> Vec<Record> {
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
        }));
        out.push(Record::Account(AccountRecord {
            id: format!("A{:07}", p.n),
            client_id: id.clone(),
            account_no: format!("31000000{:04}", 4000 + p.n),
            commission_rate: Rate(2_500),
            waive_minimum: false,
            opened_on: day(2020, 1, 1),
            cash: Fen::from_yuan(1_000),
        }));
        if let Some((level, expires_on)) = p.risk {
            out.push(Record::RiskAssessment(RiskAssessmentRecord {
                id: format!("R{:07}", p.n),
                client_id: id.clone(),
                level,
                assessed_on: expires_on - chrono::Months::new(24),
                expires_on,
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

fn book(dir: &std::path::Path) -> Store {
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
        })
        .unwrap();
    store
}

fn names(store: &Store, query: ClientQuery) -> Vec<String> {
    let query = ClientQuery {
        limit: 100,
        ..query
    };
    store
        .list_clients(&query, TODAY)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.name)
        .collect()
}

fn search(store: &Store, text: &str) -> Vec<String> {
    let mut found = names(
        store,
        ClientQuery {
            search: Some(text.into()),
            ..Default::default()
        },
    );
    found.sort();
    found
}

#[test]
fn search_finds_by_pinyin_initials_name_phone_tail_and_account() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    assert_eq!(
        search(&store, "zw"),
        ["张伟", "张卫东"],
        "initials match as a prefix"
    );
    assert_eq!(search(&store, "zwd"), ["张卫东"]);
    assert_eq!(search(&store, "zh"), ["张伟", "张卫东"]);
    assert_eq!(
        search(&store, "ZhangWei"),
        ["张伟", "张卫东"],
        "张卫东 is zhang-wei-dong"
    );
    assert_eq!(search(&store, "weidong"), ["张卫东"]);
    assert_eq!(search(&store, "sj"), ["单杰"], "surname 单 reads shan");
    assert_eq!(search(&store, "张"), ["张伟", "张卫东"]);
    assert_eq!(search(&store, "卫东"), ["张卫东"]);
    assert_eq!(search(&store, "5678"), ["单杰", "张伟"], "phone tail");
    assert_eq!(search(&store, "310000004003"), ["单杰"], "account number");
    assert_eq!(
        search(&store, "4005"),
        ["王芳"],
        "part of an account number"
    );
    assert!(search(&store, "%").is_empty(), "LIKE wildcards are literal");
    assert_eq!(search(&store, "  ").len(), 5, "blank search is no search");
}

#[test]
fn filters_combine_and_sorts_apply() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    let q = |f: fn(&mut ClientQuery)| {
        let mut query = ClientQuery::default();
        f(&mut query);
        let mut found = names(&store, query);
        found.sort();
        found
    };
    assert_eq!(
        q(|q| q.tiers = vec![Tier::Gold, Tier::Diamond]),
        ["单杰", "张伟"]
    );
    assert_eq!(
        q(|q| q.risk_levels = vec![RiskLevel::C3, RiskLevel::C4]),
        ["张伟", "王芳"]
    );
    assert_eq!(
        q(|q| q.assessment = vec![AssessmentStatus::Expired]),
        ["单杰"]
    );
    assert_eq!(
        q(|q| q.assessment = vec![AssessmentStatus::Expiring]),
        ["张卫东"]
    );
    assert_eq!(
        q(|q| q.assessment = vec![AssessmentStatus::Missing]),
        ["李娜"]
    );
    assert_eq!(
        q(|q| q.assessment = vec![AssessmentStatus::Valid]),
        ["张伟", "王芳"]
    );
    assert_eq!(
        q(|q| {
            q.assets_min = Some(Fen::from_yuan(200_000));
            q.assets_max = Some(Fen::from_yuan(1_500_000));
        }),
        ["张伟", "李娜", "王芳"]
    );
    assert_eq!(q(|q| q.tag = Some("高净值".into())), ["单杰", "张伟"]);
    assert_eq!(q(|q| q.contacted_within_days = Some(30)), ["张伟", "王芳"]);
    assert_eq!(
        q(|q| q.not_contacted_days = Some(60)),
        ["单杰", "张卫东", "李娜"]
    );
    // Dormant: no trade and no contact for 6 months. 王芳 traded, 张伟 and 李娜 were contacted.
    assert_eq!(q(|q| q.dormant_only = true), ["单杰", "张卫东"]);
    assert_eq!(
        q(|q| {
            q.tag = Some("高净值".into());
            q.dormant_only = true;
        }),
        ["单杰"]
    );

    let by_name = names(
        &store,
        ClientQuery {
            sort: ClientSort {
                field: ClientSortField::Name,
                descending: false,
            },
            ..Default::default()
        },
    );
    assert_eq!(
        by_name,
        ["李娜", "单杰", "王芳", "张伟", "张卫东"],
        "pinyin order"
    );
    let by_assets = names(&store, ClientQuery::default());
    assert_eq!(by_assets[0], "单杰", "largest assets first by default");
    let page = store
        .list_clients(
            &ClientQuery {
                limit: 2,
                offset: 4,
                ..Default::default()
            },
            TODAY,
        )
        .unwrap();
    assert_eq!((page.total, page.rows.len()), (5, 1));

    let bad = ClientQuery {
        assets_min: Some(Fen::from_yuan(10)),
        assets_max: Some(Fen::from_yuan(1)),
        ..Default::default()
    };
    match store.list_clients(&bad, TODAY) {
        Err(StoreError::Invalid(m)) => assert!(m.contains("资产下限"), "{m}"),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn saved_filters_round_trip_and_need_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    let query = ClientQuery {
        tiers: vec![Tier::Gold],
        dormant_only: true,
        offset: 40,
        ..Default::default()
    };
    store
        .save_filter("  休眠金卡 ", &query, Utc::now())
        .unwrap();
    let saved = store.saved_filters().unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, "休眠金卡");
    assert_eq!(
        saved[0].query,
        ClientQuery {
            offset: 0,
            ..query.clone()
        }
    );
    assert!(matches!(
        store.save_filter(" ", &query, Utc::now()),
        Err(StoreError::Invalid(_))
    ));
    store.delete_filter("休眠金卡").unwrap();
    assert!(store.saved_filters().unwrap().is_empty());
}

#[test]
fn reveal_needs_a_reason_and_leaves_an_audit_entry_in_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book(dir.path());
    let ids = |n: u32| WriteIds {
        mutation_id: format!("m-{n}"),
        record_id: format!("A-{n}"),
    };
    match store.reveal(
        ids(1),
        "C0000001",
        SensitiveField::IdNumber,
        "看看",
        Utc::now(),
    ) {
        Err(StoreError::Invalid(m)) => assert!(m.contains("事由"), "{m}"),
        other => panic!("a reason of two characters must be refused, got {other:?}"),
    }
    assert!(
        store.access_log(None, 10).unwrap().is_empty(),
        "a refused reveal leaves no entry"
    );
    let clear = store
        .reveal(
            ids(2),
            "C0000001",
            SensitiveField::IdNumber,
            "客户来电核实身份",
            Utc::now(),
        )
        .unwrap();
    assert_eq!(clear, "11010519491231002X");
    let log = store.access_log(Some("C0000001"), 10).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].client_name.as_deref(), Some("张伟"));
    assert!(log[0].pending);
    let outbox = store.outbox_batch(10).unwrap();
    assert!(matches!(&outbox[0].op, MutationOp::RecordAccess(e) if e.reason == "客户来电核实身份"));

    store
        .record_export(
            ids(3),
            "季度客户回访名单",
            "导出客户名单 5 条（CSV，个人信息已脱敏）",
            Utc::now(),
        )
        .unwrap();
    let rows = store
        .export_rows(&ClientQuery::default(), TODAY, false)
        .unwrap();
    assert_eq!(rows.len(), 5);
    assert!(rows
        .iter()
        .all(|r| r.id_number.contains("***") && r.mobile.contains("****")));
    let clear_rows = store
        .export_rows(&ClientQuery::default(), TODAY, true)
        .unwrap();
    assert!(clear_rows.iter().all(|r| !r.id_number.contains('*')));
    assert_eq!(store.access_log(None, 10).unwrap().len(), 2);
}

#[test]
fn the_file_on_disk_holds_no_name_or_id_number_in_clear() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = book(dir.path());
        assert_eq!(store.client_count().unwrap(), 5);
    }
    let needles: [&[u8]; 4] = [
        "张卫东".as_bytes(),
        b"11010519491231002X",
        b"13812345678",
        b"zhangweidong",
    ];
    for entry in std::fs::read_dir(dir.path()).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        for needle in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{} holds {} in clear",
                entry.path().display(),
                String::from_utf8_lossy(needle)
            );
        }
    }
    assert!(matches!(
        Store::open(&dir.path().join("book.db"), &DbKey([8; 32])),
        Err(StoreError::WrongKey)
    ));
}

#[test]
fn the_profile_carries_the_360_parts() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    let p = store.client_profile("C0000005", TODAY).unwrap().unwrap();
    assert_eq!(p.serving_broker_name, "马婷");
    assert_eq!(p.age, Some(76));
    assert_eq!(p.trades.len(), 1);
    assert_eq!(p.trades[0].net_commission, Fen(2_938));
    assert_eq!(p.assessment_status, AssessmentStatus::Valid);
    assert_eq!(
        p.allocation.len(),
        1,
        "cash only: the client holds no securities"
    );
    let report = store.contribution(TODAY).unwrap();
    assert_eq!(report.clients[0].name, "王芳");
    assert_eq!((report.total, report.clients_for_80), (Fen(2_938), 1));
}
