//! Brokers' classes and groups (分类、分组), apart from their levels: a class says what kind of
//! work a broker does (客户经理, 理财顾问, 投资顾问), a group which channel they serve (营业部, 银行,
//! 互联网). 经纪业务管理部 keeps both lists and places each broker in at most one of each; reports
//! and the level board are read by them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CategoryKind {
    /// 类别: the kind of work.
    Class,
    /// 组别: the channel served.
    Group,
}

impl CategoryKind {
    pub fn code(self) -> &'static str {
        match self {
            CategoryKind::Class => "class",
            CategoryKind::Group => "group",
        }
    }

    pub fn from_code(code: &str) -> Option<CategoryKind> {
        match code {
            "class" => Some(CategoryKind::Class),
            "group" => Some(CategoryKind::Group),
            _ => None,
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CategoryKind::Class => "类别",
            CategoryKind::Group => "组别",
        }
    }
}

/// A class or a group of the firm's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BrokerCategory {
    /// 2 to 16 capitals, digits or hyphens, unique across both lists.
    pub id: String,
    pub kind: CategoryKind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CategoryError {
    #[error("编号须为 2 到 16 位大写字母、数字或连字符，如 CL-PB")]
    BadId,
    #[error("请填写名称（不超过 12 字）")]
    BadName,
    #[error("编号 {0} 已被使用，请换一个")]
    IdTaken(String),
    #[error("已有名为“{0}”的{1}")]
    NameTaken(String, &'static str),
    #[error("找不到{1} {0}，请从列表中选择")]
    Unknown(String, &'static str),
}

const MAX_NAME_CHARS: usize = 12;

/// Whether `new` may join the lists `existing`.
pub fn check_new(existing: &[BrokerCategory], new: &BrokerCategory) -> Result<(), CategoryError> {
    let id_ok = (2..=16).contains(&new.id.len())
        && new
            .id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(CategoryError::BadId);
    }
    let name = new.name.trim();
    if name.is_empty() || name != new.name || name.chars().count() > MAX_NAME_CHARS {
        return Err(CategoryError::BadName);
    }
    if existing.iter().any(|c| c.id == new.id) {
        return Err(CategoryError::IdTaken(new.id.clone()));
    }
    if existing
        .iter()
        .any(|c| c.kind == new.kind && c.name == new.name)
    {
        return Err(CategoryError::NameTaken(
            new.name.clone(),
            new.kind.label_zh(),
        ));
    }
    Ok(())
}

/// Whether `id`, if any, names a category of `kind` in `existing`.
pub fn check_choice(
    existing: &[BrokerCategory],
    kind: CategoryKind,
    id: Option<&str>,
) -> Result<(), CategoryError> {
    match id {
        Some(id) if !existing.iter().any(|c| c.id == id && c.kind == kind) => {
            Err(CategoryError::Unknown(id.to_string(), kind.label_zh()))
        }
        _ => Ok(()),
    }
}

/// From `effective_from` on, the broker is in `category_id`, a class or a group by the history it
/// is of (none: in no class, or no group). A group's pay and 考核, and a class placed by hand,
/// follow these periods, so a month already worked keeps the class and group it was worked in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryPeriod {
    pub category_id: Option<String>,
    pub effective_from: NaiveDate,
}

impl CategoryPeriod {
    /// The class or group of `day`: the latest period begun by then.
    pub fn on(periods: &[CategoryPeriod], day: NaiveDate) -> Option<&str> {
        periods
            .iter()
            .filter(|p| p.effective_from <= day)
            .max_by_key(|p| p.effective_from)
            .and_then(|p| p.category_id.as_deref())
    }
}

/// The first day the firm's class and group history knows: a placement made before there was a history
/// (the firm's own data, or before this was kept) counts from it.
pub fn before_records() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: &str, kind: CategoryKind, name: &str) -> BrokerCategory {
        BrokerCategory {
            id: id.into(),
            kind,
            name: name.into(),
        }
    }

    #[test]
    fn a_new_class_or_group_needs_a_fresh_id_and_a_name_of_its_own_kind() {
        let lists = [
            category("CL-AM", CategoryKind::Class, "客户经理"),
            category("GR-BANK", CategoryKind::Group, "银行渠道"),
        ];
        let new = category("CL-PB", CategoryKind::Class, "私人银行顾问");
        assert_eq!(check_new(&lists, &new), Ok(()));
        assert_eq!(
            check_new(&lists, &category("cl-pb", CategoryKind::Class, "私行")),
            Err(CategoryError::BadId)
        );
        assert_eq!(
            check_new(&lists, &category("GR-BANK", CategoryKind::Class, "银行")),
            Err(CategoryError::IdTaken("GR-BANK".into()))
        );
        assert_eq!(
            check_new(&lists, &category("CL-X", CategoryKind::Class, "客户经理")),
            Err(CategoryError::NameTaken("客户经理".into(), "类别"))
        );
        // The same words may name a class and a group.
        assert_eq!(
            check_new(&lists, &category("GR-AM", CategoryKind::Group, "客户经理")),
            Ok(())
        );
    }

    #[test]
    fn a_day_is_in_the_group_of_the_latest_period_begun_by_then() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let periods = [
            CategoryPeriod {
                category_id: Some("GR-BRANCH".into()),
                effective_from: before_records(),
            },
            CategoryPeriod {
                category_id: Some("GR-BANK".into()),
                effective_from: day(16),
            },
            CategoryPeriod {
                category_id: None,
                effective_from: day(25),
            },
        ];
        assert_eq!(CategoryPeriod::on(&periods, day(15)), Some("GR-BRANCH"));
        assert_eq!(CategoryPeriod::on(&periods, day(16)), Some("GR-BANK"));
        assert_eq!(CategoryPeriod::on(&periods, day(30)), None);
        assert_eq!(CategoryPeriod::on(&[], day(1)), None);
    }

    #[test]
    fn a_broker_is_placed_only_in_a_known_category_of_the_right_kind() {
        let lists = [
            category("CL-AM", CategoryKind::Class, "客户经理"),
            category("GR-BANK", CategoryKind::Group, "银行渠道"),
        ];
        assert_eq!(
            check_choice(&lists, CategoryKind::Class, Some("CL-AM")),
            Ok(())
        );
        assert_eq!(check_choice(&lists, CategoryKind::Class, None), Ok(()));
        assert_eq!(
            check_choice(&lists, CategoryKind::Class, Some("GR-BANK")),
            Err(CategoryError::Unknown("GR-BANK".into(), "类别"))
        );
    }
}
