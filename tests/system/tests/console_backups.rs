//! Backups from head office's console: IT (admin) is told to set the directory on the server
//! first; once `backup-dir` has set it, 立即备份 writes a consistent copy of the live database
//! there, named by head office's clock, lists it, and logs who took it.

use head_office_storage::{test_support, Storage};
use protocol::backups::{BackupFile, BackupShelf};
use protocol::console::StaffAction;
use protocol::paths;
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, now, small_firm, TestHeadOffice};

#[tokio::test(flavor = "multi_thread")]
async fn it_backs_up_the_live_database_into_the_directory_set_on_the_server() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let admin = access_token(&api, "admin").await;

    let empty: BackupShelf = console.read(&admin, paths::CONSOLE_BACKUPS, &[]).await;
    assert_eq!(empty.directory, None);
    let (status, message) = console
        .refused(&admin, paths::CONSOLE_BACKUP_TAKE, &serde_json::json!({}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("head-office backup-dir"), "{message}");

    // What `head-office backup-dir` does on the server.
    let dir = head_office.dir.path().join("backups");
    head_office
        .storage
        .set_backup_directory(Some(&dir.display().to_string()))
        .unwrap();
    let taken: BackupFile = console
        .ok(&admin, paths::CONSOLE_BACKUP_TAKE, &serde_json::json!({}))
        .await;
    assert!(taken.name.starts_with("brokerdesk-") && taken.name.ends_with(".backup"));
    assert!((now() - taken.taken_at).num_seconds().abs() < 60);
    let file = dir.join(&taken.name);
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(bytes.len() as u64, taken.bytes);
    if test_support::on_postgres() {
        assert!(bytes.starts_with(b"PGDMP"), "a pg_dump archive");
    } else {
        let copy = rusqlite::Connection::open(&file).unwrap();
        let users: i64 = copy
            .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
            .unwrap();
        assert!(users > 10, "the copy holds the firm: {users} users");
    }

    let shelf: BackupShelf = console.read(&admin, paths::CONSOLE_BACKUPS, &[]).await;
    assert_eq!(shelf.directory, Some(dir.display().to_string()));
    assert_eq!(shelf.files, vec![taken.clone()]);

    let day = domain::clock::shanghai_date(now()).to_string();
    let log: Vec<StaffAction> = console
        .read(
            &admin,
            paths::CONSOLE_ACTIONS,
            &[("from", &day), ("until", &day)],
        )
        .await;
    assert!(
        log.iter()
            .any(|a| a.action == "数据备份" && a.subject == taken.name),
        "{log:?}"
    );
}
