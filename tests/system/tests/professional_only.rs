//! An item compliance approved for professional investors only (仅限专业投资者) reaches every
//! desk marked so; the desk's gate blocks it for each ordinary investor of the book, whatever
//! their risk level, and head office refuses such a recipient even when a forged request claims
//! the desk allowed it.

use crate::recommend::push;
use domain::clock::shanghai_date;
use domain::suitability_check::{BlockReason, Verdict};
use domain::{InvestorClass, TargetInvestors};
use protocol::{ErrorCode, MutationOutcome, PushRequest};
use store::{ClientQuery, ProductQuery, RecipientSelection};
use sync::HeadOffice;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice};

#[tokio::test(flavor = "multi_thread")]
async fn an_item_for_professionals_only_reaches_no_ordinary_investor() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let desk = TestDesk::synced(&base, "broker01").await;
    let today = shanghai_date(now());
    let query = ProductQuery {
        pushable_only: true,
        ..Default::default()
    };
    let item = desk
        .with_store(|s| s.products(&query, today).unwrap())
        .into_iter()
        .map(|p| p.item)
        .find(|p| p.target_investors == TargetInvestors::ProfessionalOnly)
        .expect("the demo library has an item for professionals only");

    let book = RecipientSelection {
        client_ids: vec![],
        query: Some(ClientQuery::default()),
    };
    let checks = desk.with_store(|s| s.check_recipients(&item.id, &book, today).unwrap());
    let ordinary: Vec<_> = checks
        .checks
        .iter()
        .filter(|c| c.investor_class == InvestorClass::Ordinary)
        .collect();
    assert!(!ordinary.is_empty(), "broker01 serves ordinary investors");
    for c in &ordinary {
        let Verdict::Blocked { reasons } = &c.verdict else {
            panic!("{} is ordinary, yet {:?}", c.client_id, c.verdict);
        };
        assert!(
            reasons.contains(&BlockReason::ProfessionalOnly),
            "{reasons:?}"
        );
        assert!(c.reason.as_deref().unwrap().contains("仅限专业投资者"));
    }
    // Professional investors are rare in a book (the demo makes a few of its richest clients
    // one); any broker01 has is not held back by the item's audience.
    for c in checks
        .checks
        .iter()
        .filter(|c| c.investor_class == InvestorClass::Professional)
    {
        let held = matches!(&c.verdict, Verdict::Blocked { reasons } if reasons.contains(&BlockReason::ProfessionalOnly));
        assert!(!held, "{}: {:?}", c.client_id, c.verdict);
    }

    // A forger claims the desk allowed an ordinary investor: head office checks on its own data.
    let api = HeadOffice::new(&base).unwrap();
    let token = access_token(&api, "broker01").await;
    let forged = push(
        "F-PRO",
        &item,
        &[(&ordinary[0].client_id, Verdict::Allowed, true)],
    );
    let mut answer = api
        .push(
            &token,
            &PushRequest {
                mutations: vec![forged],
            },
        )
        .await
        .unwrap();
    match answer.results.remove(0).outcome {
        MutationOutcome::Refused { code, message } => {
            assert_eq!(code, ErrorCode::Unsuitable);
            assert!(message.contains("仅限专业投资者"), "{message}");
        }
        other => panic!("an ordinary investor was accepted: {other:?}"),
    }
}
