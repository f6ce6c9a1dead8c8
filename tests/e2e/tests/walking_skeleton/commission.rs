//! The broker's commission through the real window: the month, a drill-down to the trades behind
//! a client's figure, last month agreeing with head office's statement to the fen; after finance
//! corrects one trade, the difference on exactly that trade, disputed, and the statement exported;
//! and last month's appraisal as head office published it.

use super::{gone, SHORT};
use anyhow::{ensure, Context, Result};
use e2e::Session;

/// What the online step found: last month (as the panel names it) and one of its trades.
pub struct LastMonth {
    pub month: String,
    pub trade_id: String,
}

const DISPUTE: &str = "本笔成交按万分之佣金率计算应低于结算单，请核实";

fn open_last_month(app: &Session) -> Result<String> {
    app.click(&app.wait("[data-testid=nav-commission]", SHORT)?)?;
    app.wait("[data-testid=commission-headline]", SHORT)?;
    let hits = e2e::wait_for("the 24-month chart", SHORT, || {
        let hits = app.find_all("[data-testid=commission-history-hit]")?;
        Ok((hits.len() >= 2).then_some(hits))
    })?;
    let last = &hits[hits.len() - 2];
    let month = app
        .attribute(last, "data-month")?
        .context("a month on each bar")?;
    app.click(last)?;
    app.wait("[data-testid=headline-ended]", SHORT)?;
    Ok(month)
}

/// Online on the first day; returns last month and a trade of the broker's own book in it.
pub fn online(app: &Session) -> Result<LastMonth> {
    app.click(&app.wait("[data-testid=nav-commission]", SHORT)?)?;
    let headline = app.wait_text("[data-testid=commission-headline]", SHORT, |t| {
        t.contains('¥')
    })?;
    ensure!(
        headline.contains("目标"),
        "the month's target is shown: {headline}"
    );
    app.wait(
        "[data-testid=commission-history-chart] [data-testid=commission-history-bar]",
        SHORT,
    )?;
    app.wait_settled("[data-testid=commission-panel]", SHORT)?;
    app.screenshot("commission")?;

    // The trades behind the biggest client's figure.
    app.click(&app.wait(
        "[data-testid=commission-by-client] [data-testid^=client-row-] .ant-table-cell",
        SHORT,
    )?)?;
    app.wait("[data-testid=drill-table] [data-testid^=trade-row-]", SHORT)?;
    app.wait_settled(".ant-drawer-content-wrapper", SHORT)?;
    app.screenshot("commission-drilldown")?;
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the drill-down to close")?;

    // Last month: every trade as the statement has it.
    let month = open_last_month(app)?;
    // The month's tables render after its headline; the button may be there but not yet
    // clickable (WebDriver: "element not interactable"), so the click is tried until it takes.
    e2e::wait_for("the all-trades button to take a click", SHORT, || {
        let Some(all) = app.find("[data-testid=commission-all-trades]")? else {
            return Ok(None);
        };
        app.click(&all)?;
        Ok(Some(()))
    })?;
    app.wait("[data-testid=drill-table] [data-testid^=trade-row-]", SHORT)?;
    let mut trade_id = None;
    for row in app.find_all("[data-testid=drill-table] [data-testid^=trade-row-]")? {
        if !app.text(&row)?.contains("来自结算单") {
            let id = app.attribute(&row, "data-testid")?.unwrap_or_default();
            trade_id = id.strip_prefix("trade-row-").map(str::to_string);
            break;
        }
    }
    let trade_id = trade_id.context("a trade of the broker's own book last month")?;
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the drill-down to close")?;
    app.click(&app.wait("[data-testid=commission-tab-reconcile]", SHORT)?)?;
    app.wait_text("[data-testid=reconcile-match]", SHORT, |t| {
        t.contains("一致")
    })?;
    // Head office published last month's appraisal: the broker's own card, ranked in their level.
    app.click(&app.wait("[data-testid=commission-tab-appraisal]", SHORT)?)?;
    app.wait_text("[data-testid=appraisal-total]", SHORT, |t| t.contains('.'))?;
    app.wait_text("[data-testid=appraisal-view]", SHORT, |t| {
        t.contains("排第")
    })?;
    app.wait_settled("[data-testid=commission-panel]", SHORT)?;
    app.screenshot("commission-appraisal")?;
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    Ok(LastMonth { month, trade_id })
}

/// A commission for `trade` that differs from what it was charged by ¥1.00 and stays within its
/// limits (`domain::fees::check_commission`), in yuan as the CLI takes it.
pub fn corrected_charge(head_office: &e2e::HeadOffice, trade: &str) -> Result<String> {
    use domain::Fen;
    let db = head_office
        .sqlite_file()
        .context("the e2e head office runs on SQLite")?;
    let (amount, commission, included): (i64, i64, i64) = rusqlite::Connection::open(db)?
        .query_row(
            "SELECT amount, commission, handling_fee + regulatory_fee FROM trades WHERE id = ?1",
            [trade],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
    let (amount, commission, included) = (Fen(amount), Fen(commission), Fen(included));
    let more = commission + Fen(100);
    let chosen = if more <= domain::fees::commission_ceiling(amount) {
        more
    } else {
        commission - Fen(100)
    };
    domain::fees::check_commission(amount, chosen, included)?;
    Ok(format!("{}.{:02}", chosen.0 / 100, chosen.0 % 100))
}

/// Back online after finance corrected `last.trade_id`: the difference, a dispute, the export.
pub fn corrected(app: &Session, last: &LastMonth) -> Result<()> {
    let month = open_last_month(app)?;
    ensure!(
        month == last.month,
        "the same month: {month} / {}",
        last.month
    );
    app.click(&app.wait("[data-testid=commission-tab-reconcile]", SHORT)?)?;
    let counts = app.wait_text("[data-testid=reconcile-counts]", SHORT, |t| t.contains('1'))?;
    ensure!(counts.contains("1 笔有差异"), "one trade differs: {counts}");
    let row = format!("[data-testid=reconcile-diff-{}]", last.trade_id);
    app.wait(&row, SHORT)?;
    app.click(&app.wait(&format!("[data-testid=dispute-{}]", last.trade_id), SHORT)?)?;
    let comment = app.wait("[data-testid=dispute-comment]", SHORT)?;
    app.type_text(&comment, DISPUTE)?;
    app.click(&app.wait("[data-testid=dispute-submit]", SHORT)?)?;
    gone(app, ".ant-modal-wrap", "the dispute form to close")?;
    app.wait_text("[data-testid=reconcile-disputes]", SHORT, |t| {
        t.contains(DISPUTE)
    })?;
    app.wait_settled("[data-testid=reconcile-panel]", SHORT)?;
    app.screenshot("commission-reconcile")?;

    // The month as files: a workbook and a page to print.
    app.click(&app.wait("[data-testid=commission-export]", SHORT)?)?;
    for testid in ["export-xlsx-path", "export-html-path"] {
        let path = app.wait_text(&format!("[data-testid={testid}]"), SHORT, |t| {
            t.contains('/')
        })?;
        let path = path.trim();
        ensure!(std::path::Path::new(path).exists(), "exported {path}");
    }
    app.click(&app.wait("[data-testid=commission-export-close]", SHORT)?)?;
    gone(app, ".ant-modal-wrap", "the export window to close")?;
    // The dispute reaches head office with the next sync.
    app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
    app.wait_text("[data-testid=status-pending]", SHORT, |t| {
        t.contains("待同步 0")
    })?;
    app.wait_text("[data-testid=reconcile-disputes]", SHORT, |t| {
        t.contains("处理中")
    })?;
    Ok(())
}
