//! Broker–client relationships from the console (客户关系): finding any client of the firm and
//! moving them, with their whole history, to another broker's book, at once or from a later day.
//! Or sharing a client with a second, serving broker (客户共享) and ending it. Every change
//! reaches the desks by the feed, exactly as `head-office transfer-client` does, and is written to
//! the operation log with its reason in the same transaction as the change.

use crate::error::{HeadOfficeError, Result};
use crate::staff_log;
use chrono::{DateTime, NaiveDate, Utc};
use domain::client_transfer::{self, TransferTiming};
use head_office_storage::scheduled::NewScheduledTransfer;
use head_office_storage::shares::NewClientShare;
use head_office_storage::{Storage, UserRow};
use protocol::relationships::{
    ClientOwnership, ClientSearch, ClientShare, ClientShareEnd, ClientTransfer, ScheduledTransfer,
    ScheduledTransferCancel,
};

pub fn find(storage: &dyn Storage, search: &ClientSearch) -> Result<Vec<ClientOwnership>> {
    let text = search.q.trim();
    if text.chars().count() < 2 {
        return Err(HeadOfficeError::Validation(
            "请输入客户号，或客户姓名中的至少两个字".into(),
        ));
    }
    Ok(storage.find_clients(text, ClientSearch::MAX_RESULTS)?)
}

fn owner(storage: &dyn Storage, client_id: &str) -> Result<ClientOwnership> {
    storage
        .find_clients(client_id, 1)?
        .into_iter()
        .find(|c| c.client_id == client_id)
        .ok_or_else(|| HeadOfficeError::NotFound(format!("客户 {client_id}")))
}

/// Moves the client to `to_broker_id`'s book now, or sets the move for `effective_on`, and logs
/// who did it and why. A client with a move already waiting must have it called off first, so
/// no one is surprised by an old decision taking effect later.
pub fn transfer(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &ClientTransfer,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ClientOwnership> {
    let reason = staff_log::reason(&req.reason, "划转")?;
    let timing = client_transfer::timing(req.effective_on, today)
        .map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
    let before = owner(storage, &req.client_id)?;
    let to = crate::accounts::active_broker(storage, &req.to_broker_id, "请选择接收客户的经纪人")?;
    if let Some(waiting) = &before.scheduled {
        return Err(HeadOfficeError::Validation(format!(
            "客户 {} 已安排于 {} 划转给 {}，请先在“待生效的划转”中撤销该安排",
            before.name, waiting.effective_on, waiting.to_broker_name
        )));
    }
    if before.serving_broker_id == to.id {
        return Err(HeadOfficeError::Validation(format!(
            "客户 {} 已由 {} 服务，无需划转",
            before.name, to.display_name
        )));
    }
    let route = format!(
        "从 {}（{}）划转给 {}（{}）",
        before.serving_broker_name, before.serving_broker_id, to.display_name, to.id
    );
    let client = req.client_id.as_str();
    match timing {
        TransferTiming::Now => {
            let detail = format!("{route}：{reason}");
            let moves = [(client.to_string(), to.id.clone())];
            staff_log::logged(caller, "客户划转", client, &detail, now, |log| {
                storage.transfer_clients(&moves, now, log)
            })?;
        }
        TransferTiming::From(day) => {
            let detail = format!("自 {day} 起{route}：{reason}");
            let id = format!("ST-{}", &crate::auth::new_token()[..16]);
            let scheduled = NewScheduledTransfer {
                id: &id,
                client_id: client,
                to_broker_id: &to.id,
                effective_on: day,
                reason,
                requested_by: &caller.id,
                requested_at: now,
            };
            staff_log::logged(caller, "安排客户划转", client, &detail, now, |log| {
                storage.schedule_transfer(&scheduled, log)
            })?;
        }
    }
    owner(storage, client)
}

/// Calls a waiting move off; answers the moves still waiting.
pub fn cancel(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &ScheduledTransferCancel,
    now: DateTime<Utc>,
) -> Result<Vec<ScheduledTransfer>> {
    let reason = staff_log::reason(&req.reason, "撤销")?;
    let waiting = storage
        .scheduled_transfers()?
        .into_iter()
        .find(|t| t.id == req.id)
        .ok_or_else(|| {
            HeadOfficeError::NotFound(format!(
                "待生效的划转 {}（可能已生效或已被撤销，请刷新列表）",
                req.id
            ))
        })?;
    let detail = format!(
        "撤销原定 {} 从 {}（{}）划转给 {}（{}）的安排：{reason}",
        waiting.effective_on,
        waiting.serving_broker_name,
        waiting.serving_broker_id,
        waiting.to_broker_name,
        waiting.to_broker_id
    );
    staff_log::logged(
        caller,
        "撤销客户划转",
        &waiting.client_id,
        &detail,
        now,
        |log| storage.cancel_scheduled_transfer(&waiting.id, now, log),
    )?;
    Ok(storage.scheduled_transfers()?)
}

/// Shares the client with a second, serving broker from today, and logs who did it and why.
pub fn share(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &ClientShare,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ClientOwnership> {
    let reason = staff_log::reason(&req.reason, "共享")?;
    let before = owner(storage, &req.client_id)?;
    let co = crate::accounts::active_broker(storage, &req.co_broker_id, "请选择共同服务的经纪人")?;
    if let Some(current) = &before.co_server {
        return Err(HeadOfficeError::Validation(format!(
            "客户 {} 已与 {} 共享服务，请先结束原共享再另选",
            before.name, current.broker_name
        )));
    }
    let detail = format!(
        "{}（{}）与 {}（{}）共同服务，共同服务人分得服务佣金的 {}：{reason}",
        before.serving_broker_name, before.serving_broker_id, co.display_name, co.id, req.share
    );
    let id = format!("SH-{}", &crate::auth::new_token()[..16]);
    let shared = NewClientShare {
        id: &id,
        client_id: &req.client_id,
        co_broker_id: &co.id,
        share: req.share,
        since: today,
        reason,
        started_by: &caller.id,
        started_at: now,
    };
    staff_log::logged(caller, "客户共享", &req.client_id, &detail, now, |log| {
        storage.share_client(&shared, log)
    })?;
    owner(storage, &req.client_id)
}

/// Ends the client's share; the co-server's desk drops the client at its next sync.
pub fn end_share(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &ClientShareEnd,
    now: DateTime<Utc>,
) -> Result<ClientOwnership> {
    let reason = staff_log::reason(&req.reason, "结束共享")?;
    let before = owner(storage, &req.client_id)?;
    let Some(co) = &before.co_server else {
        return Err(HeadOfficeError::NotFound(format!(
            "客户 {} 的共享（可能已结束，请刷新）",
            before.name
        )));
    };
    let detail = format!(
        "结束 {}（{}）对客户的共同服务（自 {} 起，分成 {}）：{reason}",
        co.broker_name, co.broker_id, co.since, co.share
    );
    staff_log::logged(
        caller,
        "结束客户共享",
        &req.client_id,
        &detail,
        now,
        |log| storage.end_client_share(&req.client_id, reason, now, log),
    )?;
    owner(storage, &req.client_id)
}
