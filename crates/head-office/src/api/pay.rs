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
use domain::pay_adjustment::PayAdjustment;
use protocol::console::{
    DevelopmentSplitChange, FeeScheduleChange, GroupAllowanceChange, PayPlanChange,
    PayPlanOverview, TradeCharge, TradeChargeQuery, TradeCommissionCorrection,
};
use protocol::paths;
use protocol::pay_adjustments::{
    AdjustmentMonth, AdjustmentRemoval, BrokerTarget, MonthAdjustments, MonthlyTargetChange,
};
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
            paths::CONSOLE_GROUP_ALLOWANCE,
            only(
                state,
                FINANCE,
                limited(post(save_allowance), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_PAY_ADJUSTMENTS,
            only(state, FINANCE, limited(get(adjustments), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_PAY_ADJUSTMENT_ADD,
            only(
                state,
                FINANCE,
                limited(post(add_adjustment), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_PAY_ADJUSTMENT_REMOVE,
            only(
                state,
                FINANCE,
                limited(post(remove_adjustment), TEAM_BODY_LIMIT),
            ),
        )
        .route(
            paths::CONSOLE_MONTHLY_TARGETS,
            only(state, FINANCE, limited(get(targets), EMPTY_BODY_LIMIT)),
        )
        .route(
            paths::CONSOLE_MONTHLY_TARGET_SET,
            only(state, FINANCE, limited(post(set_target), TEAM_BODY_LIMIT)),
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

async fn save_allowance(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<GroupAllowanceChange>,
) -> Result<Json<PayPlanOverview>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    Ok(Json(
        blocking(&state, move |s| {
            crate::pay_plans::save_allowance(s, &user, &req, today, now)
        })
        .await?,
    ))
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

async fn adjustments(
    State(state): AppStateRef,
    ApiQuery(q): ApiQuery<AdjustmentMonth>,
) -> Result<Json<MonthAdjustments>> {
    Ok(Json(
        blocking(&state, move |s| crate::pay_adjustments::month(s, q.month)).await?,
    ))
}

async fn add_adjustment(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<PayAdjustment>,
) -> Result<Json<MonthAdjustments>> {
    let (today, now) = (state.clock.today(), state.clock.now());
    let broker = req.broker_id.clone();
    let saved = blocking(&state, move |s| {
        crate::pay_adjustments::add(s, &user, &req, today, now)
    })
    .await?;
    tracing::info!(%broker, "pay adjustment added");
    Ok(Json(saved))
}

async fn remove_adjustment(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<AdjustmentRemoval>,
) -> Result<Json<MonthAdjustments>> {
    let now = state.clock.now();
    let broker = req.adjustment.broker_id.clone();
    let saved = blocking(&state, move |s| {
        crate::pay_adjustments::remove(s, &user, &req, now)
    })
    .await?;
    tracing::info!(%broker, "pay adjustment removed");
    Ok(Json(saved))
}

async fn targets(State(state): AppStateRef) -> Result<Json<Vec<BrokerTarget>>> {
    Ok(Json(
        blocking(&state, crate::pay_adjustments::targets).await?,
    ))
}

async fn set_target(
    State(state): AppStateRef,
    Caller(user): Caller,
    ApiJson(req): ApiJson<MonthlyTargetChange>,
) -> Result<Json<Vec<BrokerTarget>>> {
    let now = state.clock.now();
    let broker = req.broker_id.clone();
    let saved = blocking(&state, move |s| {
        crate::pay_adjustments::set_target(s, &user, &req, now)
    })
    .await?;
    tracing::info!(%broker, "monthly target set");
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
