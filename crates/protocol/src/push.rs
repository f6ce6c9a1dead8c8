//! Broker writes travelling to head office. Each carries an id made on the desk: head office applies
//! a mutation once and answers a resend with the first result.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// How a broker reached the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactChannel {
    Phone,
    Visit,
    Wechat,
    Email,
    Meeting,
}

impl ContactChannel {
    pub const ALL: [ContactChannel; 5] = [
        ContactChannel::Phone,
        ContactChannel::Visit,
        ContactChannel::Wechat,
        ContactChannel::Email,
        ContactChannel::Meeting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactChannel::Phone => "phone",
            ContactChannel::Visit => "visit",
            ContactChannel::Wechat => "wechat",
            ContactChannel::Email => "email",
            ContactChannel::Meeting => "meeting",
        }
    }

    pub fn parse(text: &str) -> Option<ContactChannel> {
        ContactChannel::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// One entry of the contact log (联系记录), written by the broker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactNoteRecord {
    pub id: String,
    pub client_id: String,
    pub channel: ContactChannel,
    pub summary: String,
    pub contacted_at: DateTime<Utc>,
    pub follow_up_on: Option<NaiveDate>,
    pub author_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", content = "data", rename_all = "snake_case")]
pub enum MutationOp {
    AddContactNote(ContactNoteRecord),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mutation {
    /// Made on the desk when the broker acted; the key of exactly-once.
    pub id: String,
    pub made_at: DateTime<Utc>,
    pub op: MutationOp,
}

/// `POST /api/v1/push`: mutations in the order the desk made them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PushRequest {
    pub mutations: Vec<Mutation>,
}

impl PushRequest {
    pub const MAX_MUTATIONS: usize = 200;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum MutationOutcome {
    Applied,
    /// Refused for a reason that sending again will not change (validation, permission).
    Refused {
        code: crate::ErrorCode,
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MutationResult {
    pub id: String,
    #[serde(flatten)]
    pub outcome: MutationOutcome,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PushResponse {
    pub results: Vec<MutationResult>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mutation_survives_the_round_trip_through_json() {
        let m = Mutation {
            id: "m-1".into(),
            made_at: Utc::now(),
            op: MutationOp::AddContactNote(ContactNoteRecord {
                id: "N-1".into(),
                client_id: "C0000001".into(),
                channel: ContactChannel::Wechat,
                summary: "微信沟通定投计划".into(),
                contacted_at: Utc::now(),
                follow_up_on: None,
                author_id: "B001".into(),
            }),
        };
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Mutation>(&text).unwrap(), m);
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
