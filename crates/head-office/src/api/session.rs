//! Sessions (signing in with a password is `sign_in`): renewing with a single-use refresh token, signing out,
//! and who a bearer token belongs to. Everything that ends a sign-in goes through `end_sign_in`.

use super::{blocking, ApiJson, AppStateRef};
use crate::access::Roles;
use crate::auth::{new_token, token_hash};
use crate::auth::{REFRESH_TOKEN_TTL, SESSION_MAX_AGE};
use crate::error::{HeadOfficeError, Result};
use crate::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use head_office_storage::shared::AccessGrant;
use head_office_storage::{RefreshGrant, RefreshUse, UserRow};
use protocol::{RefreshRequest, SessionTokens, UserProfile};
use std::sync::Arc;

/// The desk sends 32 hex characters; anything much longer is not a desk.
const MAX_RETRY_KEY_BYTES: usize = 128;

pub(super) fn profile(user: &UserRow) -> UserProfile {
    UserProfile {
        user_id: user.id.clone(),
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        role: user.role,
        org_path: user.org_path.clone(),
    }
}

pub(super) async fn issue_tokens(
    state: &Arc<AppState>,
    user: &UserRow,
    device_id: String,
    family_id: String,
    signed_in_at: DateTime<Utc>,
) -> Result<SessionTokens> {
    let now = state.clock.now();
    let refresh_token = new_token();
    let grant = RefreshGrant {
        user_id: user.id.clone(),
        device_id,
        family_id,
        expires_at: (now + REFRESH_TOKEN_TTL).min(signed_in_at + SESSION_MAX_AGE),
        signed_in_at,
    };
    let access_token = new_token();
    let access = AccessGrant {
        user_id: user.id.clone(),
        family_id: grant.family_id.clone(),
        issued_at: now,
        expires_at: now + crate::auth::ACCESS_TOKEN_TTL,
    };
    let (refresh_hash, access_hash) = (token_hash(&refresh_token), token_hash(&access_token));
    blocking(state, move |s| {
        s.insert_refresh_token(&refresh_hash, &grant)?;
        s.insert_access_token(&access_hash, &access)
    })
    .await?;
    Ok(SessionTokens {
        access_token,
        access_expires_in_secs: crate::auth::ACCESS_TOKEN_TTL.num_seconds().unsigned_abs(),
        refresh_token,
        user: profile(user),
    })
}

pub(super) async fn refresh(
    State(state): AppStateRef,
    ApiJson(req): ApiJson<RefreshRequest>,
) -> Result<Json<SessionTokens>> {
    if req
        .retry_key
        .as_ref()
        .is_some_and(|k| k.len() > MAX_RETRY_KEY_BYTES)
    {
        return Err(HeadOfficeError::Validation(
            "续期请求无效，请重新登录".into(),
        ));
    }
    let hash = token_hash(&req.refresh_token);
    let retry_key = req.retry_key.as_deref().map(token_hash);
    let now = state.clock.now();
    let used = blocking(&state, move |s| {
        s.use_refresh_token(&hash, retry_key.as_deref(), now)
    })
    .await?;
    let grant = match used {
        RefreshUse::Fresh(g) | RefreshUse::Retried(g) if g.device_id == req.device_id => g,
        RefreshUse::Fresh(g) | RefreshUse::Retried(g) => {
            // A token presented from another device was stolen: end the session everywhere.
            let user_id = g.user_id.clone();
            blocking(&state, move |s| s.revoke_user_access(&user_id)).await?;
            end_sign_in(&state, g.family_id, now).await?;
            return Err(HeadOfficeError::SessionEnded);
        }
        RefreshUse::Reused { family_id } => {
            tracing::warn!(family = %family_id, "refresh token replayed; session revoked");
            end_sign_in(&state, family_id, now).await?;
            return Err(HeadOfficeError::SessionEnded);
        }
        RefreshUse::Invalid => return Err(HeadOfficeError::SessionEnded),
    };
    if now >= grant.signed_in_at + SESSION_MAX_AGE {
        end_sign_in(&state, grant.family_id, now).await?;
        return Err(HeadOfficeError::SessionEnded);
    }
    let user_id = grant.user_id.clone();
    let user = blocking(&state, move |s| s.user_by_id(&user_id))
        .await?
        .ok_or(HeadOfficeError::SessionEnded)?;
    if user.disabled {
        return Err(HeadOfficeError::AccountDisabled);
    }
    Ok(Json(
        issue_tokens(
            &state,
            &user,
            grant.device_id,
            grant.family_id,
            grant.signed_in_at,
        )
        .await?,
    ))
}

/// Ends one sign-in: its refresh and access tokens, on every replica at once.
async fn end_sign_in(state: &Arc<AppState>, family_id: String, now: DateTime<Utc>) -> Result<()> {
    blocking(state, move |s| s.revoke_refresh_family(&family_id, now)).await
}

/// Ends the caller's sign-in at head office: every refresh and access token of it, so a copy of
/// either left on the machine is worth nothing. Other sign-ins of the user are untouched.
pub(super) async fn sign_out(
    State(state): AppStateRef,
    session: CallerSession,
) -> Result<Json<protocol::SignedOut>> {
    end_sign_in(&state, session.family_id, state.clock.now()).await?;
    tracing::info!(user = %session.user.username, "signed out");
    Ok(Json(protocol::SignedOut { signed_out: true }))
}

/// The signed-in user behind a request's bearer token.
pub struct Caller(pub UserRow);

/// The same, with the sign-in (refresh family) the token belongs to.
#[derive(Clone)]
pub struct CallerSession {
    pub user: UserRow,
    pub family_id: String,
}

impl FromRequestParts<Arc<AppState>> for Caller {
    type Rejection = HeadOfficeError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Caller> {
        let session = CallerSession::from_request_parts(parts, state).await?;
        Ok(Caller(session.user))
    }
}

impl FromRequestParts<Arc<AppState>> for CallerSession {
    type Rejection = HeadOfficeError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self> {
        // A route open to some roles only has looked the caller up already (`require`).
        if let Some(Admitted(session)) = parts.extensions.get::<Admitted>() {
            return Ok(session.as_ref().clone());
        }
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(HeadOfficeError::Unauthorized)?;
        let (hash, now) = (token_hash(token), state.clock.now());
        let (grant, user) = blocking(state, move |s| s.access_caller(&hash, now))
            .await?
            .ok_or(HeadOfficeError::Unauthorized)?;
        if user.disabled {
            return Err(HeadOfficeError::AccountDisabled);
        }
        // Ended by head-office IT (a new password) after this token was issued.
        if user.sessions_ended_at.is_some_and(|t| grant.issued_at <= t) {
            return Err(HeadOfficeError::SessionEnded);
        }
        Ok(CallerSession {
            user,
            family_id: grant.family_id,
        })
    }
}

pub(super) async fn me(Caller(user): Caller) -> Json<UserProfile> {
    Json(profile(&user))
}

/// A caller `require` let through, kept for the handler's own `Caller`.
#[derive(Clone)]
struct Admitted(Arc<CallerSession>);

/// Refuses a caller whose role is not among `roles`, before the route reads a body: a
/// refused caller learns nothing from how their request would have been parsed.
pub(super) async fn require(
    State((state, roles)): State<(Arc<AppState>, Roles)>,
    req: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = req.into_parts();
    match CallerSession::from_request_parts(&mut parts, &state).await {
        Ok(session) if roles.contains(&session.user.role) => {
            parts.extensions.insert(Admitted(Arc::new(session)));
            next.run(Request::from_parts(parts, body)).await
        }
        Ok(_) => HeadOfficeError::Forbidden(crate::access::refusal(roles)).into_response(),
        Err(e) => e.into_response(),
    }
}
