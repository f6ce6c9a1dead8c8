//! Broker writes travelling to head office. Each carries an id made on the desk: head office applies
//! a mutation once and answers a resend with the first result.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{AccessAction, SensitiveField};
use serde::{Deserialize, Serialize};

pub use crate::channel::ContactChannel;
pub use crate::preferences::{ClientPreferences, PreferencesRecord, PreferencesUpdate};

/// One entry of the contact log (联系记录), written by the broker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ContactNoteRecord {
    pub id: String,
    pub client_id: String,
    pub channel: ContactChannel,
    pub summary: String,
    pub contacted_at: DateTime<Utc>,
    pub follow_up_on: Option<NaiveDate>,
    pub author_id: String,
}

/// A reveal or an export of personal data, as the audit log at head office keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AccessEventRecord {
    pub id: String,
    pub action: AccessAction,
    /// The client whose field was revealed; none for an export of a list.
    pub client_id: Option<String>,
    pub field: Option<SensitiveField>,
    pub reason: String,
    /// What was exported: format, row count, whether in clear.
    pub detail: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "op", content = "data", rename_all = "snake_case")]
pub enum MutationOp {
    AddContactNote(ContactNoteRecord),
    // Boxed: two whole profiles would make every other mutation as large.
    UpdatePreferences(Box<PreferencesUpdate>),
    RecordAccess(AccessEventRecord),
    SendRecommendation(crate::library::RecommendationPush),
    DisputeStatement(crate::commission::DisputeRecord),
    CompleteTask(crate::tasks::TaskCompletion),
    SaveReminder(crate::tasks::ReminderRecord),
    RequestTransfer(crate::team::NewTransferRequest),
    /// The broker's message on their task or transfer request; `author_name` is filled in by
    /// head office.
    AddComment(crate::team::CommentRecord),
    RegisterComplaint(crate::service::NewComplaint),
    CreateEvent(crate::events::ClientEventRecord),
    InviteToEvent(crate::events::NewInvitations),
    RecordEventResponse(crate::events::EventResponse),
}

impl MutationOp {
    /// The serde tag: how the outbox files the mutation and how a desk finds its own kind.
    pub fn kind(&self) -> &'static str {
        match self {
            MutationOp::AddContactNote(_) => "add_contact_note",
            MutationOp::UpdatePreferences(_) => "update_preferences",
            MutationOp::RecordAccess(_) => "record_access",
            MutationOp::SendRecommendation(_) => "send_recommendation",
            MutationOp::DisputeStatement(_) => "dispute_statement",
            MutationOp::CompleteTask(_) => "complete_task",
            MutationOp::SaveReminder(_) => "save_reminder",
            MutationOp::RequestTransfer(_) => "request_transfer",
            MutationOp::AddComment(_) => "add_comment",
            MutationOp::RegisterComplaint(_) => "register_complaint",
            MutationOp::CreateEvent(_) => "create_event",
            MutationOp::InviteToEvent(_) => "invite_to_event",
            MutationOp::RecordEventResponse(_) => "record_event_response",
        }
    }

    /// What the broker made, as a refusal names it ("这条联系记录").
    pub fn label_zh(&self) -> &'static str {
        match self {
            MutationOp::AddContactNote(_) => "联系记录",
            MutationOp::UpdatePreferences(_) => "偏好修改",
            MutationOp::RecordAccess(_) => "查看留痕",
            MutationOp::SendRecommendation(_) => "推荐推送",
            MutationOp::DisputeStatement(_) => "结算单异议",
            MutationOp::CompleteTask(_) => "任务完成记录",
            MutationOp::SaveReminder(_) => "提醒",
            MutationOp::RequestTransfer(_) => "移交申请",
            MutationOp::AddComment(_) => "留言",
            MutationOp::RegisterComplaint(_) => "投诉登记",
            MutationOp::CreateEvent(_) => "活动",
            MutationOp::InviteToEvent(_) => "活动邀请",
            MutationOp::RecordEventResponse(_) => "报名/出席登记",
        }
    }
}

/// A field both sides changed: head office's value stands, the broker's waits here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FieldConflictRecord {
    pub field: String,
    pub before: Option<String>,
    pub mine: Option<String>,
    pub head_office: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Mutation {
    /// Made on the desk when the broker acted; the key of exactly-once.
    pub id: String,
    pub made_at: DateTime<Utc>,
    pub op: MutationOp,
}

/// `POST /api/v1/push`: mutations in the order the desk made them.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PushRequest {
    pub mutations: Vec<Mutation>,
}

impl PushRequest {
    pub const MAX_MUTATIONS: usize = 200;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum MutationOutcome {
    Applied,
    /// Applied field by field; where both sides changed a field, head office's value stood.
    Merged {
        conflicts: Vec<FieldConflictRecord>,
    },
    /// Refused for a reason that sending again will not change (validation, permission).
    Refused {
        code: crate::ErrorCode,
        message: String,
    },
}

impl MutationOutcome {
    pub fn refused(code: crate::ErrorCode, message: impl Into<String>) -> MutationOutcome {
        MutationOutcome::Refused {
            code,
            message: message.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MutationResult {
    pub id: String,
    #[serde(flatten)]
    pub outcome: MutationOutcome,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PushResponse {
    pub results: Vec<MutationResult>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mutation_survives_the_round_trip_through_json() {
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 2, 0, 0).unwrap();
        let m = Mutation {
            id: "m-1".into(),
            made_at: at,
            op: MutationOp::AddContactNote(ContactNoteRecord {
                id: "N-1".into(),
                client_id: "C0000001".into(),
                channel: ContactChannel::Wechat,
                summary: "微信沟通定投计划".into(),
                contacted_at: at,
                follow_up_on: None,
                author_id: "B001".into(),
            }),
        };
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Mutation>(&text).unwrap(), m);
        // The outbox files a mutation by the tag it travels with.
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["op"]["op"], m.op.kind());
        let result = MutationResult {
            id: "m-1".into(),
            outcome: MutationOutcome::Refused {
                code: crate::ErrorCode::Forbidden,
                message: "不在服务范围".into(),
            },
        };
        let text = serde_json::to_string(&result).unwrap();
        assert_eq!(
            serde_json::from_str::<MutationResult>(&text).unwrap(),
            result
        );
    }
}
