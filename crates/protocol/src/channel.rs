//! How a broker and a client reach each other: a contact logged, a complaint brought.

use serde::{Deserialize, Serialize};

/// How a broker reached the client (or the client the broker).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
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
