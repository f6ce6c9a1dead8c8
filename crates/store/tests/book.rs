//! The client list over a real encrypted cache: search (name, pinyin, initials, phone tail,
//! account), filters, sort and saved filters.

use crate::common::{book, now, TODAY};
use domain::{AssessmentStatus, Fen, RiskLevel, Tier};
use store::{ClientQuery, ClientSort, ClientSortField, Store, StoreError};

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
    store.save_filter("  休眠金卡 ", &query, now()).unwrap();
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
        store.save_filter(" ", &query, now()),
        Err(StoreError::Invalid(_))
    ));
    store.delete_filter("休眠金卡").unwrap();
    assert!(store.saved_filters().unwrap().is_empty());
}
