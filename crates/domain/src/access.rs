//! Access to a client's personal data beyond the masked view (DOMAIN.md, "Personal data"): every
//! reveal and every export needs a stated reason and leaves an audit entry that goes to head office.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// A field that is shown masked by default and may be revealed with a reason.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SensitiveField {
    IdNumber,
    Mobile,
    AccountNumber,
}

impl SensitiveField {
    pub const ALL: [SensitiveField; 3] = [Self::IdNumber, Self::Mobile, Self::AccountNumber];

    pub fn as_str(self) -> &'static str {
        match self {
            SensitiveField::IdNumber => "id_number",
            SensitiveField::Mobile => "mobile",
            SensitiveField::AccountNumber => "account_number",
        }
    }

    pub fn parse(text: &str) -> Option<SensitiveField> {
        Self::ALL.into_iter().find(|f| f.as_str() == text)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            SensitiveField::IdNumber => "身份证号",
            SensitiveField::Mobile => "手机号",
            SensitiveField::AccountNumber => "资金账号",
        }
    }
}

/// What the broker did with personal data.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AccessAction {
    /// One field of one client shown in clear.
    Reveal,
    /// A list of clients written to a file.
    Export,
}

impl AccessAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AccessAction::Reveal => "reveal",
            AccessAction::Export => "export",
        }
    }

    pub fn parse(text: &str) -> Option<AccessAction> {
        match text {
            "reveal" => Some(AccessAction::Reveal),
            "export" => Some(AccessAction::Export),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AccessReasonError {
    #[error("请填写查看或导出的事由（至少 {min} 个字），该事由会记入审计日志")]
    TooShort { min: usize },
    #[error("事由不能超过 {max} 字")]
    TooLong { max: usize },
}

pub const REASON_MIN: usize = 4;
pub const REASON_MAX: usize = 200;

/// A reason as the audit log keeps it: trimmed, long enough to mean something ("看看" is not a
/// reason a compliance officer accepts), short enough to be a reason and not a note.
pub fn access_reason(text: &str) -> Result<String, AccessReasonError> {
    let trimmed = text.trim();
    let chars = trimmed.chars().count();
    if chars < REASON_MIN {
        return Err(AccessReasonError::TooShort { min: REASON_MIN });
    }
    if chars > REASON_MAX {
        return Err(AccessReasonError::TooLong { max: REASON_MAX });
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_trimmed_and_must_say_something() {
        assert_eq!(
            access_reason("  客户来电核实身份  ").unwrap(),
            "客户来电核实身份"
        );
        assert_eq!(
            access_reason("看看"),
            Err(AccessReasonError::TooShort { min: 4 })
        );
        assert_eq!(
            access_reason("    "),
            Err(AccessReasonError::TooShort { min: 4 })
        );
        assert!(access_reason(&"因".repeat(201)).is_err());
        assert!(access_reason(&"因".repeat(200)).is_ok());
    }

    #[test]
    fn names_round_trip() {
        for f in SensitiveField::ALL {
            assert_eq!(SensitiveField::parse(f.as_str()), Some(f));
        }
        assert_eq!(AccessAction::parse("export"), Some(AccessAction::Export));
        assert_eq!(AccessAction::parse("delete"), None);
    }
}
