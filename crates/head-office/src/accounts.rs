//! Accounts from the console (系统管理), for IT: the same operations as `head-office user …`
//! (`admin.rs`), each written to the operation log. A temporary password is shown once to the
//! person who made it, to hand over in person; the log never holds it.

use crate::admin::{self, NewUser};
use crate::error::{HeadOfficeError, Result};
use crate::staff_log::ByStaff;
use chrono::{DateTime, Utc};
use head_office_storage::{Storage, UserRow};
use protocol::console::{AccountChanged, AccountIssued, AccountStatus, NewAccount};
use protocol::Role;

/// IT's account changes say what was done; they need no reason.
fn by<'a>(caller: &'a UserRow, action: &'a str, at: DateTime<Utc>) -> ByStaff<'a> {
    ByStaff {
        caller,
        action,
        reason: None,
        at,
    }
}

pub fn add(
    storage: &dyn Storage,
    caller: &UserRow,
    account: &NewAccount,
    now: DateTime<Utc>,
) -> Result<AccountIssued> {
    let username = account.username.trim().to_string();
    let (user_id, temporary_password) = admin::add_user(
        storage,
        &NewUser {
            username: username.clone(),
            display_name: account.display_name.clone(),
            role: account.role,
            unit_id: account.unit_id.trim().to_string(),
        },
        Some(&by(caller, "开立账号", now)),
    )?;
    let message = format!(
        "已开立账号 {username}（{}，{}），请将临时密码当面交给本人",
        account.display_name.trim(),
        crate::access::role_name(account.role)
    );
    Ok(AccountIssued {
        user_id,
        username,
        temporary_password,
        message,
    })
}

pub fn set_status(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &AccountStatus,
    now: DateTime<Utc>,
) -> Result<AccountChanged> {
    if req.disabled && req.username.trim() == caller.username {
        return Err(HeadOfficeError::Validation(
            "不能停用自己正在使用的账号，请由另一位管理员操作".into(),
        ));
    }
    let action = if req.disabled {
        "停用账号"
    } else {
        "启用账号"
    };
    let message = admin::set_disabled(
        storage,
        req.username.trim(),
        req.disabled,
        now,
        Some(&by(caller, action, now)),
    )?;
    Ok(AccountChanged { message })
}

pub fn reset_password(
    storage: &dyn Storage,
    caller: &UserRow,
    username: &str,
    now: DateTime<Utc>,
) -> Result<AccountIssued> {
    let username = username.trim();
    let (message, temporary_password) =
        admin::reset_password(storage, username, now, Some(&by(caller, "重置密码", now)))?;
    let user_id = storage
        .user_by_username(username)?
        .map(|u| u.id)
        .unwrap_or_default();
    Ok(AccountIssued {
        user_id,
        username: username.to_string(),
        temporary_password,
        message,
    })
}

/// The account of a broker in post (not disabled), or a refusal naming `id` that ends with
/// `hint`, what the user should do instead.
pub fn active_broker(storage: &dyn Storage, id: &str, hint: &str) -> Result<UserRow> {
    storage
        .user_by_id(id.trim())?
        .filter(|u| u.role == Role::Broker && !u.disabled)
        .ok_or_else(|| {
            HeadOfficeError::Validation(format!("{} 不是在岗的经纪人，{hint}", id.trim()))
        })
}
