//! Complaints (投诉) and service requests: what a broker may register, the firm's service time limit
//! (服务时限) that sets each case's deadline, and the road a case takes through head office. Head
//! office and the desk both compute a deadline from these rules, so the desk's provisional one (made
//! offline) is the one head office will confirm unless the firm's policy changed meanwhile.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ComplaintCategory {
    /// 服务态度
    ServiceAttitude,
    /// 交易系统
    TradingSystem,
    /// 佣金费用
    Fees,
    /// 适当性/销售: mis-selling, watched by the regulator.
    Suitability,
    /// 信息披露: watched by the regulator.
    Disclosure,
    /// 其他
    Other,
}

impl ComplaintCategory {
    pub const ALL: [ComplaintCategory; 6] = [
        ComplaintCategory::ServiceAttitude,
        ComplaintCategory::TradingSystem,
        ComplaintCategory::Fees,
        ComplaintCategory::Suitability,
        ComplaintCategory::Disclosure,
        ComplaintCategory::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ComplaintCategory::ServiceAttitude => "service_attitude",
            ComplaintCategory::TradingSystem => "trading_system",
            ComplaintCategory::Fees => "fees",
            ComplaintCategory::Suitability => "suitability",
            ComplaintCategory::Disclosure => "disclosure",
            ComplaintCategory::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<ComplaintCategory> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            ComplaintCategory::ServiceAttitude => "服务态度",
            ComplaintCategory::TradingSystem => "交易系统",
            ComplaintCategory::Fees => "佣金费用",
            ComplaintCategory::Suitability => "适当性/销售",
            ComplaintCategory::Disclosure => "信息披露",
            ComplaintCategory::Other => "其他",
        }
    }

    /// Mis-selling and disclosure are what regulators follow up, so the firm answers them sooner.
    pub fn regulator_watched(self) -> bool {
        matches!(
            self,
            ComplaintCategory::Suitability | ComplaintCategory::Disclosure
        )
    }
}

/// Where a case stands. 已登记 → 处理中 → 已答复 → 已回访 → 结案; at any open step it may be handed
/// to the regulator (转监管/12386), after which the firm can still close it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CaseStatus {
    Registered,
    InProgress,
    Replied,
    Visited,
    Escalated,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Registered,
        CaseStatus::InProgress,
        CaseStatus::Replied,
        CaseStatus::Visited,
        CaseStatus::Escalated,
        CaseStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Registered => "registered",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::Replied => "replied",
            CaseStatus::Visited => "visited",
            CaseStatus::Escalated => "escalated",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<CaseStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CaseStatus::Registered => "已登记",
            CaseStatus::InProgress => "处理中",
            CaseStatus::Replied => "已答复",
            CaseStatus::Visited => "已回访",
            CaseStatus::Escalated => "转监管",
            CaseStatus::Closed => "结案",
        }
    }

    /// Still counting against the time limit: everything but 结案.
    pub fn is_open(self) -> bool {
        self != CaseStatus::Closed
    }

    /// Whether head office may move a case from `self` to `next`. A case never goes back: a reply
    /// once given stands in the record, and a new development is a new note on the same step.
    pub fn can_become(self, next: CaseStatus) -> bool {
        use CaseStatus::*;
        matches!(
            (self, next),
            (Registered, InProgress)
                | (Registered | InProgress, Replied)
                | (Replied, Visited)
                | (Replied | Visited | Escalated, Closed)
                | (Registered | InProgress | Replied | Visited, Escalated)
        )
    }
}

/// The firm's service time limits, in calendar days from the day the client complained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ComplaintLimits {
    pub limit_days: u32,
    /// The shorter limit for the categories regulators watch (`regulator_watched`).
    pub watched_limit_days: u32,
}

impl Default for ComplaintLimits {
    fn default() -> Self {
        ComplaintLimits {
            limit_days: 15,
            watched_limit_days: 7,
        }
    }
}

impl ComplaintLimits {
    pub fn days_for(&self, category: ComplaintCategory) -> u32 {
        if category.regulator_watched() {
            self.watched_limit_days
        } else {
            self.limit_days
        }
    }

    pub fn due_on(&self, category: ComplaintCategory, received_on: NaiveDate) -> NaiveDate {
        received_on + Days::new(u64::from(self.days_for(category)))
    }
}

/// Why a complaint cannot be registered as written; each says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComplaintError {
    #[error("请记录客户的原话（5 到 2000 字）")]
    Words,
    #[error("客户诉求不超过 500 字")]
    Asks,
    #[error("投诉受理日期 {received} 不能晚于今天 {today}")]
    Future {
        received: NaiveDate,
        today: NaiveDate,
    },
    #[error("投诉受理日期 {0} 过早：超过 90 天的投诉请直接报总部客服登记")]
    TooOld(NaiveDate),
}

/// Checks what the broker wrote down; returns the words and the asks, trimmed.
pub fn check_complaint<'a>(
    client_words: &'a str,
    client_asks: &'a str,
    received_on: NaiveDate,
    today: NaiveDate,
) -> Result<(&'a str, &'a str), ComplaintError> {
    let words = client_words.trim();
    if !(5..=2_000).contains(&words.chars().count()) {
        return Err(ComplaintError::Words);
    }
    let asks = client_asks.trim();
    if asks.chars().count() > 500 {
        return Err(ComplaintError::Asks);
    }
    if received_on > today {
        return Err(ComplaintError::Future {
            received: received_on,
            today,
        });
    }
    if received_on + Days::new(90) < today {
        return Err(ComplaintError::TooOld(received_on));
    }
    Ok((words, asks))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn watched_categories_get_the_shorter_limit() {
        let limits = ComplaintLimits::default();
        assert_eq!(
            limits.due_on(ComplaintCategory::Fees, day(12, 1)),
            day(12, 16)
        );
        assert_eq!(
            limits.due_on(ComplaintCategory::Suitability, day(12, 1)),
            day(12, 8)
        );
        assert_eq!(
            limits.due_on(ComplaintCategory::Disclosure, day(12, 28)),
            NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
        );
    }

    #[test]
    fn a_case_moves_forward_only() {
        use CaseStatus::*;
        assert!(Registered.can_become(InProgress));
        assert!(InProgress.can_become(Replied));
        assert!(Replied.can_become(Visited));
        assert!(Visited.can_become(Closed));
        assert!(InProgress.can_become(Escalated));
        assert!(Escalated.can_become(Closed));
        assert!(!Closed.can_become(InProgress));
        assert!(!Replied.can_become(InProgress));
        assert!(!Registered.can_become(Closed));
        assert!(!Escalated.can_become(Replied));
        assert!(!Closed.is_open() && Escalated.is_open());
    }

    #[test]
    fn every_status_and_category_reads_back() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        }
        for c in ComplaintCategory::ALL {
            assert_eq!(ComplaintCategory::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn what_the_broker_wrote_is_checked() {
        let today = day(12, 4);
        assert_eq!(
            check_complaint("  客户说佣金比约定高  ", " 退还差额 ", today, today),
            Ok(("客户说佣金比约定高", "退还差额"))
        );
        assert_eq!(
            check_complaint("太贵", "", today, today),
            Err(ComplaintError::Words)
        );
        assert!(matches!(
            check_complaint("客户说佣金比约定高", "", day(12, 5), today),
            Err(ComplaintError::Future { .. })
        ));
        assert_eq!(
            check_complaint("客户说佣金比约定高", "", day(9, 1), today),
            Err(ComplaintError::TooOld(day(9, 1)))
        );
        let long = "退".repeat(501);
        assert_eq!(
            check_complaint("客户说佣金比约定高", &long, today, today),
            Err(ComplaintError::Asks)
        );
    }
}
