//! Signing out keeps what is the broker's: the cache stays, sealed with their password, and the
//! next sign-in here opens it with everything only it holds. Wiping the machine is a separate
//! choice that says first what goes and waits for unsynced work. A locked desk does neither.

use crate::support::{config, everything, form, service};
use desk::ipc::{IpcError, IpcErrorCode};
use desk::Desk;
use store::{ClientQuery, NewContactNote};
use system_tests::{small_firm, TestHeadOffice, PASSWORD};

fn note(client_id: &str) -> NewContactNote {
    NewContactNote {
        client_id: client_id.to_string(),
        channel: "phone".into(),
        summary: "离线记录的电话".into(),
        follow_up_on: None,
    }
}

/// The cache and its sealed key (WAL companions come and go with the connection).
fn cache_files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("book-") && (n.ends_with(".db") || n.ends_with(".key")))
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_keeps_the_brokers_own_data_for_the_next_sign_in() {
    let mut head_office = TestHeadOffice::start(&small_firm()).await;
    let url = head_office.base_url();
    let dir = tempfile::tempdir().unwrap();
    let service = service("keep");
    let desk = Desk::open(config(dir.path(), &service)).unwrap();
    desk.sign_in(form(&url, PASSWORD)).await.unwrap();
    desk.sync(&|_| {}).await.unwrap();
    head_office.stop().await;

    // Offline: a note waits to be pushed, and a saved filter lives only here.
    let client = desk.list_clients(&everything()).unwrap().rows[0].id.clone();
    desk.add_contact_note(&note(&client)).unwrap();
    desk.save_filter("高净值", &ClientQuery::default()).unwrap();
    let mine = desk.local_data().unwrap();
    assert_eq!((mine.pending, mine.saved_filters), (1, 1), "{mine:?}");

    // Wiping is refused while the note waits, and says why and what to do instead.
    let err: IpcError = desk.sign_out(true).await.unwrap_err().into();
    assert_eq!(err.code, IpcErrorCode::Validation);
    assert!(err.message.contains("尚未同步"), "{}", err.message);
    assert!(desk.session_state().unwrap().signed_in, "nothing was wiped");

    // Signing out (offline) keeps the cache; the keyring no longer opens it.
    let state = desk.sign_out(false).await.unwrap();
    assert!(!state.signed_in);
    assert_eq!(state.last_username.as_deref(), Some("broker01"));
    assert!(!cache_files(dir.path()).is_empty());
    let key = keyring::Entry::new(&service, &format!("broker01@{url}#db-key")).unwrap();
    assert!(matches!(key.get_password(), Err(keyring::Error::NoEntry)));
    let restarted = Desk::open(config(dir.path(), &service)).unwrap();
    assert!(!restarted.session_state().unwrap().signed_in);
    drop(restarted);

    // Signing in again opens the same cache: the note still waits and goes up, the filter is there.
    head_office.restart().await;
    desk.sign_in(form(&url, PASSWORD)).await.unwrap();
    assert_eq!(desk.local_data().unwrap(), mine);
    let status = desk.sync(&|_| {}).await.unwrap();
    assert_eq!(status.pending, 0);
    assert!(!desk.client_profile(&client).unwrap().contacts[0].pending);
    assert_eq!(desk.saved_filters().unwrap().len(), 1);

    // With nothing waiting, a wipe takes the cache and the keyring entries off the machine.
    let state = desk.sign_out(true).await.unwrap();
    assert!(!state.signed_in);
    assert!(
        cache_files(dir.path()).is_empty(),
        "{:?}",
        cache_files(dir.path())
    );
    for what in ["db-key", "refresh-token"] {
        let entry = keyring::Entry::new(&service, &format!("broker01@{url}#{what}")).unwrap();
        assert!(matches!(entry.get_password(), Err(keyring::Error::NoEntry)));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_locked_desk_is_not_signed_out_but_may_be_left_for_someone_else() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let url = head_office.base_url();
    let dir = tempfile::tempdir().unwrap();
    let service = service("lockedout");
    let desk = Desk::open(config(dir.path(), &service)).unwrap();
    desk.sign_in(form(&url, PASSWORD)).await.unwrap();
    desk.sync(&|_| {}).await.unwrap();
    desk.lock_desk().unwrap();

    for wipe in [false, true] {
        let err: IpcError = desk.sign_out(wipe).await.unwrap_err().into();
        assert_eq!(err.code, IpcErrorCode::Locked);
    }
    // Switching user shows the sign-in form and changes nothing: the broker signs in and is back.
    let state = desk.switch_user().unwrap();
    assert!(!state.signed_in);
    let before = cache_files(dir.path());
    desk.sign_in(form(&url, PASSWORD)).await.unwrap();
    assert_eq!(cache_files(dir.path()), before);
    assert_eq!(
        desk.list_clients(&everything()).unwrap().total,
        head_office.desk_clients("B001")
    );
    desk.sign_out(true).await.unwrap();
}
