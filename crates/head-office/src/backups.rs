//! Backups from the console (数据备份): IT takes a consistent copy of head office's database
//! while it serves, into the directory set on the server with `head-office backup-dir`, and sees
//! what is there. Each backup is named by head office's clock, so its name says when it was
//! taken; `head-office restore` puts one back.

use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, NaiveDateTime, Utc};
use head_office_storage::{Storage, UserRow};
use protocol::backups::{BackupFile, BackupShelf};
use std::path::{Path, PathBuf};

const PREFIX: &str = "brokerdesk-";
const SUFFIX: &str = ".backup";
const STAMP: &str = "%Y%m%dT%H%M%SZ";

fn name_for(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(STAMP))
}

fn taken_at(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

fn directory(storage: &dyn Storage) -> Result<PathBuf> {
    storage
        .backup_directory()?
        .map(PathBuf::from)
        .ok_or_else(|| {
            HeadOfficeError::Validation(
            "总部服务器尚未设置备份目录：请在服务器上运行 head-office backup-dir <目录> 后再备份"
                .into(),
        )
        })
}

fn unreadable(dir: &Path, e: std::io::Error) -> HeadOfficeError {
    HeadOfficeError::Validation(format!(
        "备份目录 {} 无法访问（{e}），请 IT 检查目录及权限",
        dir.display()
    ))
}

fn files(dir: &Path) -> Result<Vec<BackupFile>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| unreadable(dir, e))? {
        let entry = entry.map_err(|e| unreadable(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(taken_at) = taken_at(&name) else {
            continue;
        };
        let bytes = entry.metadata().map_err(|e| unreadable(dir, e))?.len();
        files.push(BackupFile {
            name,
            bytes,
            taken_at,
        });
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.taken_at));
    Ok(files)
}

pub fn shelf(storage: &dyn Storage) -> Result<BackupShelf> {
    let Some(dir) = storage.backup_directory()? else {
        return Ok(BackupShelf {
            directory: None,
            files: Vec::new(),
        });
    };
    let dir = PathBuf::from(dir);
    Ok(BackupShelf {
        files: files(&dir)?,
        directory: Some(dir.display().to_string()),
    })
}

/// Takes a backup now and logs who took it.
pub fn take(storage: &dyn Storage, caller: &UserRow, now: DateTime<Utc>) -> Result<BackupFile> {
    let dir = directory(storage)?;
    std::fs::create_dir_all(&dir).map_err(|e| unreadable(&dir, e))?;
    let name = name_for(now);
    let target = dir.join(&name);
    if target.exists() {
        return Err(HeadOfficeError::Validation(
            "这一秒已有一份备份，请稍候再试".into(),
        ));
    }
    storage.backup_to(&target)?;
    let bytes = std::fs::metadata(&target)
        .map_err(|e| unreadable(&dir, e))?
        .len();
    let detail = format!("备份到 {}（{} 字节）", target.display(), bytes);
    crate::staff_log::record(storage, caller, "数据备份", &name, &detail, now)?;
    Ok(BackupFile {
        taken_at: taken_at(&name).unwrap_or(now),
        name,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_backup_s_name_says_when_it_was_taken() {
        let at = Utc.with_ymd_and_hms(2026, 12, 6, 6, 40, 5).unwrap();
        let name = name_for(at);
        assert_eq!(name, "brokerdesk-20261206T064005Z.backup");
        assert_eq!(taken_at(&name), Some(at));
        assert_eq!(taken_at("notes.txt"), None);
        assert_eq!(taken_at("brokerdesk-yesterday.backup"), None);
    }
}
