//! Steps a broker takes in more than one test, done the same way everywhere.

use crate::Session;
use anyhow::Result;
use std::time::Duration;

const SHORT: Duration = Duration::from_secs(30);
/// The first sync of the demo broker's 2,000 clients on a busy machine.
const FIRST_SYNC: Duration = Duration::from_secs(300);

/// Signs in as the demo broker (the server is already filled in) and waits for the first sync.
pub fn sign_in_broker01(app: &Session) -> Result<()> {
    app.type_text(
        &app.wait("[data-testid=signin-username]", SHORT)?,
        "broker01",
    )?;
    app.type_text(
        &app.wait("[data-testid=signin-password]", SHORT)?,
        "demo1234",
    )?;
    app.click(&app.wait("[data-testid=signin-submit]", SHORT)?)?;
    app.wait("[data-testid=today-panel]", FIRST_SYNC)?;
    Ok(())
}

/// Opens the client list's first row in the 360° drawer.
pub fn open_first_client(app: &Session) -> Result<()> {
    app.click(&app.wait("[data-testid=client-row] .ant-table-cell", SHORT)?)?;
    app.wait_settled(".ant-drawer-content-wrapper", SHORT)
}

/// Records a contact on the first client while head office is away: saved, marked unsent, and
/// counted in the status bar.
pub fn write_note_offline(app: &Session, note: &str) -> Result<()> {
    open_first_client(app)?;
    app.click(&app.wait("[data-testid=contact-add]", SHORT)?)?;
    app.type_text(&app.wait("[data-testid=contact-summary]", SHORT)?, note)?;
    app.click(&app.wait("[data-testid=contact-save]", SHORT)?)?;
    app.wait("[data-testid=contact-pending]", SHORT)?;
    app.wait_text("[data-testid=status-pending]", SHORT, |t| {
        t.contains("待同步 1")
    })?;
    Ok(())
}
