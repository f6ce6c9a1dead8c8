//! Broker–client relationships in the console (`crate::relationships`, `crate::handover`),
//! open to `access::RELATIONSHIPS`: finding clients, moving one at once or from a later day,
//! the moves waiting for their day, sharing a client with a second broker, and handing a leaving
//! broker's book over.

use super::{
    blocking, limited, only, ApiJson, ApiQuery, AppStateRef, Caller, EMPTY_BODY_LIMIT,
    TEAM_BODY_LIMIT,
};
use crate::access::RELATIONSHIPS;
use crate::error::Result;
use crate::AppState;
use axum::extract::State;
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use protocol::handover::{BookHandover, HandoverPlan};
use protocol::paths;
use protocol::relationships::{
    ClientOwnership, ClientSearch, ClientShare, ClientShareEnd, ClientTransfer, ScheduledTransfer,
    ScheduledTransferCancel,
};
use std::sync::Arc;

pub(super) fn routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    let writes = |route: MethodRouter<Arc<AppState>>| {
        only(state, RELATIONSHIPS, limited(route, TEAM_BODY_LIMIT))
    };
    let reads = |route: MethodRouter<Arc<AppState>>| {
        only(state, RELATIONSHIPS, limited(route, EMPTY_BODY_LIMIT))
    };
    Router::new()
        .route(paths::CONSOLE_CLIENTS, reads(get(clients)))
        .route(
            paths::CONSOLE_CLIENT_TRANSFER,
            writes(post(client_transfer)),
        )
        .route(paths::CONSOLE_SCHEDULED_TRANSFERS, reads(get(scheduled)))
        .route(
            paths::CONSOLE_SCHEDULED_TRANSFER_CANCEL,
            writes(post(cancel_scheduled)),
        )
        .route(paths::CONSOLE_CLIENT_SHARE, writes(post(client_share)))
        .route(
            paths::CONSOLE_CLIENT_SHARE_END,
            writes(post(client_share_end)),
        )
        .route(
            paths::CONSOLE_HANDOVER_PREVIEW,
            writes(post(handover_preview)),
        )
        .route(paths::CONSOLE_HANDOVER, writes(post(handover)))
}

async fn clients(
    State(state): AppStateRef,
    ApiQuery(q): ApiQuery<ClientSearch>,
) -> Result<Json<Vec<ClientOwnership>>> {
    Ok(Json(
        blocking(&state, move |s| crate::relationships::find(s, &q)).await?,
    ))
}

async fn client_transfer(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<ClientTransfer>,
) -> Result<Json<ClientOwnership>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let moved = blocking(&state, move |s| {
        crate::relationships::transfer(s, &user, &req, today, now)
    })
    .await?;
    tracing::info!(
        client = %moved.client_id,
        to = %moved.serving_broker_id,
        scheduled = ?moved.scheduled,
        "client transfer"
    );
    Ok(Json(moved))
}

async fn client_share(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<ClientShare>,
) -> Result<Json<ClientOwnership>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    Ok(Json(
        blocking(&state, move |s| {
            crate::relationships::share(s, &user, &req, today, now)
        })
        .await?,
    ))
}

async fn client_share_end(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<ClientShareEnd>,
) -> Result<Json<ClientOwnership>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| {
            crate::relationships::end_share(s, &user, &req, now)
        })
        .await?,
    ))
}

async fn scheduled(State(state): AppStateRef) -> Result<Json<Vec<ScheduledTransfer>>> {
    Ok(Json(blocking(&state, |s| s.scheduled_transfers()).await?))
}

async fn cancel_scheduled(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<ScheduledTransferCancel>,
) -> Result<Json<Vec<ScheduledTransfer>>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| {
            crate::relationships::cancel(s, &user, &req, now)
        })
        .await?,
    ))
}

async fn handover_preview(
    State(state): AppStateRef,
    ApiJson(req): ApiJson<BookHandover>,
) -> Result<Json<HandoverPlan>> {
    Ok(Json(
        blocking(&state, move |s| crate::handover::preview(s, &req)).await?,
    ))
}

async fn handover(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<BookHandover>,
) -> Result<Json<HandoverPlan>> {
    let now = state.clock.now();
    let done = blocking(&state, move |s| {
        crate::handover::hand_over(s, &user, &req, now)
    })
    .await?;
    tracing::info!(from = %done.from_broker_id, clients = done.book.clients, "book handed over");
    Ok(Json(done))
}
