//! The desk as the app runs it: real head office on loopback, real encrypted cache files, real OS
//! keyring (the kernel keyring on Linux), no window.

use crate::support::{config, everything, files_contain, form, service};
use desk::ipc::{Connection, IpcError, IpcErrorCode};
use desk::Desk;
use system_tests::{small_firm, TestHeadOffice, PASSWORD};

#[tokio::test(flavor = "multi_thread")]
async fn desk_starts_offline_from_its_cache_after_a_sync() {
    let mut head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let service = service("offline");
    {
        let desk = Desk::open(config(dir.path(), &service)).unwrap();
        let state = desk
            .sign_in(form(&head_office.base_url(), PASSWORD))
            .await
            .unwrap();
        assert!(state.signed_in);
        let status = desk.sync(&|_| {}).await.unwrap();
        assert_eq!(status.connection, Connection::Online);
        assert_eq!(
            desk.list_clients(&everything()).unwrap().total,
            head_office.desk_clients("B001")
        );
    }
    head_office.stop().await;

    // The app started again with head office down: no sign-in, the book is there.
    let desk = Desk::open(config(dir.path(), &service)).unwrap();
    let state = desk.session_state().unwrap();
    assert!(
        state.signed_in,
        "the session is restored from the keyring without network"
    );
    assert_eq!(state.user.unwrap().username, "broker01");
    // Whoever starts the app must prove they are the broker; the check needs no network.
    assert!(state.locked, "a restarted desk starts locked");
    let locked = IpcError::from(desk.list_clients(&everything()).unwrap_err());
    assert_eq!(locked.code, IpcErrorCode::Locked);
    let wrong = IpcError::from(desk.unlock("not-the-password").unwrap_err());
    assert_eq!(wrong.code, IpcErrorCode::Validation);
    assert!(wrong.message.contains("密码不正确"), "{}", wrong.message);
    assert!(!desk.unlock(PASSWORD).unwrap().locked);
    let page = desk.list_clients(&everything()).unwrap();
    assert_eq!(page.total, head_office.desk_clients("B001"));
    let profile = desk.client_profile(&page.rows[0].id).unwrap();
    assert!(profile.id_number_masked.contains("***********"));

    let status = desk.sync(&|_| {}).await.unwrap();
    assert_eq!(status.connection, Connection::Offline);
    assert!(status.last_error.unwrap().contains("离线"));
    assert!(
        status.last_sync_at.is_some(),
        "the last good sync is still shown"
    );

    desk.sign_out(true).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_password_is_refused_in_chinese_and_no_password_is_stored() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(config(dir.path(), &service("wrong"))).unwrap();

    let wrong = "wrong-password-7f3a";
    let err: IpcError = desk
        .sign_in(form(&head_office.base_url(), wrong))
        .await
        .unwrap_err()
        .into();
    assert_eq!(err.code, IpcErrorCode::BadCredentials);
    assert_eq!(err.message, "用户名或密码不正确");
    assert!(!desk.session_state().unwrap().signed_in);

    desk.sign_in(form(&head_office.base_url(), PASSWORD))
        .await
        .unwrap();
    desk.sync(&|_| {}).await.unwrap();
    assert!(
        !files_contain(dir.path(), PASSWORD.as_bytes()),
        "no file holds the password"
    );
    assert!(!files_contain(dir.path(), wrong.as_bytes()));
    desk.sign_out(true).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_form_errors_say_what_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(config(dir.path(), &service("form"))).unwrap();
    let mut f = form("http://127.0.0.1:9", PASSWORD);
    f.username = "  ".into();
    let err: IpcError = desk.sign_in(f).await.unwrap_err().into();
    assert_eq!(
        (err.code, err.message.as_str()),
        (IpcErrorCode::Validation, "请填写用户名")
    );

    let err: IpcError = desk
        .sign_in(form("127.0.0.1:8787", PASSWORD))
        .await
        .unwrap_err()
        .into();
    assert_eq!(err.code, IpcErrorCode::Validation);
    assert!(err.message.contains("服务器地址"), "{}", err.message);

    // Port 9 (discard) is closed on loopback: an unreachable head office is an offline error.
    let err: IpcError = desk
        .sign_in(form("http://127.0.0.1:9", PASSWORD))
        .await
        .unwrap_err()
        .into();
    assert_eq!(err.code, IpcErrorCode::Offline);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_contact_note_with_no_text_is_refused_in_chinese_and_nothing_is_queued() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(config(dir.path(), &service("emptynote"))).unwrap();
    desk.sign_in(form(&head_office.base_url(), PASSWORD))
        .await
        .unwrap();
    desk.sync(&|_| {}).await.unwrap();
    let client = desk.list_clients(&everything()).unwrap().rows[0].id.clone();
    let note = store::NewContactNote {
        client_id: client,
        channel: "phone".into(),
        summary: "   ".into(),
        follow_up_on: None,
    };
    let err: IpcError = desk.add_contact_note(&note).unwrap_err().into();
    assert_eq!(
        (err.code, err.message.as_str()),
        (IpcErrorCode::Validation, "请填写联系内容")
    );
    // A paste carrying U+0000, which head office refuses: held back here, so it never blocks
    // the outbox.
    let pasted = store::NewContactNote {
        summary: "客户来电\u{0}询问分红".into(),
        ..note
    };
    let err: IpcError = desk.add_contact_note(&pasted).unwrap_err().into();
    assert_eq!(err.code, IpcErrorCode::Validation);
    assert!(err.message.contains("U+0000"), "{}", err.message);
    assert_eq!(desk.sync_status().pending, 0);
    let profile = desk.client_profile(&pasted.client_id).unwrap();
    assert!(profile.contacts.iter().all(|c| !c.summary.contains('\0')));
    desk.sign_out(true).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_service_account_is_refused_in_chinese_and_leaves_no_session() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(config(dir.path(), &service("service-account"))).unwrap();
    let mut f = form(&head_office.base_url(), PASSWORD);
    f.username = "service01".into();
    let err: IpcError = desk.sign_in(f).await.unwrap_err().into();
    assert_eq!(err.code, IpcErrorCode::Validation);
    assert!(err.message.contains("客服账号不能登录"), "{}", err.message);
    assert!(!desk.session_state().unwrap().signed_in);
    // The session opened to learn the role was closed again at head office.
    let open: Vec<String> = head_office
        .storage
        .first_column_text(
            "SELECT r.token_hash FROM refresh_tokens r JOIN users u ON u.id = r.user_id \
             WHERE u.username = 'service01' AND r.revoked_at IS NULL",
        )
        .unwrap();
    assert!(open.is_empty(), "{open:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_head_office_staff_account_is_refused_at_the_desk() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(config(dir.path(), &service("compliance-account"))).unwrap();
    // The demo firm's compliance officer.
    let mut f = form(&head_office.base_url(), PASSWORD);
    f.username = "compliance01".into();
    let err: IpcError = desk.sign_in(f).await.unwrap_err().into();
    assert_eq!(err.code, IpcErrorCode::Validation);
    assert!(
        err.message.contains("总部职能部门的账号不能登录"),
        "{}",
        err.message
    );
    assert!(!desk.session_state().unwrap().signed_in);
}
