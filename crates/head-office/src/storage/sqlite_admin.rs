//! People and the org tree on SQLite, for head-office IT (`admin`), and the online backup.

use super::sqlite::role_to_code;
use crate::error::{HeadOfficeError, Result};
use chrono::Utc;
use protocol::Role;
use rusqlite::{params, Connection};
use std::path::Path;

/// Ids follow the demo's scheme: a role letter and the next number.
pub(super) fn create_user(
    conn: &mut Connection,
    username: &str,
    name: &str,
    role: Role,
    unit: &str,
    password_hash: &str,
) -> Result<String> {
    let prefix = match role {
        Role::Broker => "B",
        Role::TeamLead => "L",
        Role::BranchManager => "M",
        Role::Admin => "A",
    };
    let tx = conn.transaction()?;
    let next: i64 = tx.query_row(
        "SELECT coalesce(max(CAST(substr(id, 2) AS INTEGER)), 0) + 1 FROM users \
         WHERE substr(id, 1, 1) = ?1",
        [prefix],
        |r| r.get(0),
    )?;
    let width = if role == Role::Broker { 3 } else { 2 };
    let id = format!("{prefix}{next:0width$}");
    tx.execute(
        "INSERT INTO users (id, username, display_name, role, password_hash, org_unit_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, username, name, role_to_code(role), password_hash, unit],
    )?;
    tx.commit()?;
    Ok(id)
}

fn end_sessions(conn: &Connection, user_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE refresh_tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
        params![user_id, Utc::now()],
    )?;
    Ok(())
}

pub(super) fn set_disabled(conn: &mut Connection, user_id: &str, disabled: bool) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "UPDATE users SET disabled = ?2 WHERE id = ?1",
        params![user_id, disabled],
    )?;
    if disabled {
        end_sessions(&tx, user_id)?;
    }
    tx.commit()?;
    Ok(())
}

pub(super) fn set_password_hash(conn: &mut Connection, user_id: &str, hash: &str) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "UPDATE users SET password_hash = ?2 WHERE id = ?1",
        params![user_id, hash],
    )?;
    end_sessions(&tx, user_id)?;
    tx.commit()?;
    Ok(())
}

pub(super) fn place_user(conn: &Connection, user_id: &str, unit: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET org_unit_id = ?2 WHERE id = ?1",
        params![user_id, unit],
    )?;
    Ok(())
}

pub(super) fn create_unit(conn: &Connection, id: &str, parent: &str, name: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO org_units (id, parent_id, name) VALUES (?1, ?2, ?3)",
        params![id, parent, name],
    )?;
    Ok(())
}

/// A consistent copy of the live database, taken with SQLite's online backup while it serves.
pub(super) fn backup_to(conn: &Connection, target: &Path) -> Result<()> {
    if target.exists() {
        return Err(HeadOfficeError::Validation(format!(
            "{} 已存在：请换一个备份文件名",
            target.display()
        )));
    }
    let mut out = Connection::open(target)?;
    let backup = rusqlite::backup::Backup::new(conn, &mut out)?;
    backup.run_to_completion(1_000, std::time::Duration::from_millis(10), None)?;
    Ok(())
}

/// Puts a backup in place as the database at `target`: copied beside it first, checked to open
/// as a head-office database, then renamed over it, so a failed restore leaves the old one.
pub(super) fn restore(backup: &Path, target: &Path, replace: bool) -> Result<()> {
    if !backup.is_file() {
        return Err(HeadOfficeError::Validation(format!(
            "备份文件 {} 不存在",
            backup.display()
        )));
    }
    if target.exists() && !replace {
        return Err(HeadOfficeError::Validation(format!(
            "{} 已存在：确认要用备份覆盖时加 --replace（请先停止服务）",
            target.display()
        )));
    }
    let staging = target.with_extension("restoring");
    let _ = std::fs::remove_file(&staging);
    {
        let source =
            Connection::open_with_flags(backup, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let mut out = Connection::open(&staging)?;
        rusqlite::backup::Backup::new(&source, &mut out)?.run_to_completion(
            1_000,
            std::time::Duration::from_millis(10),
            None,
        )?;
    }
    let users: rusqlite::Result<i64> =
        Connection::open(&staging)?.query_row("SELECT count(*) FROM users", [], |r| r.get(0));
    if users.is_err() {
        let _ = std::fs::remove_file(&staging);
        return Err(HeadOfficeError::Validation(format!(
            "{} 不是总部数据库的备份",
            backup.display()
        )));
    }
    for stale in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{stale}", target.display()));
    }
    std::fs::rename(&staging, target)
        .map_err(|e| HeadOfficeError::Validation(format!("无法写入 {}：{e}", target.display())))?;
    Ok(())
}
