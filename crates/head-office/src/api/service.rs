//! Customer service's endpoints (客服): the complaint queue, moving a case on, recording a return
//! visit with its satisfaction score. The router lets in `access::SERVICE_DESK` only; the name the broker
//! reads on each step is the caller's own, never what the body says.

use super::{blocking, ApiJson, ApiQuery, AppStateRef};
use crate::api::Caller;
use crate::error::Result;
use axum::extract::State;
use axum::Json;
use head_office_storage::cases::CaseFilter;
use protocol::service::{ComplaintQuery, ComplaintUpdate};
use protocol::{NewReturnVisit, OpenComplaint, ServiceCaseRecord};

pub(super) async fn complaints(
    State(state): AppStateRef,
    Caller(_user): Caller,
    ApiQuery(q): ApiQuery<ComplaintQuery>,
) -> Result<Json<Vec<OpenComplaint>>> {
    let filter = CaseFilter {
        open_only: !q.all,
        brokers: q.broker.map(|b| vec![b]),
        today: state.clock.today(),
    };
    Ok(Json(
        blocking(&state, move |s| s.complaints(&filter)).await?,
    ))
}

pub(super) async fn complaint_update(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<ComplaintUpdate>,
) -> Result<Json<ServiceCaseRecord>> {
    let now = state.clock.now();
    Ok(Json(
        blocking(&state, move |s| {
            s.update_complaint(&req.case, &user.display_name, &req.update, now)
        })
        .await?,
    ))
}

pub(super) async fn return_visit(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(visit): ApiJson<NewReturnVisit>,
) -> Result<Json<ServiceCaseRecord>> {
    let now = state.clock.now();
    let visit = NewReturnVisit {
        by: user.display_name.clone(),
        ..visit
    };
    Ok(Json(
        blocking(&state, move |s| s.record_return_visit(&visit, now)).await?,
    ))
}
