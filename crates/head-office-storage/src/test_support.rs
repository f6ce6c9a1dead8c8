//! Where a test's head office keeps its data: every head-office and system test runs on SQLite by
//! default and on PostgreSQL when `BROKERDESK_TEST_BACKEND=postgres` (with `BROKERDESK_TEST_PG_URL`
//! naming a server where it may create databases; `scripts/pg-cluster.sh` starts a throwaway one).

use crate::error::{Result, StorageError};
use crate::{off_runtime, DatabaseLocation};
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

/// True when this test run is against PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var("BROKERDESK_TEST_BACKEND").is_ok_and(|b| b == "postgres")
}

fn server_url() -> Result<String> {
    std::env::var("BROKERDESK_TEST_PG_URL").map_err(|_| {
        StorageError::Validation(
            "BROKERDESK_TEST_BACKEND=postgres needs BROKERDESK_TEST_PG_URL (see scripts/pg-cluster.sh)"
                .into(),
        )
    })
}

/// The URL of database `name` on the same server as `url`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let base = match base.rfind('/') {
        Some(i) if i > "postgres://".len() => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

fn unique_name(tag: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    // Random, not the time: an earlier run with the same pid must not collide either.
    let salt: u32 = rand::random();
    format!("hq_{tag}_{}_{n}_{salt}", std::process::id())
}

/// A new, empty database for one test: a file in `dir`, or a fresh PostgreSQL database.
pub fn fresh_database(dir: &Path) -> Result<DatabaseLocation> {
    fresh_database_named(dir, "head-office")
}

/// Another new, empty database beside the first (`name` names the SQLite file).
pub fn fresh_database_named(dir: &Path, name: &str) -> Result<DatabaseLocation> {
    if !on_postgres() {
        return Ok(DatabaseLocation::Sqlite(dir.join(format!("{name}.db"))));
    }
    fresh_postgres_database()
}

/// A new, empty database on the server `BROKERDESK_TEST_PG_URL` names.
pub fn fresh_postgres_database() -> Result<DatabaseLocation> {
    let url = server_url()?;
    let name = unique_name("t");
    off_runtime(|| -> Result<()> {
        let mut admin = postgres::Client::connect(&url, postgres::NoTls)?;
        admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
        Ok(())
    })?;
    Ok(DatabaseLocation::Postgres(with_database(&url, &name)))
}

/// A copy of `template` (no one connected to it) for one test: a file copy, or PostgreSQL's
/// `CREATE DATABASE … TEMPLATE`, which copies the files as well.
pub fn copy_database(template: &DatabaseLocation, dir: &Path) -> Result<DatabaseLocation> {
    match template {
        DatabaseLocation::Sqlite(path) => {
            let copy = dir.join("head-office.db");
            std::fs::copy(path, &copy)
                .map_err(|e| StorageError::Validation(format!("copy {}: {e}", path.display())))?;
            Ok(DatabaseLocation::Sqlite(copy))
        }
        DatabaseLocation::Postgres(url) => {
            let source = url
                .rsplit('/')
                .next()
                .and_then(|s| s.split('?').next())
                .unwrap_or_default()
                .to_owned();
            let name = unique_name("c");
            let server = server_url()?;
            off_runtime(|| -> Result<()> {
                let mut admin = postgres::Client::connect(&server, postgres::NoTls)?;
                // The template's last connections may still be closing.
                let mut attempt = 0;
                loop {
                    let sql = format!("CREATE DATABASE {name} TEMPLATE {source}");
                    match admin.batch_execute(&sql) {
                        Ok(()) => return Ok(()),
                        Err(_) if attempt < 50 => {
                            attempt += 1;
                            std::thread::sleep(std::time::Duration::from_millis(100));
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
            })?;
            Ok(DatabaseLocation::Postgres(with_database(url, &name)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_names_replace_the_servers() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5/postgres", "x"),
            "postgres://u@127.0.0.1:5/x"
        );
        assert_eq!(
            with_database("postgres://u@h/postgres?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }
}
