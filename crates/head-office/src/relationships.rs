//! Broker–client relationships from the console (客户关系): finding any client of the firm and
//! moving them, with their whole history, to another broker's book. The move reaches both desks
//! by the feed, exactly as `head-office transfer-client` does, and is written to the operation
//! log with its reason.

use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Utc};
use head_office_storage::{Storage, UserRow};
use protocol::console::{ClientOwnership, ClientSearch, ClientTransfer};
use protocol::Role;

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

/// Moves the client to `to_broker_id`'s book and logs who did it and why.
pub fn transfer(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &ClientTransfer,
    now: DateTime<Utc>,
) -> Result<ClientOwnership> {
    let reason = crate::staff_log::reason(&req.reason, "划转")?;
    let before = owner(storage, &req.client_id)?;
    let to = storage
        .user_by_id(&req.to_broker_id)?
        .filter(|u| u.role == Role::Broker && !u.disabled)
        .ok_or_else(|| {
            HeadOfficeError::Validation(format!(
                "{} 不是在岗的经纪人，请选择接收客户的经纪人",
                req.to_broker_id
            ))
        })?;
    if before.serving_broker_id == to.id {
        return Err(HeadOfficeError::Validation(format!(
            "客户 {} 已由 {} 服务，无需划转",
            before.name, to.display_name
        )));
    }
    storage.transfer_client(&req.client_id, &to.id, now)?;
    let detail = format!(
        "从 {}（{}）划转给 {}（{}）：{reason}",
        before.serving_broker_name, before.serving_broker_id, to.display_name, to.id
    );
    crate::staff_log::record(storage, caller, "客户划转", &req.client_id, &detail, now)?;
    owner(storage, &req.client_id)
}
