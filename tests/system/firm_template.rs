//! Generated firms for the tests, loaded once per test process and copied for each test.
//!
//! Loading a firm goes row by row, as a real firm's files are loaded. On SQLite that takes
//! under a second; on PostgreSQL each row is a round trip and a small firm takes about fifteen
//! seconds, which across the suite was most of the PostgreSQL run. A copy is a file write on
//! SQLite and `CREATE DATABASE … TEMPLATE` on PostgreSQL: a fraction of a second on either.

use demo_firm::{self as demo, DemoParams};
use head_office_storage::test_support;
use head_office_storage::{DatabaseLocation, SqlStorage, Storage};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// A loaded firm to copy from.
enum Template {
    /// The database file itself, checkpointed: the temporary directory it was loaded in is gone,
    /// so nothing is left behind when the test process ends.
    Sqlite(Vec<u8>),
    /// A database on the test server that no one stays connected to.
    Postgres(DatabaseLocation),
}

/// A database in `dir` (or on the test server) holding the firm `params` generate, exactly as a
/// fresh load of it would.
pub fn generated_firm(params: &DemoParams, dir: &Path) -> DatabaseLocation {
    match template_of(params).as_ref() {
        Template::Sqlite(bytes) => {
            let path = dir.join("head-office.db");
            std::fs::write(&path, bytes).expect("write the firm's database");
            DatabaseLocation::Sqlite(path)
        }
        Template::Postgres(location) => {
            test_support::copy_database(location, dir).expect("copy the firm's database")
        }
    }
}

fn template_of(params: &DemoParams) -> Arc<Template> {
    type Cell = Arc<OnceLock<Arc<Template>>>;
    static TEMPLATES: OnceLock<Mutex<HashMap<String, Cell>>> = OnceLock::new();
    // Every field of the params shapes the firm, and their Debug form names them all.
    let key = format!("{params:?}");
    let cell = {
        let mut templates = TEMPLATES
            .get_or_init(Mutex::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        templates.entry(key).or_default().clone()
    };
    // Tests that want the same firm wait for its one load; other firms load alongside.
    cell.get_or_init(|| Arc::new(load(params))).clone()
}

fn load(params: &DemoParams) -> Template {
    let dir = tempfile::tempdir().expect("temp dir");
    let location = test_support::fresh_database(dir.path()).expect("a database for the firm");
    {
        let storage = SqlStorage::open(&location).expect("open head office");
        storage
            .import_firm(demo::generate(params).expect("generate"))
            .expect("import");
        storage.checkpoint().expect("checkpoint");
    }
    match location {
        DatabaseLocation::Sqlite(path) => {
            Template::Sqlite(std::fs::read(path).expect("read the firm's database"))
        }
        postgres => Template::Postgres(postgres),
    }
}
