//! The library's review through head office's console API, to a broker's push: 经纪业务管理部
//! (hq01) drafts an item, compliance (compliance01) refuses what promises returns and publishes
//! the corrected item; broker01's desk has it after its next sync and pushes it to a suitable
//! client, and head office accepts the push. Withdrawn, the item can no longer be pushed.

use crate::recommend::by_verdict;
use domain::clock::shanghai_date;
use domain::ProductRisk;
use protocol::console::{
    LibraryContent, LibraryDraft, LibraryItem, LibraryReview, LibraryReviewState,
    LibrarySubmission, LibraryVerdict,
};
use protocol::{paths, ProductKind};
use reqwest::StatusCode;
use store::{ProductQuery, PushDraft, PushState, WriteIds};
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice};

fn content(summary: &str) -> LibraryContent {
    let today = shanghai_date(now());
    LibraryContent {
        product_kind: ProductKind::ResearchReport,
        title: "2027 年红利策略展望".into(),
        summary: summary.into(),
        body: "正文：红利资产的配置价值与风险提示……".into(),
        risk: ProductRisk::R2,
        target_investors: domain::TargetInvestors::All,
        valid_from: today,
        valid_until: today + chrono::Days::new(90),
        security_code: None,
        author: "研究所 王磊".into(),
    }
}

fn review(id: &str, verdict: LibraryVerdict, note: &str) -> LibraryReview {
    LibraryReview {
        id: id.into(),
        verdict,
        note: note.into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn compliance_publishes_an_item_and_broker01_can_push_it_after_the_next_sync() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let compliance = access_token(&api, "compliance01").await;
    let desk = TestDesk::synced(&base, "broker01").await;

    // A draft that promises a return is kept, but cannot go to compliance.
    let draft: LibraryItem = console
        .ok(
            &hq,
            paths::CONSOLE_LIBRARY_DRAFT,
            &LibraryDraft {
                id: None,
                content: content("高股息组合，稳赚不赔"),
            },
        )
        .await;
    assert_eq!(draft.state, LibraryReviewState::Drafting);
    assert_eq!(draft.drafted_by, "H01");
    let submit = LibrarySubmission {
        id: draft.id.clone(),
    };
    let (status, message) = console
        .refused(&hq, paths::CONSOLE_LIBRARY_SUBMIT, &submit)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        message.contains("摘要不得承诺收益或保本（含“稳赚”）"),
        "{message}"
    );

    // Corrected and submitted, it cannot be edited while compliance has it.
    let fixed = LibraryDraft {
        id: Some(draft.id.clone()),
        content: content("关注高股息资产的防御属性，注意利率波动风险"),
    };
    let _: LibraryItem = console.ok(&hq, paths::CONSOLE_LIBRARY_DRAFT, &fixed).await;
    let submitted: LibraryItem = console
        .ok(&hq, paths::CONSOLE_LIBRARY_SUBMIT, &submit)
        .await;
    assert_eq!(submitted.state, LibraryReviewState::Submitted);
    let (status, message) = console
        .refused(&hq, paths::CONSOLE_LIBRARY_DRAFT, &fixed)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("待合规审核"), "{message}");

    // Returning needs a reason; approving publishes version 1 with an approval reference.
    let (status, message) = console
        .refused(
            &compliance,
            paths::CONSOLE_LIBRARY_REVIEW,
            &review(&draft.id, LibraryVerdict::Return, " "),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("须写明原因"), "{message}");
    let published: LibraryItem = console
        .ok(
            &compliance,
            paths::CONSOLE_LIBRARY_REVIEW,
            &review(&draft.id, LibraryVerdict::Approve, ""),
        )
        .await;
    assert_eq!(published.state, LibraryReviewState::Published);
    assert_eq!(published.published_version, 1);
    let approval_ref = published.approval_ref.clone().unwrap();
    assert!(approval_ref.starts_with("HG-"), "{approval_ref}");
    assert_eq!(published.reviewed_by_name.as_deref(), Some("何静"));

    // broker01's next sync brings it; the desk pushes it to a client it suits.
    desk.sync().await;
    let today = shanghai_date(now());
    let on_desk = desk
        .with_store(|s| s.products(&ProductQuery::default(), today).unwrap())
        .into_iter()
        .find(|p| p.item.id == draft.id)
        .expect("the published item is in broker01's library");
    assert_eq!(on_desk.item.approval_ref, approval_ref);
    assert!(on_desk.item.pushable_on(today));
    let (allowed, _, _) = by_verdict(&desk, &draft.id);
    let client = allowed
        .first()
        .expect("an R2 item suits someone in the book")
        .clone();
    let push = |n: &str| PushDraft {
        product_id: draft.id.clone(),
        cover_message: format!("红利策略的最新观点，供您参考（{n}）"),
        client_ids: vec![client.clone()],
        elderly_confirmed: vec![],
    };
    let push_id = desk
        .store
        .lock()
        .unwrap()
        .send_recommendation(
            WriteIds {
                mutation_id: "m-console-push".into(),
                record_id: "PUSH-CONSOLE".into(),
            },
            &push("一"),
            now(),
            today,
        )
        .unwrap();
    desk.sync().await;
    let detail = desk.with_store(|s| s.push_detail(&push_id).unwrap());
    assert_eq!(detail.summary.state, PushState::Accepted);

    // Withdrawn (with a reason), the next sync takes it off the desk's library and no new push
    // of it is taken; the push already sent keeps its copy.
    let withdrawn: LibraryItem = console
        .ok(
            &compliance,
            paths::CONSOLE_LIBRARY_REVIEW,
            &review(
                &draft.id,
                LibraryVerdict::Withdraw,
                "数据口径有误，撤回待更正",
            ),
        )
        .await;
    assert_eq!(withdrawn.state, LibraryReviewState::Withdrawn);
    assert_eq!(withdrawn.published_version, 2);
    desk.sync().await;
    let library = desk.with_store(|s| s.products(&ProductQuery::default(), today).unwrap());
    assert!(
        library.iter().all(|p| p.item.id != draft.id),
        "a withdrawn item is gone from the desk's library"
    );
    assert!(!library.is_empty(), "the rest of the library stays");
    let kept = desk.with_store(|s| s.push_detail(&push_id).unwrap());
    assert_eq!(kept.summary.product.item.id, draft.id);
    let again = desk.store.lock().unwrap().send_recommendation(
        WriteIds {
            mutation_id: "m-console-push-2".into(),
            record_id: "PUSH-CONSOLE-2".into(),
        },
        &push("二"),
        now(),
        today,
    );
    assert!(
        again.is_err(),
        "a withdrawn item cannot be pushed: {again:?}"
    );

    // The console lists it with its story; items from the firm's files are there as published.
    let items: Vec<LibraryItem> = console.read(&compliance, paths::CONSOLE_LIBRARY, &[]).await;
    let listed = items.iter().find(|i| i.id == draft.id).unwrap();
    assert_eq!(
        listed.review_note.as_deref(),
        Some("数据口径有误，撤回待更正")
    );
    assert!(items
        .iter()
        .any(|i| i.drafted_by_name == "公司文件导入" && i.state == LibraryReviewState::Published));
}
