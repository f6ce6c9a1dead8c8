//! A console change and its operation-log line are one transaction: a change made is logged,
//! and one refused (changed meanwhile, or unknown) leaves no line behind.

use crate::support::{firm, now, today};
use chrono::Duration;
use domain::{ProductRisk, TargetInvestors};
use head_office_storage::library::{LibraryReviews, StateChange};
use head_office_storage::staff::{NewStaffAction, StaffDesk};
use head_office_storage::{SqlStorage, Storage, StorageError};
use protocol::console::{LibraryContent, LibraryReviewState};
use protocol::{DisputeStatus, ProductKind};

fn line<'a>(id: &'a str, action: &'a str) -> NewStaffAction<'a> {
    NewStaffAction {
        id,
        at: now(),
        user_id: "H01",
        action,
        subject: "R-1",
        detail: "测试",
    }
}

fn logged(storage: &SqlStorage) -> Vec<String> {
    storage
        .staff_actions(now() - Duration::hours(1), now() + Duration::hours(1))
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect()
}

fn note() -> LibraryContent {
    LibraryContent {
        product_kind: ProductKind::ResearchReport,
        title: "四季度宏观展望".into(),
        summary: "经济温和复苏，关注消费".into(),
        body: String::new(),
        risk: ProductRisk::R2,
        target_investors: TargetInvestors::default(),
        valid_from: today(),
        valid_until: today() + Duration::days(30),
        security_code: None,
        author: "研究所".into(),
    }
}

#[test]
fn a_change_is_logged_with_it_and_a_refused_one_leaves_no_line() {
    let (_dir, storage) = firm();
    let saved = storage
        .save_library_draft("R-1", &note(), "H01", now(), &line("l1", "保存资料草稿"))
        .unwrap();
    assert!(saved);
    let (first, second) = (line("l2", "提交合规审核"), line("l3", "提交合规审核"));
    let submit = |log| StateChange {
        id: "R-1",
        from: LibraryReviewState::Drafting,
        to: LibraryReviewState::Submitted,
        reviewer: None,
        note: None,
        at: now(),
        log,
    };
    assert!(storage.change_library_state(&submit(&first)).unwrap());
    assert_eq!(logged(&storage), ["保存资料草稿", "提交合规审核"]);

    // Changed meanwhile: a second submit, and an edit of what compliance is reading.
    assert!(!storage.change_library_state(&submit(&second)).unwrap());
    assert!(!storage
        .save_library_draft("R-1", &note(), "H01", now(), &line("l4", "保存资料草稿"))
        .unwrap());
    // An unknown dispute is refused, and its answer not logged.
    let answer = storage.answer_dispute(
        "D-NONE",
        DisputeStatus::Rejected,
        "不予调整",
        Some(&line("l5", "答复佣金异议")),
    );
    assert!(
        matches!(answer, Err(StorageError::NotFound(_))),
        "{answer:?}"
    );
    assert_eq!(logged(&storage), ["保存资料草稿", "提交合规审核"]);
}
