//! IT's account routes in the console (`crate::accounts`), open to `access::IT` only.

use super::{blocking, limited, only, ApiJson, AppStateRef, Caller, TEAM_BODY_LIMIT};
use crate::access::IT;
use crate::error::Result;
use crate::AppState;
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use protocol::console::{AccountChanged, AccountIssued, AccountRef, AccountStatus, NewAccount};
use protocol::paths;
use std::sync::Arc;

pub(super) fn routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route(
            paths::CONSOLE_ACCOUNTS,
            only(state, IT, limited(post(add), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_ACCOUNT_STATUS,
            only(state, IT, limited(post(status), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_ACCOUNT_PASSWORD,
            only(state, IT, limited(post(password), TEAM_BODY_LIMIT)),
        )
}

async fn add(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<NewAccount>,
) -> Result<Json<AccountIssued>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| crate::accounts::add(s, &user, &req, now)).await?,
    ))
}

async fn status(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<AccountStatus>,
) -> Result<Json<AccountChanged>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| {
            crate::accounts::set_status(s, &user, &req, now)
        })
        .await?,
    ))
}

async fn password(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<AccountRef>,
) -> Result<Json<AccountIssued>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| {
            crate::accounts::reset_password(s, &user, &req.username, now)
        })
        .await?,
    ))
}
