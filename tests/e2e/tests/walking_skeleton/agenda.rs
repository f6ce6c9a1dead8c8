//! The agenda through the real window: a reminder set a minute ahead fires on time (the window's
//! notice and the scheduler's log), and the Today panel shows the demo broker's day.

use super::SHORT;
use anyhow::{ensure, Result};
use chrono::Duration;
use clock::{Clock, SystemClock};
use domain::clock::shanghai;
use e2e::Session;

const TITLE: &str = "致电王先生确认下周一的定投扣款";

pub fn online(app: &Session) -> Result<()> {
    app.click(&app.wait("[data-testid=nav-reminders]", SHORT)?)?;
    app.wait("[data-testid=reminders-panel]", SHORT)?;
    app.click(&app.wait("[data-testid=reminder-new]", SHORT)?)?;
    app.wait("[data-testid=reminder-form]", SHORT)?;
    // A minute ahead on the desk's clock: the app runs on the machine's clock, as a broker's does,
    // and shows it in Shanghai's time whatever the machine's zone.
    let due = (SystemClock.now() + Duration::minutes(1)).with_timezone(&shanghai());
    let title = app.wait("[data-testid=reminder-title]", SHORT)?;
    app.type_text(&title, TITLE)?;
    for (testid, text) in [
        ("reminder-date", due.format("%Y-%m-%d").to_string()),
        ("reminder-time", due.format("%H:%M").to_string()),
    ] {
        let field = app.wait(&format!("[data-testid={testid}]"), SHORT)?;
        // Clear what the form proposed, then type.
        app.type_text(&field, &"\u{E003}".repeat(12))?;
        app.type_text(&field, &text)?;
    }
    // Enter takes the typed time and closes the picker's panel (or saves the form at once).
    app.type_text(&app.wait("[data-testid=reminder-time]", SHORT)?, "\u{E007}")?;
    // A click may only close a picker panel still open: click until the form has gone, a few
    // times at most.
    e2e::wait_for("the reminder form to be saved", SHORT, || {
        match app.find("[data-testid=reminder-submit]")? {
            Some(submit) => {
                app.click(&submit)?;
                std::thread::sleep(std::time::Duration::from_millis(500));
                Ok(app
                    .find("[data-testid=reminder-form]")?
                    .is_none()
                    .then_some(()))
            }
            None => Ok(Some(())),
        }
    })?;
    app.wait_text("[data-testid=reminders-agenda]", SHORT, |t| {
        t.contains(TITLE)
    })?;

    // The scheduler ticks every 15 s: within two minutes the reminder has fired.
    let fired = e2e::wait_for(
        "the reminder to fire",
        std::time::Duration::from_secs(150),
        || app.find("[data-testid=notify-fired]"),
    )?;
    let notice = app.text(&fired)?;
    ensure!(
        notice.contains(TITLE),
        "the notice names the reminder: {notice}"
    );
    // Dismissed as a broker would, so it covers nothing the next steps click.
    app.click(&app.wait(".ant-notification-notice-close", SHORT)?)?;
    super::gone(app, "[data-testid=notify-fired]", "the notice to close")?;
    app.wait_settled("[data-testid=reminders-panel]", SHORT)?;
    app.screenshot("reminders")?;
    app.click(&app.wait("[data-testid=reminders-tab-log]", SHORT)?)?;
    app.wait_text("[data-testid=reminders-log]", SHORT, |t| t.contains(TITLE))?;
    app.screenshot("reminders-log")?;

    app.click(&app.wait("[data-testid=nav-today]", SHORT)?)?;
    // The day loads after the panel shows: wait for its summary and the month's commission.
    app.wait("[data-testid=today-summary]", SHORT)?;
    app.wait_text("[data-testid=today-panel]", SHORT, |t| t.contains('¥'))
        .map_err(|e| e.context("the month's commission on the Today panel"))?;
    app.wait("[data-testid=today-alert]", SHORT)?;
    app.wait_settled("[data-testid=today-panel]", SHORT)?;
    app.screenshot("today")?;
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    app.wait("[data-testid=client-row]", SHORT)?;
    Ok(())
}
