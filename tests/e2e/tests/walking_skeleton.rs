//! The broker's first day, through the real window: sign in (once wrongly), watch the first sync,
//! find the book, open a client with the ID number masked; then, with head office down, the app
//! restarted still shows the book and takes a contact note, which survives another restart as
//! pending and reaches head office once it is back.

use anyhow::{ensure, Result};
use e2e::{Driver, HeadOffice, Session};
use std::time::Duration;

const SHORT: Duration = Duration::from_secs(30);
const FIRST_SYNC: Duration = Duration::from_secs(300);

fn id_number_is_masked(text: &str) -> bool {
    let t = text.trim();
    t.len() == 18
        && t[..3].bytes().all(|b| b.is_ascii_digit())
        && t[3..14].bytes().all(|b| b == b'*')
        && t[14..].bytes().all(|b| b.is_ascii_digit() || b == b'X')
}

#[test]
fn broker_signs_in_syncs_and_reads_the_book_online_and_offline() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut head_office = HeadOffice::start(dir.path())?;
    let keyring = format!("BrokerDesk-e2e-{}", std::process::id());

    let result = (|| {
        {
            let driver = Driver::start(dir.path(), &head_office.url, &keyring)?;
            let app = driver.open_app()?;
            app.step("online", first_day_online)?;
            app.close()?;
        }
        head_office.stop();
        {
            let driver = Driver::start(dir.path(), &head_office.url, &keyring)?;
            let app = driver.open_app()?;
            app.step("offline", offline_note)?;
            app.close()?;
        }
        // Started again, still offline: the note is there and still waiting.
        let driver = Driver::start(dir.path(), &head_office.url, &keyring)?;
        let app = driver.open_app()?;
        app.step("restart-offline", |app| {
            open_first_client(app)?;
            app.wait_text("[data-testid=contact-timeline]", SHORT, |t| {
                t.contains(NOTE)
            })?;
            app.wait("[data-testid=contact-pending]", SHORT)?;
            app.wait_text("[data-testid=status-pending]", SHORT, |t| {
                t.contains("待同步 1")
            })?;
            Ok(())
        })?;
        head_office.resume()?;
        app.step("back-online", |app| {
            // The drawer's mask covers the status bar: close it first, as a broker would.
            app.press_key("\u{E00C}")?;
            e2e::wait_for("the drawer to close", SHORT, || {
                Ok(app.find(".ant-drawer-open")?.is_none().then_some(()))
            })?;
            app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
            app.wait_text("[data-testid=status-pending]", SHORT, |t| {
                t.contains("待同步 0")
            })?;
            app.wait_text("[data-testid=status-connection]", SHORT, |t| {
                t.contains("在线")
            })?;
            open_first_client(app)?;
            e2e::wait_for("the note to be accepted", SHORT, || {
                Ok(app
                    .find("[data-testid=contact-pending]")?
                    .is_none()
                    .then_some(()))
            })?;
            app.wait_text("[data-testid=contact-timeline]", SHORT, |t| {
                t.contains(NOTE)
            })?;
            app.screenshot("sync-done")
        })?;
        app.close()
    })();

    // Leave nothing of this run in the kernel keyring, whatever happened.
    for what in ["refresh-token", "db-key"] {
        let account = format!("broker01@{}#{what}", head_office.url);
        if let Ok(entry) = keyring::Entry::new(&keyring, &account) {
            let _ = entry.delete_credential();
        }
    }
    result
}

const NOTE: &str = "高铁上电话回访：客户关注红利ETF，下周面谈";

fn open_first_client(app: &Session) -> Result<()> {
    // WebKit's driver clicks cells, not table rows.
    app.click(&app.wait("[data-testid=client-row] td", SHORT)?)?;
    app.wait_settled(".ant-drawer-content-wrapper", SHORT)
}

/// With head office down: the cached book, and a contact note written anyway.
fn offline_note(app: &Session) -> Result<()> {
    app.wait("[data-testid=client-row]", SHORT)?;
    app.wait_text("[data-testid=status-connection]", SHORT, |t| {
        t.contains("离线")
    })?;
    app.screenshot("clients-offline")?;
    open_first_client(app)?;
    app.click(&app.wait("[data-testid=contact-add]", SHORT)?)?;
    let summary = app.wait("[data-testid=contact-summary]", SHORT)?;
    app.type_text(&summary, NOTE)?;
    app.click(&app.wait("[data-testid=contact-save]", SHORT)?)?;
    app.wait_text("[data-testid=contact-timeline]", SHORT, |t| {
        t.contains(NOTE)
    })?;
    app.wait("[data-testid=contact-pending]", SHORT)?;
    app.wait_text("[data-testid=status-pending]", SHORT, |t| {
        t.contains("待同步 1")
    })?;
    app.screenshot("sync-offline-pending")
}

fn first_day_online(app: &Session) -> Result<()> {
    let username = app.wait("[data-testid=signin-username]", SHORT)?;
    app.screenshot("sign-in")?;

    app.type_text(&username, "broker01")?;
    let password = app.wait("[data-testid=signin-password]", SHORT)?;
    app.type_text(&password, "not-my-password")?;
    app.click(&app.wait("[data-testid=signin-submit]", SHORT)?)?;
    app.wait_text("[data-testid=signin-error]", SHORT, |t| {
        t.contains("用户名或密码不正确")
    })?;
    app.screenshot("sign-in-wrong-password")?;

    let password = app.wait("[data-testid=signin-password]", SHORT)?;
    app.type_text(&password, "demo1234")?;
    app.click(&app.wait("[data-testid=signin-submit]", SHORT)?)?;

    if app.wait("[data-testid=sync-progress]", SHORT).is_ok() {
        app.screenshot("first-sync")?;
    }
    app.wait("[data-testid=client-row]", FIRST_SYNC)?;
    app.wait_text("[data-testid=status-connection]", SHORT, |t| {
        t.contains("在线")
    })?;
    let table = app.wait_text("[data-testid=clients-total]", SHORT, |t| t.contains("共"))?;
    ensure!(
        table.contains("2,000") || table.contains("2000"),
        "the demo broker's book of 2,000 clients is listed: {table}"
    );
    app.screenshot("clients-list")?;

    open_first_client(app)?;
    let id_number = app.wait_text("[data-testid=profile-id-number]", SHORT, |t| {
        !t.trim().is_empty()
    })?;
    ensure!(
        id_number_is_masked(&id_number),
        "ID number shown as {id_number:?}"
    );
    let mobile = app.wait_text("[data-testid=profile-mobile]", SHORT, |t| {
        !t.trim().is_empty()
    })?;
    ensure!(mobile.contains("****"), "mobile shown as {mobile:?}");
    app.screenshot("client-profile")
}
