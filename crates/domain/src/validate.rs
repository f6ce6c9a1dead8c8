//! Validation of the identifiers a broker types or head office sends: resident ID numbers, mobile
//! numbers and security codes (DOMAIN.md, "Validation"). Errors carry a Chinese message that says
//! what to fix, because forms show it as is.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValidationError {
    #[error("身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X")]
    IdNumberShape,
    #[error("身份证号中的出生日期 {0} 不是有效日期")]
    IdNumberBirthDate(String),
    #[error("身份证号中的出生日期 {0} 晚于今天")]
    IdNumberBornInFuture(String),
    #[error("身份证号校验位不符：最后一位应为 {expected}，请核对号码")]
    IdNumberCheckChar { expected: char },
    #[error("手机号应为 11 位，以 13–19 开头（可带 +86 前缀）")]
    Mobile,
    #[error("证券代码应为 6 位数字，可带 .SH / .SZ / .BJ 后缀")]
    SecurityCodeShape,
    #[error("无法识别证券代码 {0} 所属的交易所，请加上 .SH / .SZ / .BJ 后缀")]
    SecurityCodeExchange(String),
    #[error("请填写联系内容")]
    ContactSummaryEmpty,
    #[error("联系内容不能超过 {max} 字，请精简后再保存")]
    ContactSummaryTooLong { max: usize },
    #[error("联系时间不能晚于当前时间")]
    ContactInFuture,
    #[error("请从电话、面谈、微信、邮件、会议中选择联系方式")]
    UnknownChannel,
    #[error("方便联系时间不能超过 {max} 字")]
    BestTimeTooLong { max: usize },
    #[error("客户备注不能超过 {max} 字")]
    RemarkTooLong { max: usize },
    #[error("版本号「{0}」应为三段数字 X.Y.Z，例如 0.1.1")]
    DeskVersionShape(String),
}

pub const CHANNELS: [&str; 5] = ["phone", "visit", "wechat", "email", "meeting"];
pub const BEST_TIME_MAX: usize = 50;
pub const REMARK_MAX: usize = 500;

/// A client's preferences as the broker or head office may store them.
pub fn preferences(
    channel: Option<&str>,
    best_time_to_call: Option<&str>,
    remark: Option<&str>,
) -> Result<(), ValidationError> {
    if channel.is_some_and(|c| !CHANNELS.contains(&c)) {
        return Err(ValidationError::UnknownChannel);
    }
    if best_time_to_call.is_some_and(|t| t.chars().count() > BEST_TIME_MAX) {
        return Err(ValidationError::BestTimeTooLong { max: BEST_TIME_MAX });
    }
    if remark.is_some_and(|t| t.chars().count() > REMARK_MAX) {
        return Err(ValidationError::RemarkTooLong { max: REMARK_MAX });
    }
    Ok(())
}

/// The longest contact-log entry, in characters: a note, not a document.
pub const CONTACT_SUMMARY_MAX: usize = 2_000;

/// A contact-log entry's text, trimmed; refused when empty or too long.
pub fn contact_summary(text: &str) -> Result<String, ValidationError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::ContactSummaryEmpty);
    }
    if trimmed.chars().count() > CONTACT_SUMMARY_MAX {
        return Err(ValidationError::ContactSummaryTooLong {
            max: CONTACT_SUMMARY_MAX,
        });
    }
    Ok(trimmed.to_string())
}

const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// An 18-character resident ID number (居民身份证号码) that passed every check.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdNumber(String);

impl IdNumber {
    /// The check character for the first 17 digits; `None` if they are not 17 digits.
    pub fn check_char(first17: &str) -> Option<char> {
        if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let sum: u32 = first17
            .bytes()
            .zip(ID_WEIGHTS)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        Some(char::from(ID_CHECK_CHARS[(sum % 11) as usize]))
    }

    /// Checks shape, birth date (a real date, not after `today`) and check character. A lower-case
    /// `x` is accepted and normalised to `X`.
    pub fn parse(input: &str, today: NaiveDate) -> Result<IdNumber, ValidationError> {
        let id = input.trim().to_ascii_uppercase();
        let bytes = id.as_bytes();
        if bytes.len() != 18
            || !bytes[..17].iter().all(u8::is_ascii_digit)
            || !(bytes[17].is_ascii_digit() || bytes[17] == b'X')
        {
            return Err(ValidationError::IdNumberShape);
        }
        let birth_text = &id[6..14];
        let birth = NaiveDate::parse_from_str(birth_text, "%Y%m%d")
            .map_err(|_| ValidationError::IdNumberBirthDate(birth_text.to_string()))?;
        if birth > today {
            return Err(ValidationError::IdNumberBornInFuture(
                birth_text.to_string(),
            ));
        }
        let expected = IdNumber::check_char(&id[..17]).ok_or(ValidationError::IdNumberShape)?;
        if char::from(bytes[17]) != expected {
            return Err(ValidationError::IdNumberCheckChar { expected });
        }
        Ok(IdNumber(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> NaiveDate {
        // parse() proved these 8 digits are a date.
        NaiveDate::parse_from_str(&self.0[6..14], "%Y%m%d").unwrap_or_default()
    }

    /// The 17th digit is odd for men.
    pub fn is_male(&self) -> bool {
        (self.0.as_bytes()[16] - b'0') % 2 == 1
    }

    pub fn age_on(&self, day: NaiveDate) -> u32 {
        let birth = self.birth_date();
        let had_birthday = (day.month(), day.day()) >= (birth.month(), birth.day());
        let years = day.year() - birth.year() - i32::from(!had_birthday);
        u32::try_from(years).unwrap_or(0)
    }
}

/// A mainland mobile number: 11 digits, `1[3-9]` then 9 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mobile(String);

impl Mobile {
    /// Accepts spaces, dashes and a leading +86 / 0086, and keeps the 11 digits.
    pub fn parse(input: &str) -> Result<Mobile, ValidationError> {
        let compact: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        let digits = compact
            .strip_prefix("+86")
            .or_else(|| compact.strip_prefix("0086"))
            .unwrap_or(&compact);
        let b = digits.as_bytes();
        let ok = b.len() == 11
            && b.iter().all(u8::is_ascii_digit)
            && b[0] == b'1'
            && (b'3'..=b'9').contains(&b[1]);
        if ok {
            Ok(Mobile(digits.to_string()))
        } else {
            Err(ValidationError::Mobile)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[ts(export)]
pub enum Exchange {
    /// 上海证券交易所
    Sh,
    /// 深圳证券交易所
    Sz,
    /// 北京证券交易所
    Bj,
}

impl Exchange {
    pub fn suffix(self) -> &'static str {
        match self {
            Exchange::Sh => "SH",
            Exchange::Sz => "SZ",
            Exchange::Bj => "BJ",
        }
    }

    /// The exchange a bare code belongs to, by its prefix.
    fn of_digits(digits: &str) -> Option<Exchange> {
        let p3 = &digits[..3];
        let sh = ["600", "601", "603", "605", "688", "689"];
        let sz = ["000", "001", "002", "003", "300", "301", "159"];
        if sh.contains(&p3) || matches!(&digits[..2], "51" | "56" | "58") {
            Some(Exchange::Sh)
        } else if sz.contains(&p3) {
            Some(Exchange::Sz)
        } else if p3 == "920" || digits.starts_with('4') || digits.starts_with('8') {
            Some(Exchange::Bj)
        } else {
            None
        }
    }
}

/// A listed security as stored everywhere: `600519.SH`, never the bare digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SecurityCode {
    digits: String,
    exchange: Exchange,
}

impl SecurityCode {
    /// Accepts `600519`, `600519.SH` or `sh600519`-less forms; the suffix, when given, wins.
    pub fn parse(input: &str) -> Result<SecurityCode, ValidationError> {
        let up = input.trim().to_ascii_uppercase();
        let (digits, suffix) = match up.split_once('.') {
            Some((d, s)) => (d.to_string(), Some(s.to_string())),
            None => (up.clone(), None),
        };
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ValidationError::SecurityCodeShape);
        }
        let exchange = match suffix.as_deref() {
            Some("SH") => Exchange::Sh,
            Some("SZ") => Exchange::Sz,
            Some("BJ") => Exchange::Bj,
            Some(_) => return Err(ValidationError::SecurityCodeShape),
            None => Exchange::of_digits(&digits)
                .ok_or_else(|| ValidationError::SecurityCodeExchange(digits.clone()))?,
        };
        Ok(SecurityCode { digits, exchange })
    }

    /// The six digits without the exchange.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    pub fn exchange(&self) -> Exchange {
        self.exchange
    }
}

impl fmt::Display for SecurityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.digits, self.exchange.suffix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn accepts_the_valid_samples_and_normalises_x() {
        assert!(IdNumber::parse("11010519491231002X", today()).is_ok());
        assert!(IdNumber::parse("440524188001010014", today()).is_ok());
        let lower = IdNumber::parse("11010519491231002x", today()).unwrap();
        assert_eq!(lower.as_str(), "11010519491231002X");
        assert!(!lower.is_male());
        assert_eq!(lower.age_on(today()), 76);
    }

    #[test]
    fn refuses_bad_check_char_dates_and_shapes() {
        assert_eq!(
            IdNumber::parse("110105194912310021", today()),
            Err(ValidationError::IdNumberCheckChar { expected: 'X' })
        );
        assert!(matches!(
            IdNumber::parse("110105194902300021", today()),
            Err(ValidationError::IdNumberBirthDate(_))
        ));
        assert!(matches!(
            IdNumber::parse("110105203001010011", today()),
            Err(ValidationError::IdNumberBornInFuture(_))
        ));
        assert_eq!(
            IdNumber::parse("1101051949", today()),
            Err(ValidationError::IdNumberShape)
        );
    }

    #[test]
    fn contact_summary_is_trimmed_and_bounded() {
        assert_eq!(
            contact_summary("  电话回访，客户关心分红  ").unwrap(),
            "电话回访，客户关心分红"
        );
        assert_eq!(
            contact_summary(" \n "),
            Err(ValidationError::ContactSummaryEmpty)
        );
        let long = "字".repeat(CONTACT_SUMMARY_MAX + 1);
        assert!(matches!(
            contact_summary(&long),
            Err(ValidationError::ContactSummaryTooLong { .. })
        ));
        assert!(contact_summary(&"字".repeat(CONTACT_SUMMARY_MAX)).is_ok());
    }

    #[test]
    fn mobile_strips_country_code_and_checks_prefix() {
        assert_eq!(
            Mobile::parse("+86 138-1234-5678").unwrap().as_str(),
            "13812345678"
        );
        assert_eq!(Mobile::parse("12812345678"), Err(ValidationError::Mobile));
        assert_eq!(Mobile::parse("1381234567"), Err(ValidationError::Mobile));
    }

    #[test]
    fn security_codes_get_their_exchange() {
        assert_eq!(
            SecurityCode::parse("600519").unwrap().to_string(),
            "600519.SH"
        );
        assert_eq!(
            SecurityCode::parse("300750").unwrap().to_string(),
            "300750.SZ"
        );
        assert_eq!(
            SecurityCode::parse("159915").unwrap().to_string(),
            "159915.SZ"
        );
        assert_eq!(
            SecurityCode::parse("510300").unwrap().to_string(),
            "510300.SH"
        );
        assert_eq!(
            SecurityCode::parse("920118").unwrap().to_string(),
            "920118.BJ"
        );
        assert_eq!(
            SecurityCode::parse("000001.sz").unwrap().to_string(),
            "000001.SZ"
        );
        assert!(SecurityCode::parse("700001").is_err());
        assert!(SecurityCode::parse("60051").is_err());
    }
}
