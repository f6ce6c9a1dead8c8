//! Broker–client relationships from the console (客户关系): finding any client of the firm and
//! moving them, with their whole history, to another broker's book, at once or from a later day.
//! Or sharing a client with a second, serving broker (客户共享) and ending it. Every change
//! reaches the desks by the feed, exactly as `head-office transfer-client` does, and is written to
//! the operation log with its reason in the same transaction as the change.

use crate::error::{HeadOfficeError, Result};
use crate::staff_log;
use chrono::{DateTime, NaiveDate, Utc};
use domain::client_transfer::{self, Change, TransferTiming};
use head_office_storage::scheduled::NewScheduledTransfer;
use head_office_storage::shares::NewClientShare;
use head_office_storage::{Storage, UserRow};
use protocol::relationships::{
    ClientOwnership, ClientSearch, ClientShare, ClientShareEnd, ClientTransfer, ScheduledMove,
    ScheduledTransfer, ScheduledTransferCancel,
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
    let timing = client_transfer::timing(Change::Transfer, req.effective_on, today)
        .map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
    let before = owner(storage, &req.client_id)?;
    let to = crate::accounts::active_broker(storage, &req.to_broker_id, "请选择接收客户的经纪人")?;
    waiting_first(&before)?;
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
                share: None,
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

/// What a waiting change will do, in words: 划转给 X, or 与 X 共享.
fn waiting_words(to_broker_name: &str, share: Option<domain::Rate>) -> String {
    match share {
        Some(share) => format!("与 {to_broker_name} 共享（分成 {share}）"),
        None => format!("划转给 {to_broker_name}"),
    }
}

/// A client with a move or share waiting has it called off first, so no one is surprised by an
/// old decision taking effect later.
fn waiting_first(client: &ClientOwnership) -> Result<()> {
    match &client.scheduled {
        Some(ScheduledMove {
            to_broker_name,
            effective_on,
            share,
            ..
        }) => Err(HeadOfficeError::Validation(format!(
            "客户 {} 已安排于 {effective_on} {}，请先在“待生效的划转”中撤销该安排",
            client.name,
            waiting_words(to_broker_name, *share)
        ))),
        None => Ok(()),
    }
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
    let to = format!("{}（{}）", waiting.to_broker_name, waiting.to_broker_id);
    let change = match waiting.share {
        Some(share) => format!("与 {to} 共享（分成 {share}）"),
        None => format!("划转给 {to}"),
    };
    let detail = format!(
        "撤销原定 {} 从 {}（{}）{change}的安排：{reason}",
        waiting.effective_on, waiting.serving_broker_name, waiting.serving_broker_id,
    );
    let action = if waiting.share.is_some() {
        "撤销客户共享安排"
    } else {
        "撤销客户划转"
    };
    staff_log::logged(caller, action, &waiting.client_id, &detail, now, |log| {
        storage.cancel_scheduled_transfer(&waiting.id, now, log)
    })?;
    Ok(storage.scheduled_transfers()?)
}

/// Shares the client with a second, serving broker from today, or sets the share for a later
/// day, and logs who did it and why.
pub fn share(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &ClientShare,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ClientOwnership> {
    let reason = staff_log::reason(&req.reason, "共享")?;
    let timing = client_transfer::timing(Change::Share, req.effective_on, today)
        .map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
    let before = owner(storage, &req.client_id)?;
    let co = crate::accounts::active_broker(storage, &req.co_broker_id, "请选择共同服务的经纪人")?;
    if let Some(current) = &before.co_server {
        return Err(HeadOfficeError::Validation(format!(
            "客户 {} 已与 {} 共享服务，请先结束原共享再另选",
            before.name, current.broker_name
        )));
    }
    waiting_first(&before)?;
    let detail = format!(
        "{}（{}）与 {}（{}）共同服务，共同服务人分得服务佣金的 {}：{reason}",
        before.serving_broker_name, before.serving_broker_id, co.display_name, co.id, req.share
    );
    if let TransferTiming::From(day) = timing {
        // Checked now so a wrong share is said at once; checked again on the day.
        domain::shared_service::check_share(
            &before.serving_broker_id,
            &before.developing_broker_id,
            &co.id,
            req.share,
        )
        .map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
        let id = format!("ST-{}", &crate::auth::new_token()[..16]);
        let scheduled = NewScheduledTransfer {
            id: &id,
            client_id: &req.client_id,
            to_broker_id: &co.id,
            share: Some(req.share),
            effective_on: day,
            reason,
            requested_by: &caller.id,
            requested_at: now,
        };
        let detail = format!("自 {day} 起{detail}");
        staff_log::logged(
            caller,
            "安排客户共享",
            &req.client_id,
            &detail,
            now,
            |log| storage.schedule_transfer(&scheduled, log),
        )?;
        return owner(storage, &req.client_id);
    }
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
