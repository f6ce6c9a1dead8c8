//! HTTP endpoints. Each handler checks who is calling, calls storage, and returns protocol types.

mod session;

pub use session::Caller;

use crate::auth::new_token;
use crate::error::{HeadOfficeError, Result};
use crate::AppState;
use axum::extract::{Query, Request, State};
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::FirmPolicy;
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, BrokerQuery, CommentQuery, CommentRecord,
    NewComment, TeamDashboard, TeamQuery, TransferDecision, TransferRequestRecord,
};
use protocol::{
    paths, MutationResult, PayTerms, PullPage, PullQuery, PushRequest, PushResponse, Role,
    PROTOCOL_VERSION, VERSION_HEADER,
};
use session::{me, refresh, sign_in, sign_out};
use std::sync::Arc;

type AppStateRef = State<Arc<AppState>>;

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
            epoch: state.storage.epoch(),
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
