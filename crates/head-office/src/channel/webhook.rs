//! The firm's message gateway as a channel: each due delivery is POSTed to the gateway, signed;
//! a 2xx answer means the gateway has it (已发送). Anything else is retried with a doubling wait
//! and, after the last attempt, failed with the reason. What happens next (delivered, read, the
//! client's reply) the gateway reports to `paths::CHANNEL_RECEIPTS`.

use super::signature;
use head_office_storage::delivery::{ChannelRefusal, Handover, HandoverResult, WebhookSettings};
use protocol::gateway::SIGNATURE_HEADER;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Hand-overs in flight at once: a gateway gets a steady stream, not a burst of hundreds.
const IN_FLIGHT: usize = 8;

#[derive(Clone)]
pub struct WebhookChannel {
    http: reqwest::Client,
}

impl WebhookChannel {
    pub fn new() -> Result<WebhookChannel, reqwest::Error> {
        Ok(WebhookChannel {
            http: reqwest::Client::builder()
                .user_agent("BrokerDesk-HeadOffice")
                .build()?,
        })
    }

    /// Hands every message over, up to [`IN_FLIGHT`] at a time; one result per message.
    pub async fn hand_over(
        &self,
        settings: &WebhookSettings,
        due: Vec<Handover>,
    ) -> Vec<HandoverResult> {
        let permits = Arc::new(Semaphore::new(IN_FLIGHT));
        let mut running = tokio::task::JoinSet::new();
        for handover in due {
            let (this, settings, permits) = (self.clone(), settings.clone(), permits.clone());
            running.spawn(async move {
                let _permit = permits.acquire_owned().await;
                let outcome = this.post(&settings, &handover).await;
                HandoverResult {
                    delivery_id: handover.message.delivery_id,
                    attempt: handover.message.attempt,
                    outcome,
                    hopeless: false,
                }
            });
        }
        let mut results = Vec::new();
        while let Some(done) = running.join_next().await {
            match done {
                Ok(result) => results.push(result),
                // The message stays queued and is due again next round.
                Err(e) => tracing::error!("webhook hand-over task failed: {e}"),
            }
        }
        results
    }

    /// One POST; `Err` says in a broker's words why the gateway did not take it.
    async fn post(
        &self,
        settings: &WebhookSettings,
        handover: &Handover,
    ) -> Result<(), ChannelRefusal> {
        let body = serde_json::to_vec(&handover.message)
            .map_err(|e| ChannelRefusal(format!("编码失败：{e}")))?;
        let signed = signature::sign(&settings.secret, &body);
        let sent = self
            .http
            .post(settings.url.trim())
            .timeout(Duration::from_secs(u64::from(
                settings.retries.timeout_seconds,
            )))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(SIGNATURE_HEADER, signed)
            .body(body)
            .send()
            .await;
        let why = match sent {
            Ok(answer) if answer.status().is_success() => return Ok(()),
            Ok(answer) => format!("网关答复 HTTP {}", answer.status().as_u16()),
            Err(e) if e.is_timeout() => {
                format!("网关 {} 秒内未答复", settings.retries.timeout_seconds)
            }
            Err(e) if e.is_connect() => "无法连接网关".to_string(),
            Err(e) => format!("请求网关出错：{e}"),
        };
        Err(ChannelRefusal(why))
    }
}
