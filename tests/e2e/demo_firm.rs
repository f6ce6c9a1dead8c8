//! The demo firm for a test's head office, generated once per day and `head-office` build and
//! copied for each test: the debug build takes about 25 s to generate it, and five suites start
//! a head office with it.

use crate::{binary, target_dir};
use anyhow::{bail, Context, Result};
use clock::{Clock, SystemClock};
use domain::clock::shanghai;
use std::path::Path;
use std::process::Command;
use std::time::UNIX_EPOCH;

/// Puts a database holding the demo firm at `to`, as `head-office serve --demo` would fill it
/// today.
pub fn copy_demo_firm(to: &Path) -> Result<()> {
    let head_office = binary("head-office")?;
    let build = std::fs::metadata(&head_office)?;
    let built = build.modified()?.duration_since(UNIX_EPOCH)?.as_nanos();
    // The firm's "today" is named, not left to the server: the copy is the firm of that day.
    let today = SystemClock.now().with_timezone(&shanghai()).date_naive();
    let cache = target_dir().join("e2e-cache");
    let cached = cache.join(format!("demo-{today}-{built:x}-{}.db", build.len()));
    if !cached.exists() {
        // What is there was made by another build or on another day.
        let _ = std::fs::remove_dir_all(&cache);
        std::fs::create_dir_all(&cache)?;
        let part = cache.join("generating.db");
        let out = Command::new(&head_office)
            .arg("demo")
            .arg("--db")
            .arg(&part)
            .args(["--as-of", &today.to_string()])
            .output()?;
        if !out.status.success() {
            bail!(
                "head-office demo failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        // The last connection's close folds SQLite's log into the file: the file is the firm.
        if cache.join("generating.db-wal").exists() {
            bail!("head-office demo left a write-ahead log behind; the copy would miss it");
        }
        std::fs::rename(&part, &cached)?;
    }
    std::fs::copy(&cached, to)
        .with_context(|| format!("copy {} to {}", cached.display(), to.display()))?;
    Ok(())
}
