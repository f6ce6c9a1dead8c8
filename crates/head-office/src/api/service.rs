//! Customer service's endpoints (客服): the complaint queue, moving a case on, recording a return
//! visit with its satisfaction score. Service staff and administrators only; the name the broker
//! reads on each step is the caller's own, never what the body says.

use super::{blocking, ApiJson, ApiQuery, AppStateRef};
use crate::api::Caller;
use crate::error::{HeadOfficeError, Result};
use axum::extract::State;
use axum::Json;
use head_office_storage::cases::CaseFilter;
use head_office_storage::UserRow;
use protocol::service::{ComplaintQuery, ComplaintUpdate};
use protocol::{NewReturnVisit, OpenComplaint, Role, ServiceCaseRecord};

fn service_staff(user: &UserRow) -> Result<()> {
    match user.role {
        Role::Service | Role::Admin => Ok(()),
        _ => Err(HeadOfficeError::Forbidden(
            "投诉处理和回访登记仅对总部客服开放".into(),
        )),
    }
}

pub(super) async fn complaints(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiQuery(q): ApiQuery<ComplaintQuery>,
) -> Result<Json<Vec<OpenComplaint>>> {
    service_staff(&user)?;
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
    service_staff(&user)?;
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
    service_staff(&user)?;
    let now = state.clock.now();
    let visit = NewReturnVisit {
        by: user.display_name.clone(),
        ..visit
    };
    Ok(Json(
        blocking(&state, move |s| s.record_return_visit(&visit, now)).await?,
    ))
}
