//! The port through which head office hands pushed recommendations to a delivery channel and
//! hears back; `channel` holds the channels themselves.

use chrono::{DateTime, Utc};
use protocol::DeliveryStatus;

/// One message as handed to a channel.
#[derive(Debug, Clone)]
pub struct ChannelMessage {
    pub delivery_id: String,
    pub client_id: String,
    pub handed_over_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelEvent {
    pub status: DeliveryStatus,
    pub at: DateTime<Utc>,
    /// The client's words, for a reply.
    pub reply: Option<String>,
    /// Why it failed, for a failure.
    pub reason: Option<String>,
}

/// What a channel reports about one message as of a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelReport {
    /// Events up to the moment, oldest first.
    pub events: Vec<ChannelEvent>,
    /// Nothing more will ever be reported for it.
    pub settled: bool,
}

pub trait DeliveryChannel: Send + Sync + 'static {
    fn report(&self, message: &ChannelMessage, now: DateTime<Utc>) -> ChannelReport;
}
