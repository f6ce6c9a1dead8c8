//! What the end-to-end tests need: child processes that are always stopped, bounded waits, and a
//! small W3C WebDriver client talking to tauri-driver (which drives WebKitWebDriver, which drives
//! the real app window).

pub mod broker;
pub mod chrome;
mod demo_firm;
pub mod procs;
mod webdriver;

pub use webdriver::{Element, Session};

use anyhow::{bail, Context, Result};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The workspace root, from this crate's manifest directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// Where screenshots go: `target/e2e/<name>.png`.
pub fn screenshot_dir() -> PathBuf {
    let dir = target_dir().join("e2e");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Logs of the processes a test starts, kept beside the screenshots so a failure can be read.
pub fn log_path(name: &str) -> PathBuf {
    let dir = screenshot_dir().join("logs");
    let _ = std::fs::create_dir_all(&dir);
    dir.join(name)
}

static RELEASE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// From now on, start the release builds of the app and head office (as a broker gets them), not
/// the debug builds the tests use. For `make bench`, which builds them first.
pub fn use_release_builds() {
    RELEASE.store(true, std::sync::atomic::Ordering::Relaxed);
}

pub fn binary(name: &str) -> Result<PathBuf> {
    let release = RELEASE.load(std::sync::atomic::Ordering::Relaxed);
    let path = target_dir()
        .join(if release { "release" } else { "debug" })
        .join(name);
    if !path.exists() {
        bail!(
            "{} is missing: run `{}` (it builds the app and head office first)",
            path.display(),
            if release { "make bench" } else { "make test" }
        );
    }
    Ok(path)
}

/// The bundles `scripts/e2e-update-bundles.sh` leaves in `target/e2e-update/` whose names end in
/// `extension` (`AppImage`, `deb`), as (version, path), oldest version first.
pub fn update_bundles(extension: &str) -> Result<Vec<(String, PathBuf)>> {
    let dir = target_dir().join("e2e-update");
    let suffix = format!("_amd64.{extension}");
    let mut found: Vec<(Vec<u32>, String, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(&dir)
        .with_context(|| format!("{}: scripts/e2e-update-bundles.sh builds it", dir.display()))?
    {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if let Some(version) = name
            .strip_prefix("BrokerDesk_")
            .and_then(|n| n.strip_suffix(suffix.as_str()))
        {
            let order = version.split('.').map(|p| p.parse().unwrap_or(0)).collect();
            found.push((order, version.to_string(), path.clone()));
        }
    }
    found.sort();
    Ok(found.into_iter().map(|(_, v, p)| (v, p)).collect())
}

pub fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

const SLOW_WAIT: Duration = Duration::from_secs(5);

/// Polls `check` until it returns `Some`, or fails after `timeout` saying what it waited for.
pub fn wait_for<T>(
    what: &str,
    timeout: Duration,
    mut check: impl FnMut() -> Result<Option<T>>,
) -> Result<T> {
    let started = Instant::now();
    let mut last_error = None;
    loop {
        match check() {
            Ok(Some(v)) => {
                // A long wait is where a suite's time goes: CI's log names it.
                if started.elapsed() > SLOW_WAIT {
                    eprintln!(
                        "e2e: waited {:.1} s for {what}",
                        started.elapsed().as_secs_f64()
                    );
                }
                return Ok(v);
            }
            Ok(None) => {}
            Err(e) => last_error = Some(e),
        }
        if started.elapsed() > timeout {
            match last_error {
                Some(e) => bail!("timed out after {timeout:?} waiting for {what}: {e:#}"),
                None => bail!("timed out after {timeout:?} waiting for {what}"),
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

pub fn wait_for_port(port: u16, timeout: Duration) -> Result<()> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    wait_for(&format!("port {port}"), timeout, || {
        Ok(
            TcpStream::connect_timeout(&addr, Duration::from_millis(200))
                .ok()
                .map(|_| ()),
        )
    })
}

/// A child process killed (with its process group) when dropped, whatever the test did.
pub struct Guarded {
    name: String,
    child: Child,
}

impl Guarded {
    pub fn spawn(name: &str, command: &mut Command, log: &Path) -> Result<Guarded> {
        let out = std::fs::File::create(log)?;
        let err = out.try_clone()?;
        // Its own process group, so that what it starts (tauri-driver starts WebKitWebDriver, which
        // outlives a killed parent) is stopped with it.
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err))
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        Ok(Guarded {
            name: name.to_string(),
            child,
        })
    }

    pub fn stop(&mut self) {
        if let Ok(group) = libc::pid_t::try_from(self.child.id()) {
            // SAFETY: kill(2) with a negative pid signals the group this guard created; it reads
            // and writes no memory of ours.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Guarded {
    fn drop(&mut self) {
        self.stop();
        eprintln!("e2e: stopped {}", self.name);
    }
}

/// A head office with the standard demo firm, generated once per test run into `dir`.
pub struct HeadOffice {
    pub url: String,
    port: u16,
    /// A SQLite file, or the PostgreSQL URL in `BROKERDESK_E2E_DATABASE_URL` (an empty database)
    /// to run the app against a head office on PostgreSQL.
    db: String,
    log: PathBuf,
    process: Option<Guarded>,
}

impl HeadOffice {
    pub fn start(dir: &Path) -> Result<HeadOffice> {
        let db = match std::env::var("BROKERDESK_E2E_DATABASE_URL") {
            Ok(url) => url,
            Err(_) => {
                let file = dir.join("head-office.db");
                demo_firm::copy_demo_firm(&file)?;
                file.display().to_string()
            }
        };
        let mut ho = HeadOffice {
            url: String::new(),
            port: free_port()?,
            db,
            log: log_path("head-office.log"),
            process: None,
        };
        ho.url = format!("http://127.0.0.1:{}", ho.port);
        ho.resume()?;
        Ok(ho)
    }

    /// Starts the server (again) on the same port and database.
    pub fn resume(&mut self) -> Result<()> {
        let mut cmd = Command::new(binary("head-office")?);
        cmd.args(["serve", "--demo", "--db"])
            .arg(&self.db)
            .args(["--addr", &format!("127.0.0.1:{}", self.port)]);
        self.process = Some(Guarded::spawn("head office", &mut cmd, &self.log)?);
        // Generating the demo firm takes a while on first start.
        wait_for_port(self.port, Duration::from_secs(240))
    }

    pub fn stop(&mut self) {
        self.process = None;
    }

    /// The SQLite file behind it; none when the run is against PostgreSQL.
    pub fn sqlite_file(&self) -> Option<PathBuf> {
        let path = PathBuf::from(&self.db);
        path.exists().then_some(path)
    }

    /// Runs a `head-office` admin subcommand on this head office's database (while it is stopped).
    pub fn admin(&self, args: &[&str]) -> Result<String> {
        let out = Command::new(binary("head-office")?)
            .arg(args[0])
            .arg("--db")
            .arg(&self.db)
            .args(&args[1..])
            .output()?;
        if !out.status.success() {
            bail!(
                "head-office {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// tauri-driver on free ports, with the app's environment set so it uses a private data
/// directory and keyring name and knows the head office's address.
pub struct Driver {
    pub port: u16,
    _process: Guarded,
}

impl Driver {
    pub fn start(dir: &Path, head_office_url: &str, keyring_service: &str) -> Result<Driver> {
        Driver::start_with(
            dir,
            keyring_service,
            &Driver::desk_env(dir, head_office_url),
        )
    }

    /// The app's data and exports inside `dir`, and the server filled in.
    fn desk_env(dir: &Path, head_office_url: &str) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![
            ("BROKERDESK_DATA_DIR", dir.join("desk").into()),
            ("BROKERDESK_SERVER_URL", head_office_url.into()),
            ("BROKERDESK_EXPORT_DIR", dir.join("exports").into()),
        ]
    }

    /// For an AppImage of the app: as [`Driver::start`], with the AppImage unpacked on each start
    /// instead of mounted (no FUSE on a CI machine; firms' desks may have libfuse2 and mount it).
    pub fn start_appimage(
        dir: &Path,
        head_office_url: &str,
        keyring_service: &str,
    ) -> Result<Driver> {
        let mut env = Driver::desk_env(dir, head_office_url);
        env.push(("APPIMAGE_EXTRACT_AND_RUN", "1".into()));
        Driver::start_with(dir, keyring_service, &env)
    }

    /// For the app as a package installs it: its data where the system says (under `dir`'s
    /// XDG homes) and the server from the firm file, nothing set for it but its keyring name.
    pub fn start_installed(dir: &Path, keyring_service: &str) -> Result<Driver> {
        Driver::start_with(dir, keyring_service, &[])
    }

    fn start_with(
        dir: &Path,
        keyring_service: &str,
        app_env: &[(&str, std::ffi::OsString)],
    ) -> Result<Driver> {
        let port = free_port()?;
        let native = free_port()?;
        let exe = which_tauri_driver()?;
        // Everything the app and its WebKit write lands inside `dir`, where the plaintext scan
        // reads it: their data, cache and config homes and their temporary files.
        let homes = [
            ("XDG_DATA_HOME", dir.join("xdg/data")),
            ("XDG_CACHE_HOME", dir.join("xdg/cache")),
            ("XDG_CONFIG_HOME", dir.join("xdg/config")),
            ("TMPDIR", dir.join("tmp")),
        ];
        let mut cmd = Command::new(exe);
        for (var, path) in &homes {
            std::fs::create_dir_all(path)?;
            cmd.env(var, path);
        }
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("BROKERDESK_KEYRING_SERVICE", keyring_service)
        // Both the app and WebKit must find a display; xvfb-run provides one.
        .env("LIBGL_ALWAYS_SOFTWARE", "1");
        for (var, value) in app_env {
            cmd.env(var, value);
        }
        let process = Guarded::spawn(
            "tauri-driver",
            &mut cmd,
            &log_path(&format!("app-{port}.log")),
        )?;
        wait_for_port(port, Duration::from_secs(30))?;
        Ok(Driver {
            port,
            _process: process,
        })
    }

    /// Opens the app in a new session. tauri-driver answers before the WebKitWebDriver it starts
    /// behind it listens, and on a busy machine the first request can find nobody there: a
    /// refused or dropped connection is tried again, a few times, then reported.
    pub fn open_app(&self) -> Result<Session> {
        self.open(&binary("brokerdesk")?)
    }

    /// The same for the app at `app` (e.g. the one a package installed).
    pub fn open(&self, app: &Path) -> Result<Session> {
        let mut attempt = 1;
        loop {
            match Session::create(self.port, app) {
                Ok(session) => return Ok(session),
                Err(e) if attempt < 5 && e.downcast_ref::<reqwest::Error>().is_some() => {
                    eprintln!("e2e: no session yet ({e}); trying again");
                    std::thread::sleep(Duration::from_secs(3));
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }
}

fn which_tauri_driver() -> Result<PathBuf> {
    let home_bin = std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin/tauri-driver"));
    let candidates = std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join("tauri-driver"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    candidates
        .into_iter()
        .chain(home_bin)
        .find(|p| p.exists())
        .context("tauri-driver is not installed: `make test` installs it with cargo install")
}
