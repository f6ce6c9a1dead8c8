//! 汇总报表 as a workbook: the dashboard the caller may read, one row per direct report (a child
//! unit with its whole subtree, or a broker) and the unit's total, for management to file or
//! print. The same figures as the console's page, from the same `team::team_dashboard`.

use crate::error::{HeadOfficeError, Result};
use domain::clock::shanghai;
use domain::spreadsheet::defused;
use domain::Fen;
use protocol::team::{TeamDashboard, TeamRow};
use rust_xlsxwriter::{Format, Workbook};

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const HEADER: [&str; 11] = [
    "排名",
    "单位/经纪人",
    "负责人",
    "经纪人",
    "客户",
    "资产（元）",
    "净流入（元）",
    "净佣金（元）",
    "活跃客户",
    "未结投诉",
    "转入/转出",
];

/// A spreadsheet stores every number as a double: amounts are exact to the fen up to 2^53 fen,
/// far beyond any book. This is the one place a `Fen` becomes one.
fn yuan_cell(fen: Fen) -> f64 {
    fen.0 as f64 / 100.0
}

pub(crate) fn failed(e: rust_xlsxwriter::XlsxError) -> HeadOfficeError {
    HeadOfficeError::Internal(format!("workbook: {e}"))
}

/// A sheet's title, defused, on its first row and its column names on the third, both bold.
pub(crate) fn title_and_header(
    sheet: &mut rust_xlsxwriter::Worksheet,
    title: &str,
    header: &[&str],
    bold: &Format,
) -> Result<()> {
    sheet
        .write_string_with_format(0, 0, defused(title), bold)
        .map_err(failed)?;
    for (col, name) in (0u16..).zip(header) {
        sheet
            .write_string_with_format(2, col, *name, bold)
            .map_err(failed)?;
    }
    Ok(())
}

/// The file name a browser saves it under: 汇总报表-<unit>-<YYYY-MM>.xlsx.
pub fn file_name(report: &TeamDashboard) -> String {
    format!(
        "汇总报表-{}-{}.xlsx",
        report.unit_name,
        report.month.format("%Y-%m")
    )
}

pub fn workbook(report: &TeamDashboard) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let money = Format::new().set_num_format("#,##0.00");
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("汇总报表").map_err(failed)?;
    let title = format!(
        "{} {} 汇总报表（数据时间 {}）",
        report.unit_name,
        report.month.format("%Y年%m月"),
        report
            .taken_at
            .with_timezone(&shanghai())
            .format("%Y-%m-%d %H:%M")
    );
    title_and_header(sheet, &title, &HEADER, &bold)?;
    let mut row = 3u32;
    for r in &report.rows {
        write_row(sheet, row, Some(r.rank), r, &money)?;
        row += 1;
    }
    let total = TeamRow {
        kind: protocol::team::ReportKind::Unit,
        id: report.unit_id.clone(),
        name: "合计".into(),
        leader_name: None,
        figures: report.totals.clone(),
        trend: Vec::new(),
        rank: 0,
    };
    write_row(sheet, row, None, &total, &money)?;
    sheet.set_column_width(1, 22).map_err(failed)?;
    for col in 5..8 {
        sheet.set_column_width(col, 18).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

fn write_row(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    rank: Option<u32>,
    r: &TeamRow,
    money: &Format,
) -> Result<()> {
    let f = &r.figures;
    if let Some(rank) = rank {
        sheet.write_number(row, 0, rank).map_err(failed)?;
    }
    sheet
        .write_string(row, 1, defused(&r.name))
        .map_err(failed)?;
    let leader = r.leader_name.as_deref().map(defused).unwrap_or_default();
    sheet.write_string(row, 2, leader).map_err(failed)?;
    sheet.write_number(row, 3, f.brokers).map_err(failed)?;
    sheet.write_number(row, 4, f.clients).map_err(failed)?;
    for (col, amount) in [
        (5, f.total_assets),
        (6, f.net_new_assets),
        (7, f.net_commission),
    ] {
        sheet
            .write_number_with_format(row, col, yuan_cell(amount), money)
            .map_err(failed)?;
    }
    sheet
        .write_number(row, 8, f.active_clients)
        .map_err(failed)?;
    sheet
        .write_number(row, 9, f.open_complaints)
        .map_err(failed)?;
    let moves = format!("{}/{}", f.transfers_in, f.transfers_out);
    sheet.write_string(row, 10, moves).map_err(failed)?;
    Ok(())
}
