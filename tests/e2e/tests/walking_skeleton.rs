//! The broker's first day, through the real window: sign in (once wrongly), watch the first sync,
//! find the book, open a client with the ID number masked; then the app restarted with head
//! office down still shows the book.

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
        let driver = Driver::start(dir.path(), &head_office.url, &keyring)?;
        let app = driver.open_app()?;
        app.step("offline", |app| {
            app.wait("[data-testid=client-row]", SHORT)?;
            app.wait_text("[data-testid=status-connection]", SHORT, |t| {
                t.contains("离线")
            })?;
            app.screenshot("clients-offline")
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

    // WebKit's driver clicks cells, not table rows.
    app.click(&app.wait("[data-testid=client-row] td", SHORT)?)?;
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
    app.wait_settled(".ant-drawer-content-wrapper", SHORT)?;
    app.screenshot("client-profile")
}
