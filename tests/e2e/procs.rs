//! What the OS knows about the app's processes (Linux `/proc`): when one started, which processes
//! it spawned (WebKit's web and network processes), and how much memory they hold.

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The running processes whose executable is `exe`.
pub fn running(exe: &Path) -> Result<Vec<u32>> {
    let exe = exe.canonicalize()?;
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc")? {
        let entry = entry?;
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if std::fs::read_link(entry.path().join("exe")).is_ok_and(|p| p == exe) {
            found.push(pid);
        }
    }
    Ok(found)
}

/// The fields of `/proc/<pid>/stat` after the command name (which may hold spaces): index 0 is
/// the state, 1 the parent, 19 the start time in clock ticks after boot.
fn stat_fields(pid: u32) -> Result<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    let after_name = stat.rfind(')').context("a /proc stat line")?;
    Ok(stat[after_name + 1..]
        .split_whitespace()
        .map(str::to_string)
        .collect())
}

/// When `pid` started, as wall-clock time: the same clock the page's `performance.timeOrigin`
/// reads, so the two can be subtracted. Resolution: one clock tick (10 ms on Linux).
pub fn started_at(pid: u32) -> Result<SystemTime> {
    let ticks: u64 = stat_fields(pid)?
        .get(19)
        .context("start time in /proc stat")?
        .parse()?;
    let boot: u64 = std::fs::read_to_string("/proc/stat")?
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .context("btime in /proc/stat")?
        .trim()
        .parse()?;
    // SAFETY: sysconf only reads a configuration value.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if per_second <= 0 {
        bail!("no clock tick rate");
    }
    let per_second = per_second.unsigned_abs() as u64;
    let since_boot = Duration::from_millis(ticks * 1_000 / per_second);
    Ok(UNIX_EPOCH + Duration::from_secs(boot) + since_boot)
}

/// `pid` and every process below it.
pub fn tree(pid: u32) -> Result<Vec<u32>> {
    let mut parents = Vec::new();
    for entry in std::fs::read_dir("/proc")? {
        let Some(child) = entry?
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        // A process may end between the listing and the read.
        if let Some(parent) = stat_fields(child)
            .ok()
            .and_then(|f| f.get(1).and_then(|p| p.parse::<u32>().ok()))
        {
            parents.push((child, parent));
        }
    }
    let mut family = vec![pid];
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        i += 1;
    }
    Ok(family)
}

/// The proportional set size of `pid` in KiB (shared pages divided among their users), or the
/// resident size where the kernel has no `smaps_rollup`.
pub fn memory_kib(pid: u32) -> Result<(u64, &'static str)> {
    let field = |path: String, name: &str| -> Option<u64> {
        std::fs::read_to_string(path).ok()?.lines().find_map(|l| {
            l.strip_prefix(name)?
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()
        })
    };
    if let Some(kib) = field(format!("/proc/{pid}/smaps_rollup"), "Pss:") {
        return Ok((kib, "PSS"));
    }
    field(format!("/proc/{pid}/status"), "VmRSS:")
        .map(|kib| (kib, "RSS"))
        .with_context(|| format!("memory of process {pid}"))
}

/// The command name of `pid` (e.g. `WebKitWebProces`), for the bench's account of its memory.
pub fn name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|n| n.trim().to_string())
        .unwrap_or_default()
}

/// The processes whose environment holds `entry` (`NAME=value`) and whose command is `comm`:
/// how a test finds the app it started however it was started (an AppImage's child, a restart).
pub fn with_env(entry: &str, comm: &str) -> Result<Vec<u32>> {
    let mut found = Vec::new();
    for dirent in std::fs::read_dir("/proc")? {
        let Some(pid) = dirent?
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        // A process may end, or belong to someone else, between the listing and the read.
        let Ok(environ) = std::fs::read(format!("/proc/{pid}/environ")) else {
            continue;
        };
        if name(pid) == comm && environ.split(|b| *b == 0).any(|e| e == entry.as_bytes()) {
            found.push(pid);
        }
    }
    Ok(found)
}

/// Ends every process [`with_env`] finds (SIGTERM, then SIGKILL), waiting a bounded time.
pub fn end_all(entry: &str, comm: &str) -> Result<()> {
    for signal in [libc::SIGTERM, libc::SIGKILL] {
        for pid in with_env(entry, comm)? {
            // SAFETY: kill has no memory effects; a pid that ended meanwhile only fails.
            unsafe { libc::kill(pid as libc::pid_t, signal) };
        }
        let gone = crate::wait_for(&format!("{comm} to end"), Duration::from_secs(20), || {
            Ok(with_env(entry, comm)?.is_empty().then_some(()))
        });
        if gone.is_ok() {
            return Ok(());
        }
    }
    bail!("{comm} would not end")
}

/// Waits until every process in `before` has ended and a new one with `entry` runs `comm`: an
/// app that restarted itself (the new one is nobody's WebDriver session). Returns the new ones.
pub fn restarted(entry: &str, comm: &str, before: &[u32], timeout: Duration) -> Result<Vec<u32>> {
    crate::wait_for(&format!("{comm} to restart"), timeout, || {
        let fresh: Vec<u32> = with_env(entry, comm)?
            .into_iter()
            .filter(|p| !before.contains(p))
            .collect();
        let old_gone = before
            .iter()
            .all(|p| !Path::new(&format!("/proc/{p}")).exists());
        Ok((old_gone && !fresh.is_empty()).then_some(fresh))
    })
}

/// Ends the app's processes (found by an environment entry only they and their driver carry)
/// when a test ends, however it ends.
pub struct Reaper(pub String);

impl Drop for Reaper {
    fn drop(&mut self) {
        let _ = end_all(&self.0, "brokerdesk");
    }
}
