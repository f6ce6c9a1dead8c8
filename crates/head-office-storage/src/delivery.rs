//! The port through which head office hands pushed recommendations to a delivery channel and
//! hears back; `channel` holds the channels themselves.

use crate::error::Result;
use chrono::{DateTime, Utc};
use protocol::DeliveryStatus;

/// One message as handed to a channel.
#[derive(Debug, Clone)]
pub struct ChannelMessage {
    pub delivery_id: String,
    pub client_id: String,
    pub handed_over_at: DateTime<Utc>,
    /// Where the delivery stands now.
    pub status: DeliveryStatus,
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

/// How a real firm's head office reaches clients, kept at head office only: the firm policy goes
/// to every desk, and the gateway's secret or the mail server's password must not.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelSettings {
    /// The firm's message gateway, over HTTP(S).
    Webhook(WebhookSettings),
    /// E-mail through the firm's mail server.
    Smtp(SmtpSettings),
}

/// How often and how patiently a hand-over is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Retries {
    /// Hand-overs tried before the message is failed, the first included.
    #[serde(default = "Retries::default_attempts")]
    pub max_attempts: u32,
    /// The wait after the first failed hand-over; each later wait doubles it.
    #[serde(default = "Retries::default_first_retry")]
    pub first_retry_seconds: u32,
    #[serde(default = "Retries::default_timeout")]
    pub timeout_seconds: u32,
}

impl Retries {
    fn default_attempts() -> u32 {
        6
    }
    fn default_first_retry() -> u32 {
        30
    }
    fn default_timeout() -> u32 {
        10
    }

    /// The wait after the `attempt`-th failed hand-over.
    pub fn retry_after(&self, attempt: u32) -> chrono::Duration {
        let doublings = attempt.saturating_sub(1).min(16);
        chrono::Duration::seconds(i64::from(self.first_retry_seconds) << doublings)
    }

    fn problem(&self) -> Option<String> {
        if !(1..=20).contains(&self.max_attempts) {
            return Some("最多尝试次数（max_attempts）应在 1 到 20 之间".into());
        }
        if !(1..=3_600).contains(&self.first_retry_seconds) {
            return Some("首次重试等待（first_retry_seconds）应在 1 到 3600 秒之间".into());
        }
        if !(1..=120).contains(&self.timeout_seconds) {
            return Some("超时（timeout_seconds）应在 1 到 120 秒之间".into());
        }
        None
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WebhookSettings {
    /// Where each message is POSTed.
    pub url: String,
    /// Signs what head office sends and checks what the gateway reports back.
    pub secret: String,
    #[serde(flatten)]
    pub retries: Retries,
}

/// How the mail server is reached: implicit TLS (465), STARTTLS (587), or plain, which only a
/// relay inside the firm's own network should accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpSecurity {
    Tls,
    Starttls,
    Plain,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    /// The sender clients see, `某某证券 <research@firm.example>`.
    pub from: String,
    #[serde(flatten)]
    pub retries: Retries,
}

impl ChannelSettings {
    /// What is wrong with the settings, in words head-office IT can act on.
    pub fn problem(&self) -> Option<String> {
        match self {
            ChannelSettings::Webhook(w) => {
                let url = w.url.trim();
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Some(format!(
                        "网关地址 {url:?} 应以 https:// 或 http:// 开头，例如 https://gateway.example.cn/messages"
                    ));
                }
                if w.secret.chars().count() < 16 {
                    return Some(
                        "共享密钥至少 16 个字符，请与网关方约定一个足够长的随机密钥".into(),
                    );
                }
                w.retries.problem()
            }
            ChannelSettings::Smtp(m) => {
                if m.host.trim().is_empty() || m.port == 0 {
                    return Some("请填写邮件服务器地址（host）和端口（port）".into());
                }
                if !m.from.contains('@') {
                    return Some(format!(
                        "发件人 {:?} 应是邮箱地址，例如 某某证券 <research@firm.example>",
                        m.from
                    ));
                }
                if m.username.is_some() != m.password.is_some() {
                    return Some("username 和 password 要么都填，要么都不填".into());
                }
                m.retries.problem()
            }
        }
    }

    /// The secret a gateway signs its receipts with; a mail server sends none.
    pub fn receipt_secret(&self) -> Option<&str> {
        match self {
            ChannelSettings::Webhook(w) => Some(&w.secret),
            ChannelSettings::Smtp(_) => None,
        }
    }

    pub fn retries(&self) -> &Retries {
        match self {
            ChannelSettings::Webhook(w) => &w.retries,
            ChannelSettings::Smtp(m) => &m.retries,
        }
    }

    /// The settings as they may be printed: secrets by their length only.
    pub fn masked(&self) -> ChannelSettings {
        let hidden = |s: &str| format!("（已设置，{} 个字符）", s.chars().count());
        match self {
            ChannelSettings::Webhook(w) => ChannelSettings::Webhook(WebhookSettings {
                secret: hidden(&w.secret),
                ..w.clone()
            }),
            ChannelSettings::Smtp(m) => ChannelSettings::Smtp(SmtpSettings {
                password: m.password.as_deref().map(hidden),
                ..m.clone()
            }),
        }
    }
}

/// A delivery due to be handed to the gateway, with what the gateway needs to send it.
#[derive(Debug, Clone)]
pub struct Handover {
    pub message: protocol::gateway::GatewayMessage,
}

/// Why a channel did not take a message, in the broker's words (网关答复 HTTP 503, 客户未登记电子邮箱 …).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ChannelRefusal(pub String);

/// How one hand-over went: `Err` holds why the gateway did not take it.
#[derive(Debug, Clone)]
pub struct HandoverResult {
    pub delivery_id: String,
    pub attempt: u32,
    pub outcome: Result<(), ChannelRefusal>,
    /// Trying again cannot help (the client has no e-mail address): fail it now.
    pub hopeless: bool,
}

/// Head office's side of the deliveries: what a channel reports, what is due to be handed over,
/// how hand-overs went, the gateway's receipts, and the channel's settings. Apart from `Storage`
/// so the delivery loop and the receipt endpoint need only this.
pub trait Deliveries {
    /// Asks the delivery channel what happened to every open delivery and records the changes.
    fn advance_deliveries(
        &self,
        channel: &dyn DeliveryChannel,
        now: DateTime<Utc>,
    ) -> Result<usize>;

    /// The firm's delivery channel, if head-office IT configured one; `None` clears it.
    fn delivery_channel(&self) -> Result<Option<ChannelSettings>>;
    fn set_delivery_channel(&self, settings: Option<&ChannelSettings>) -> Result<()>;
    /// Queued deliveries whose hand-over to the channel is due.
    fn due_handovers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Handover>>;
    fn record_handovers(
        &self,
        settings: &ChannelSettings,
        results: &[HandoverResult],
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// The gateway's receipts, each already checked by `DeliveryReceipt::problem`.
    fn apply_receipts(
        &self,
        receipts: &[protocol::gateway::DeliveryReceipt],
        now: DateTime<Utc>,
    ) -> Result<protocol::gateway::ReceiptOutcome>;
}
