//! A team lead on their own desk: 团队 shows the team's figures and its brokers ranked; drilling
//! into broker01 shows a read-only dashboard with clients masked; a task assigned there reaches
//! broker01's desk with their next sync.

use super::{gone, unlock, SHORT};
use anyhow::{ensure, Result};
use e2e::Session;
use std::time::Duration;

const TASK: &str = "周五前提交科创板开户意向客户名单";
/// The lead's first sync, then every dashboard of the team from head office.
const DASHBOARDS: Duration = Duration::from_secs(180);

/// `case_no` is the complaint broker01 registered today and head office answered.
pub fn lead_assigns(app: &Session, case_no: &str) -> Result<()> {
    app.type_text(&app.wait("[data-testid=signin-username]", SHORT)?, "lead01")?;
    app.type_text(
        &app.wait("[data-testid=signin-password]", SHORT)?,
        "demo1234",
    )?;
    app.click(&app.wait("[data-testid=signin-submit]", SHORT)?)?;
    app.wait("[data-testid=team-panel]", SHORT)?;
    app.wait("[data-testid=team-row][data-id=B001]", DASHBOARDS)?;
    // lead01's team: broker01 and four colleagues.
    app.wait_text("[data-testid=team-kpi-clients]", SHORT, |t| {
        t.contains("5 位经纪人")
    })?;
    ensure!(
        app.find("[data-testid=nav-clients]")?.is_none(),
        "a lead has no book of their own to list"
    );
    app.wait("[data-testid=sparkline]", SHORT)?;
    app.wait_settled("[data-testid=team-panel]", SHORT)?;
    app.screenshot("team")?;

    // WebKit's driver clicks cells, not rows.
    app.click(&app.wait("[data-testid=team-row][data-id=B001] td", SHORT)?)?;
    app.wait("[data-testid=team-broker]", SHORT)?;
    let mobile = app.wait_text("[data-testid=team-client-mobile]", SHORT, |t| {
        t.contains("****")
    })?;
    ensure!(mobile.len() >= 11, "a masked mobile: {mobile}");
    ensure!(
        app.find("[data-testid=team-broker] [data-testid^=reveal]")?
            .is_none(),
        "nothing can be revealed in a lead's view"
    );
    app.wait_settled("[data-testid=team-broker]", SHORT)?;
    app.screenshot("team-broker")?;
    // The complaint broker01 registered, answered but not closed: open, with its time left.
    let row = format!("[data-testid=team-complaint-item][data-case='{case_no}']");
    let ours = app.wait_text(&row, SHORT, |t| t.contains("已答复"))?;
    ensure!(
        ours.contains("剩 7 天"),
        "a mis-selling complaint of today has the firm's 7 days: {ours}"
    );
    app.scroll_to(&app.wait("[data-testid=team-complaints]", SHORT)?)?;
    app.scroll_to(&app.wait(&row, SHORT)?)?;
    app.wait_settled("[data-testid=team-broker]", SHORT)?;
    app.screenshot("team-complaints")?;

    app.click(&app.wait("[data-testid=team-assign]", SHORT)?)?;
    app.wait("[data-testid=assign-form]", SHORT)?;
    app.type_text(&app.wait("[data-testid=assign-title]", SHORT)?, TASK)?;
    // Opened from broker01's view, the form has them chosen already.
    e2e::wait_for("the task to be assigned", SHORT, || {
        match app.find("[data-testid=assign-submit]")? {
            Some(submit) => {
                app.click(&submit)?;
                std::thread::sleep(Duration::from_millis(500));
                Ok(app
                    .find("[data-testid=assign-form]")?
                    .is_none()
                    .then_some(()))
            }
            None => Ok(Some(())),
        }
    })?;
    gone(app, "[data-testid=assign-form]", "the form to close")?;

    // The demo's open transfer requests of the team wait for the lead's decision.
    app.click(&app.wait("[data-testid=team-tab-transfers]", SHORT)?)?;
    app.wait("[data-testid=team-transfer][data-status=pending]", SHORT)?;
    app.wait_settled("[data-testid=team-transfers]", SHORT)?;
    app.screenshot("team-transfers")
}

pub fn broker_sees_task(app: &Session) -> Result<()> {
    unlock(app, None)?;
    app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
    // The agenda lists titles whole (the Today panel shortens them to fit).
    app.click(&app.wait("[data-testid=nav-reminders]", SHORT)?)?;
    app.wait_text("[data-testid=reminders-agenda]", SHORT, |t| {
        t.contains(TASK)
    })?;
    for item in app.find_all("[data-testid^=reminder-item-]")? {
        if app.text(&item)?.contains(TASK) {
            app.scroll_to(&item)?;
            break;
        }
    }
    app.wait_settled("[data-testid=reminders-panel]", SHORT)?;
    app.screenshot("team-task-arrived")
}
