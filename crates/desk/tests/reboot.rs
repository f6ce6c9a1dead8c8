//! A reboot empties Linux's kernel keyring: the cache's key and the refresh token are gone. The
//! broker's password opens the cache again from its sealed key, offline, nothing unsynced is
//! lost, and sync resumes with the refresh token the cache kept; a cache no key opens any more is
//! kept aside, never deleted.

use crate::support::{config, everything, form, reboot_keyring, service};
use desk::ipc::{IpcError, IpcErrorCode};
use desk::Desk;
use store::NewContactNote;
use system_tests::{small_firm, TestHeadOffice, PASSWORD};

fn note(client_id: &str, n: usize) -> NewContactNote {
    NewContactNote {
        client_id: client_id.to_string(),
        channel: "phone".into(),
        summary: format!("重启前离线记录的第 {n} 通电话"),
        follow_up_on: None,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reboot_with_five_unsynced_notes_loses_nothing() {
    let mut head_office = TestHeadOffice::start(&small_firm()).await;
    let url = head_office.base_url();
    let dir = tempfile::tempdir().unwrap();
    let service = service("reboot");
    let client = {
        let desk = Desk::open(config(dir.path(), &service)).unwrap();
        desk.sign_in(form(&url, PASSWORD)).await.unwrap();
        desk.sync(&|_| {}).await.unwrap();
        head_office.stop().await;
        let client = desk.list_clients(&everything()).unwrap().rows[0].id.clone();
        for n in 1..=5 {
            desk.add_contact_note(&note(&client, n)).unwrap();
        }
        assert_eq!(desk.sync_status().pending, 5);
        client
    };

    reboot_keyring(&service, &url);

    // Started again, offline, with the keyring empty: locked, and the password opens the book.
    let desk = Desk::open(config(dir.path(), &service)).unwrap();
    let state = desk.session_state().unwrap();
    assert!(state.signed_in && state.locked, "{state:?}");
    assert_eq!(state.notice, None, "nothing was set aside");
    let out: IpcError = desk.sign_out(false).await.unwrap_err().into();
    assert_eq!(
        out.code,
        IpcErrorCode::Locked,
        "no sign-out of an unopened cache"
    );
    let wrong: IpcError = desk.unlock("not-the-password").unwrap_err().into();
    assert!(wrong.message.contains("密码不正确"), "{}", wrong.message);
    assert!(!desk.unlock(PASSWORD).unwrap().locked);
    assert_eq!(desk.sync_status().pending, 5);
    let contacts = desk.client_profile(&client).unwrap().contacts;
    let kept: Vec<_> = contacts.iter().filter(|c| c.pending).collect();
    assert_eq!(kept.len(), 5, "{contacts:?}");

    // Head office back: the refresh token went with the keyring, but the cache kept a copy, so
    // the desk syncs without asking for the password again, outbox and all.
    head_office.restart().await;
    let status = desk.sync(&|_| {}).await.unwrap();
    assert_eq!(status.pending, 0);
    let contacts = desk.client_profile(&client).unwrap().contacts;
    assert_eq!(
        contacts
            .iter()
            .filter(|c| c.summary.starts_with("重启前离线记录") && !c.pending)
            .count(),
        5,
        "head office has all five"
    );
    desk.sign_out(true).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cache_no_key_opens_is_kept_aside_and_the_broker_told() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let url = head_office.base_url();
    let dir = tempfile::tempdir().unwrap();
    let service = service("keptaside");
    {
        let desk = Desk::open(config(dir.path(), &service)).unwrap();
        desk.sign_in(form(&url, PASSWORD)).await.unwrap();
        desk.sync(&|_| {}).await.unwrap();
    }
    // The keyring lost the key, and the sealed copy is gone too (a cache from before keys were
    // sealed, say): the cache is unreadable here, but it is not ours to delete.
    reboot_keyring(&service, &url);
    let sealed: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".db.key"))
        .collect();
    assert_eq!(sealed.len(), 1, "the key was sealed at sign-in");
    std::fs::remove_file(&sealed[0]).unwrap();

    let desk = Desk::open(config(dir.path(), &service)).unwrap();
    let state = desk.session_state().unwrap();
    assert!(!state.signed_in);
    let notice = state.notice.expect("the broker is told");
    assert!(
        notice.contains("另存为") && notice.contains("没有删除"),
        "{notice}"
    );
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".db.kept-"))
        .count();
    assert_eq!(kept, 1, "the old cache is still on disk");

    // Signing in starts a fresh cache beside it.
    desk.sign_in(form(&url, PASSWORD)).await.unwrap();
    desk.sync(&|_| {}).await.unwrap();
    assert_eq!(
        desk.list_clients(&everything()).unwrap().total,
        head_office.desk_clients("B001")
    );
    desk.sign_out(true).await.unwrap();
}
