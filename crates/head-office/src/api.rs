//! HTTP endpoints. Each handler checks who is calling, calls storage, and returns protocol types.

use crate::auth::{hash_password_dummy, new_token, token_hash, verify_password, REFRESH_TOKEN_TTL};
use crate::error::{HeadOfficeError, Result};
use crate::storage::{RefreshGrant, RefreshUse, UserRow};
use crate::AppState;
use axum::extract::{FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use domain::FirmPolicy;
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, BrokerQuery, CommentQuery, CommentRecord,
    NewComment, TeamDashboard, TeamQuery, TransferDecision, TransferRequestRecord,
};
use protocol::{
    paths, MutationResult, PayTerms, PullPage, PullQuery, PushRequest, PushResponse,
    RefreshRequest, Role, SessionTokens, SignInRequest, UserProfile, PROTOCOL_VERSION,
    VERSION_HEADER,
};
use std::sync::Arc;

type AppStateRef = State<Arc<AppState>>;

const MAX_USERNAME_CHARS: usize = 64;
const MAX_PASSWORD_CHARS: usize = 256;
/// A desk's device id is a short random token; anything longer did not come from a desk.
const MAX_DEVICE_ID_BYTES: usize = 128;

pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route(paths::SIGN_IN, post(sign_in))
        .route(paths::REFRESH, post(refresh))
        .route(paths::SIGN_OUT, post(sign_out))
        .route(paths::ME, get(me))
        .route(paths::FEED, get(feed))
        .route(paths::PUSH, post(push))
        .route(paths::POLICY, get(policy))
        .route(paths::PAY_TERMS, get(pay_terms))
        .route(paths::TEAM_DASHBOARD, get(team_dashboard))
        .route(paths::TEAM_BROKER, get(team_broker))
        .route(paths::TEAM_TASKS, post(team_tasks))
        .route(paths::TEAM_TRANSFERS, get(team_transfers))
        .route(paths::TEAM_TRANSFER_DECIDE, post(team_transfer_decide))
        .route(
            paths::TEAM_COMMENTS,
            get(team_comments).post(team_comment_add),
        )
        .layer(middleware::from_fn(check_protocol_version));
    Router::new()
        .merge(api)
        .route(paths::HEALTH, get(health))
        .with_state(state)
}

/// A desk speaking another protocol version gets a clear refusal, never a misread body.
async fn check_protocol_version(req: Request, next: Next) -> Response {
    let client = req
        .headers()
        .get(VERSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut response = match client {
        Some(v) if v == PROTOCOL_VERSION.to_string() => next.run(req).await,
        other => axum::response::IntoResponse::into_response(HeadOfficeError::ProtocolMismatch {
            client: other.unwrap_or_else(|| "（未声明）".into()),
            server: PROTOCOL_VERSION,
        }),
    };
    response
        .headers_mut()
        .insert(VERSION_HEADER, HeaderValue::from(PROTOCOL_VERSION));
    response
}

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok", "protocol": PROTOCOL_VERSION }))
}

/// Runs a storage call off the async workers: SQLite calls block.
async fn blocking<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&dyn crate::storage::Storage) -> Result<T> + Send + 'static,
) -> Result<T> {
    let storage = state.storage.clone();
    tokio::task::spawn_blocking(move || crate::storage::on_blocking_thread(|| f(storage.as_ref())))
        .await?
}

fn profile(user: &UserRow) -> UserProfile {
    UserProfile {
        user_id: user.id.clone(),
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        role: user.role,
        org_path: user.org_path.clone(),
    }
}

async fn issue_tokens(
    state: &Arc<AppState>,
    user: &UserRow,
    device_id: String,
    family_id: String,
) -> Result<SessionTokens> {
    let now = state.clock.now();
    let refresh_token = new_token();
    let grant = RefreshGrant {
        user_id: user.id.clone(),
        device_id,
        family_id,
        expires_at: now + REFRESH_TOKEN_TTL,
    };
    let hash = token_hash(&refresh_token);
    let family = grant.family_id.clone();
    blocking(state, move |s| s.insert_refresh_token(&hash, &grant)).await?;
    Ok(SessionTokens {
        access_token: state.access.issue(&user.id, &family, now),
        access_expires_in_secs: crate::auth::ACCESS_TOKEN_TTL.num_seconds().unsigned_abs(),
        refresh_token,
        user: profile(user),
    })
}

async fn sign_in(
    State(state): AppStateRef,
    Json(req): Json<SignInRequest>,
) -> Result<Json<SessionTokens>> {
    let username = req.username.trim().to_string();
    if username.is_empty() || req.password.is_empty() {
        return Err(HeadOfficeError::Validation("请输入用户名和密码".into()));
    }
    if req.device_id.trim().is_empty() {
        return Err(HeadOfficeError::Validation("缺少设备标识".into()));
    }
    // Bounded before anything is remembered or hashed: a 2 MB "user name" is nobody's.
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
    let now = state.clock.now();
    state.limiter.check(&username, now)?;
    let lookup = username.clone();
    let user = blocking(&state, move |s| s.user_by_username(&lookup)).await?;
    let password = req.password;
    // Each hash takes 19 MiB: as many at once as there are cores, the rest wait their turn.
    let _turn = state
        .hashing
        .acquire()
        .await
        .map_err(|e| HeadOfficeError::Internal(e.to_string()))?;
    // Hash even for an unknown user, so timing does not tell which user names exist.
    let (user, ok) = tokio::task::spawn_blocking(move || match user {
        Some(u) => verify_password(&password, &u.password_hash).map(|ok| (Some(u), ok)),
        None => hash_password_dummy(&password).map(|_| (None, false)),
    })
    .await??;
    let user = match (user, ok) {
        (Some(u), true) => u,
        _ => {
            state.limiter.failed(&username, now);
            return Err(HeadOfficeError::BadCredentials);
        }
    };
    if user.disabled {
        return Err(HeadOfficeError::AccountDisabled);
    }
    state.limiter.succeeded(&username);
    let tokens = issue_tokens(&state, &user, req.device_id, new_token()).await?;
    tracing::info!(user = %user.username, "signed in");
    Ok(Json(tokens))
}

async fn refresh(
    State(state): AppStateRef,
    Json(req): Json<RefreshRequest>,
) -> Result<Json<SessionTokens>> {
    let hash = token_hash(&req.refresh_token);
    let now = state.clock.now();
    let grant = match blocking(&state, move |s| s.use_refresh_token(&hash, now)).await? {
        RefreshUse::Fresh(g) | RefreshUse::Retried(g) if g.device_id == req.device_id => g,
        RefreshUse::Fresh(g) | RefreshUse::Retried(g) => {
            // A token presented from another device was stolen: end the session everywhere.
            state.access.revoke_user(&g.user_id);
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
    let user_id = grant.user_id.clone();
    let user = blocking(&state, move |s| s.user_by_id(&user_id))
        .await?
        .ok_or(HeadOfficeError::SessionEnded)?;
    if user.disabled {
        return Err(HeadOfficeError::AccountDisabled);
    }
    Ok(Json(
        issue_tokens(&state, &user, grant.device_id, grant.family_id).await?,
    ))
}

/// Ends one sign-in: its refresh tokens in the database and its access tokens in memory.
async fn end_sign_in(state: &Arc<AppState>, family_id: String, now: DateTime<Utc>) -> Result<()> {
    state.access.revoke_family(&family_id);
    blocking(state, move |s| s.revoke_refresh_family(&family_id, now)).await
}

/// Ends the caller's sign-in at head office: every refresh and access token of it, so a copy of
/// either left on the machine is worth nothing. Other sign-ins of the user are untouched.
async fn sign_out(
    State(state): AppStateRef,
    session: CallerSession,
) -> Result<Json<serde_json::Value>> {
    end_sign_in(&state, session.family_id, state.clock.now()).await?;
    tracing::info!(user = %session.user.username, "signed out");
    Ok(Json(serde_json::json!({ "signed_out": true })))
}

/// The signed-in user behind a request's bearer token.
pub struct Caller(pub UserRow);

/// The same, with the sign-in (refresh family) the token belongs to.
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
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(HeadOfficeError::Unauthorized)?;
        let grant = state.access.check(token, state.clock.now())?;
        let user_id = grant.user_id.clone();
        let user = blocking(state, move |s| s.user_by_id(&user_id))
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

async fn me(Caller(user): Caller) -> Json<UserProfile> {
    Json(profile(&user))
}

/// Any signed-in user may read the firm's practice: it holds no one's data.
async fn policy(State(state): AppStateRef, Caller(_user): Caller) -> Result<Json<FirmPolicy>> {
    Ok(Json(blocking(&state, |s| s.firm_policy()).await?))
}

/// The caller's own pay terms: the firm's schedules and plans, and their own plan history.
async fn pay_terms(State(state): AppStateRef, Caller(user): Caller) -> Result<Json<PayTerms>> {
    Ok(Json(
        blocking(&state, move |s| s.pay_terms(&user.id)).await?,
    ))
}

async fn feed(
    State(state): AppStateRef,
    Caller(user): Caller,
    Query(q): Query<PullQuery>,
) -> Result<Json<PullPage>> {
    // A broker's feed is their own book. Leads and managers have no book of their own; what they
    // see of their subtree are summaries, served by the team endpoints.
    if user.role != Role::Broker {
        return Ok(Json(PullPage {
            changes: Vec::new(),
            cursor: q.cursor,
            has_more: false,
            remaining: 0,
        }));
    }
    let page = blocking(&state, move |s| s.pull_page(&user.id, &q)).await?;
    Ok(Json(page))
}

/// Applies the desk's mutations in the order given, each exactly once.
async fn push(
    State(state): AppStateRef,
    Caller(user): Caller,
    Json(req): Json<PushRequest>,
) -> Result<Json<PushResponse>> {
    if req.mutations.len() > PushRequest::MAX_MUTATIONS {
        return Err(HeadOfficeError::Validation(format!(
            "一次最多提交 {} 条变更",
            PushRequest::MAX_MUTATIONS
        )));
    }
    let now = state.clock.now();
    let results = blocking(&state, move |s| {
        req.mutations
            .iter()
            .map(|m| {
                Ok(MutationResult {
                    id: m.id.clone(),
                    outcome: s.apply_mutation(&user.id, m, now)?,
                })
            })
            .collect::<Result<Vec<_>>>()
    })
    .await?;
    Ok(Json(PushResponse { results }))
}

/// A unit of the caller's subtree and its direct reports.
async fn team_dashboard(
    State(state): AppStateRef,
    Caller(user): Caller,
    Query(q): Query<TeamQuery>,
) -> Result<Json<TeamDashboard>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| {
            crate::team::team_dashboard(s, &user, &q, now)
        })
        .await?,
    ))
}

/// One broker of the caller's subtree, read-only and masked.
async fn team_broker(
    State(state): AppStateRef,
    Caller(user): Caller,
    Query(q): Query<BrokerQuery>,
) -> Result<Json<BrokerDashboard>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| {
            crate::team::broker_dashboard(s, &user, &q, now)
        })
        .await?,
    ))
}

async fn team_tasks(
    State(state): AppStateRef,
    Caller(user): Caller,
    Json(req): Json<AssignTasks>,
) -> Result<Json<AssignedTasks>> {
    let now = state.clock.now();
    let made = blocking(&state, move |s| {
        let id = || format!("T-{}", &new_token()[..16]);
        crate::team::assign_tasks(s, &user, &req, id, now)
    })
    .await?;
    tracing::info!(tasks = made.task_ids.len(), "tasks assigned");
    Ok(Json(made))
}

/// Transfer requests raised in the caller's subtree.
async fn team_transfers(
    State(state): AppStateRef,
    Caller(user): Caller,
) -> Result<Json<Vec<TransferRequestRecord>>> {
    Ok(Json(
        blocking(&state, move |s| {
            crate::team_transfers::transfer_requests(s, &user)
        })
        .await?,
    ))
}

async fn team_transfer_decide(
    State(state): AppStateRef,
    Caller(user): Caller,
    Json(decision): Json<TransferDecision>,
) -> Result<Json<TransferRequestRecord>> {
    let now = state.clock.now();
    let decided = blocking(&state, move |s| {
        crate::team_transfers::decide_transfer(s, &user, &decision, now)
    })
    .await?;
    tracing::info!(request = %decided.id, status = ?decided.status, "transfer decided");
    Ok(Json(decided))
}

async fn team_comments(
    State(state): AppStateRef,
    Caller(user): Caller,
    Query(q): Query<CommentQuery>,
) -> Result<Json<Vec<CommentRecord>>> {
    Ok(Json(
        blocking(&state, move |s| {
            crate::team_transfers::comments(s, &user, &q)
        })
        .await?,
    ))
}

async fn team_comment_add(
    State(state): AppStateRef,
    Caller(user): Caller,
    Json(new): Json<NewComment>,
) -> Result<Json<Vec<CommentRecord>>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| {
            let id = format!("CM-{}", &new_token()[..16]);
            crate::team_transfers::add_comment(s, &user, &new, id, now)
        })
        .await?,
    ))
}
