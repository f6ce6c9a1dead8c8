//! Delivery channels: how a pushed recommendation reaches the client (SMS, the firm's app, WeChat
//! work account). Head office hands each accepted recipient to a channel; what the channel says
//! happened becomes delivery rows that flow back to the desk.
//!
//! The demo head office runs [`SimulatedChannel`]: deterministic per message, so a test or a demo
//! sees the same story every time: sent, delivered, often read, sometimes a reply, rarely a failure.
//! A head office serving a real firm never invents a client's answer: it hands messages to the
//! firm's message gateway ([`webhook`]) and takes the gateway's signed receipts, or e-mails it
//! through the firm's mail server ([`email`]); until IT
//! configures one it runs [`UnconfiguredChannel`], which says plainly that nothing was sent.

pub mod email;
pub mod signature;
mod simulated;
pub mod webhook;

pub use head_office_storage::delivery::{
    ChannelEvent, ChannelMessage, ChannelReport, ChannelSettings, DeliveryChannel, Retries,
    SmtpSecurity, SmtpSettings, WebhookSettings,
};
pub use simulated::{SimulatedChannel, UnconfiguredChannel, NO_CHANNEL_REASON};
