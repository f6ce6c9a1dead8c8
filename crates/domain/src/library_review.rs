//! How an item of the firm's library (research, stock notes, funds, wealth products) becomes
//! something a broker may push: 经纪业务管理部 drafts it, compliance (合规) reviews it and publishes
//! or returns it, and may withdraw it later. Four eyes: whoever drafted an item does not approve
//! it. What clients will read (title and summary) is held to the same rule as a broker's cover
//! message: no promise of returns.

use chrono::NaiveDate;
use thiserror::Error;

/// Where an item is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewState {
    /// Being written; not yet sent to compliance.
    Drafting,
    /// Waiting for compliance.
    Submitted,
    /// Sent back by compliance with a note; the drafter edits and submits again.
    Returned,
    /// Approved and in desks' library.
    Published,
    /// Taken back by compliance: no longer pushable.
    Withdrawn,
}

/// What someone does to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStep {
    Edit,
    Submit,
    Approve,
    Return,
    Withdraw,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReviewError {
    #[error("该资料当前{state}，不能{step}")]
    NotNow {
        state: &'static str,
        step: &'static str,
    },
    #[error("起草人不能审核自己起草的资料，请由另一位合规人员审核")]
    OwnDraft,
    #[error("{0}")]
    Content(String),
}

impl ReviewState {
    pub fn label_zh(self) -> &'static str {
        match self {
            ReviewState::Drafting => "在起草中",
            ReviewState::Submitted => "待合规审核",
            ReviewState::Returned => "已退回修改",
            ReviewState::Published => "已发布",
            ReviewState::Withdrawn => "已撤回",
        }
    }

    /// The state after `step`, or why the step is not possible now. Editing a published or
    /// withdrawn item starts its next version; the published one stays live until that is
    /// approved.
    pub fn after(self, step: ReviewStep) -> Result<ReviewState, ReviewError> {
        use ReviewState as S;
        use ReviewStep as R;
        match (self, step) {
            (_, R::Edit) if self != S::Submitted => Ok(S::Drafting),
            (S::Drafting | S::Returned, R::Submit) => Ok(S::Submitted),
            (S::Submitted, R::Approve) => Ok(S::Published),
            (S::Submitted, R::Return) => Ok(S::Returned),
            (S::Published, R::Withdraw) => Ok(S::Withdrawn),
            _ => Err(ReviewError::NotNow {
                state: self.label_zh(),
                step: step.label_zh(),
            }),
        }
    }
}

impl ReviewStep {
    pub fn label_zh(self) -> &'static str {
        match self {
            ReviewStep::Edit => "修改",
            ReviewStep::Submit => "提交审核",
            ReviewStep::Approve => "审核通过并发布",
            ReviewStep::Return => "退回",
            ReviewStep::Withdraw => "撤回",
        }
    }
}

/// Whoever approves must not be whoever drafted.
pub fn four_eyes(drafted_by: &str, reviewer: &str) -> Result<(), ReviewError> {
    if drafted_by == reviewer {
        return Err(ReviewError::OwnDraft);
    }
    Ok(())
}

pub const TITLE_MAX: usize = 80;
pub const SUMMARY_MAX: usize = 500;

/// What compliance checks before an item can be sent for review, all at once.
pub struct DraftFacts<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub author: &'a str,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    /// A stock note names its security.
    pub needs_security: bool,
    pub security_code: Option<&'a str>,
}

/// Every problem of a draft, in Chinese, joined: empty fields, a validity that has ended, and
/// any promise of returns in what clients read.
pub fn check_draft(facts: &DraftFacts<'_>, today: NaiveDate) -> Result<(), ReviewError> {
    let mut problems = Vec::new();
    let title = facts.title.trim();
    if title.is_empty() || title.chars().count() > TITLE_MAX {
        problems.push(format!("标题须为 1 到 {TITLE_MAX} 字"));
    }
    let summary = facts.summary.trim();
    if summary.is_empty() || summary.chars().count() > SUMMARY_MAX {
        problems.push(format!(
            "摘要须为 1 到 {SUMMARY_MAX} 字，客户收到推送时读到的就是它"
        ));
    }
    if facts.author.trim().is_empty() {
        problems.push("请填写作者或产品管理人".to_string());
    }
    if facts.valid_until < facts.valid_from {
        problems.push("有效期的结束日期不能早于开始日期".to_string());
    } else if facts.valid_until < today {
        problems.push(format!("有效期已于 {} 结束，请重新设定", facts.valid_until));
    }
    if facts.needs_security && facts.security_code.is_none_or(|c| c.trim().is_empty()) {
        problems.push("个股点评须填写证券代码".to_string());
    }
    for (field, text) in [("标题", title), ("摘要", summary)] {
        if let Some(word) = crate::recommendation::promise_in(text) {
            problems.push(format!("{field}不得承诺收益或保本（含“{word}”）"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ReviewError::Content(problems.join("；")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn facts<'a>(title: &'a str, summary: &'a str) -> DraftFacts<'a> {
        DraftFacts {
            title,
            summary,
            author: "研究所 王磊",
            valid_from: day(1),
            valid_until: day(31),
            needs_security: false,
            security_code: None,
        }
    }

    #[test]
    fn an_item_goes_from_draft_through_review_to_desks_and_back() {
        use ReviewState as S;
        use ReviewStep as R;
        assert_eq!(S::Drafting.after(R::Submit), Ok(S::Submitted));
        assert_eq!(S::Submitted.after(R::Return), Ok(S::Returned));
        assert_eq!(S::Returned.after(R::Edit), Ok(S::Drafting));
        assert_eq!(S::Returned.after(R::Submit), Ok(S::Submitted));
        assert_eq!(S::Submitted.after(R::Approve), Ok(S::Published));
        assert_eq!(S::Published.after(R::Withdraw), Ok(S::Withdrawn));
        assert_eq!(S::Published.after(R::Edit), Ok(S::Drafting));
        assert_eq!(
            S::Submitted.after(R::Edit).unwrap_err().to_string(),
            "该资料当前待合规审核，不能修改"
        );
        assert!(S::Drafting.after(R::Approve).is_err());
        assert!(S::Withdrawn.after(R::Withdraw).is_err());
    }

    #[test]
    fn the_drafter_does_not_approve_their_own_item() {
        assert_eq!(four_eyes("H01", "H01"), Err(ReviewError::OwnDraft));
        assert_eq!(four_eyes("H01", "C01"), Ok(()));
    }

    #[test]
    fn a_draft_that_promises_returns_or_has_lapsed_is_not_reviewed() {
        assert_eq!(
            check_draft(&facts("2027 年策略展望", "关注消费复苏"), day(5)),
            Ok(())
        );
        let promise = check_draft(&facts("稳 赚 组合", "本金保 本，零风险"), day(5));
        let message = promise.unwrap_err().to_string();
        assert!(
            message.contains("标题不得承诺收益或保本（含“稳赚”）"),
            "{message}"
        );
        assert!(
            message.contains("摘要不得承诺收益或保本（含“保本”）"),
            "{message}"
        );
        let mut lapsed = facts("策略", "摘要");
        lapsed.valid_until = day(2);
        assert!(check_draft(&lapsed, day(5))
            .unwrap_err()
            .to_string()
            .contains("已于 2026-12-02 结束"));
        let mut pick = facts("贵州茅台点评", "估值回到历史中枢");
        pick.needs_security = true;
        assert!(check_draft(&pick, day(5))
            .unwrap_err()
            .to_string()
            .contains("证券代码"));
    }
}
