//! The library's review from the console: 经纪业务管理部 drafts and submits, compliance approves
//! (publishes), returns or withdraws. The rules are `domain::library_review`; storage makes each
//! move only if the item is still where the caller saw it.

use crate::error::{HeadOfficeError, Result};
use crate::staff_log::logged;
use chrono::{DateTime, NaiveDate, Utc};
use domain::library_review::{check_draft, four_eyes, DraftFacts, ReviewState, ReviewStep};
use head_office_storage::library::{Publication, StateChange};
use head_office_storage::{Storage, UserRow};
use protocol::console::{
    LibraryContent, LibraryDraft, LibraryItem, LibraryReview, LibraryReviewState, LibraryVerdict,
};
use protocol::{ApprovalState, ProductKind, ProductRecord};

fn domain_state(state: LibraryReviewState) -> ReviewState {
    match state {
        LibraryReviewState::Drafting => ReviewState::Drafting,
        LibraryReviewState::Submitted => ReviewState::Submitted,
        LibraryReviewState::Returned => ReviewState::Returned,
        LibraryReviewState::Published => ReviewState::Published,
        LibraryReviewState::Withdrawn => ReviewState::Withdrawn,
    }
}

fn wire_state(state: ReviewState) -> LibraryReviewState {
    match state {
        ReviewState::Drafting => LibraryReviewState::Drafting,
        ReviewState::Submitted => LibraryReviewState::Submitted,
        ReviewState::Returned => LibraryReviewState::Returned,
        ReviewState::Published => LibraryReviewState::Published,
        ReviewState::Withdrawn => LibraryReviewState::Withdrawn,
    }
}

fn rejected(e: domain::library_review::ReviewError) -> HeadOfficeError {
    HeadOfficeError::Validation(e.to_string())
}

fn changed_meanwhile() -> HeadOfficeError {
    HeadOfficeError::Validation("该资料刚被他人处理过，请刷新后再操作".into())
}

fn item(storage: &dyn Storage, id: &str) -> Result<LibraryItem> {
    storage
        .library_item(id)?
        .ok_or_else(|| HeadOfficeError::NotFound(format!("资料 {id}")))
}

fn check(content: &LibraryContent, today: NaiveDate) -> Result<()> {
    let facts = DraftFacts {
        title: &content.title,
        summary: &content.summary,
        author: &content.author,
        valid_from: content.valid_from,
        valid_until: content.valid_until,
        needs_security: content.product_kind == ProductKind::StockPick,
        security_code: content.security_code.as_deref(),
    };
    check_draft(&facts, today).map_err(rejected)
}

/// Keeps a new draft, or the next version of an item; `new_id` names a new one.
pub fn save_draft(
    storage: &dyn Storage,
    caller: &UserRow,
    draft: LibraryDraft,
    new_id: impl FnOnce() -> String,
    now: DateTime<Utc>,
) -> Result<LibraryItem> {
    let id = match draft.id {
        Some(id) => {
            let known = item(storage, &id)?;
            domain_state(known.state)
                .after(ReviewStep::Edit)
                .map_err(rejected)?;
            id
        }
        None => new_id(),
    };
    let title = draft.content.title.trim();
    let saved = logged(caller, "保存资料草稿", &id, title, now, |log| {
        storage.save_library_draft(&id, &draft.content, &caller.id, now, log)
    })?;
    if !saved {
        return Err(changed_meanwhile());
    }
    item(storage, &id)
}

/// Sends a draft to compliance, if nothing in it would be refused there.
pub fn submit(
    storage: &dyn Storage,
    caller: &UserRow,
    id: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<LibraryItem> {
    let known = item(storage, id)?;
    let from = known.state;
    let to = domain_state(from)
        .after(ReviewStep::Submit)
        .map_err(rejected)?;
    check(&known.content, today)?;
    let title = known.content.title.trim();
    let moved = logged(caller, "提交合规审核", id, title, now, |log| {
        storage.change_library_state(&StateChange {
            id,
            from,
            to: wire_state(to),
            reviewer: None,
            note: None,
            at: now,
            log,
        })
    })?;
    if !moved {
        return Err(changed_meanwhile());
    }
    item(storage, id)
}

/// What desks get: the item as approved, one version on from what they have.
fn record(known: &LibraryItem, approval: ApprovalState, today: NaiveDate) -> ProductRecord {
    let version = known.published_version + 1;
    let c = &known.content;
    ProductRecord {
        id: known.id.clone(),
        product_kind: c.product_kind,
        title: c.title.trim().to_string(),
        summary: c.summary.trim().to_string(),
        risk: c.risk,
        target_investors: c.target_investors,
        version,
        approval,
        valid_from: c.valid_from,
        valid_until: c.valid_until,
        security_code: c.security_code.clone().filter(|s| !s.trim().is_empty()),
        author: c.author.trim().to_string(),
        // A withdrawal keeps the reference the broker's pushes were sent under.
        approval_ref: match (approval, &known.approval_ref) {
            (ApprovalState::Withdrawn, Some(kept)) => kept.clone(),
            _ => format!("HG-{}-{}-V{version}", today.format("%Y%m%d"), known.id),
        },
        body: c.body.clone(),
    }
}

/// Compliance's decision on an item.
pub fn review(
    storage: &dyn Storage,
    caller: &UserRow,
    review: &LibraryReview,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<LibraryItem> {
    let known = item(storage, &review.id)?;
    let note = review.note.trim();
    let step = match review.verdict {
        LibraryVerdict::Approve => ReviewStep::Approve,
        LibraryVerdict::Return => ReviewStep::Return,
        LibraryVerdict::Withdraw => ReviewStep::Withdraw,
    };
    let to = domain_state(known.state).after(step).map_err(rejected)?;
    if step != ReviewStep::Approve && note.is_empty() {
        return Err(HeadOfficeError::Validation(format!(
            "{}须写明原因，起草人和经纪人会看到",
            step.label_zh()
        )));
    }
    if step == ReviewStep::Approve {
        four_eyes(&known.drafted_by, &caller.id).map_err(rejected)?;
        check(&known.content, today)?;
    }
    // What desks get: the item as approved, or the withdrawal of what they have.
    let published = match step {
        ReviewStep::Approve => Some(record(&known, ApprovalState::Approved, today)),
        ReviewStep::Withdraw => Some(record(&known, ApprovalState::Withdrawn, today)),
        _ => None,
    };
    let action = match step {
        ReviewStep::Approve => "资料审核通过并发布",
        ReviewStep::Return => "退回资料",
        _ => "撤回资料",
    };
    let detail = match note {
        "" => known.content.title.trim().to_string(),
        why => format!("{}：{why}", known.content.title.trim()),
    };
    let moved = logged(caller, action, &review.id, &detail, now, |log| {
        let change = StateChange {
            id: &review.id,
            from: known.state,
            to: wire_state(to),
            reviewer: Some(&caller.id),
            note: (!note.is_empty()).then_some(note),
            at: now,
            log,
        };
        match &published {
            Some(record) => storage.publish_library_item(
                &change,
                &Publication {
                    record,
                    reviewer: &caller.id,
                    note,
                },
            ),
            None => storage.change_library_state(&change),
        }
    })?;
    if !moved {
        return Err(changed_meanwhile());
    }
    item(storage, &review.id)
}
