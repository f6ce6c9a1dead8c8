//! The firm's tree in the console (`crate::units`), open to `access::ORG_KEEPERS`.

use super::{blocking, limited, only, ApiJson, AppStateRef, Caller, TEAM_BODY_LIMIT};
use crate::access::ORG_KEEPERS;
use crate::error::Result;
use crate::AppState;
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use protocol::console::{NewOrgUnit, OrgChanged, Placement, UnitClosure, UnitMove};
use protocol::paths;
use std::sync::Arc;

pub(super) fn routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route(
            paths::CONSOLE_UNITS,
            only(state, ORG_KEEPERS, limited(post(create), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_UNIT_MOVE,
            only(state, ORG_KEEPERS, limited(post(relocate), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_UNIT_CLOSE,
            only(state, ORG_KEEPERS, limited(post(close), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_PLACEMENT,
            only(state, ORG_KEEPERS, limited(post(place), TEAM_BODY_LIMIT)),
        )
}

async fn create(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<NewOrgUnit>,
) -> Result<Json<OrgChanged>> {
    let now = state.clock.now();
    let done = blocking(&state, move |s| crate::units::create(s, &user, &req, now)).await?;
    Ok(Json(done))
}

async fn relocate(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<UnitMove>,
) -> Result<Json<OrgChanged>> {
    let now = state.clock.now();
    let done = blocking(&state, move |s| crate::units::relocate(s, &user, &req, now)).await?;
    Ok(Json(done))
}

async fn close(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<UnitClosure>,
) -> Result<Json<OrgChanged>> {
    let now = state.clock.now();
    let done = blocking(&state, move |s| crate::units::close(s, &user, &req, now)).await?;
    Ok(Json(done))
}

async fn place(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<Placement>,
) -> Result<Json<OrgChanged>> {
    let now = state.clock.now();
    let done = blocking(&state, move |s| crate::units::place(s, &user, &req, now)).await?;
    Ok(Json(done))
}
