//! The reads behind head office's web console. The router admits only the roles of
//! `crate::access` for each; these shape storage's answers into `protocol::console` types.

use super::{blocking, limited, only, ApiJson, ApiQuery, AppStateRef, Caller};
use super::{EMPTY_BODY_LIMIT, TEAM_BODY_LIMIT};
use crate::access::{
    ACCESS_LOG_READERS, COMPLIANCE, FINANCE, IT, LIBRARY_DRAFTERS, LIBRARY_READERS, STAFF_READERS,
};
use crate::error::Result;
use crate::AppState;
use axum::extract::State;
use axum::routing::{get, post};
use axum::Json;
use axum::Router;
use protocol::backups::{BackupFile, BackupShelf};
use protocol::console::{
    AccessAuditEntry, ActionQuery, DaySpan, DisputeAnswer, DisputeInQueue, DisputeQuery,
    LibraryDraft, LibraryItem, LibraryReview, LibrarySubmission, OrgUnitEntry, StaffAction,
    StaffDirectory, StaffEntry, StatementMonth, StatementsPublished,
};
use protocol::paths;
use std::sync::Arc;

/// The console's routes, each open to the roles `crate::access` names for it.
pub(super) fn routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route(
            paths::CONSOLE_STAFF,
            only(state, STAFF_READERS, limited(get(staff), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_ACCESS_LOG,
            only(
                state,
                ACCESS_LOG_READERS,
                limited(get(access_log), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_BACKUPS,
            only(state, IT, limited(get(backups), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_BACKUP_TAKE,
            only(state, IT, limited(post(take_backup), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_ACTIONS,
            only(
                state,
                ACCESS_LOG_READERS,
                limited(get(actions), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_DISPUTES,
            only(state, FINANCE, limited(get(disputes), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_DISPUTE_ANSWER,
            only(
                state,
                FINANCE,
                limited(post(dispute_answer), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_STATEMENTS_PUBLISH,
            only(
                state,
                FINANCE,
                limited(post(statements_publish), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_LIBRARY,
            only(
                state,
                LIBRARY_READERS,
                limited(get(library), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_LIBRARY_DRAFT,
            only(
                state,
                LIBRARY_DRAFTERS,
                limited(post(library_draft), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_LIBRARY_SUBMIT,
            only(
                state,
                LIBRARY_DRAFTERS,
                limited(post(library_submit), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_LIBRARY_REVIEW,
            only(
                state,
                COMPLIANCE,
                limited(post(library_review), TEAM_BODY_LIMIT),
            ),
        )
}

pub(super) async fn staff(State(state): AppStateRef) -> Result<Json<StaffDirectory>> {
    let chart = blocking(&state, |s| s.org_chart()).await?;
    Ok(Json(StaffDirectory {
        units: chart
            .units
            .into_iter()
            .map(|u| OrgUnitEntry {
                id: u.id,
                parent_id: u.parent_id,
                name: u.name,
                closed_on: u.closed_on,
            })
            .collect(),
        people: chart
            .people
            .into_iter()
            .map(|p| StaffEntry {
                user_id: p.id,
                username: p.username,
                display_name: p.name,
                role: p.role,
                unit_id: p.unit_id,
                disabled: p.disabled,
            })
            .collect(),
    }))
}

pub(super) async fn access_log(
    State(state): AppStateRef,
    ApiQuery(q): ApiQuery<DaySpan>,
) -> Result<Json<Vec<AccessAuditEntry>>> {
    crate::staff_log::checked(&q)?;
    let entries = blocking(&state, move |s| {
        crate::audit::entries_in(s, q.from, q.until)
    })
    .await?;
    Ok(Json(entries))
}

pub(super) async fn library(State(state): AppStateRef) -> Result<Json<Vec<LibraryItem>>> {
    Ok(Json(blocking(&state, |s| s.library_items()).await?))
}

pub(super) async fn library_draft(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(draft): ApiJson<LibraryDraft>,
) -> Result<Json<LibraryItem>> {
    let now = state.clock.now();
    let saved = blocking(&state, move |s| {
        let id = || format!("LIB-{}", &crate::auth::new_token()[..12].to_uppercase());
        crate::library::save_draft(s, &user, draft, id, now)
    })
    .await?;
    Ok(Json(saved))
}

pub(super) async fn library_submit(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<LibrarySubmission>,
) -> Result<Json<LibraryItem>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    Ok(Json(
        blocking(&state, move |s| {
            crate::library::submit(s, &user, &req.id, today, now)
        })
        .await?,
    ))
}

pub(super) async fn library_review(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<LibraryReview>,
) -> Result<Json<LibraryItem>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let decided = blocking(&state, move |s| {
        crate::library::review(s, &user, &req, today, now)
    })
    .await?;
    tracing::info!(item = %decided.id, state = ?decided.state, "library reviewed");
    Ok(Json(decided))
}

pub(super) async fn backups(State(state): AppStateRef) -> Result<Json<BackupShelf>> {
    Ok(Json(blocking(&state, crate::backups::shelf).await?))
}

pub(super) async fn take_backup(
    State(state): AppStateRef,
    Caller(user): Caller,
) -> Result<Json<BackupFile>> {
    let now = state.clock.now();
    let taken = blocking(&state, move |s| crate::backups::take(s, &user, now)).await?;
    tracing::info!(backup = %taken.name, bytes = taken.bytes, "backup taken");
    Ok(Json(taken))
}

pub(super) async fn actions(
    State(state): AppStateRef,
    ApiQuery(q): ApiQuery<ActionQuery>,
) -> Result<Json<Vec<StaffAction>>> {
    Ok(Json(
        blocking(&state, move |s| crate::staff_log::actions(s, &q)).await?,
    ))
}

pub(super) async fn disputes(
    State(state): AppStateRef,
    ApiQuery(q): ApiQuery<DisputeQuery>,
) -> Result<Json<Vec<DisputeInQueue>>> {
    Ok(Json(
        blocking(&state, move |s| s.dispute_queue(!q.all)).await?,
    ))
}

pub(super) async fn dispute_answer(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<DisputeAnswer>,
) -> Result<Json<Vec<DisputeInQueue>>> {
    let now = state.clock.now();
    // The answered queue comes back, so the page shows what is left.
    Ok(Json(
        blocking(&state, move |s| {
            crate::finance::answer_dispute(s, &user, &req, now)?;
            Ok::<_, crate::error::HeadOfficeError>(s.dispute_queue(true)?)
        })
        .await?,
    ))
}

pub(super) async fn statements_publish(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<StatementMonth>,
) -> Result<Json<StatementsPublished>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    Ok(Json(
        blocking(&state, move |s| {
            crate::finance::publish_statements(s, &user, req.month, today, now)
        })
        .await?,
    ))
}
