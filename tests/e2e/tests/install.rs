//! The desk as branch IT installs it: the `.deb` that `make package` builds (here from the debug
//! build `make test` already compiled) installed with `dpkg -i`, the installed binary started
//! under Xvfb through WebDriver, its server taken from `/etc/brokerdesk/desk.toml`. Then the
//! package is removed while the broker is still signed in with work unsent: the keys and the
//! cache stay with the user, so a reinstall opens the same book with the work still waiting.
//! Before signing out, the installed desk updates itself to the next version's `.deb` published
//! at head office (through dpkg) and comes back on its lock screen at the new version.
//! Only a sign-out takes the keys off the keyring, and a removal after it finds none.

use anyhow::{bail, ensure, Context, Result};
use e2e::{procs, Driver, HeadOffice, Session};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const SHORT: Duration = Duration::from_secs(30);
const FIRST_SYNC: Duration = Duration::from_secs(300);
/// Downloading a debug .deb of about 40 MB, checking it and running dpkg.
const UPDATE: Duration = Duration::from_secs(180);
const INSTALLED_APP: &str = "/usr/bin/brokerdesk";
const FIRM_FILE: &str = "/etc/brokerdesk/desk.toml";
const NOTE: &str = "装机后第一条记录：客户询问新基金认购时间";

fn dpkg(args: &[&str]) -> Result<()> {
    let out = Command::new("dpkg")
        .args(args)
        .output()
        .context("running dpkg")?;
    if !out.status.success() {
        bail!(
            "dpkg {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// The package installed for the test's length; removed (purged) whatever happens.
struct Installed;

impl Installed {
    fn install(deb: &Path) -> Result<Installed> {
        let _ = dpkg(&["--purge", "broker-desk"]);
        dpkg(&["-i", &deb.display().to_string()])?;
        Ok(Installed)
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        let _ = dpkg(&["--purge", "broker-desk"]);
    }
}

/// The firm file branch IT drops in, put back as it was afterwards.
struct FirmFile {
    before: Option<Vec<u8>>,
}

impl FirmFile {
    fn write(server_url: &str) -> Result<FirmFile> {
        let path = Path::new(FIRM_FILE);
        let before = std::fs::read(path).ok();
        std::fs::create_dir_all(path.parent().context("the firm file's folder")?)?;
        std::fs::write(path, format!("server_url = \"{server_url}\"\n"))?;
        Ok(FirmFile { before })
    }
}

impl Drop for FirmFile {
    fn drop(&mut self) {
        let _ = match &self.before {
            Some(bytes) => std::fs::write(FIRM_FILE, bytes),
            None => std::fs::remove_file(FIRM_FILE),
        };
    }
}

fn the_deb() -> Result<PathBuf> {
    let conf: serde_json::Value = serde_json::from_slice(&std::fs::read(
        e2e::workspace_root().join("tauri.conf.json"),
    )?)?;
    let version = conf["version"]
        .as_str()
        .context("tauri.conf.json's version")?;
    let deb = e2e::target_dir().join(format!("debug/bundle/deb/BrokerDesk_{version}_amd64.deb"));
    ensure!(
        deb.exists(),
        "{} is missing: `PACKAGE_PROFILE=debug scripts/package.sh` builds it (make test does)",
        deb.display()
    );
    Ok(deb)
}

/// The next version's `.deb`, signed, as `scripts/e2e-update-bundles.sh` leaves it.
fn the_next_deb() -> Result<(String, PathBuf)> {
    e2e::update_bundles("deb")?
        .pop()
        .context("no .deb in target/e2e-update: scripts/e2e-update-bundles.sh builds it")
}

fn installed_version() -> Result<String> {
    let out = Command::new("dpkg-query")
        .args(["-W", "-f", "${Version}", "broker-desk"])
        .output()?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Whether the kernel keyring holds the app's `what` for broker01. keyring-rs links each key into
/// the user's persistent keyring; a thread of a fresh session keyring reads it as the app does.
fn keyring_holds(service: &str, account: &str) -> Result<bool> {
    let (service, account) = (service.to_string(), account.to_string());
    std::thread::spawn(move || {
        // SAFETY: keyctl(JOIN_SESSION_KEYRING, NULL) gives this thread a new anonymous session
        // keyring; it reads and writes no memory of ours.
        unsafe { libc::syscall(libc::SYS_keyctl, 1 as libc::c_long, std::ptr::null::<u8>()) };
        match keyring::Entry::new(&service, &account)?.get_password() {
            Ok(_) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(e.into()),
        }
    })
    .join()
    .map_err(|_| anyhow::anyhow!("the keyring check panicked"))?
}

#[test]
fn the_deb_installs_signs_in_by_the_firm_file_and_an_uninstall_keeps_unsent_work() -> Result<()> {
    // SAFETY: geteuid has no preconditions.
    ensure!(
        unsafe { libc::geteuid() } == 0,
        "installing a package needs root (make test runs as root in CI)"
    );
    let deb = the_deb()?;
    let installed = Installed::install(&deb)?;
    let desktop = std::fs::read_to_string("/usr/share/applications/BrokerDesk.desktop")?;
    ensure!(
        desktop.contains("Name=经纪人工作台") && desktop.contains("Exec=brokerdesk"),
        "the menu entry is in Chinese and starts the app: {desktop}"
    );
    ensure!(
        Path::new("/usr/share/icons/hicolor/128x128/apps/brokerdesk.png").exists(),
        "the icon is installed"
    );
    ensure!(Path::new("/usr/share/brokerdesk/desk.toml.example").exists());

    let dir = tempfile::tempdir()?;
    let mut head_office = HeadOffice::start(dir.path())?;
    let _firm = FirmFile::write(&head_office.url)?;
    let keyring = format!("BrokerDesk-install-{}", std::process::id());
    let db_key = format!("broker01@{}#db-key", head_office.url);

    // Only the app and its driver carry this: it finds the desk a restart started.
    let marker = format!("XDG_DATA_HOME={}", dir.path().join("xdg/data").display());
    let _reaper = procs::Reaper(marker.clone());
    let result = (|| {
        {
            let driver = Driver::start_installed(dir.path(), &keyring)?;
            let app = driver.open(Path::new(INSTALLED_APP))?;
            app.step("install-sign-in", |app| {
                sign_in_by_the_firm_file(app, &head_office.url)
            })?;
            head_office.stop();
            app.step("install-offline-note", |app| {
                e2e::broker::write_note_offline(app, NOTE)
            })?;
            app.close()?;
        }
        drop(installed);
        ensure!(!Path::new(INSTALLED_APP).exists(), "dpkg -r took the app");
        ensure!(
            keyring_holds(&keyring, &db_key)?,
            "the signed-in broker's cache key outlives the package"
        );

        let installed = Installed::install(&deb)?;
        {
            let driver = Driver::start_installed(dir.path(), &keyring)?;
            let app = driver.open(Path::new(INSTALLED_APP))?;
            app.step("install-reinstalled", the_note_is_still_waiting)?;
            head_office.resume()?;
            app.step("install-sent", |app| {
                app.press_key("\u{E00C}")?;
                app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
                app.wait_text("[data-testid=status-pending]", SHORT, |t| {
                    t.contains("待同步 0")
                })?;
                Ok(())
            })?;
            // Head-office IT publishes the next version's .deb; the desk installs it with dpkg
            // (directly: it runs as root here; a broker's desk goes through pkexec) and restarts.
            let (version, next_deb) = the_next_deb()?;
            head_office.admin(&[
                "release",
                "publish",
                "--file",
                &next_deb.display().to_string(),
                "--signature",
                &format!("{}.sig", next_deb.display()),
                "--version",
                &version,
            ])?;
            let before = procs::with_env(&marker, "brokerdesk")?;
            app.step("install-update", |app| {
                app.click(&app.wait("[data-testid=status-sync-now]", SHORT)?)?;
                app.click(&app.wait("[data-testid=status-update]", SHORT)?)?;
                app.click(&app.wait("[data-testid=update-install]", SHORT)?)?;
                Ok(())
            })?;
            e2e::wait_for("dpkg to install the update", UPDATE, || {
                Ok((installed_version()? == version).then_some(()))
            })?;
            procs::restarted(&marker, "brokerdesk", &before, SHORT)?;
            drop(app);
            drop(driver);
            procs::end_all(&marker, "brokerdesk")?;
            let driver = Driver::start_installed(dir.path(), &keyring)?;
            let app = driver.open(Path::new(INSTALLED_APP))?;
            app.step("install-updated", |app| {
                app.type_text(
                    &app.wait("[data-testid=unlock-password]", SHORT)?,
                    "demo1234",
                )?;
                app.click(&app.wait("[data-testid=unlock-submit]", SHORT)?)?;
                app.wait_text("[data-testid=status-version]", SHORT, |t| {
                    t.contains(&version)
                })?;
                app.wait_text("[data-testid=status-connection]", SHORT, |t| {
                    t.contains("在线")
                })?;
                app.screenshot("install-updated")
            })?;
            app.step("install-sign-out", sign_out)?;
            app.close()?;
        }
        ensure!(
            !keyring_holds(&keyring, &db_key)?,
            "a sign-out takes the cache key off the keyring"
        );
        drop(installed);
        ensure!(
            !keyring_holds(&keyring, &db_key)?,
            "nothing of the broker is left in the keyring after sign-out and removal"
        );
        Ok(())
    })();
    if let Ok(entry) = keyring::Entry::new(&keyring, &db_key) {
        let _ = entry.delete_credential();
    }
    result
}

fn sign_in_by_the_firm_file(app: &Session, server: &str) -> Result<()> {
    let field = app.wait("[data-testid=signin-server]", SHORT)?;
    let shown = app.execute(
        "return document.querySelector('[data-testid=signin-server]').value",
        vec![],
    )?;
    ensure!(shown == server, "the firm's server is filled in: {shown:?}");
    ensure!(
        app.attribute(&field, "readonly")?.is_some(),
        "the broker cannot change the firm's server"
    );
    app.screenshot("install-sign-in")?;
    e2e::broker::sign_in_broker01(app)?;
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    app.wait("[data-testid=client-row]", FIRST_SYNC)?;
    app.wait_text("[data-testid=clients-total]", SHORT, |t| t.contains("共"))?;
    app.wait_text("[data-testid=status-connection]", SHORT, |t| {
        t.contains("在线")
    })?;
    app.screenshot("install-signed-in")
}

fn the_note_is_still_waiting(app: &Session) -> Result<()> {
    let password = app.wait("[data-testid=unlock-password]", SHORT)?;
    app.type_text(&password, "demo1234")?;
    app.click(&app.wait("[data-testid=unlock-submit]", SHORT)?)?;
    app.click(&app.wait("[data-testid=nav-clients]", SHORT)?)?;
    app.wait("[data-testid=client-row]", SHORT)?;
    app.wait_text("[data-testid=status-pending]", SHORT, |t| {
        t.contains("待同步 1")
    })?;
    e2e::broker::open_first_client(app)?;
    app.wait_text("[data-testid=contact-timeline]", SHORT, |t| {
        t.contains(NOTE)
    })?;
    app.wait("[data-testid=contact-pending]", SHORT)?;
    app.screenshot("install-reinstalled")
}

fn sign_out(app: &Session) -> Result<()> {
    app.click(&app.wait("[data-testid=sign-out]", SHORT)?)?;
    app.click(&app.wait("[data-testid=sign-out-confirm]", SHORT)?)?;
    app.wait("[data-testid=signin-username]", SHORT)?;
    Ok(())
}
