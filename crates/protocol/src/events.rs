//! 客户活动 on the wire: the event (seen by every desk, so any broker can invite to a colleague's
//! or the lead's event), and each invitation (in the invited client's book).

use chrono::{DateTime, Utc};
use domain::event::{EventKind, Rsvp};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An event as head office holds it; `organizer_name`, `accepted` and `attended` are head
/// office's (the desk sends them empty and zero).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClientEventRecord {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub place: String,
    pub capacity: u32,
    pub description: String,
    pub organizer_id: String,
    pub organizer_name: String,
    /// Clients signed up, across every broker's invitations.
    pub accepted: u32,
    pub attended: u32,
    pub created_at: DateTime<Utc>,
}

/// One client invited to one event. `id` is `<event>:<client>`: a client is invited once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EventInvitationRecord {
    pub id: String,
    pub event_id: String,
    pub client_id: String,
    pub rsvp: Rsvp,
    pub attended: bool,
    pub invited_by: String,
    pub updated_at: DateTime<Utc>,
}

impl EventInvitationRecord {
    pub fn id_of(event_id: &str, client_id: &str) -> String {
        format!("{event_id}:{client_id}")
    }
}

/// The broker invites clients of their book; already invited ones are left as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NewInvitations {
    pub event_id: String,
    pub client_ids: Vec<String>,
}

/// The client's answer and whether they came, as the broker records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct EventResponse {
    pub event_id: String,
    pub client_id: String,
    pub rsvp: Rsvp,
    pub attended: bool,
}
