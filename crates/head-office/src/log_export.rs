//! The operation log (操作日志) as a workbook, for compliance and IT to file: one row per change
//! a member of head office's staff made, oldest first as an auditor reads, times in Beijing.

use crate::error::Result;
use crate::reports::{failed, title_and_header};
use domain::clock::shanghai;
use domain::spreadsheet::defused;
use protocol::console::{ActionQuery, StaffAction};
use rust_xlsxwriter::{Format, Workbook};

const HEADER: [&str; 7] = ["时间", "工号", "姓名", "部门", "操作", "对象", "说明"];

/// 操作日志-<from>-<until>.xlsx.
pub fn file_name(query: &ActionQuery) -> String {
    format!("操作日志-{}-{}.xlsx", query.from, query.until)
}

pub fn workbook(query: &ActionQuery, newest_first: &[StaffAction]) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("操作日志").map_err(failed)?;
    let words = query.q.as_deref().map(str::trim).unwrap_or_default();
    let mut title = format!("操作日志 {} 至 {}", query.from, query.until);
    if !words.is_empty() {
        title.push_str(&format!("（筛选：{words}）"));
    }
    title_and_header(sheet, &title, &HEADER, &bold)?;
    for (row, a) in (3u32..).zip(newest_first.iter().rev()) {
        let at = a.at.with_timezone(&shanghai()).format("%Y-%m-%d %H:%M:%S");
        let cells = [
            at.to_string(),
            a.user_id.clone(),
            a.user_name.clone(),
            crate::access::role_name(a.role).to_string(),
            a.action.clone(),
            a.subject.clone(),
            a.detail.clone(),
        ];
        for (col, text) in (0u16..).zip(cells) {
            sheet
                .write_string(row, col, defused(&text))
                .map_err(failed)?;
        }
    }
    for (col, width) in [(0, 20), (2, 12), (3, 20), (4, 18), (5, 18), (6, 60)] {
        sheet.set_column_width(col, width).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}
