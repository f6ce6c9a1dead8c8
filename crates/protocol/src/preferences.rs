//! The client's service profile: how the client likes to be served (客户偏好) and what the client
//! wants from the firm (客户需求分析). Written by the broker and by head office too (a call centre
//! may learn a better time to call), so changes are merged field by field, and every change is
//! kept with who made it and when, for compliance.

use chrono::{DateTime, Utc};
use domain::needs::{self, NeedsAnswers};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The profile's columns, in `ClientPreferences::FIELDS` order, as a literal for SQL built with
/// `concat!`.
#[macro_export]
macro_rules! preference_columns {
    () => {
        "preferred_channel, best_time_to_call, remark, investment_goal, horizon, liquidity_need, \
         products_of_interest, family_stage"
    };
}

/// How many fields a profile has.
pub const PREFERENCE_FIELD_COUNT: usize = 8;

/// Every answer is a code or a short text; `None` is "not asked yet".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClientPreferences {
    /// `phone`, `visit`, `wechat`, `email` or `meeting`.
    pub preferred_channel: Option<String>,
    pub best_time_to_call: Option<String>,
    pub remark: Option<String>,
    /// A `domain::needs::InvestmentGoal` code.
    #[serde(default)]
    pub investment_goal: Option<String>,
    /// A `domain::needs::InvestmentHorizon` code.
    #[serde(default)]
    pub horizon: Option<String>,
    /// A `domain::needs::LiquidityNeed` code.
    #[serde(default)]
    pub liquidity_need: Option<String>,
    /// `domain::needs::ProductInterest` codes, comma-separated (`domain::needs::products_text`).
    #[serde(default)]
    pub products_of_interest: Option<String>,
    /// A `domain::needs::FamilyStage` code.
    #[serde(default)]
    pub family_stage: Option<String>,
}

impl ClientPreferences {
    pub const FIELDS: [&'static str; PREFERENCE_FIELD_COUNT] = [
        "preferred_channel",
        "best_time_to_call",
        "remark",
        "investment_goal",
        "horizon",
        "liquidity_need",
        "products_of_interest",
        "family_stage",
    ];

    /// The fields in `FIELDS` order.
    pub fn values(&self) -> [&Option<String>; PREFERENCE_FIELD_COUNT] {
        [
            &self.preferred_channel,
            &self.best_time_to_call,
            &self.remark,
            &self.investment_goal,
            &self.horizon,
            &self.liquidity_need,
            &self.products_of_interest,
            &self.family_stage,
        ]
    }

    fn values_mut(&mut self) -> [&mut Option<String>; PREFERENCE_FIELD_COUNT] {
        [
            &mut self.preferred_channel,
            &mut self.best_time_to_call,
            &mut self.remark,
            &mut self.investment_goal,
            &mut self.horizon,
            &mut self.liquidity_need,
            &mut self.products_of_interest,
            &mut self.family_stage,
        ]
    }

    /// A profile from its fields in `FIELDS` order, as a row holds them.
    pub fn from_values(values: [Option<String>; PREFERENCE_FIELD_COUNT]) -> ClientPreferences {
        let mut p = ClientPreferences::default();
        for (slot, value) in p.values_mut().into_iter().zip(values) {
            *slot = value;
        }
        p
    }

    fn index(name: &str) -> Option<usize> {
        Self::FIELDS.iter().position(|f| *f == name)
    }

    pub fn field(&self, name: &str) -> Option<&Option<String>> {
        Self::index(name).map(|i| self.values()[i])
    }

    pub fn field_mut(&mut self, name: &str) -> Option<&mut Option<String>> {
        let i = Self::index(name)?;
        self.values_mut().into_iter().nth(i)
    }

    /// Why this profile cannot be stored, in words for the broker; `None` when it can.
    pub fn problem(&self) -> Option<String> {
        if let Err(e) = domain::validate::preferences(
            self.preferred_channel.as_deref(),
            self.best_time_to_call.as_deref(),
            self.remark.as_deref(),
        ) {
            return Some(e.to_string());
        }
        needs::check(&NeedsAnswers {
            investment_goal: self.investment_goal.as_deref(),
            horizon: self.horizon.as_deref(),
            liquidity_need: self.liquidity_need.as_deref(),
            products_of_interest: self.products_of_interest.as_deref(),
            family_stage: self.family_stage.as_deref(),
        })
        .err()
        .map(|e| e.to_string())
    }

    /// The fields that differ from `before`, in `FIELDS` order.
    pub fn changes_from(&self, before: &ClientPreferences) -> Vec<FieldChange> {
        Self::FIELDS
            .iter()
            .zip(before.values().into_iter().zip(self.values()))
            .filter(|(_, (b, a))| b != a)
            .map(|(field, (b, a))| FieldChange {
                field: (*field).to_string(),
                before: b.clone(),
                after: a.clone(),
            })
            .collect()
    }
}

/// One field of one change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct FieldChange {
    /// One of `ClientPreferences::FIELDS`.
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A version of the profile: who changed what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ProfileChange {
    #[ts(type = "number")]
    pub version: u64,
    /// The broker's name, or 总部 for head office's own edit.
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
    pub changes: Vec<FieldChange>,
}

/// The most changes a profile row carries to the desk; head office keeps them all.
pub const RECENT_CHANGES: usize = 20;

/// A client's profile as head office holds it. `id` is the client's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PreferencesRecord {
    pub id: String,
    pub client_id: String,
    pub fields: ClientPreferences,
    pub version: u64,
    /// Newest first, at most `RECENT_CHANGES`.
    #[serde(default)]
    pub history: Vec<ProfileChange>,
}

/// The broker's edit, with the state it was made on, so head office can merge it with what
/// changed there meanwhile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PreferencesUpdate {
    pub client_id: String,
    pub base_version: u64,
    pub before: ClientPreferences,
    pub after: ClientPreferences,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_list_is_the_field_list() {
        assert_eq!(preference_columns!(), ClientPreferences::FIELDS.join(", "));
    }

    #[test]
    fn fields_are_reached_by_name_and_by_position() {
        let mut p = ClientPreferences::default();
        *p.field_mut("horizon").unwrap() = Some("over_5y".into());
        assert_eq!(p.horizon.as_deref(), Some("over_5y"));
        assert_eq!(p.values()[4], &Some("over_5y".to_string()));
        assert_eq!(
            ClientPreferences::from_values(p.values().map(Clone::clone)),
            p
        );
        assert!(p.field("nickname").is_none());
    }

    #[test]
    fn changes_list_only_what_differs() {
        let before = ClientPreferences {
            remark: Some("老客户".into()),
            ..ClientPreferences::default()
        };
        let after = ClientPreferences {
            investment_goal: Some("steady_growth".into()),
            ..before.clone()
        };
        assert_eq!(
            after.changes_from(&before),
            vec![FieldChange {
                field: "investment_goal".into(),
                before: None,
                after: Some("steady_growth".into()),
            }]
        );
    }

    #[test]
    fn a_record_from_an_older_head_office_reads_with_empty_needs() {
        let old = r#"{"id":"C1","client_id":"C1","fields":{"preferred_channel":"phone",
            "best_time_to_call":null,"remark":null},"version":3}"#;
        let record: PreferencesRecord = serde_json::from_str(old).unwrap();
        assert_eq!(record.fields.investment_goal, None);
        assert!(record.history.is_empty());
    }

    #[test]
    fn an_unknown_goal_is_a_problem_in_chinese() {
        let p = ClientPreferences {
            investment_goal: Some("get_rich".into()),
            ..ClientPreferences::default()
        };
        assert_eq!(
            p.problem().as_deref(),
            Some("投资目标的取值“get_rich”无法识别，请从列表中选择")
        );
    }
}
