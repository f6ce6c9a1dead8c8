//! The broker force in the console: the firm's tree (`crate::units`), open to
//! `access::ORG_KEEPERS`, and brokers' levels (`crate::levels`).

use super::{
    blocking, limited, only, ApiJson, ApiQuery, AppStateRef, Caller, EMPTY_BODY_LIMIT,
    TEAM_BODY_LIMIT,
};
use crate::access::{BROKER_FORCE, LEVEL_READERS, ORG_KEEPERS};
use crate::error::Result;
use crate::AppState;
use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use protocol::broker_force::{
    AppraisalBoard, AppraisalMonth, AppraisalQuery, AppraisalsPublished, BrokerCategorization,
    LevelBoard, LevelMove, NewBrokerCategory, NewOrgUnit, OrgChanged, Placement, SchemeChange,
    SchemeRemoval, UnitClosure, UnitMove,
};
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
        .route(
            paths::CONSOLE_LEVELS,
            only(state, LEVEL_READERS, limited(get(levels), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_APPRAISAL,
            only(
                state,
                LEVEL_READERS,
                limited(get(appraisal), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_APPRAISAL_PUBLISH,
            only(
                state,
                BROKER_FORCE,
                limited(post(publish_appraisal), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_APPRAISAL_SCHEME,
            only(
                state,
                BROKER_FORCE,
                limited(post(set_scheme), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_APPRAISAL_SCHEME_REMOVE,
            only(
                state,
                BROKER_FORCE,
                limited(post(remove_scheme), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_LEVEL_MOVE,
            only(
                state,
                BROKER_FORCE,
                limited(post(level_move), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_BROKER_CATEGORY,
            only(
                state,
                BROKER_FORCE,
                limited(post(add_category), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_BROKER_CATEGORIZE,
            only(
                state,
                BROKER_FORCE,
                limited(post(categorize), TEAM_BODY_LIMIT),
            ),
        )
}

async fn levels(State(state): AppStateRef) -> Result<Json<LevelBoard>> {
    let today = state.clock.today();
    Ok(Json(
        blocking(&state, move |s| crate::levels::board(s, today)).await?,
    ))
}

async fn appraisal(
    State(state): AppStateRef,
    ApiQuery(q): ApiQuery<AppraisalQuery>,
) -> Result<Json<AppraisalBoard>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| crate::appraisal::board(s, q.month, now)).await?,
    ))
}

async fn publish_appraisal(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<AppraisalMonth>,
) -> Result<Json<AppraisalsPublished>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let done = blocking(&state, move |s| {
        crate::appraisal::publish(s, &user, req.month, today, now)
    })
    .await?;
    Ok(Json(done))
}

async fn set_scheme(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<SchemeChange>,
) -> Result<Json<OrgChanged>> {
    let now = state.clock.now();
    let done = blocking(&state, move |s| {
        crate::appraisal::set_scheme(s, &user, &req, now)
    })
    .await?;
    Ok(Json(done))
}

async fn remove_scheme(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<SchemeRemoval>,
) -> Result<Json<OrgChanged>> {
    let now = state.clock.now();
    let done = blocking(&state, move |s| {
        crate::appraisal::remove_scheme(s, &user, &req, now)
    })
    .await?;
    Ok(Json(done))
}

async fn level_move(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<LevelMove>,
) -> Result<Json<OrgChanged>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let done = blocking(&state, move |s| {
        crate::levels::move_level(s, &user, &req, today, now)
    })
    .await?;
    Ok(Json(done))
}

async fn add_category(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<NewBrokerCategory>,
) -> Result<Json<OrgChanged>> {
    let now = state.clock.now();
    let done = blocking(&state, move |s| {
        crate::levels::add_category(s, &user, &req, now)
    })
    .await?;
    Ok(Json(done))
}

async fn categorize(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<BrokerCategorization>,
) -> Result<Json<OrgChanged>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let done = blocking(&state, move |s| {
        crate::levels::categorize(s, &user, &req, today, now)
    })
    .await?;
    Ok(Json(done))
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
