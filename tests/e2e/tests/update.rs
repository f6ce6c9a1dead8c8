//! A desk updating itself from head office. The AppImage of tauri.conf.json's version (0.1.0) runs
//! under Xvfb through WebDriver; head-office IT publishes the next version (0.1.1), signed with
//! the firm's key, with `head-office release publish`. A note is written while head office is
//! away; back online, the desk pushes it and shows "新版本 0.1.1 可用" with the release notes. A
//! bundle altered at head office after publishing is refused with a clear message and the
//! installed AppImage stays byte for byte; the genuine one is installed, the desk restarts into
//! 0.1.1 by itself, and comes back signed in with its cache and the note. (That an update waits
//! for unpushed work is shown exactly in `crates/desk/tests/update.rs`.)
//!
//! `scripts/e2e-update-bundles.sh` builds both AppImages (make test runs it first).

use anyhow::{ensure, Context, Result};
use e2e::{procs, Driver, HeadOffice, Session};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SHORT: Duration = Duration::from_secs(30);
const FIRST_SYNC: Duration = Duration::from_secs(300);
/// Downloading, checking and unpacking a debug AppImage of about 40 MB.
const INSTALL: Duration = Duration::from_secs(180);
const NOTE: &str = "更新前记下的联系：客户约下周面谈";
const NOTES: &str = "客户列表打开更快；提醒支持按交易日顺延";

struct Bundles {
    current: (String, PathBuf),
    next: (String, PathBuf),
}

fn bundles() -> Result<Bundles> {
    let [current, next] =
        <[_; 2]>::try_from(e2e::update_bundles("AppImage")?).map_err(|found| {
            anyhow::anyhow!("expected two AppImages in target/e2e-update: {found:?}")
        })?;
    Ok(Bundles { current, next })
}

#[test]
fn a_desk_updates_itself_from_head_office_and_refuses_a_tampered_bundle() -> Result<()> {
    let Bundles { current, next } = bundles()?;
    let dir = tempfile::tempdir()?;
    let applications = dir.path().join("Applications");
    std::fs::create_dir_all(&applications)?;
    let installed = applications.join("BrokerDesk.AppImage");
    std::fs::copy(&current.1, &installed)?;
    let installed_bytes = std::fs::read(&installed)?;

    let mut head_office = HeadOffice::start(dir.path())?;
    let signature = PathBuf::from(format!("{}.sig", next.1.display()));
    let said = head_office.admin(&[
        "release",
        "publish",
        "--file",
        &next.1.display().to_string(),
        "--signature",
        &signature.display().to_string(),
        "--version",
        &next.0,
        "--notes",
        NOTES,
    ])?;
    ensure!(said.contains(&next.0), "{said}");
    let keyring = format!("BrokerDesk-update-{}", std::process::id());
    let marker = format!("BROKERDESK_DATA_DIR={}", dir.path().join("desk").display());
    let _reaper = procs::Reaper(marker.clone());

    let driver = Driver::start_appimage(dir.path(), &head_office.url, &keyring)?;
    let app = driver.open(&installed)?;
    app.step("update-sign-in", |app| sign_in(app, &current.0))?;
    head_office.stop();
    app.step("update-offline-note", write_a_note_offline)?;
    head_office.resume()?;
    app.step("update-available", |app| offered(app, &next.0))?;

    let db = head_office
        .sqlite_file()
        .context("the tampering step needs head office on SQLite")?;
    flip_last_byte(&db)?;
    app.step("update-refused", |app| {
        app.click(&app.wait("[data-testid=update-install]", SHORT)?)?;
        app.wait_text("[data-testid=update-error]", INSTALL, |t| {
            t.contains("已拒绝安装更新") && t.contains("当前版本未作任何改动")
        })?;
        app.screenshot("update-refused")
    })?;
    ensure!(
        std::fs::read(&installed)? == installed_bytes,
        "a refused bundle leaves the installed AppImage as it was"
    );
    ensure!(
        leftovers(&applications)?.is_empty(),
        "nothing half-written is left beside the AppImage"
    );
    flip_last_byte(&db)?;

    let before = procs::with_env(&marker, "brokerdesk")?;
    let clicked = Instant::now();
    app.click(&app.wait("[data-testid=update-install]", SHORT)?)?;
    e2e::wait_for("the new AppImage in place", INSTALL, || {
        Ok((std::fs::read(&installed)? == std::fs::read(&next.1)?).then_some(()))
    })?;
    // The desk restarts itself: the process the driver started ends, a new one starts from the
    // replaced AppImage.
    let restarted = procs::restarted(&marker, "brokerdesk", &before, SHORT)?;
    eprintln!(
        "e2e: restarted as {restarted:?} {:.1} s after the click",
        clicked.elapsed().as_secs_f64()
    );
    drop(app);
    drop(driver);
    // The restarted desk is nobody's WebDriver session: end it and open the same AppImage again.
    procs::end_all(&marker, "brokerdesk")?;

    let driver = Driver::start_appimage(dir.path(), &head_office.url, &keyring)?;
    let app = driver.open(&installed)?;
    app.step("update-done", |app| came_back(app, &next.0))?;
    app.close()?;
    drop(driver);
    procs::end_all(&marker, "brokerdesk")?;
    if let Ok(entry) =
        keyring::Entry::new(&keyring, &format!("broker01@{}#db-key", head_office.url))
    {
        let _ = entry.delete_credential();
    }
    Ok(())
}

/// Someone with access to head office's database alters the stored bundle after it was
/// published (its last byte); done again, it puts the byte back. The published signature then no
/// longer matches, or again matches, what desks download.
fn flip_last_byte(db: &Path) -> Result<()> {
    let conn = rusqlite::Connection::open(db)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    // The trigger that keeps published releases as they were is what such a person removes.
    conn.execute_batch("DROP TRIGGER IF EXISTS desk_releases_published")?;
    let mut bundle: Vec<u8> = conn.query_row(
        "SELECT bundle FROM desk_releases WHERE bundle_kind = 'appimage'",
        [],
        |r| r.get(0),
    )?;
    let last = bundle.len().checked_sub(1).context("an empty bundle")?;
    bundle[last] ^= 0x5a;
    conn.execute(
        "UPDATE desk_releases SET bundle = ?1 WHERE bundle_kind = 'appimage'",
        [bundle],
    )?;
    Ok(())
}

fn leftovers(dir: &Path) -> Result<Vec<String>> {
    Ok(std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".brokerdesk-update"))
        .collect())
}

fn sign_in(app: &Session, version: &str) -> Result<()> {
    e2e::broker::sign_in_broker01(app)?;
    app.wait_text("[data-testid=status-version]", SHORT, |t| {
        t.contains(version)
    })?;
    Ok(())
}

/// The note waits in the outbox while head office is away.
fn write_a_note_offline(app: &Session) -> Result<()> {
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    app.wait("[data-testid=client-row]", FIRST_SYNC)?;
    e2e::broker::write_note_offline(app, NOTE)?;
    app.press_key("\u{E00C}")
}

/// Head office is back: the next sync tells of the release; the note still waits to be pushed.
fn offered(app: &Session, next: &str) -> Result<()> {
    app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
    let offer = app.wait("[data-testid=status-update]", SHORT)?;
    let text = app.text(&offer)?;
    ensure!(text.contains(&format!("新版本 {next} 可用")), "{text}");
    app.click(&offer)?;
    app.wait_text("[data-testid=update-notes]", SHORT, |t| t.contains(NOTES))?;
    // A background pass may have followed the one asked for; the picture waits for its end.
    e2e::wait_for("the sync to end", SHORT, || {
        Ok(app
            .find("[data-testid=status-syncing]")?
            .is_none()
            .then_some(()))
    })?;
    app.wait_settled(".ant-modal", SHORT)?;
    app.screenshot("update-available")
}

/// The restarted desk opens on its lock screen (whoever starts the app proves they are the
/// broker), then shows the same book, the note pushed before the update, and its new version.
fn came_back(app: &Session, version: &str) -> Result<()> {
    let password = app.wait("[data-testid=unlock-password]", SHORT)?;
    app.type_text(&password, "demo1234")?;
    app.click(&app.wait("[data-testid=unlock-submit]", SHORT)?)?;
    app.wait_text("[data-testid=status-version]", SHORT, |t| {
        t.contains(version)
    })?;
    app.wait_text("[data-testid=status-pending]", SHORT, |t| {
        t.contains("待同步 0")
    })?;
    ensure!(
        app.find("[data-testid=status-update]")?.is_none(),
        "nothing newer is offered to the updated desk"
    );
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    app.wait("[data-testid=client-row]", SHORT)?;
    app.wait_text("[data-testid=clients-total]", SHORT, |t| {
        t.contains("2,000")
    })?;
    app.screenshot("update-done")?;
    e2e::broker::open_first_client(app)?;
    app.wait_text("[data-testid=contact-timeline]", SHORT, |t| {
        t.contains(NOTE)
    })?;
    Ok(())
}
