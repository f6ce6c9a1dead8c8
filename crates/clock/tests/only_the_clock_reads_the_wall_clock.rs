//! The promise of this crate, checked over the whole workspace: no Rust source outside
//! `crates/clock` reads the calendar from the OS. A figure like "this month" that came from the
//! machine instead of the injected clock would pass today and fail at the next month end.

use std::path::{Path, PathBuf};

/// Calls that read the date from the OS. `Instant::now()` is not among them: it measures how
/// long something took and never says what day it is.
const WALL_CLOCK_READS: [&str; 6] = [
    "Utc::now(",
    "Local::now(",
    "Utc::today(",
    "Local::today(",
    "SystemTime::now(",
    "OffsetDateTime::now",
];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if !matches!(name.as_ref(), "target" | "node_modules" | ".git" | ".run") {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_outside_the_clock_crate_reads_the_wall_clock() {
    let root = workspace_root();
    let clock_crate = root.join("crates/clock");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("crates/head-office/src/api.rs")),
        "the walk must cover the workspace (found {} files under {})",
        files.len(),
        root.display()
    );
    let mut offenders = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&clock_crate)) {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if WALL_CLOCK_READS.iter().any(|call| line.contains(call)) {
                offenders.push(format!(
                    "{}:{}: {}",
                    file.strip_prefix(&root).unwrap_or(file).display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "read the time from the injected clock (clock::Clock) instead:\n{}",
        offenders.join("\n")
    );
}
