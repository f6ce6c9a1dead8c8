//! 汇总报表 as an XLSX workbook (`crate::reports`), for whoever may read the dashboard.

use super::{blocking, limited, only, ApiQuery, AppStateRef, Caller, EMPTY_BODY_LIMIT};
use crate::access::REPORT_READERS;
use crate::error::Result;
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use protocol::paths;
use protocol::team::TeamQuery;
use std::sync::Arc;

pub(super) fn routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new().route(
        paths::CONSOLE_REPORT_XLSX,
        only(
            state,
            REPORT_READERS,
            limited(get(workbook), EMPTY_BODY_LIMIT),
        ),
    )
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
    let disposition = format!(
        "attachment; filename=\"report.xlsx\"; filename*=UTF-8''{}",
        percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC)
    );
    Ok((
        [
            (header::CONTENT_TYPE, crate::reports::XLSX_MIME.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}
