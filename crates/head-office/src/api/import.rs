//! The firm's nightly job loads its files here, as `head-office import` does by hand: one CSV per
//! request, signed in as IT (`access::IT`, checked by the router). A file with bad rows is refused whole (422, every row
//! named) unless `?skip_bad=true`.

use super::{blocking, AppStateRef};
use crate::api::Caller;
use crate::error::{HeadOfficeError, Result};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use firm_import::ImportReport;

/// A day's trades of a large branch (about a million rows) fit.
pub const IMPORT_BODY_LIMIT: usize = 512 * 1024 * 1024;

/// `?skip_bad=true` writes the good rows of a file with bad ones and reports the bad.
#[derive(serde::Deserialize, schemars::JsonSchema)]
pub struct ImportQuery {
    #[serde(default)]
    skip_bad: bool,
}

pub(super) async fn import(
    State(state): AppStateRef,
    Caller(_user): Caller,
    Path(kind): Path<String>,
    super::ApiQuery(q): super::ApiQuery<ImportQuery>,
    body: Bytes,
) -> Result<Json<ImportReport>> {
    let kind = crate::import::kind(&kind)?;
    let now = state.clock.now();
    let report = blocking(&state, move |s| {
        crate::import::import_file(s, kind, &body, q.skip_bad, now)
    })
    .await?;
    if !report.written {
        return Err(HeadOfficeError::Validation(report.summary_zh(kind)));
    }
    Ok(Json(report))
}
