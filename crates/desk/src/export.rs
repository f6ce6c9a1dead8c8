//! Writing an exported client list to CSV or XLSX. Amounts are written as exact decimal text;
//! cells that a spreadsheet would run as a formula are neutralised (CSV injection).

use crate::error::{DeskError, Result};
use crate::ipc::{ExportFormat, ExportRequest};
use chrono::{DateTime, Utc};
use domain::clock::shanghai;
use domain::spreadsheet::{csv_cell, defused};
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use store::ExportRow;

const HEADER: [&str; 11] = [
    "客户号",
    "姓名",
    "证件号码",
    "手机号",
    "资金账号",
    "客户等级",
    "风险等级",
    "测评到期日",
    "总资产（元）",
    "最近联系",
    "标签",
];

/// What the audit log says was exported.
pub(super) fn describe(request: &ExportRequest, rows: usize) -> String {
    let format = match request.format {
        ExportFormat::Csv => "CSV",
        ExportFormat::Xlsx => "XLSX",
    };
    let clear = if request.in_clear {
        "含完整证件号和手机号"
    } else {
        "个人信息已脱敏"
    };
    format!("导出客户名单 {rows} 条（{format}，{clear}）")
}

fn cells(row: &ExportRow) -> [String; 11] {
    let local = |t: DateTime<Utc>| {
        t.with_timezone(&shanghai())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    [
        row.id.clone(),
        row.name.clone(),
        row.id_number.clone(),
        row.mobile.clone(),
        row.account_nos.clone(),
        row.tier.label_zh().to_string(),
        row.risk_level
            .map(|l| format!("{} {}", l.code(), l.label_zh()))
            .unwrap_or_default(),
        row.assessment_expires_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
        row.total_assets.yuan_plain(),
        row.last_contact_at.map(local).unwrap_or_default(),
        row.tags.join("、"),
    ]
}

fn csv(rows: &[ExportRow]) -> String {
    // A byte-order mark, so that Excel opens Chinese text as UTF-8.
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for row in rows {
        let line: Vec<String> = cells(row).iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Every way writing the file can fail, as the broker reads it: where, why, what to do.
pub(super) fn export_failed(path: &Path, reason: impl ToString) -> DeskError {
    DeskError::Export {
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

fn xlsx(rows: &[ExportRow], path: &Path) -> Result<()> {
    let failed = |e: rust_xlsxwriter::XlsxError| export_failed(path, e);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("客户名单").map_err(failed)?;
    for (col, title) in (0u16..).zip(HEADER) {
        sheet.write_string(0, col, title).map_err(failed)?;
    }
    for (r, row) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells(row)) {
            sheet.write_string(r, col, defused(&cell)).map_err(failed)?;
        }
    }
    book.save(path).map_err(failed)
}

pub(super) fn write(
    dir: &Path,
    format: ExportFormat,
    rows: &[ExportRow],
    now: DateTime<Utc>,
) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| export_failed(dir, e))?;
    let stamp = now.with_timezone(&shanghai()).format("%Y%m%d-%H%M%S");
    let extension = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Xlsx => "xlsx",
    };
    let path = dir.join(format!("客户名单-{stamp}.{extension}"));
    match format {
        ExportFormat::Csv => {
            std::fs::write(&path, csv(rows)).map_err(|source| DeskError::Files {
                path: path.display().to_string(),
                source,
            })?
        }
        ExportFormat::Xlsx => xlsx(rows, &path)?,
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_written_is_named_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("not-a-folder");
        std::fs::write(&blocked, b"a file where the folder should be").unwrap();
        let err = write(
            &blocked,
            ExportFormat::Csv,
            &[],
            chrono::DateTime::UNIX_EPOCH,
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(message.contains("not-a-folder"), "{message}");
        assert!(message.contains("请确认该文件夹存在"), "{message}");
    }
}
