//! Pushing approved research, through the real window: with head office down, an R4 fund to a
//! filtered group of the book, checked client by client (some blocked, each with its reason), sent
//! anyway into the outbox; once head office is back, the delivery states arrive.

use super::{gone, SHORT};
use anyhow::{ensure, Result};
use e2e::Session;
use std::time::Duration;

pub const COVER: &str = "新能源板块回调后估值回到合理区间，供您参考配置";
/// An R4 fund of the demo library.
const PRODUCT: &str = "华信新能源产业混合A";

fn count(app: &Session, css: &str) -> Result<u32> {
    let text = app.text(&app.wait(css, SHORT)?)?;
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    Ok(digits.parse().unwrap_or(0))
}

/// Offline: find the fund, pick gold clients of C3 and C4, check them, send to those allowed.
pub fn compose_offline(app: &Session) -> Result<()> {
    app.click(&app.wait("[data-testid=nav-recommend]", SHORT)?)?;
    let search = app.wait("[data-testid=recommend-search]", SHORT)?;
    app.type_text(&search, "新能源产业")?;
    let row = app.wait_text("[data-testid=recommend-library]", SHORT, |t| {
        t.contains(PRODUCT) && !t.contains("个股点评")
    })?;
    ensure!(row.contains("R4"), "the fund shows its risk level: {row}");
    // The search narrows the library to the one fund before its 推送 button is pressed.
    // The table may render its rows again meanwhile (a failed background sync reloads it): a
    // button found just before may be gone by the click, so find it again until one takes it.
    e2e::wait_for("the search to narrow the library", SHORT, || {
        let buttons =
            app.find_all("[data-testid=recommend-library] button[data-testid^=compose-]")?;
        match buttons.as_slice() {
            [only] => Ok(app.click(only).ok()),
            _ => Ok(None),
        }
    })?;
    app.wait_settled("[data-testid=compose-drawer]", SHORT)?;
    // The broker reads the approved full text before writing to anyone.
    app.click(&app.wait("[data-testid=draft-product-read]", SHORT)?)?;
    let body = app.wait_text("[data-testid=draft-product-body]", SHORT, |t| {
        t.contains("风险提示")
    })?;
    ensure!(
        body.contains(PRODUCT),
        "the full text is the fund's: {body}"
    );
    app.screenshot("library-body")?;
    app.click(&app.wait("[data-testid=draft-product-read]", SHORT)?)?;

    let cover = app.wait("[data-testid=cover-message]", SHORT)?;
    app.type_text(&cover, COVER)?;
    for tag in ["filter-tier-Gold", "filter-risk-C3", "filter-risk-C4"] {
        app.click(&app.wait(&format!("[data-testid={tag}]"), SHORT)?)?;
    }
    app.click(&app.wait("[data-testid=check-suitability]", SHORT)?)?;
    app.wait("[data-testid=check-summary]", SHORT)?;
    let allowed = count(app, "[data-testid=check-allowed-count]")?;
    let blocked = count(app, "[data-testid=check-blocked-count]")?;
    ensure!(
        allowed > 0 && blocked > 0,
        "C4 clients may get an R4 fund, C3 clients may not: {allowed} allowed, {blocked} blocked"
    );
    let table = app.text(&app.wait("[data-testid=check-table]", SHORT)?)?;
    ensure!(
        table.contains("不得主动推荐"),
        "a blocked client says why: {table}"
    );
    gone(app, ".ant-message-notice", "the last notice to fade")?;
    app.wait_settled("[data-testid=check-table]", SHORT)?;
    app.screenshot("recommendation-check")?;

    let send = app.wait("[data-testid=send-push]", SHORT)?;
    let label = app.text(&send)?;
    ensure!(
        label.contains(&allowed.to_string()),
        "sent to the allowed clients only: {label}"
    );
    app.click(&send)?;
    gone(app, ".ant-drawer-open", "the compose drawer to close")?;
    app.wait_text("[data-testid=push-history]", SHORT, |t| {
        t.contains(PRODUCT) && t.contains("待同步")
    })?;
    Ok(())
}

/// Online again: the push is taken and its delivery states come back with the following syncs.
pub fn deliveries_arrive(app: &Session) -> Result<()> {
    app.click(&app.wait("[data-testid=nav-recommend]", SHORT)?)?;
    app.click(&app.wait("[data-testid=history-tab]", SHORT)?)?;
    // The simulated channel delivers within seconds; each sync brings what happened so far.
    e2e::wait_for("delivery states", Duration::from_secs(90), || {
        app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
        std::thread::sleep(Duration::from_secs(2));
        let text = app.text(&app.wait("[data-testid=push-history]", SHORT)?)?;
        Ok((text.contains("已送达") || text.contains("已读")).then_some(()))
    })?;
    app.click(&app.wait("[data-testid^=push-row-] .ant-table-cell", SHORT)?)?;
    // Each recipient's state is shown once the detail has loaded its recipients.
    app.wait_text("[data-testid=push-detail]", SHORT, |t| {
        t.contains(COVER) && (t.contains("已送达") || t.contains("已读") || t.contains("已回复"))
    })?;
    app.wait_settled("[data-testid=push-detail]", SHORT)?;
    app.screenshot("recommendation-status")
}
