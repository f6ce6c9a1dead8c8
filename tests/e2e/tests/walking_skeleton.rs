//! The broker's first day, through the real window: sign in (once wrongly), watch the first sync,
//! find the book, open a client with the ID number masked; then, with head office down, the app
//! restarted still shows the book and takes a contact note, which survives a reboot (the keyring
//! emptied: the password opens the cache from its sealed key) as pending and reaches head office
//! once it is back. On the road, the broker also pushes an R4
//! fund to a filtered group (some blocked, each with its reason); its delivery states arrive once
//! head office is back. The commission panel agrees with last month's statement; after finance
//! corrects one trade, the difference shows on that trade and is disputed. A reminder set a minute
//! ahead fires and is logged. Last, broker01's team lead reads the team on their own desk, drills
//! down to broker01 and assigns a task, which broker01's desk then shows. Between, a complaint
//! the broker registers is numbered and answered by head office, and the lead sees it open.

use anyhow::{ensure, Result};
use e2e::{Driver, HeadOffice, Session};

#[path = "walking_skeleton/agenda.rs"]
mod agenda;
#[path = "walking_skeleton/at_rest.rs"]
mod at_rest;
#[path = "walking_skeleton/client_book.rs"]
mod client_book;
#[path = "walking_skeleton/commission.rs"]
mod commission;
#[path = "walking_skeleton/complaint.rs"]
mod complaint;
#[path = "walking_skeleton/events.rs"]
mod events;
#[path = "walking_skeleton/keyboard.rs"]
mod keyboard;
#[path = "walking_skeleton/needs.rs"]
mod needs;
#[path = "walking_skeleton/recommend.rs"]
mod recommend;
#[path = "walking_skeleton/team.rs"]
mod team;
use std::time::Duration;

pub(crate) const SHORT: Duration = Duration::from_secs(30);
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
        let last_month = {
            let driver = Driver::start(dir.path(), &head_office.url, &keyring)?;
            let app = driver.open_app()?;
            let last_month = app.step("online", first_day_online)?;
            app.close()?;
            last_month
        };
        head_office.stop();
        {
            let driver = Driver::start(dir.path(), &head_office.url, &keyring)?;
            let app = driver.open_app()?;
            app.step("offline", offline_work)?;
            app.close()?;
        }
        // The computer reboots, still offline. Linux empties the kernel keyring: the app starts
        // again with none of its entries (to the app, a keyring service it never used is exactly
        // that). The password opens the cache from its sealed key; the work is there and still
        // waiting, and sync later resumes with the refresh token the cache kept.
        let keyring = rebooted(&keyring);
        let driver = Driver::start(dir.path(), &head_office.url, &keyring)?;
        let app = driver.open_app()?;
        let client = app.step("restart-offline", still_pending)?;
        // Meanwhile the call centre changed the same remark at head office.
        let args = [
            "set-preferences",
            "--client",
            &client,
            "--remark",
            HEAD_OFFICE_REMARK,
        ];
        head_office.admin(&args)?;
        // Finance corrects what one of last month's trades was charged (¥1.00 more, or less
        // where more would pass the legal ceiling) and republishes the month.
        let trade = &last_month.trade_id;
        let corrected = commission::corrected_charge(&head_office, trade)?;
        head_office.admin(&[
            "correct-trade-commission",
            "--trade",
            trade,
            "--commission",
            &corrected,
        ])?;
        head_office.admin(&["publish-statements", "--month", &last_month.month])?;
        head_office.resume()?;
        app.step("back-online", back_online)?;
        app.step("commission-corrected", |app| {
            commission::corrected(app, &last_month)
        })?;
        let case_no = app.step("complaint", complaint::register)?;
        complaint::handle(&head_office, &case_no)?;
        app.step("complaint-status", |app| complaint::status(app, &case_no))?;
        app.step("needs", needs::fill_in)?;
        app.step("event", events::create_and_invite)?;
        app.close()?;
        // broker01's lead, on a desk of their own.
        {
            let driver = Driver::start(&dir.path().join("lead"), &head_office.url, &keyring)?;
            let app = driver.open_app()?;
            app.step("team", |app| team::lead_assigns(app, &case_no))?;
            app.close()?;
        }
        let driver = Driver::start(dir.path(), &head_office.url, &keyring)?;
        let app = driver.open_app()?;
        app.step("team-task", team::broker_sees_task)?;
        app.step("keyboard", keyboard::walk)?;
        app.step("sign-out-dialog", sign_out_dialog)?;
        app.close()?;
        drop(driver);
        // The app's own logs sit beside the screenshots.
        let app_log = e2e::log_path("app");
        let logs = app_log.parent().unwrap_or(dir.path());
        match head_office.sqlite_file() {
            Some(db) => at_rest::nothing_in_clear(dir.path(), logs, &db),
            None => {
                eprintln!("e2e: head office on PostgreSQL; the plaintext scan reads SQLite only");
                Ok(())
            }
        }
    })();

    // Leave nothing of this run in the kernel keyring, whatever happened.
    for service in [keyring.clone(), rebooted(&keyring)] {
        for user in ["broker01", "lead01"] {
            for what in ["refresh-token", "db-key"] {
                let account = format!("{user}@{}#{what}", head_office.url);
                if let Ok(entry) = keyring::Entry::new(&service, &account) {
                    let _ = entry.delete_credential();
                }
            }
        }
    }
    result
}

/// The keyring the app meets after a reboot: none of its entries.
fn rebooted(keyring: &str) -> String {
    format!("{keyring}-rebooted")
}

const NOTE: &str = "高铁上电话回访：客户关注红利ETF，下周面谈";
const MY_REMARK: &str = "客户希望通过微信联系";
const HEAD_OFFICE_REMARK: &str = "客户致电客服：只在工作日联系";

fn open_first_client(app: &Session) -> Result<()> {
    gone(
        app,
        "[data-testid=clients-table] .ant-spin-spinning",
        "the list to load",
    )?;
    // WebKit's driver clicks cells, not rows (in the virtual table, cells are divs).
    app.click(&app.wait("[data-testid=client-row] .ant-table-cell", SHORT)?)?;
    app.wait_settled(".ant-drawer-content-wrapper", SHORT)
}

fn pending_is(app: &Session, count: u32) -> Result<()> {
    let expected = format!("待同步 {count}");
    app.wait_text("[data-testid=status-pending]", SHORT, |t| {
        t.contains(&expected)
    })?;
    Ok(())
}

/// The desk opens on 工作台; the book is one click away.
fn show_clients(app: &Session, timeout: Duration) -> Result<()> {
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    app.wait("[data-testid=client-row]", timeout)?;
    Ok(())
}

pub(crate) fn gone(app: &Session, css: &str, what: &str) -> Result<()> {
    e2e::wait_for(what, SHORT, || Ok(app.find(css)?.is_none().then_some(())))
}

/// A restarted desk starts locked; the sign-in password opens it, with or without head office.
pub(crate) fn unlock(app: &Session, screenshot: Option<&str>) -> Result<()> {
    let password = app.wait("[data-testid=unlock-password]", SHORT)?;
    ensure!(
        app.find("[data-testid=client-row]")?.is_none(),
        "nothing of the book shows behind the lock screen"
    );
    if let Some(name) = screenshot {
        app.screenshot(name)?;
    }
    app.type_text(&password, "not-my-password")?;
    app.click(&app.wait("[data-testid=unlock-submit]", SHORT)?)?;
    app.wait_text("[data-testid=unlock-error]", SHORT, |t| {
        t.contains("密码不正确")
    })?;
    let password = app.wait("[data-testid=unlock-password]", SHORT)?;
    app.type_text(&password, &"\u{E003}".repeat(20))?;
    app.type_text(&password, "demo1234")?;
    app.click(&app.wait("[data-testid=unlock-submit]", SHORT)?)?;
    gone(app, "[data-testid=lock-screen]", "the lock screen to go")
}

/// With head office down: the cached book, a contact note and a preference written anyway.
fn offline_work(app: &Session) -> Result<()> {
    unlock(app, Some("lock-screen"))?;
    show_clients(app, SHORT)?;
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
    pending_is(app, 1)?;
    app.screenshot("sync-offline-pending")?;

    // How the client likes to be reached; head office will record something else meanwhile.
    app.click(&app.wait("[data-testid=preferences-edit]", SHORT)?)?;
    let remark = app.wait("[data-testid=preferences-remark]", SHORT)?;
    app.type_text(&remark, MY_REMARK)?;
    app.click(&app.wait("[data-testid=preferences-save]", SHORT)?)?;
    app.wait("[data-testid=preferences-pending]", SHORT)?;
    pending_is(app, 2)?;

    // A push composed on the road waits in the outbox too.
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the profile to close")?;
    recommend::compose_offline(app)?;
    pending_is(app, 3)?;
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    app.wait("[data-testid=client-row]", SHORT)?;
    Ok(())
}

/// 退出登录 says the cache stays, and what a wipe would take; cancelling changes nothing.
fn sign_out_dialog(app: &Session) -> Result<()> {
    app.click(&app.wait("[data-testid=sign-out]", SHORT)?)?;
    app.wait("[data-testid=sign-out-local]", SHORT)?;
    app.wait_settled(".ant-modal", SHORT)?;
    app.screenshot("sign-out-dialog")?;
    app.click(&app.wait("[data-testid=sign-out-cancel]", SHORT)?)?;
    gone(app, "[data-testid=sign-out-local]", "the dialog to close")
}

/// Returns the id of the client worked on.
fn still_pending(app: &Session) -> Result<String> {
    unlock(app, Some("unlock-after-reboot"))?;
    show_clients(app, SHORT)?;
    let row = app.wait("[data-testid=client-row]", SHORT)?;
    let client = app.attribute(&row, "data-client-id")?.unwrap_or_default();
    open_first_client(app)?;
    app.wait_text("[data-testid=contact-timeline]", SHORT, |t| {
        t.contains(NOTE)
    })?;
    app.wait("[data-testid=contact-pending]", SHORT)?;
    app.wait("[data-testid=preferences-pending]", SHORT)?;
    pending_is(app, 3)?;
    Ok(client)
}

fn back_online(app: &Session) -> Result<()> {
    // The drawer's mask covers the status bar: close it first, as a broker would.
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the drawer to close")?;
    app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
    pending_is(app, 0)?;
    app.wait_text("[data-testid=status-connection]", SHORT, |t| {
        t.contains("在线")
    })?;

    // Both changed the remark: head office's stands, mine waits for my decision.
    app.click(&app.wait("[data-testid=status-conflicts]", SHORT)?)?;
    let item = app.wait_text("[data-testid=conflict-item]", SHORT, |t| {
        t.contains(MY_REMARK)
    })?;
    ensure!(
        item.contains(HEAD_OFFICE_REMARK),
        "head office's value is shown: {item}"
    );
    app.wait_settled(".ant-modal", SHORT)?;
    app.screenshot("sync-conflict")?;
    app.click(&app.wait("[data-testid=conflict-keep-mine]", SHORT)?)?;
    gone(
        app,
        "[data-testid=status-conflicts]",
        "the conflict to close",
    )?;
    gone(app, ".ant-modal-wrap", "the conflicts window to close")?;
    app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
    pending_is(app, 0)?;

    open_first_client(app)?;
    gone(
        app,
        "[data-testid=contact-pending]",
        "the note to be accepted",
    )?;
    app.wait_text("[data-testid=contact-timeline]", SHORT, |t| {
        t.contains(NOTE)
    })?;
    app.wait_text("[data-testid=preferences-remark-value]", SHORT, |t| {
        t.contains(MY_REMARK)
    })?;
    app.screenshot("sync-done")?;
    app.press_key("\u{E00C}")?;
    gone(app, ".ant-drawer-open", "the profile to close")?;
    recommend::deliveries_arrive(app)
}

fn first_day_online(app: &Session) -> Result<commission::LastMonth> {
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
    app.wait("[data-testid=today-panel]", SHORT)?;
    show_clients(app, FIRST_SYNC)?;
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
    app.screenshot("client-profile")?;
    client_book::online(app)?;
    agenda::online(app)?;
    commission::online(app)
}
