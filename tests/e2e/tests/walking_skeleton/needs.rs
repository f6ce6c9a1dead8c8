//! Needs analysis on the 360°: the broker records what the client wants, it syncs and comes back
//! as a version signed with the broker's name; the client list then finds the client by goal.

use super::{gone, open_first_client, pending_is, show_clients, SHORT};
use anyhow::Result;
use e2e::Session;

/// The biggest client (the list's first) is wealthy: the demo firm never gives one this goal.
const GOAL: &str = "子女教育";
const HORIZON: &str = "5 年以上";

fn needs_tab(app: &Session) -> Result<()> {
    show_clients(app, SHORT)?;
    open_first_client(app)?;
    app.click(&app.wait("[data-testid=profile-tab-needs]", SHORT)?)?;
    app.wait("[data-testid=profile-needs]", SHORT)?;
    Ok(())
}

fn choose(app: &Session, select: &str, option: &str) -> Result<()> {
    app.click(&app.wait(&format!("[data-testid={select}]"), SHORT)?)?;
    app.click(&app.wait(
        &format!(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title='{option}']"),
        SHORT,
    )?)
}

fn close_drawer(app: &Session) -> Result<()> {
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the profile to close")
}

pub fn fill_in(app: &Session) -> Result<()> {
    needs_tab(app)?;
    app.click(&app.wait("[data-testid=needs-edit]", SHORT)?)?;
    app.wait("[data-testid=needs-form]", SHORT)?;
    choose(app, "needs-goal", GOAL)?;
    choose(app, "needs-horizon", HORIZON)?;
    app.click(&app.wait("[data-testid=needs-submit]", SHORT)?)?;
    gone(app, "[data-testid=needs-form]", "the form to close")?;
    app.wait_text("[data-testid=needs-goal-value]", SHORT, |t| {
        t.contains(GOAL)
    })?;
    app.wait("[data-testid=needs-pending]", SHORT)?;
    close_drawer(app)?;
    app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
    pending_is(app, 0)?;
    // Back from head office: the answers, and the change signed with who made it.
    needs_tab(app)?;
    gone(
        app,
        "[data-testid=needs-pending]",
        "the answers to be head office's",
    )?;
    app.wait_text("[data-testid=needs-history-entry]", SHORT, |t| {
        t.contains(GOAL) && t.contains("投资目标")
    })?;
    app.wait_settled("[data-testid=profile-needs]", SHORT)?;
    app.screenshot("needs-profile")?;
    close_drawer(app)?;

    // The list finds the client by the answer.
    show_clients(app, SHORT)?;
    let whole_book = app.text(&app.wait("[data-testid=clients-total]", SHORT)?)?;
    choose(app, "filter-goal", GOAL)?;
    app.press_key("\u{E00C}")?;
    app.wait_text("[data-testid=clients-total]", SHORT, |t| t != whole_book)?;
    open_first_client(app)?;
    app.click(&app.wait("[data-testid=profile-tab-needs]", SHORT)?)?;
    app.wait_text("[data-testid=needs-goal-value]", SHORT, |t| {
        t.contains(GOAL)
    })?;
    close_drawer(app)?;
    app.click(&app.wait("[data-testid=filter-clear]", SHORT)?)?;
    Ok(())
}
