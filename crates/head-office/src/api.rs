//! HTTP endpoints. Each handler checks who is calling, calls storage, and returns protocol types.

mod accounts;
mod console;
mod desk_update;
mod edge;
mod import;
mod pay;
mod receipts;
mod relationships;
mod reports;
mod service;
mod session;
mod sign_in;
mod units;

pub use desk_update::ConnectionTls;
pub use import::ImportQuery;
pub use session::Caller;

use crate::access::{Roles, IT, LEADS, REPORT_READERS, SERVICE_DESK};
use crate::auth::new_token;
use crate::error::{HeadOfficeError, Result};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use domain::FirmPolicy;
use edge::{ApiJson, ApiQuery};
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, BrokerQuery, CommentQuery, CommentRecord,
    NewComment, TeamDashboard, TeamQuery, TransferDecision, TransferRequestRecord,
};
use protocol::{
    paths, MutationResult, PayTerms, PullPage, PullQuery, PushRequest, PushResponse, Role,
    PROTOCOL_VERSION, VERSION_HEADER,
};
use session::{me, refresh, sign_out};
use sign_in::sign_in;
use std::sync::Arc;

type AppStateRef = State<Arc<AppState>>;

/// The longest body each kind of route reads. Sign-in and renewal carry a few short strings. A
/// push is at most 100 mutations (the desk's batch), the largest a recommendation to 1,000
/// clients of about 100 KB, so 16 MiB leaves room. Team writes are a task list or a comment.
pub const AUTH_BODY_LIMIT: usize = 16 * 1024;
pub const PUSH_BODY_LIMIT: usize = 16 * 1024 * 1024;
pub const TEAM_BODY_LIMIT: usize = 256 * 1024;
/// Requests without a body of their own (GETs, sign-out) still may not send a large one.
pub const EMPTY_BODY_LIMIT: usize = 4 * 1024;

/// A route only `roles` may call: others are refused before the body is read. The last layer
/// runs first.
fn only(
    state: &Arc<AppState>,
    roles: Roles,
    route: MethodRouter<Arc<AppState>>,
) -> MethodRouter<Arc<AppState>> {
    route.layer(middleware::from_fn_with_state(
        (state.clone(), roles),
        session::require,
    ))
}

/// A route whose bodies are read up to `limit` bytes by the edge, not by axum's default.
fn limited(route: MethodRouter<Arc<AppState>>, limit: usize) -> MethodRouter<Arc<AppState>> {
    route.layer(middleware::from_fn_with_state(limit, edge::limited_body))
}

pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route(paths::SIGN_IN, limited(post(sign_in), AUTH_BODY_LIMIT))
        .route(paths::REFRESH, limited(post(refresh), AUTH_BODY_LIMIT))
        .route(paths::SIGN_OUT, limited(post(sign_out), EMPTY_BODY_LIMIT))
        .route(paths::ME, limited(get(me), EMPTY_BODY_LIMIT))
        .route(paths::FEED, limited(get(feed), EMPTY_BODY_LIMIT))
        .route(paths::PUSH, limited(post(push), PUSH_BODY_LIMIT))
        .route(paths::POLICY, limited(get(policy), EMPTY_BODY_LIMIT))
        .route(paths::PAY_TERMS, limited(get(pay_terms), EMPTY_BODY_LIMIT))
        .route(
            paths::APPRAISALS,
            limited(get(appraisals), EMPTY_BODY_LIMIT),
        )
        .route(
            paths::TEAM_DASHBOARD,
            only(
                &state,
                REPORT_READERS,
                limited(get(team_dashboard), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::TEAM_BROKER,
            only(
                &state,
                REPORT_READERS,
                limited(get(team_broker), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::TEAM_TASKS,
            only(&state, LEADS, limited(post(team_tasks), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::TEAM_TRANSFERS,
            only(
                &state,
                LEADS,
                limited(get(team_transfers), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::TEAM_TRANSFER_DECIDE,
            only(
                &state,
                LEADS,
                limited(post(team_transfer_decide), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::TEAM_COMMENTS,
            only(
                &state,
                LEADS,
                limited(get(team_comments).post(team_comment_add), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::SERVICE_COMPLAINTS,
            only(
                &state,
                SERVICE_DESK,
                limited(get(service::complaints), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::SERVICE_COMPLAINT_UPDATE,
            only(
                &state,
                SERVICE_DESK,
                limited(post(service::complaint_update), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::SERVICE_VISITS,
            only(
                &state,
                SERVICE_DESK,
                limited(post(service::return_visit), TEAM_BODY_LIMIT),
            ),
        )
        .merge(console::routes(&state))
        .merge(accounts::routes(&state))
        .merge(units::routes(&state))
        .merge(relationships::routes(&state))
        .merge(pay::routes(&state))
        .merge(reports::routes(&state))
        .layer(middleware::from_fn(check_protocol_version));
    let app = Router::new()
        .merge(api)
        .route(paths::HEALTH, limited(get(health), EMPTY_BODY_LIMIT))
        .route(crate::console::PREFIX, get(crate::console::redirect))
        .route(
            "/console/",
            limited(get(crate::console::serve), EMPTY_BODY_LIMIT),
        )
        .route(
            "/console/{*page}",
            limited(get(crate::console::serve), EMPTY_BODY_LIMIT),
        )
        .route(paths::OPENAPI, limited(get(openapi), EMPTY_BODY_LIMIT))
        .route(
            paths::DESK_UPDATE,
            limited(get(desk_update::check), EMPTY_BODY_LIMIT),
        )
        .route(
            paths::DESK_UPDATE_BUNDLE,
            limited(get(desk_update::bundle), EMPTY_BODY_LIMIT),
        )
        .route(
            paths::ADMIN_IMPORT,
            only(
                &state,
                IT,
                limited(post(import::import), import::IMPORT_BODY_LIMIT),
            ),
        )
        .route(
            paths::CHANNEL_RECEIPTS,
            limited(post(receipts::receipts), receipts::RECEIPTS_BODY_LIMIT),
        );
    edge::contract(app).with_state(state)
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

async fn health() -> Json<protocol::Health> {
    Json(protocol::Health {
        status: "ok".into(),
        protocol: PROTOCOL_VERSION,
    })
}

async fn openapi() -> Json<&'static serde_json::Value> {
    Json(crate::openapi::document())
}

/// Runs a storage call off the async workers: SQLite calls block.
async fn blocking<T: Send + 'static, E: Into<HeadOfficeError>>(
    state: &Arc<AppState>,
    f: impl FnOnce(&dyn head_office_storage::Storage) -> Result<T, E> + Send + 'static,
) -> Result<T> {
    let storage = state.storage.clone();
    tokio::task::spawn_blocking(move || {
        head_office_storage::on_blocking_thread(|| f(storage.as_ref()).map_err(Into::into))
    })
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

/// The caller's own published scorecards: a broker's; anyone else has none.
async fn appraisals(
    State(state): AppStateRef,
    Caller(user): Caller,
) -> Result<Json<Vec<protocol::broker_force::PublishedAppraisal>>> {
    Ok(Json(
        blocking(&state, move |s| crate::appraisal::mine(s, &user.id)).await?,
    ))
}

async fn feed(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiQuery(q): ApiQuery<PullQuery>,
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
    ApiJson(req): ApiJson<PushRequest>,
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
    ApiQuery(q): ApiQuery<TeamQuery>,
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
    ApiQuery(q): ApiQuery<BrokerQuery>,
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
    ApiJson(req): ApiJson<AssignTasks>,
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
    ApiJson(decision): ApiJson<TransferDecision>,
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
    ApiQuery(q): ApiQuery<CommentQuery>,
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
    ApiJson(new): ApiJson<NewComment>,
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
