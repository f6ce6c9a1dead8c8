//! No plaintext at rest: after the whole walk, every file the desks wrote (their data directories,
//! the data, cache and config homes and temporary directory the driver gave the app and WebKit,
//! and the app's logs) is searched for the clear names, ID numbers and mobiles of broker01's book,
//! as UTF-8 and as UTF-16. The exports the broker chose to write, audited, are the only place they
//! may be; head office's own database is not the desk's.

use aho_corasick::AhoCorasick;
use anyhow::{ensure, Context, Result};
use std::path::{Path, PathBuf};

/// What of the book must never be readable on the desk's disk, from head office's database. A
/// client who shares a name with someone of the firm is left out: the desk keeps the signed-in
/// user's own name in `profile.json`, and that is not the client's.
fn book(head_office_db: &Path) -> Result<Vec<String>> {
    let conn = rusqlite::Connection::open(head_office_db)?;
    let mut staff = conn.prepare("SELECT display_name FROM users")?;
    let staff: Vec<String> = staff
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt =
        conn.prepare("SELECT name, id_number, mobile FROM clients WHERE broker_id = 'B001'")?;
    let rows = stmt.query_map([], |r| Ok([r.get::<_, String>(0)?, r.get(1)?, r.get(2)?]))?;
    let mut needles = Vec::new();
    for row in rows {
        needles.extend(row?.into_iter().filter(|n| !staff.contains(n)));
    }
    ensure!(
        !needles.is_empty(),
        "broker01 has no clients at head office"
    );
    Ok(needles)
}

fn files_under(dir: &Path, skip: &[PathBuf], out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| dir.display().to_string())? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if skip.iter().any(|s| path.starts_with(s)) || kind.is_symlink() {
            continue;
        }
        if kind.is_dir() {
            files_under(&path, skip, out)?;
        } else if kind.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// Patterns for one needle: its UTF-8 bytes, and its UTF-16 ones (WebKit's storage) when they are
/// at least 6 bytes. A two-character name is 4 bytes in UTF-16: 32 MB of encrypted, random-looking
/// cache holds thousands of 4-byte sequences by chance, so such a name is sought as UTF-8 only.
fn patterns(needle: &str) -> Vec<Vec<u8>> {
    let utf16: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut out = vec![needle.as_bytes().to_vec()];
    if utf16.len() >= 6 {
        out.push(utf16);
    }
    out
}

pub(crate) fn nothing_in_clear(dir: &Path, logs: &Path, head_office_db: &Path) -> Result<()> {
    let book = book(head_office_db)?;
    let (mut all, mut owner) = (Vec::new(), Vec::new());
    for (i, needle) in book.iter().enumerate() {
        for p in patterns(needle) {
            all.push(p);
            owner.push(i);
        }
    }
    let finder = AhoCorasick::new(&all)?;
    // A scan that cannot find the book where it is in clear proves nothing.
    let control = std::fs::read(head_office_db)?;
    ensure!(
        finder.find(&control).is_some(),
        "the scan does not find the book even in head office's own database"
    );
    let skip = [dir.join("exports"), dir.join("head-office.db")];
    let mut files = Vec::new();
    files_under(dir, &skip, &mut files)?;
    files.retain(|f| !f.to_string_lossy().contains("head-office.db"));
    for entry in std::fs::read_dir(logs)? {
        let path = entry?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("app-"))
        {
            files.push(path);
        }
    }
    let (mut bytes, mut hits) = (0u64, Vec::new());
    for file in &files {
        let content = std::fs::read(file).with_context(|| file.display().to_string())?;
        bytes += content.len() as u64;
        if let Some(m) = finder.find(&content) {
            hits.push(format!(
                "{}: {}",
                file.display(),
                book[owner[m.pattern().as_usize()]]
            ));
        }
    }
    println!(
        "at rest: {} files, {bytes} bytes scanned for {} names, ID numbers and mobiles: {} hits",
        files.len(),
        book.len(),
        hits.len()
    );
    ensure!(
        hits.is_empty(),
        "the book in clear on disk:\n{}",
        hits.join("\n")
    );
    ensure!(
        files.len() > 10 && bytes > 1_000_000,
        "the scan found almost nothing to read"
    );
    Ok(())
}
