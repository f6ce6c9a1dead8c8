//! Pushing from the library on a real encrypted cache: the library as pulled, the suitability
//! check of each recipient, the push archived and queued at once, refusals and delivery states.

use crate::common::{book, day, now, TODAY};
use domain::suitability_check::{BlockReason, Verdict};
use domain::{Fen, InvestorClass, ProductRisk, TargetInvestors, Tier};
use protocol::{
    ApprovalState, Change, DeliveryStatus, ErrorCode, HoldingRecord, MutationOp, MutationOutcome,
    MutationResult, ProductKind, ProductRecord, PullPage, PushDeliveryRecord, Record,
};
use store::{
    ClientQuery, ProductQuery, PushDraft, PushState, RecipientSelection, Store, StoreError,
    WriteIds,
};

fn product(id: &str, risk: ProductRisk, approval: ApprovalState, title: &str) -> ProductRecord {
    ProductRecord {
        id: id.into(),
        product_kind: ProductKind::Fund,
        title: title.into(),
        summary: format!("{title}，风险等级 {}", risk.code()),
        risk,
        target_investors: TargetInvestors::All,
        version: 2,
        approval,
        valid_from: day(2026, 10, 1),
        valid_until: day(2027, 3, 31),
        security_code: None,
        author: "华信基金代销部".into(),
        approval_ref: format!("华信合规审〔2026〕{id}号"),
        body: String::new(),
    }
}

fn apply(store: &mut Store, first_seq: u64, records: Vec<Record>) {
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

fn library_book(dir: &std::path::Path) -> Store {
    let mut store = book(dir);
    apply(
        &mut store,
        100,
        vec![
            Record::Product(product(
                "P1",
                ProductRisk::R3,
                ApprovalState::Approved,
                "华信沪深300指数增强A",
            )),
            Record::Product(product(
                "P2",
                ProductRisk::R4,
                ApprovalState::Approved,
                "华信科创50ETF联接A",
            )),
            Record::Product(product(
                "P3",
                ProductRisk::R2,
                ApprovalState::Withdrawn,
                "华信安心短债A",
            )),
            Record::Holding(HoldingRecord {
                id: "H1".into(),
                client_id: "C0000005".into(),
                account_id: "A0000005".into(),
                security_code: "600519.SH".into(),
                security_name: "贵州茅台".into(),
                quantity: 100,
                cost: Fen::from_yuan(150_000),
                market_value: Fen::from_yuan(160_000),
            }),
        ],
    );
    store
}

fn ids(n: u32) -> WriteIds {
    WriteIds {
        mutation_id: format!("m-push-{n}"),
        record_id: format!("PUSH-{n}"),
    }
}

fn draft(product_id: &str, clients: &[&str], confirmed: &[&str], cover: &str) -> PushDraft {
    PushDraft {
        product_id: product_id.into(),
        cover_message: cover.into(),
        client_ids: clients.iter().map(|c| c.to_string()).collect(),
        elderly_confirmed: confirmed.iter().map(|c| c.to_string()).collect(),
    }
}

fn everyone() -> RecipientSelection {
    RecipientSelection {
        client_ids: vec![],
        query: Some(ClientQuery::default()),
    }
}

#[test]
fn the_library_filters_and_hides_what_cannot_be_pushed() {
    let dir = tempfile::tempdir().unwrap();
    let store = library_book(dir.path());
    // The withdrawn P3 is not listed at all.
    let all = store.products(&ProductQuery::default(), TODAY).unwrap();
    let ids: Vec<&str> = all.iter().map(|p| p.item.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(!ids.contains(&"P3"), "{ids:?}");
    let pushable = ProductQuery {
        pushable_only: true,
        ..Default::default()
    };
    assert_eq!(store.products(&pushable, TODAY).unwrap().len(), 2);
    let search = ProductQuery {
        search: Some("科创".into()),
        ..Default::default()
    };
    let found = store.products(&search, TODAY).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].item.risk, ProductRisk::R4);
    // After its validity, an approved item cannot be pushed either.
    let later = store.products(&pushable, day(2027, 4, 1)).unwrap();
    assert!(later.is_empty());
}

#[test]
fn every_recipient_is_checked_and_blocked_ones_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let store = library_book(dir.path());
    // Every fixture client was born in 1949: elderly.
    let r4 = store.check_recipients("P2", &everyone(), TODAY).unwrap();
    assert_eq!((r4.allowed, r4.needs_confirmation, r4.blocked), (0, 1, 4));
    let verdict = |id: &str| {
        r4.checks
            .iter()
            .find(|c| c.client_id == id)
            .unwrap()
            .clone()
    };
    assert_eq!(verdict("C0000001").verdict, Verdict::NeedsConfirmation);
    assert!(verdict("C0000001").reason.unwrap().contains("高龄"));
    assert_eq!(
        verdict("C0000002").verdict,
        Verdict::Blocked {
            reasons: vec![BlockReason::AboveRiskLevel]
        }
    );
    assert!(verdict("C0000003").reason.unwrap().contains("过期"));
    assert!(verdict("C0000004")
        .reason
        .unwrap()
        .contains("尚未完成风险测评"));

    // R3 to the gold and platinum clients: both allowed, even though elderly.
    let rich = RecipientSelection {
        client_ids: vec![],
        query: Some(ClientQuery {
            tiers: vec![Tier::Gold, Tier::Platinum],
            ..Default::default()
        }),
    };
    let r3 = store.check_recipients("P1", &rich, TODAY).unwrap();
    assert_eq!(r3.allowed, 2);
    // Holders of a security, typed without its exchange; hand-picked clients come first, once.
    let holders = RecipientSelection {
        client_ids: vec!["C0000002".into(), "C0000005".into()],
        query: Some(ClientQuery {
            holds_security: Some("600519".into()),
            ..Default::default()
        }),
    };
    let checked = store.check_recipients("P1", &holders, TODAY).unwrap();
    let order: Vec<&str> = checked
        .checks
        .iter()
        .map(|c| c.client_id.as_str())
        .collect();
    assert_eq!(order, ["C0000002", "C0000005"]);
    let bad_code = RecipientSelection {
        client_ids: vec![],
        query: Some(ClientQuery {
            holds_security: Some("12345".into()),
            ..Default::default()
        }),
    };
    let err = store.check_recipients("P1", &bad_code, TODAY).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(m) if m.contains("证券代码")));
}

#[test]
fn an_item_for_professionals_only_is_blocked_for_every_ordinary_investor() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = library_book(dir.path());
    let only = ProductRecord {
        target_investors: TargetInvestors::ProfessionalOnly,
        ..product(
            "P4",
            ProductRisk::R1,
            ApprovalState::Approved,
            "华信私募精选",
        )
    };
    apply(&mut store, 200, vec![Record::Product(only)]);
    let listed = store.products(&ProductQuery::default(), TODAY).unwrap();
    let p4 = listed.iter().find(|p| p.item.id == "P4").unwrap();
    assert_eq!(p4.item.target_investors, TargetInvestors::ProfessionalOnly);
    let checks = store.check_recipients("P4", &everyone(), TODAY).unwrap();
    let ordinary = checks
        .checks
        .iter()
        .filter(|c| c.investor_class == InvestorClass::Ordinary);
    for c in ordinary {
        let blocked = matches!(&c.verdict, Verdict::Blocked { reasons } if reasons.contains(&BlockReason::ProfessionalOnly));
        assert!(blocked, "{}: {:?}", c.client_id, c.verdict);
    }
    assert_eq!(checks.allowed + checks.needs_confirmation, 0);
}

#[test]
fn only_allowed_and_confirmed_recipients_are_sent_and_the_push_is_archived_and_queued() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = library_book(dir.path());
    let now = now();
    // A blocked client anywhere in the list refuses the whole push, and nothing is written.
    let err = store
        .send_recommendation(
            ids(1),
            &draft("P1", &["C0000001", "C0000002"], &[], "均衡配置"),
            now,
            TODAY,
        )
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(m) if m.contains("张卫东")),
        "{err}"
    );
    // An elderly client above R3 needs the broker's confirmation.
    let err = store
        .send_recommendation(
            ids(2),
            &draft("P2", &["C0000001"], &[], "科创板长期配置"),
            now,
            TODAY,
        )
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(m) if m.contains("张伟")),
        "{err}"
    );
    // The broker's own words may not promise returns.
    let err = store
        .send_recommendation(
            ids(3),
            &draft("P1", &["C0000001"], &[], "保本稳赚"),
            now,
            TODAY,
        )
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(m) if m.contains("承诺收益")),
        "{err}"
    );
    // A withdrawn item cannot go.
    let err = store
        .send_recommendation(
            ids(4),
            &draft("P3", &["C0000001"], &[], "短债打底"),
            now,
            TODAY,
        )
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(m) if m.contains("撤回")),
        "{err}"
    );
    assert!(store.push_history(50).unwrap().is_empty());
    assert!(store.outbox_batch(10).unwrap().is_empty());

    let id = store
        .send_recommendation(
            ids(5),
            &draft(
                "P2",
                &["C0000001"],
                &["C0000001"],
                " 科创板长期配置，仅供参考 ",
            ),
            now,
            TODAY,
        )
        .unwrap();
    let outbox = store.outbox_batch(10).unwrap();
    assert_eq!(outbox.len(), 1);
    let MutationOp::SendRecommendation(push) = &outbox[0].op else {
        panic!("expected a push in the outbox");
    };
    assert_eq!(push.cover_message, "科创板长期配置，仅供参考");
    assert_eq!(push.product_version, 2);
    assert!(push.recipients[0].elderly_confirmed);
    assert_eq!(push.recipients[0].desk_verdict, Verdict::NeedsConfirmation);

    let detail = store.push_detail(&id).unwrap();
    assert_eq!(detail.summary.state, PushState::Pending);
    assert_eq!(detail.summary.product.item.title, "华信科创50ETF联接A");
    assert_eq!(detail.summary.counts.waiting, 1);
    assert_eq!(detail.recipients[0].client_name, "张伟");
    assert_eq!(detail.recipients[0].status, None);

    // Head office takes it; later its delivery states arrive with the feed.
    store
        .settle(
            &[MutationResult {
                id: "m-push-5".into(),
                outcome: MutationOutcome::Applied,
            }],
            now,
        )
        .unwrap();
    let delivery = |status, reply: Option<&str>| {
        Record::PushDelivery(PushDeliveryRecord {
            id: PushDeliveryRecord::id_for(&id, "C0000001"),
            push_id: id.clone(),
            client_id: "C0000001".into(),
            status,
            reason: None,
            reply: reply.map(str::to_string),
            updated_at: now,
        })
    };
    apply(
        &mut store,
        200,
        vec![delivery(DeliveryStatus::Delivered, None)],
    );
    let detail = store.push_detail(&id).unwrap();
    assert_eq!(detail.summary.state, PushState::Accepted);
    assert_eq!(detail.summary.counts.delivered, 1);
    apply(
        &mut store,
        300,
        vec![delivery(DeliveryStatus::Replied, Some("方便时电话聊聊"))],
    );
    let mine = store.client_pushes("C0000001").unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].status, Some(DeliveryStatus::Replied));
    assert_eq!(mine[0].reply.as_deref(), Some("方便时电话聊聊"));
    // The library item is shown as it was sent, even once head office changes it.
    apply(
        &mut store,
        400,
        vec![Record::Product(product(
            "P2",
            ProductRisk::R5,
            ApprovalState::Withdrawn,
            "改名后的产品",
        ))],
    );
    let archived = store.push_detail(&id).unwrap().summary.product;
    assert_eq!(
        (archived.item.title.as_str(), archived.item.risk),
        ("华信科创50ETF联接A", ProductRisk::R4)
    );
    assert!(store.client_pushes("C0000002").unwrap().is_empty());
}

#[test]
fn a_push_head_office_refuses_stays_archived_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = library_book(dir.path());
    let now = now();
    let id = store
        .send_recommendation(
            ids(1),
            &draft("P1", &["C0000005"], &[], "指数增强，长期定投"),
            now,
            TODAY,
        )
        .unwrap();
    store
        .settle(
            &[MutationResult {
                id: "m-push-1".into(),
                outcome: MutationOutcome::Refused {
                    code: ErrorCode::Unsuitable,
                    message: "客户 C0000005：总部适当性复核未通过：客户风险测评已过期".into(),
                },
            }],
            now,
        )
        .unwrap();
    let summary = &store.push_history(10).unwrap()[0];
    assert_eq!(summary.id, id);
    assert_eq!(summary.state, PushState::Refused);
    assert!(summary.refusal.as_deref().unwrap().contains("过期"));
    let notices = store.refusals().unwrap();
    assert!(notices[0].summary.contains("华信沪深300指数增强A"));
    assert!(store.outbox_batch(10).unwrap().is_empty());
}
