//! The message gateway's receipts (回执): no bearer token, since the gateway is a system, not a
//! person; the body's HMAC signature under the configured secret proves who sent it. Receipts only
//! move deliveries forward, so a replayed or resent batch changes nothing.

use super::{blocking, AppStateRef};
use crate::channel::signature;
use crate::error::{HeadOfficeError, Result};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use protocol::gateway::{DeliveryReceipt, ReceiptBatch, ReceiptOutcome, SIGNATURE_HEADER};

/// 1,000 receipts with the longest replies and reasons fit.
pub const RECEIPTS_BODY_LIMIT: usize = 8 * 1024 * 1024;

pub(super) async fn receipts(
    State(state): AppStateRef,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<ReceiptOutcome>> {
    let settings = blocking(&state, |s| s.delivery_channel()).await?;
    let secret = settings
        .as_ref()
        .and_then(|s| s.receipt_secret())
        .ok_or_else(|| {
            HeadOfficeError::NotFound(
                "总部尚未配置消息网关，不接收回执：请先用 head-office channel --set 配置".into(),
            )
        })?;
    let signed = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !signature::verify(secret, &body, signed) {
        return Err(HeadOfficeError::BadSignature);
    }
    if super::edge::has_nul(&body) {
        return Err(super::edge::nul_refusal());
    }
    let batch: ReceiptBatch = serde_json::from_slice(&body)
        .map_err(|e| HeadOfficeError::BadRequest(format!("回执格式不正确：{e}")))?;
    if batch.receipts.len() > DeliveryReceipt::BATCH_MAX {
        return Err(HeadOfficeError::Validation(format!(
            "一次最多提交 {} 条回执，本次 {} 条：请分批提交",
            DeliveryReceipt::BATCH_MAX,
            batch.receipts.len()
        )));
    }
    if let Some((i, problem)) = batch
        .receipts
        .iter()
        .enumerate()
        .find_map(|(i, r)| r.problem().map(|p| (i, p)))
    {
        return Err(HeadOfficeError::Validation(format!(
            "第 {} 条回执：{problem}（本批未处理，改正后整批重发即可）",
            i + 1
        )));
    }
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| s.apply_receipts(&batch.receipts, now)).await?,
    ))
}
