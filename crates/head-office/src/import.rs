//! A firm's file into head office: read and checked row by row (`firm_import`), then written in
//! one transaction (`Storage::import_rows`). The command line and the nightly job's endpoint both
//! come through here.

use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Utc};
use firm_import::{ImportKind, ImportReport};
use head_office_storage::Storage;

/// Imports `file` as `kind`. A report whose `written` is false names every bad row; nothing was
/// written then.
pub fn import_file(
    storage: &dyn Storage,
    kind: ImportKind,
    file: &[u8],
    skip_bad: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let today = domain::clock::shanghai_date(now);
    let parsed = firm_import::parse(kind, file, today)
        .map_err(|e| HeadOfficeError::Validation(format!("{}：{e}", kind.as_str())))?;
    Ok(storage.import_rows(parsed, skip_bad, now)?)
}

/// The kind named in a command or a path, or which kinds there are.
pub fn kind(text: &str) -> Result<ImportKind> {
    ImportKind::parse(text).ok_or_else(|| {
        let known: Vec<&str> = ImportKind::ALL.iter().map(|k| k.as_str()).collect();
        HeadOfficeError::Validation(format!(
            "不认识的导入类型 {text:?}，应为：{}",
            known.join("、")
        ))
    })
}
