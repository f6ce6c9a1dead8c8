//! What may go out in a proactive push, beyond the suitability gate itself: the broker's cover
//! message (their own words, so no promise of returns), and whether a recipient's verdict lets the
//! push reach them. Desk and head office decide by these same functions.

use crate::suitability_check::{BlockReason, Verdict};
use thiserror::Error;

/// The longest cover message, in characters: a few lines in a chat window.
pub const COVER_MESSAGE_MAX: usize = 300;

/// Words that promise a return or a guarantee, which a broker may never write (DOMAIN.md, "What a
/// broker may and may not do").
const PROMISES: [&str; 10] = [
    "保本",
    "保收益",
    "保证收益",
    "稳赚",
    "包赚",
    "零风险",
    "无风险",
    "稳赚不赔",
    "收益翻倍",
    "承诺收益",
];

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoverMessageError {
    #[error("请填写推荐语：一两句话说明为什么推荐给客户")]
    Empty,
    #[error("推荐语不能超过 {max} 字，请精简")]
    TooLong { max: usize },
    #[error("推荐语不得承诺收益或保本（含“{0}”），请修改措辞")]
    Promise(String),
}

/// The cover message, trimmed, or why it may not be sent.
pub fn cover_message(text: &str) -> Result<String, CoverMessageError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CoverMessageError::Empty);
    }
    if trimmed.chars().count() > COVER_MESSAGE_MAX {
        return Err(CoverMessageError::TooLong {
            max: COVER_MESSAGE_MAX,
        });
    }
    if let Some(word) = promise_in(trimmed) {
        return Err(CoverMessageError::Promise(word.to_string()));
    }
    Ok(trimmed.to_string())
}

/// The first word of `text` that promises a return or a guarantee, if any. Read as a client
/// would: "保 本", "稳　赚" and "保證收益" promise as much as "保本" does.
pub fn promise_in(text: &str) -> Option<&'static str> {
    let folded = crate::fold::for_matching(text);
    PROMISES.iter().find(|w| folded.contains(*w)).copied()
}

/// Whether a recipient gets the push, and if not, the reason in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecipientDecision {
    Send,
    Withhold(String),
}

pub const ELDERLY_UNCONFIRMED: &str =
    "客户已达高龄标准，推荐 R3 以上产品须经经纪人逐一确认并留痕，本次未确认";

/// Blocked never goes (there is no override); an elderly client's push above R3 goes only with
/// the broker's explicit confirmation.
pub fn decide(verdict: &Verdict, elderly_confirmed: bool) -> RecipientDecision {
    match verdict {
        Verdict::Allowed => RecipientDecision::Send,
        Verdict::NeedsConfirmation if elderly_confirmed => RecipientDecision::Send,
        Verdict::NeedsConfirmation => RecipientDecision::Withhold(ELDERLY_UNCONFIRMED.to_string()),
        Verdict::Blocked { reasons } => RecipientDecision::Withhold(reasons_zh(reasons)),
    }
}

/// The reasons of a block, in Chinese, joined.
pub fn reasons_zh(reasons: &[BlockReason]) -> String {
    reasons
        .iter()
        .map(|r| r.message_zh())
        .collect::<Vec<_>>()
        .join("；")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_message_rules() {
        assert_eq!(cover_message("  看好白酒龙头 ").unwrap(), "看好白酒龙头");
        assert_eq!(cover_message("   "), Err(CoverMessageError::Empty));
        assert!(matches!(
            cover_message(&"字".repeat(COVER_MESSAGE_MAX + 1)),
            Err(CoverMessageError::TooLong { .. })
        ));
        assert!(cover_message(&"字".repeat(COVER_MESSAGE_MAX)).is_ok());
        assert_eq!(
            cover_message("这只产品保本保息"),
            Err(CoverMessageError::Promise("保本".into()))
        );
        assert!(cover_message("稳赚不赔，快上车")
            .unwrap_err()
            .to_string()
            .contains("稳赚"));
    }

    #[test]
    fn a_promise_is_caught_however_it_is_spaced_or_written() {
        for dodge in [
            "保 本",
            "稳　赚",
            "保證收益",
            "穩賺不賠",
            "零\u{200b}风险",
            "无·风·险",
        ] {
            assert!(
                matches!(cover_message(dodge), Err(CoverMessageError::Promise(_))),
                "{dodge} slipped through"
            );
        }
        assert_eq!(
            cover_message("保 证 收 益"),
            Err(CoverMessageError::Promise("保证收益".into()))
        );
        // What is sent is the broker's own text, not the folded one.
        assert_eq!(
            cover_message(" 长期看好，仅供参考 ").unwrap(),
            "长期看好，仅供参考"
        );
    }

    #[test]
    fn blocked_never_goes_and_elderly_needs_a_confirmation() {
        let blocked = Verdict::Blocked {
            reasons: vec![BlockReason::AboveRiskLevel, BlockReason::AssessmentExpired],
        };
        for confirmed in [false, true] {
            let RecipientDecision::Withhold(reason) = decide(&blocked, confirmed) else {
                panic!("a blocked recipient got the push");
            };
            assert!(reason.contains("不得主动推荐") && reason.contains("过期"));
        }
        assert_eq!(decide(&Verdict::Allowed, false), RecipientDecision::Send);
        assert_eq!(
            decide(&Verdict::NeedsConfirmation, true),
            RecipientDecision::Send
        );
        assert!(matches!(
            decide(&Verdict::NeedsConfirmation, false),
            RecipientDecision::Withhold(_)
        ));
    }
}
