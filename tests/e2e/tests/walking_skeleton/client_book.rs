//! The client book as a broker uses it on the first day: the 360° profile, a reveal with its
//! reason and audit entry, search by pinyin initials, an audited export, a shared client's
//! co-server.

use super::{gone, SHORT};
use anyhow::{ensure, Context, Result};
use e2e::Session;

const REVEAL_REASON: &str = "客户来电办理业务，核实身份";
const EXPORT_REASON: &str = "整理本月高净值客户回访名单";
/// One in twenty of broker01's clients is co-served; this one by broker02, for 20%.
const SHARED_CLIENT: &str = "C0000007";

/// Runs with the first client's profile open.
pub fn online(app: &Session) -> Result<()> {
    let name = app.text(&app.wait("[data-testid=profile-name]", SHORT)?)?;
    let name = name.trim().to_string();
    app.wait("[data-testid=asset-trend-chart]", SHORT)?;
    app.wait("[data-testid=allocation-donut]", SHORT)?;
    app.screenshot("client-360")?;

    // Revealing the ID asks for a reason; the entry shows in the client's access log.
    app.click(&app.wait("[data-testid=reveal-id-number]", SHORT)?)?;
    let reason = app.wait("[data-testid=reveal-reason]", SHORT)?;
    app.type_text(&reason, REVEAL_REASON)?;
    app.click(&app.wait("[data-testid=reveal-submit]", SHORT)?)?;
    let clear = app.wait_text("[data-testid=profile-id-number]", SHORT, |t| {
        !t.contains('*') && t.trim().len() == 18
    })?;
    ensure!(clear.trim().len() == 18, "the ID in clear: {clear}");
    app.click(&app.wait("[data-testid=profile-tab-access]", SHORT)?)?;
    app.wait_text("[data-testid=access-log-entry]", SHORT, |t| {
        t.contains(REVEAL_REASON)
    })?;
    app.screenshot("client-reveal-audit")?;
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the profile to close")?;

    // Pinyin initials find the client (the largest in the book, so the first among matches).
    let (_, initials) = store::name_keys(&name);
    let search = app.wait("[data-testid=client-search]", SHORT)?;
    app.type_text(&search, &initials)?;
    app.wait_text("[data-testid=clients-total]", SHORT, |t| {
        !t.contains("2,000")
    })?;
    let first = app.wait_text("[data-testid=client-row]", SHORT, |t| t.contains(&name))?;
    ensure!(first.contains(&name), "{initials} finds {name}: {first}");
    gone(
        app,
        "[data-testid=clients-table] .ant-spin-spinning",
        "the search to settle",
    )?;
    app.screenshot("client-search")?;

    // An export of the filtered list states its reason and lands in the export folder.
    app.click(&app.wait("[data-testid=export-open]", SHORT)?)?;
    let reason = app.wait("[data-testid=export-reason]", SHORT)?;
    app.type_text(&reason, EXPORT_REASON)?;
    app.click(&app.wait("[data-testid=export-submit]", SHORT)?)?;
    let result = app.wait_text("[data-testid=export-result]", SHORT, |t| {
        t.contains(".xlsx")
    })?;
    let start = result.find('/').context("export path shown")?;
    let end = result.find(".xlsx").context("export path shown")? + ".xlsx".len();
    let path = result.get(start..end).context("export path shown")?;
    ensure!(std::path::Path::new(path).exists(), "exported file {path}");
    app.screenshot("client-export")?;
    app.click(&app.wait("[data-testid=export-close]", SHORT)?)?;
    gone(app, ".ant-modal-wrap", "the export window to close")?;

    // A client head office shares with broker02 (客户共享) says so on the 360°.
    let search = app.wait("[data-testid=client-search]", SHORT)?;
    app.type_text(&search, &"\u{E003}".repeat(initials.chars().count() + 2))?;
    app.type_text(&search, SHARED_CLIENT)?;
    app.wait_text("[data-testid=client-row]", SHORT, |t| {
        t.contains(SHARED_CLIENT)
    })?;
    app.click(&app.wait("[data-testid=client-row] .ant-table-cell", SHORT)?)?;
    app.wait_text("[data-testid=profile-co-server]", SHORT, |t| {
        t.contains("分得服务佣金 20%")
    })?;
    app.screenshot("client-360-shared")?;
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the profile to close")?;

    // The search is cleared so the rest of the day starts from the whole book.
    let search = app.wait("[data-testid=client-search]", SHORT)?;
    app.type_text(&search, &"\u{E003}".repeat(SHARED_CLIENT.len() + 2))?;
    app.wait_text("[data-testid=clients-total]", SHORT, |t| {
        t.contains("2,000") || t.contains("2000")
    })?;

    // Where the net commission comes from, and the desk's access log with both entries.
    app.click(&app.wait("[data-testid=nav-book]", SHORT)?)?;
    app.wait("[data-testid=pareto-chart]", SHORT)?;
    app.wait_text("[data-testid=book-headline]", SHORT, |t| t.contains("80%"))?;
    app.screenshot("book-80-20")?;
    app.click(&app.wait("[data-testid=nav-audit]", SHORT)?)?;
    app.wait_text("[data-testid=audit-panel]", SHORT, |t| {
        t.contains(REVEAL_REASON) && t.contains(EXPORT_REASON)
    })?;
    app.screenshot("access-audit")?;
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    app.wait("[data-testid=client-row]", SHORT)?;
    Ok(())
}
