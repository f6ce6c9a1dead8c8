//! Finance's pay plans in the console (`crate::pay_plans`) and corrections of what a trade was
//! charged (`crate::finance`), open to `access::FINANCE`.

use super::{
    blocking, limited, only, ApiJson, ApiQuery, AppStateRef, Caller, EMPTY_BODY_LIMIT,
    TEAM_BODY_LIMIT,
};
use crate::access::FINANCE;
use crate::error::Result;
use crate::AppState;
use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use protocol::console::{
    DevelopmentSplitChange, FeeScheduleChange, PayPlanChange, PayPlanOverview, TradeCharge,
    TradeChargeQuery, TradeCommissionCorrection,
};
use protocol::paths;
use std::sync::Arc;

pub(super) fn routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route(
            paths::CONSOLE_PAY_PLANS,
            only(state, FINANCE, limited(get(overview), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_PAY_PLAN_SAVE,
            only(state, FINANCE, limited(post(save_plan), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_DEVELOPMENT_SPLIT,
            only(state, FINANCE, limited(post(save_split), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_FEE_SCHEDULE,
            only(state, FINANCE, limited(post(save_fees), TEAM_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_TRADE_CHARGE,
            only(state, FINANCE, limited(get(trade_charge), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_TRADE_CORRECTION,
            only(
                state,
                FINANCE,
                limited(post(correct_trade), TEAM_BODY_LIMIT),
            ),
        )
}

async fn overview(State(state): AppStateRef) -> Result<Json<PayPlanOverview>> {
    let today = state.clock.today();
    Ok(Json(
        blocking(&state, move |s| crate::pay_plans::overview(s, today)).await?,
    ))
}

async fn save_plan(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<PayPlanChange>,
) -> Result<Json<PayPlanOverview>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let id = req.plan.id.clone();
    let saved = blocking(&state, move |s| {
        crate::pay_plans::save_plan(s, &user, &req, today, now)
    })
    .await?;
    tracing::info!(plan = %id, "pay plan saved");
    Ok(Json(saved))
}

async fn save_split(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<DevelopmentSplitChange>,
) -> Result<Json<PayPlanOverview>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let from = req.split.effective_from;
    let saved = blocking(&state, move |s| {
        crate::pay_plans::save_split(s, &user, &req, today, now)
    })
    .await?;
    tracing::info!(%from, "development split saved");
    Ok(Json(saved))
}

async fn save_fees(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<FeeScheduleChange>,
) -> Result<Json<PayPlanOverview>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let from = req.schedule.effective_from;
    let saved = blocking(&state, move |s| {
        crate::pay_plans::save_fees(s, &user, &req, today, now)
    })
    .await?;
    tracing::info!(%from, "fee schedule saved");
    Ok(Json(saved))
}

async fn trade_charge(
    State(state): AppStateRef,
    ApiQuery(q): ApiQuery<TradeChargeQuery>,
) -> Result<Json<TradeCharge>> {
    Ok(Json(
        blocking(&state, move |s| {
            crate::finance::trade_charge(s, &q.trade_id)
        })
        .await?,
    ))
}

async fn correct_trade(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<TradeCommissionCorrection>,
) -> Result<Json<TradeCharge>> {
    let now = state.clock.now();
    let corrected = blocking(&state, move |s| {
        crate::finance::correct_trade(s, &user, &req, now)
    })
    .await?;
    tracing::info!(trade = %corrected.trade_id, "trade commission corrected");
    Ok(Json(corrected))
}
