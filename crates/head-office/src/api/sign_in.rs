//! Signing in with a password: bounded input, the throttle (`crate::throttle`), a hash even for an
//! unknown name, and a line in the operation log for every failure, throttle and success.

use super::edge::{ApiJson, Source};
use super::session::issue_tokens;
use super::{blocking, AppStateRef};
use crate::auth::{new_token, token_hash};
use crate::error::{HeadOfficeError, Result};
use crate::throttle::{self, Attempt};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use head_office_storage::passwords::{hash_password_dummy, verify_password};
use head_office_storage::{SignInEvent, SignInOutcome};
use protocol::{SessionTokens, SignInRequest};
use std::net::IpAddr;
use std::sync::Arc;

const MAX_USERNAME_CHARS: usize = SignInRequest::MAX_USERNAME_CHARS;
const MAX_PASSWORD_CHARS: usize = SignInRequest::MAX_PASSWORD_CHARS;
const MAX_DEVICE_ID_BYTES: usize = SignInRequest::MAX_DEVICE_ID_BYTES;
/// A device that held a session of the user this recently is their usual desk: a broker back
/// from a long holiday, whose sign-in ended, still counts.
const USUAL_DEVICE_WINDOW: Duration = Duration::days(90);

fn check_input(username: &str, req: &SignInRequest) -> Result<()> {
    if username.is_empty() || req.password.is_empty() {
        return Err(HeadOfficeError::Validation("请输入用户名和密码".into()));
    }
    if req.device_id.trim().is_empty() {
        return Err(HeadOfficeError::Validation("缺少设备标识".into()));
    }
    if username.chars().count() > MAX_USERNAME_CHARS {
        return Err(HeadOfficeError::Validation(format!(
            "用户名过长（最多 {MAX_USERNAME_CHARS} 个字符），请核对"
        )));
    }
    if req.password.chars().count() > MAX_PASSWORD_CHARS {
        return Err(HeadOfficeError::Validation(format!(
            "密码过长（最多 {MAX_PASSWORD_CHARS} 个字符），请核对"
        )));
    }
    if req.device_id.len() > MAX_DEVICE_ID_BYTES {
        return Err(HeadOfficeError::Validation(
            "设备标识无效，请重新安装经纪人工作台或联系总部信息技术部".into(),
        ));
    }
    Ok(())
}

/// The operation-log line of this try, filled in as it goes.
struct LogLine {
    at: DateTime<Utc>,
    username: String,
    user_id: Option<String>,
    source: String,
    device_hash: String,
}

impl LogLine {
    async fn write(
        &self,
        state: &Arc<AppState>,
        outcome: SignInOutcome,
        detail: &str,
    ) -> Result<()> {
        let event = SignInEvent {
            at: self.at,
            username: self.username.clone(),
            user_id: self.user_id.clone(),
            source: self.source.clone(),
            device_hash: self.device_hash.clone(),
            outcome,
            detail: detail.to_string(),
        };
        blocking(state, move |s| s.record_sign_in(&event)).await
    }
}

pub(super) async fn sign_in(
    State(state): AppStateRef,
    Source(source): Source,
    ApiJson(req): ApiJson<SignInRequest>,
) -> Result<Json<SessionTokens>> {
    let username = req.username.trim().to_string();
    check_input(&username, &req)?;
    let now = state.clock.now();
    let (lookup, device) = (username.clone(), req.device_id.clone());
    let since = now - USUAL_DEVICE_WINDOW;
    let (user, usual) = blocking(&state, move |s| {
        let user = s.user_by_username(&lookup)?;
        let usual = match &user {
            Some(u) => s.is_usual_device(&u.id, &device, since)?,
            None => false,
        };
        Ok::<_, HeadOfficeError>((user, usual))
    })
    .await?;
    let attempt = if usual {
        Attempt::UsualDevice {
            username: &username,
            device: &req.device_id,
        }
    } else {
        Attempt::Elsewhere {
            username: &username,
            source,
        }
    };
    let log = LogLine {
        at: now,
        username: username.clone(),
        user_id: user.as_ref().map(|u| u.id.clone()),
        source: source.as_ref().map_or("未知".into(), IpAddr::to_string),
        device_hash: token_hash(&req.device_id)[..16].to_string(),
    };
    let keys = throttle::keys(&attempt);
    let judged = keys.clone();
    let verdict = blocking(&state, move |s| throttle::check(s, &judged, now)).await?;
    if let Err(t) = verdict {
        // One line per wait, not per refused try: a flood must not become a flood of writes.
        if t.first {
            let detail = format!("按{}限速，需等待 {} 秒", t.by, t.wait_secs);
            log.write(&state, SignInOutcome::Throttled, &detail).await?;
        }
        return Err(HeadOfficeError::RateLimited(t.wait_secs));
    }

    // Each hash takes 19 MiB: as many at once as there are cores, the rest wait their turn.
    let _turn = state
        .hashing
        .acquire()
        .await
        .map_err(|e| HeadOfficeError::Internal(e.to_string()))?;
    let password = req.password.clone();
    // Hash even for an unknown user, so timing does not tell which user names exist.
    let (user, ok) = tokio::task::spawn_blocking(move || match user {
        Some(u) => verify_password(&password, &u.password_hash).map(|ok| (Some(u), ok)),
        None => hash_password_dummy(&password).map(|_| (None, false)),
    })
    .await??;
    let user = match (user, ok) {
        (Some(u), true) => u,
        (user, _) => {
            let failed = keys.clone();
            blocking(&state, move |s| throttle::failed(s, &failed, now)).await?;
            let detail = if user.is_some() {
                "密码错误"
            } else {
                "无此用户"
            };
            log.write(&state, SignInOutcome::Failed, detail).await?;
            return Err(HeadOfficeError::BadCredentials);
        }
    };
    if user.disabled {
        log.write(&state, SignInOutcome::Failed, "账号已停用")
            .await?;
        return Err(HeadOfficeError::AccountDisabled);
    }
    blocking(&state, move |s| throttle::succeeded(s, &keys)).await?;
    let device_kind = if usual { "常用设备" } else { "新设备" };
    log.write(&state, SignInOutcome::SignedIn, device_kind)
        .await?;
    let tokens = issue_tokens(&state, &user, req.device_id, new_token(), now).await?;
    tracing::info!(user = %user.username, "signed in");
    Ok(Json(tokens))
}
