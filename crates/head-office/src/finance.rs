//! Finance's work in the console (财务): answering brokers' disputes of their statements and
//! publishing a month's statements. Both reach the brokers' desks by the feed, as the CLI's
//! `answer-dispute` and `publish-statements` do, and go to the operation log.

use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use head_office_storage::{Storage, UserRow};
use protocol::console::{
    DisputeAnswer, StatementsPublished, TradeCharge, TradeCommissionCorrection,
};
use protocol::DisputeStatus;

const ANSWER_MAX_CHARS: usize = 500;

pub fn answer_dispute(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &DisputeAnswer,
    now: DateTime<Utc>,
) -> Result<()> {
    let answer = req.answer.trim();
    let verdict = match req.status {
        DisputeStatus::Resolved => "已解决",
        DisputeStatus::Rejected => "不予调整",
        DisputeStatus::Open => {
            return Err(HeadOfficeError::Validation(
                "请选择处理结果：已解决（将更正）或不予调整".into(),
            ))
        }
    };
    if answer.is_empty() || answer.chars().count() > ANSWER_MAX_CHARS {
        return Err(HeadOfficeError::Validation(format!(
            "请写明处理意见（1 到 {ANSWER_MAX_CHARS} 字），经纪人会在对账页看到"
        )));
    }
    let detail = format!("{verdict}：{answer}");
    crate::staff_log::logged(caller, "答复佣金异议", &req.id, &detail, now, |log| {
        storage.answer_dispute(&req.id, req.status, answer, Some(log))
    })
}

/// Publishes `month`'s statements; a month not yet over cannot be, its trades are still coming.
pub fn publish_statements(
    storage: &dyn Storage,
    caller: &UserRow,
    month: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<StatementsPublished> {
    let first = month.with_day(1).unwrap_or(month);
    let this_month = today.with_day(1).unwrap_or(today);
    if first >= this_month {
        return Err(HeadOfficeError::Validation(format!(
            "{} 尚未结束，月末之后才能发布该月结算单",
            first.format("%Y年%m月")
        )));
    }
    // The count is known once they are written; the line says which month, the reply how many.
    let detail = format!("发布 {} 的佣金结算单", first.format("%Y年%m月"));
    let statements = crate::staff_log::logged(
        caller,
        "发布佣金结算单",
        &first.format("%Y-%m").to_string(),
        &detail,
        now,
        |log| storage.publish_statements(first, now, Some(log)),
    )?;
    Ok(StatementsPublished {
        month: first,
        statements: u32::try_from(statements).unwrap_or(u32::MAX),
    })
}

/// What a trade was charged, for finance to correct it.
pub fn trade_charge(storage: &dyn Storage, trade_id: &str) -> Result<TradeCharge> {
    storage.trade_charge(trade_id.trim())?.ok_or_else(|| {
        HeadOfficeError::NotFound(format!("成交 {}，请核对成交编号", trade_id.trim()))
    })
}

/// Corrects what a trade was charged (within `domain::fees::check_commission`), logged with the
/// old and new figures; the broker's desk has it at the next sync, and the month's statement
/// once finance publishes it again.
pub fn correct_trade(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &TradeCommissionCorrection,
    now: DateTime<Utc>,
) -> Result<TradeCharge> {
    let reason = crate::staff_log::reason(&req.reason, "更正佣金")?;
    let before = trade_charge(storage, &req.trade_id)?;
    if before.commission == req.commission {
        return Err(HeadOfficeError::Validation(format!(
            "成交 {} 的佣金已是 {}，无需更正",
            before.trade_id, before.commission
        )));
    }
    let detail = format!(
        "客户 {}（经纪人 {}）{} 的成交，佣金由 {} 更正为 {}：{reason}",
        before.client_id,
        before.broker_id,
        domain::clock::shanghai_date(before.traded_at),
        before.commission,
        req.commission
    );
    crate::staff_log::logged(
        caller,
        "更正成交佣金",
        &before.trade_id,
        &detail,
        now,
        |log| {
            storage.correct_trade_commission(
                &before.trade_id,
                before.commission,
                req.commission,
                Some(log),
            )
        },
    )?;
    trade_charge(storage, &before.trade_id)
}
