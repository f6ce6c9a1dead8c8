//! The idle lock is the desk's, not only the window's: whatever the window's timers did (a
//! suspend skips them), a command after the idle time finds the book locked, and only the
//! broker's activity, reported by the window, starts the idle time again.

use crate::support::{config_on, everything, form, service};
use chrono::Duration;
use clock::ManualClock;
use desk::ipc::{IpcError, IpcErrorCode};
use desk::Desk;
use system_tests::{now, small_firm, TestHeadOffice, PASSWORD};

fn locked(desk: &Desk) -> bool {
    match desk.list_clients(&everything()) {
        Ok(_) => false,
        Err(e) => {
            let e = IpcError::from(e);
            assert_eq!(e.code, IpcErrorCode::Locked, "{}", e.message);
            true
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desk_locks_itself_after_the_idle_time_whatever_the_window_did() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at(now());
    let desk = Desk::open(config_on(dir.path(), &service("idle"), clock.clone())).unwrap();
    desk.sign_in(form(&head_office.base_url(), PASSWORD))
        .await
        .unwrap();
    desk.sync(&|_| {}).await.unwrap();
    assert_eq!(desk.lock_settings().unwrap().idle_lock_minutes, 10);

    // Reading the book is not activity: only the window's report of the broker is.
    clock.advance(Duration::minutes(6));
    assert!(!locked(&desk));
    desk.note_activity().unwrap();
    clock.advance(Duration::minutes(9));
    assert!(!locked(&desk), "9 minutes since the last activity");

    // The laptop sleeps for an hour; its window's timer never fired. The first command after.
    clock.advance(Duration::minutes(60));
    assert!(locked(&desk));
    assert!(desk.session_state().unwrap().locked);
    // Activity reported now does not reopen it.
    assert!(desk.note_activity().unwrap().locked);
    assert!(locked(&desk));

    assert!(!desk.unlock(PASSWORD).unwrap().locked);
    assert!(!locked(&desk));

    // A shorter idle time takes effect at once.
    desk.set_idle_lock_minutes(2).unwrap();
    clock.advance(Duration::seconds(119));
    assert!(!locked(&desk));
    clock.advance(Duration::seconds(1));
    assert!(locked(&desk));
    desk.unlock(PASSWORD).unwrap();
    desk.sign_out(true).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn five_wrong_passwords_make_the_desk_wait_before_it_checks_again() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at(now());
    let desk = Desk::open(config_on(dir.path(), &service("cooldown"), clock.clone())).unwrap();
    desk.sign_in(form(&head_office.base_url(), PASSWORD))
        .await
        .unwrap();
    desk.lock_desk().unwrap();
    for _ in 0..5 {
        desk.unlock("wrong").unwrap_err();
    }
    let blocked: IpcError = desk.unlock(PASSWORD).unwrap_err().into();
    assert!(blocked.message.contains("秒后再试"), "{}", blocked.message);
    clock.advance(Duration::seconds(31));
    assert!(!desk.unlock(PASSWORD).unwrap().locked);
    desk.sign_out(true).await.unwrap();
}
