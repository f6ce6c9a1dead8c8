//! A month's commission statement written out for the broker's records: a workbook (summary and
//! every trade, the desk's figures beside head office's) and a page to print or save as PDF.

use super::export::export_failed;
use crate::error::{DeskError, Result};
use crate::ipc::StatementExport;
use chrono::{DateTime, Utc};
use domain::clock::shanghai;
use domain::spreadsheet::defused;
use domain::{Fen, TradeSide};
use rust_xlsxwriter::Workbook;
use std::collections::HashMap;
use std::path::Path;
use store::{Reconciliation, TradeCommission};

const LINE_HEADER: [&str; 15] = [
    "成交时间",
    "客户号",
    "客户",
    "证券代码",
    "买卖",
    "成交金额",
    "佣金率(万分之)",
    "佣金",
    "经手费",
    "证管费",
    "净佣金",
    "关系",
    "计入本人",
    "结算单净佣金",
    "结算单计入",
];

fn money(f: Fen) -> String {
    f.yuan_plain()
}

fn opt(f: Option<Fen>) -> String {
    f.map(money).unwrap_or_default()
}

/// The summary rows: item, desk, statement.
fn summary(view: &Reconciliation) -> Vec<[String; 3]> {
    let st = view.statement.as_ref();
    let d = &view.desk;
    let row = |name: &str, desk: Fen, official: Option<Fen>| {
        [name.to_string(), money(desk), opt(official)]
    };
    vec![
        row("计入本人的净佣金", d.credited, st.map(|s| s.credited)),
        row("月度门槛", d.threshold, st.map(|s| s.threshold)),
        row("提成", d.share, st.map(|s| s.share)),
        row("新增资产奖励", d.bonus, st.map(|s| s.bonus)),
        row("底薪", d.base, st.map(|s| s.base)),
        row("组别津贴", d.allowance, st.map(|s| s.allowance)),
        row("调整", d.adjustments, st.map(|s| s.adjustments)),
        row("合计", d.total, st.map(|s| s.total)),
    ]
}

fn line_cells(l: &TradeCommission, official: Option<(Fen, Fen)>) -> [String; 15] {
    let at = l
        .traded_at
        .with_timezone(&shanghai())
        .format("%Y-%m-%d %H:%M")
        .to_string();
    // Ten-millionths to 万分之: 2 500 is 万2.5.
    let rate = format!(
        "{}.{}",
        l.commission_rate.0 / 1_000,
        (l.commission_rate.0 % 1_000) / 100
    );
    [
        at,
        l.client_id.clone(),
        l.client_name.clone(),
        l.security_code.clone(),
        match l.side {
            TradeSide::Buy => "买入".into(),
            TradeSide::Sell => "卖出".into(),
        },
        money(l.amount),
        rate,
        money(l.commission),
        money(l.handling_fee),
        money(l.regulatory_fee),
        money(l.net_commission),
        l.role.label_zh().into(),
        money(l.credited),
        opt(official.map(|o| o.0)),
        opt(official.map(|o| o.1)),
    ]
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html(title: &str, view: &Reconciliation, rows: &[[String; 15]]) -> String {
    let mut out = format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{t}</title>\
         <style>body{{font-family:'Noto Sans CJK SC',sans-serif;margin:24px;color:#222}}\
         table{{border-collapse:collapse;width:100%;font-size:12px;margin-bottom:18px}}\
         th,td{{border:1px solid #ccc;padding:3px 6px;text-align:right}}th{{background:#f3f4f6}}\
         td:nth-child(-n+5){{text-align:left}}.diff{{background:#fff1f0}}\
         @media print{{body{{margin:0}}thead{{display:table-header-group}}}}</style></head><body>\
         <h1>{t}</h1>",
        t = html_escape(title)
    );
    out.push_str(
        "<table><thead><tr><th>项目</th><th>本机计算</th><th>总部结算单</th></tr></thead><tbody>",
    );
    for [name, desk, official] in summary(view) {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{desk}</td><td>{official}</td></tr>",
            html_escape(&name)
        ));
    }
    out.push_str("</tbody></table><table><thead><tr>");
    for h in LINE_HEADER {
        out.push_str(&format!("<th>{h}</th>"));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        let differs = row[13].is_empty() || row[12] != row[14] || row[10] != row[13];
        out.push_str(if differs {
            "<tr class=\"diff\">"
        } else {
            "<tr>"
        });
        for cell in row {
            out.push_str(&format!("<td>{}</td>", html_escape(cell)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></body></html>");
    out
}

fn xlsx(path: &Path, view: &Reconciliation, rows: &[[String; 15]]) -> Result<()> {
    let failed = |e: rust_xlsxwriter::XlsxError| export_failed(path, e);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("汇总").map_err(failed)?;
    for (col, title) in (0u16..).zip(["项目", "本机计算", "总部结算单"]) {
        sheet.write_string(0, col, title).map_err(failed)?;
    }
    for (r, row) in (1u32..).zip(summary(view)) {
        for (col, cell) in (0u16..).zip(row) {
            sheet.write_string(r, col, defused(&cell)).map_err(failed)?;
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name("成交明细").map_err(failed)?;
    for (col, title) in (0u16..).zip(LINE_HEADER) {
        sheet.write_string(0, col, title).map_err(failed)?;
    }
    for (r, row) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(row) {
            sheet.write_string(r, col, defused(cell)).map_err(failed)?;
        }
    }
    book.save(path).map_err(failed)
}

pub(super) fn write(
    dir: &Path,
    view: &Reconciliation,
    lines: &[TradeCommission],
    now: DateTime<Utc>,
) -> Result<StatementExport> {
    std::fs::create_dir_all(dir).map_err(|e| export_failed(dir, e))?;
    let official: HashMap<&str, (Fen, Fen)> = view
        .differences
        .iter()
        .filter_map(|d| Some((d.trade_id.as_str(), (d.official_net?, d.official_credited?))))
        .collect();
    // A trade without a difference agrees with the statement: its official figures are its own.
    let rows: Vec<[String; 15]> = lines
        .iter()
        .map(|l| {
            let agreed = view
                .statement
                .is_some()
                .then_some((l.net_commission, l.credited));
            let o = official.get(l.trade_id.as_str()).copied().or(
                if view.differences.iter().any(|d| d.trade_id == l.trade_id) {
                    None
                } else {
                    agreed
                },
            );
            line_cells(l, o)
        })
        .collect();
    let month = view.month.format("%Y年%m月");
    let title = format!("佣金对账单 {month}");
    let stamp = now.with_timezone(&shanghai()).format("%Y%m%d-%H%M%S");
    let base = format!("佣金对账单-{}-{stamp}", view.month.format("%Y-%m"));
    let xlsx_path = dir.join(format!("{base}.xlsx"));
    xlsx(&xlsx_path, view, &rows)?;
    let html_path = dir.join(format!("{base}.html"));
    std::fs::write(&html_path, html(&title, view, &rows)).map_err(|source| DeskError::Files {
        path: html_path.display().to_string(),
        source,
    })?;
    Ok(StatementExport {
        xlsx_path: xlsx_path.display().to_string(),
        html_path: html_path.display().to_string(),
        lines: rows.len() as u64,
    })
}
