//! Workbooks: 汇总报表 (`crate::reports`) for whoever may read the dashboard, and the operation
//! log (`crate::log_export`) for those who may read it.

use super::{blocking, limited, only, ApiQuery, AppStateRef, Caller, EMPTY_BODY_LIMIT};
use crate::access::{ACCESS_LOG_READERS, REPORT_READERS};
use crate::error::Result;
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use protocol::console::ActionQuery;
use protocol::paths;
use protocol::team::TeamQuery;
use std::sync::Arc;

pub(super) fn routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route(
            paths::CONSOLE_REPORT_XLSX,
            only(
                state,
                REPORT_READERS,
                limited(get(workbook), EMPTY_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_ACTIONS_XLSX,
            only(
                state,
                ACCESS_LOG_READERS,
                limited(get(actions_workbook), EMPTY_BODY_LIMIT),
            ),
        )
}

async fn actions_workbook(
    State(state): AppStateRef,
    ApiQuery(q): ApiQuery<ActionQuery>,
) -> Result<Response> {
    let bytes = blocking(&state, {
        let q = q.clone();
        move |s| {
            let actions = crate::staff_log::actions_to_export(s, &q)?;
            crate::log_export::workbook(&q, &actions)
        }
    })
    .await?;
    Ok(attachment(&crate::log_export::file_name(&q), bytes))
}

async fn workbook(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiQuery(q): ApiQuery<TeamQuery>,
) -> Result<Response> {
    let now = state.clock.now();
    let (name, bytes) = blocking(&state, move |s| {
        let report = crate::team::team_dashboard(s, &user, &q, now)?;
        Ok::<_, crate::error::HeadOfficeError>((
            crate::reports::file_name(&report),
            crate::reports::workbook(&report)?,
        ))
    })
    .await?;
    Ok(attachment(&name, bytes))
}

/// A workbook the browser saves under head office's Chinese file name.
fn attachment(name: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!(
        "attachment; filename=\"report.xlsx\"; filename*=UTF-8''{}",
        percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC)
    );
    (
        [
            (header::CONTENT_TYPE, crate::reports::XLSX_MIME.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}
