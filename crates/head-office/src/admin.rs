//! What head-office IT does to people and the org tree, whichever storage is behind: add a user,
//! disable and re-enable one, reset a password, place someone in the tree or move them, add a
//! unit. Each operation checks its input and returns what it changed, in words, for the command
//! line to print; made from the console (`by`), it is logged in its own transaction.

use crate::error::{HeadOfficeError, Result};
use crate::staff_log::{written, ByStaff};
use chrono::{DateTime, Utc};
use domain::org_tree::{self, UnitLink};
use head_office_storage::org::OrgChart;
use head_office_storage::passwords::hash_password;
use head_office_storage::{SignInPressure, Storage};
use protocol::Role;

/// A new user as IT enters them.
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub unit_id: String,
}

/// A temporary password: 12 characters without look-alikes, told to the person once.
pub fn temporary_password() -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    (0..12)
        .map(|_| char::from(CHARS[rng.gen_range(0..CHARS.len())]))
        .collect()
}

pub fn parse_role(text: &str) -> Result<Role> {
    match text {
        "broker" => Ok(Role::Broker),
        "team-lead" => Ok(Role::TeamLead),
        "branch-manager" => Ok(Role::BranchManager),
        "admin" => Ok(Role::Admin),
        "service" => Ok(Role::Service),
        "manager-hq" => Ok(Role::ManagerHq),
        "compliance" => Ok(Role::Compliance),
        "finance" => Ok(Role::Finance),
        other => Err(HeadOfficeError::Validation(format!(
            "角色 {other} 无法识别：请写 broker、team-lead、branch-manager、admin、service（客服）、\
             manager-hq（经纪业务管理部）、compliance（合规）或 finance（财务）"
        ))),
    }
}

fn valid_username(name: &str) -> Result<&str> {
    let name = name.trim();
    let ok = (3..=32).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_');
    if ok {
        Ok(name)
    } else {
        Err(HeadOfficeError::Validation(format!(
            "用户名 {name} 不合规：3 到 32 位小写字母、数字、点或下划线"
        )))
    }
}

/// The tree as `domain::org_tree`'s rules see it.
pub(crate) fn links(chart: &OrgChart) -> Vec<UnitLink<'_>> {
    chart
        .units
        .iter()
        .map(|u| UnitLink {
            id: &u.id,
            parent: u.parent_id.as_deref(),
            name: &u.name,
            closed: u.closed_on.is_some(),
        })
        .collect()
}

/// The name of a unit people may be placed in or a unit created under: it exists and is open.
fn open_unit(storage: &dyn Storage, unit_id: &str) -> Result<String> {
    let chart = storage.org_chart()?;
    org_tree::check_open(&links(&chart), unit_id)?;
    Ok(chart
        .unit(unit_id)
        .map(|u| u.name.clone())
        .unwrap_or_default())
}

/// Adds a user with a temporary password; returns the new id and the password to hand over.
pub fn add_user(
    storage: &dyn Storage,
    user: &NewUser,
    by: Option<&ByStaff<'_>>,
) -> Result<(String, String)> {
    let username = valid_username(&user.username)?;
    let name = user.display_name.trim();
    if name.is_empty() || name.chars().count() > 20 {
        return Err(HeadOfficeError::Validation(
            "姓名不能为空，且不超过 20 字".into(),
        ));
    }
    open_unit(storage, &user.unit_id)?;
    if storage.user_by_username(username)?.is_some() {
        return Err(HeadOfficeError::Validation(format!(
            "用户名 {username} 已被使用"
        )));
    }
    let password = temporary_password();
    let hash = hash_password(&password)?;
    let said = format!("{name}，{}", crate::access::role_name(user.role));
    let id = written(by, username, &said, |log| {
        storage.create_user(username, name, user.role, &user.unit_id, &hash, log)
    })?;
    Ok((id, password))
}

fn existing(storage: &dyn Storage, username: &str) -> Result<head_office_storage::UserRow> {
    storage
        .user_by_username(username.trim())?
        .ok_or_else(|| HeadOfficeError::NotFound(format!("用户 {}", username.trim())))
}

/// Disables or re-enables a user; a disabled user's sessions end at once.
pub fn set_disabled(
    storage: &dyn Storage,
    username: &str,
    disabled: bool,
    now: DateTime<Utc>,
    by: Option<&ByStaff<'_>>,
) -> Result<String> {
    let user = existing(storage, username)?;
    let said = format!(
        "{}（{}）已{}",
        user.display_name,
        user.username,
        if disabled {
            "停用，所有会话已终止"
        } else {
            "重新启用"
        }
    );
    written(by, &user.username, &said, |log| {
        storage.set_user_disabled(&user.id, disabled, now, log)
    })?;
    Ok(said)
}

/// A new temporary password; every session of the user ends.
pub fn reset_password(
    storage: &dyn Storage,
    username: &str,
    now: DateTime<Utc>,
    by: Option<&ByStaff<'_>>,
) -> Result<(String, String)> {
    let user = existing(storage, username)?;
    let password = temporary_password();
    let hash = hash_password(&password)?;
    let said = format!(
        "{}（{}）的密码已重置，原有会话已终止",
        user.display_name, user.username
    );
    written(by, &user.username, &said, |log| {
        storage.set_password_hash(&user.id, &hash, now, log)
    })?;
    Ok((said, password))
}

/// Places a user in a unit: their clients stay theirs, their leads change with the tree.
pub fn place_user(
    storage: &dyn Storage,
    username: &str,
    unit_id: &str,
    by: Option<&ByStaff<'_>>,
) -> Result<String> {
    let user = existing(storage, username)?;
    let unit = open_unit(storage, unit_id)?;
    let said = format!(
        "{}（{}）已调整到 {unit}（{unit_id}）；原路径 {}",
        user.display_name, user.username, user.org_path
    );
    written(by, &user.username, &said, |log| {
        storage.place_user(&user.id, unit_id, log)
    })?;
    Ok(said)
}

/// Adds a unit under an existing one, or, with no parent, the root of a firm's empty tree.
pub fn add_unit(
    storage: &dyn Storage,
    id: &str,
    parent: Option<&str>,
    name: &str,
    by: Option<&ByStaff<'_>>,
) -> Result<String> {
    let id = id.trim();
    if id.is_empty() || id.len() > 16 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(HeadOfficeError::Validation(
            "部门编号须为 1 到 16 位字母或数字".into(),
        ));
    }
    let parent_name = match parent {
        Some(parent) => open_unit(storage, parent)?,
        None if storage.org_chart()?.units.is_empty() => "（根）".to_string(),
        None => {
            return Err(HeadOfficeError::Validation(
                "公司已有组织架构：新部门须用 --parent 指定上级部门".into(),
            ))
        }
    };
    if storage.org_chart()?.unit(id).is_some() {
        return Err(HeadOfficeError::Validation(format!("部门编号 {id} 已存在")));
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(HeadOfficeError::Validation("部门名称不能为空".into()));
    }
    let said = format!("已在 {parent_name} 下新建 {name}（{id}）");
    written(by, id, &said, |log| {
        storage.create_unit(id, parent, name, log)
    })?;
    Ok(said)
}

/// How far back `user list` looks for failed sign-ins.
pub const SIGN_IN_LOOKBACK: chrono::Duration = chrono::Duration::hours(24);
/// Failures in the lookback that mark a name as under attack (a broker who forgot a password
/// gives up or calls IT long before this), as does any throttle.
const UNDER_ATTACK_FAILURES: u64 = 10;
/// Lines of the report at most; a flood of made-up names is summed up after them.
const REPORT_LINES: usize = 30;

/// The names tried with wrong passwords in the lookback, read once for the whole listing.
pub fn recent_sign_in_failures(
    storage: &dyn Storage,
    now: DateTime<Utc>,
) -> Result<Vec<SignInPressure>> {
    Ok(storage.sign_in_pressure(now - SIGN_IN_LOOKBACK)?)
}

fn under_attack(p: &SignInPressure) -> bool {
    p.failures >= UNDER_ATTACK_FAILURES || p.throttles > 0
}

/// The ids of users under attack: those the log shows throttled or failing often lately.
pub fn users_under_attack(
    storage: &dyn Storage,
    failures: &[SignInPressure],
) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for p in failures.iter().filter(|p| under_attack(p)) {
        ids.extend(storage.user_by_username(&p.username)?.map(|u| u.id));
    }
    Ok(ids)
}

/// The failed sign-ins of the lookback, one line per name tried, for `head-office user list`.
pub fn sign_in_report(failures: &[SignInPressure]) -> Vec<String> {
    if failures.is_empty() {
        return vec!["近 24 小时没有登录失败。".into()];
    }
    let mut lines = vec!["近 24 小时登录失败（用户名按输入记录，未必是本公司用户）：".to_string()];
    for p in failures.iter().take(REPORT_LINES) {
        let flag = if under_attack(p) {
            "  ⚠ 疑似密码攻击：常用设备仍可登录，新设备需等待"
        } else {
            ""
        };
        let last = p.last_at.with_timezone(&domain::clock::shanghai());
        lines.push(format!(
            "  {}：失败 {} 次，限速 {} 次，来自 {} 个地址，最近一次 {}{flag}",
            p.username,
            p.failures,
            p.throttles,
            p.sources,
            last.format("%m-%d %H:%M:%S")
        ));
    }
    if failures.len() > REPORT_LINES {
        lines.push(format!(
            "  ……另有 {} 个用户名",
            failures.len() - REPORT_LINES
        ));
    }
    lines
}
