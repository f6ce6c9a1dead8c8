//! A real firm's head office (no `--demo`) delivers pushes through the firm's message gateway: a
//! small gateway started by this test takes signed POSTs, refuses some, and reports receipts back;
//! what it says, and only that, reaches the broker's desk.

use crate::recommend::{by_verdict, pushable};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use chrono::Duration;
use clock::{ManualClock, SharedClock};
use domain::clock::shanghai_date;
use domain::ProductRisk;
use head_office::channel::{ChannelSettings, Retries, WebhookSettings, NO_CHANNEL_REASON};
use head_office_storage::delivery::Deliveries;
use hmac::{Hmac, Mac};
use protocol::gateway::{DeliveryReceipt, GatewayMessage, ReceiptOutcome, SIGNATURE_HEADER};
use protocol::{paths, ApiError, DeliveryStatus, ErrorCode};
use sha2::Sha256;
use std::sync::{Arc, Mutex};
use store::{PushDetail, PushDraft, WriteIds};
use system_tests::{small_firm, TestDesk, TestHeadOffice};

pub(crate) const SECRET: &str = "gateway-secret-shared-with-head-office";

pub(crate) fn signature(body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// What the gateway was handed, in order.
#[derive(Default)]
pub(crate) struct Gateway {
    /// Refuses every first attempt, as a gateway restarting would.
    pub refuse_first: bool,
    received: Mutex<Vec<GatewayMessage>>,
    /// This client's number is out of service: the gateway never takes its messages.
    unreachable: Mutex<String>,
}

impl Gateway {
    pub fn received(&self) -> Vec<GatewayMessage> {
        self.received.lock().unwrap().clone()
    }
}

/// The firm's gateway: checks head office's signature and takes every message except the
/// unreachable client's (and, if told to, every first attempt).
pub(crate) async fn start_gateway(gateway: Arc<Gateway>) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/messages", listener.local_addr().unwrap());
    let app = axum::Router::new().route(
        "/messages",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let gateway = gateway.clone();
            async move {
                let signed = headers.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
                if signed != Some(signature(&body).as_str()) {
                    return StatusCode::UNAUTHORIZED;
                }
                let message: GatewayMessage = serde_json::from_slice(&body).unwrap();
                let refuse = (gateway.refuse_first && message.attempt == 1)
                    || message.client_id == *gateway.unreachable.lock().unwrap();
                gateway.received.lock().unwrap().push(message);
                if refuse {
                    StatusCode::SERVICE_UNAVAILABLE
                } else {
                    StatusCode::ACCEPTED
                }
            }
        }),
    );
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (url, task)
}

pub(crate) fn push(desk: &TestDesk, id: &str, product_id: &str, clients: &[String]) -> String {
    let now = system_tests::now();
    desk.store
        .lock()
        .unwrap()
        .send_recommendation(
            WriteIds {
                mutation_id: format!("m-{id}"),
                record_id: id.into(),
            },
            &PushDraft {
                product_id: product_id.into(),
                cover_message: "四季度策略观点，供您参考".into(),
                client_ids: clients.to_vec(),
                elderly_confirmed: vec![],
            },
            now,
            shanghai_date(now),
        )
        .unwrap()
}

/// Syncs until `done` holds for the push, for at most 20 s.
pub(crate) async fn synced_until(
    desk: &TestDesk,
    push_id: &str,
    done: impl Fn(&PushDetail) -> bool,
) {
    for _ in 0..100 {
        desk.sync().await;
        if done(&desk.with_store(|s| s.push_detail(push_id).unwrap())) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!(
        "push {push_id} never reached the expected state: {:#?}",
        desk.with_store(|s| s.push_detail(push_id).unwrap())
    );
}

/// Waits (at most 20 s) until the gateway has been handed `n` messages.
pub(crate) async fn gateway_received(gateway: &Gateway, n: usize) -> Vec<GatewayMessage> {
    for _ in 0..100 {
        if gateway.received().len() >= n {
            return gateway.received();
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!(
        "the gateway got {} messages, not {n}",
        gateway.received().len()
    );
}

pub(crate) fn status_of(detail: &PushDetail, client: &str) -> Option<DeliveryStatus> {
    detail
        .recipients
        .iter()
        .find(|r| r.client_id == client)
        .and_then(|r| r.status)
}

pub(crate) async fn post_receipts(base: &str, body: &str, signed: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base}{}", paths::CHANNEL_RECEIPTS))
        .header("content-type", "application/json")
        .header(SIGNATURE_HEADER, signed)
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

pub(crate) fn receipt(id: &str, status: DeliveryStatus, reply: Option<&str>) -> DeliveryReceipt {
    DeliveryReceipt {
        delivery_id: id.into(),
        status,
        at: system_tests::now(),
        reply: reply.map(str::to_string),
        reason: None,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn pushes_go_through_the_firms_gateway_and_its_receipts_reach_the_desk() {
    let clock = ManualClock::at(system_tests::now());
    let shared: SharedClock = clock.clone();
    let head_office = TestHeadOffice::start_configured(&small_firm(), shared).await;
    let base = head_office.base_url();
    let desk = TestDesk::synced(&base, "broker01").await;
    let item = pushable(&desk, ProductRisk::R3);
    let (allowed, _, _) = by_verdict(&desk, &item.id);
    assert!(allowed.len() >= 4, "{} allowed", allowed.len());

    // No channel configured yet: the push fails at once, saying why, and nothing is invented.
    let early = push(&desk, "PUSH-EARLY", &item.id, &allowed[..1]);
    synced_until(&desk, &early, |d| {
        status_of(d, &allowed[0]) == Some(DeliveryStatus::Failed)
    })
    .await;
    let detail = desk.with_store(|s| s.push_detail(&early).unwrap());
    assert_eq!(
        detail.recipients[0].reason.as_deref(),
        Some(NO_CHANNEL_REASON)
    );

    // Nor does head office take receipts while it has no gateway to expect them from.
    let empty = r#"{"receipts":[]}"#;
    let refused = post_receipts(&base, empty, &signature(empty.as_bytes())).await;
    assert_eq!(refused.status(), 404);
    let error: ApiError = refused.json().await.unwrap();
    assert!(
        error.message.contains("尚未配置消息网关"),
        "{}",
        error.message
    );

    // Head-office IT configures the gateway.
    let gateway = Arc::new(Gateway {
        refuse_first: true,
        ..Gateway::default()
    });
    *gateway.unreachable.lock().unwrap() = allowed[3].clone();
    let (url, gateway_task) = start_gateway(gateway.clone()).await;
    let settings = ChannelSettings::Webhook(WebhookSettings {
        url,
        secret: SECRET.into(),
        retries: Retries {
            max_attempts: 3,
            first_retry_seconds: 30,
            timeout_seconds: 5,
        },
    });
    head_office
        .storage
        .set_delivery_channel(Some(&settings))
        .unwrap();

    let recipients = allowed[1..4].to_vec();
    let push_id = push(&desk, "PUSH-GW", &item.id, &recipients);
    desk.sync().await;
    // Every first attempt is refused: the messages stay queued and nothing more is tried until
    // the wait is up, however many rounds pass.
    let first = gateway_received(&gateway, 3).await;
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    assert_eq!(
        gateway.received().len(),
        3,
        "no retry before the wait is up"
    );
    for m in &first {
        assert_eq!(m.attempt, 1);
        assert_eq!(m.push_id, push_id);
        assert_eq!(m.text, "四季度策略观点，供您参考");
        assert_eq!(m.title, item.title);
        assert_eq!(
            m.mobile.len(),
            11,
            "the whole number, for the gateway to text"
        );
        assert!(!m.client_name.is_empty() && !m.broker_name.is_empty());
    }
    let detail = desk.with_store(|s| s.push_detail(&push_id).unwrap());
    assert_eq!(detail.summary.counts.waiting, 3);

    // After the first wait, two are taken; the unreachable client's is refused again.
    clock.advance(Duration::seconds(31));
    gateway_received(&gateway, 6).await;
    synced_until(&desk, &push_id, |d| d.summary.counts.sent == 2).await;
    // After the doubled wait the last attempt fails the message, with the gateway's answer.
    clock.advance(Duration::seconds(61));
    synced_until(&desk, &push_id, |d| {
        status_of(d, &allowed[3]) == Some(DeliveryStatus::Failed)
    })
    .await;
    let detail = desk.with_store(|s| s.push_detail(&push_id).unwrap());
    let failed = detail.recipients.iter().find(|r| r.client_id == allowed[3]);
    let reason = failed.and_then(|r| r.reason.clone()).unwrap_or_default();
    assert!(
        reason.contains("3 次") && reason.contains("HTTP 503"),
        "{reason}"
    );
    assert_eq!(
        gateway.received().len(),
        7,
        "each taken message was handed over once"
    );

    // The gateway reports back: delivered, read, the client's reply; a delivery receipt for the
    // failed one and one for a message head office never sent change nothing.
    let id = |client: &str| format!("{push_id}/{client}");
    let batch = serde_json::json!({ "receipts": [
        receipt(&id(&allowed[1]), DeliveryStatus::Delivered, None),
        receipt(&id(&allowed[1]), DeliveryStatus::Read, None),
        receipt(&id(&allowed[1]), DeliveryStatus::Replied, Some("好的，周末去营业部详谈")),
        receipt(&id(&allowed[2]), DeliveryStatus::Delivered, None),
        receipt(&id(&allowed[3]), DeliveryStatus::Delivered, None),
        receipt("PUSH-NEVER/C0000001", DeliveryStatus::Delivered, None),
    ]})
    .to_string();
    let answer = post_receipts(&base, &batch, &signature(batch.as_bytes())).await;
    assert_eq!(answer.status(), 200);
    let outcome: ReceiptOutcome = answer.json().await.unwrap();
    assert_eq!((outcome.applied, outcome.unchanged), (4, 1));
    assert_eq!(outcome.unknown, vec!["PUSH-NEVER/C0000001".to_string()]);
    // The same batch again (a gateway retrying after a lost answer) changes nothing.
    let again: ReceiptOutcome = post_receipts(&base, &batch, &signature(batch.as_bytes()))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((again.applied, again.unchanged), (0, 5));

    // A forged batch and a malformed one are refused whole, saying what to fix.
    let forged = serde_json::json!({ "receipts": [
        receipt(&id(&allowed[2]), DeliveryStatus::Replied, Some("伪造的回复")),
    ]})
    .to_string();
    let refused = post_receipts(&base, &forged, "sha256=00").await;
    assert_eq!(refused.status(), 401);
    let error: ApiError = refused.json().await.unwrap();
    assert_eq!(error.code, ErrorCode::Unauthorized);
    assert!(error.message.contains("签名"), "{}", error.message);
    let malformed = serde_json::json!({ "receipts": [
        receipt(&id(&allowed[2]), DeliveryStatus::Read, None),
        receipt(&id(&allowed[2]), DeliveryStatus::Replied, None),
    ]})
    .to_string();
    let refused = post_receipts(&base, &malformed, &signature(malformed.as_bytes())).await;
    assert_eq!(refused.status(), 422);
    let error: ApiError = refused.json().await.unwrap();
    assert!(error.message.contains("第 2 条"), "{}", error.message);

    // The desk reads exactly what the gateway said.
    synced_until(&desk, &push_id, |d| d.summary.counts.replied == 1).await;
    let detail = desk.with_store(|s| s.push_detail(&push_id).unwrap());
    let replied = detail.recipients.iter().find(|r| r.client_id == allowed[1]);
    assert_eq!(
        replied.and_then(|r| r.reply.as_deref()),
        Some("好的，周末去营业部详谈")
    );
    assert_eq!(
        status_of(&detail, &allowed[2]),
        Some(DeliveryStatus::Delivered),
        "neither the forged reply nor the malformed batch was applied"
    );
    assert_eq!(
        status_of(&detail, &allowed[3]),
        Some(DeliveryStatus::Failed)
    );
    gateway_task.abort();
}
