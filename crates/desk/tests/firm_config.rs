//! The firm-wide settings file branch IT installs (`/etc/brokerdesk/desk.toml`): the server it
//! names is the one every broker signs in to, and a broken file keeps no one out.

use crate::support::{config, form, service};
use desk::Desk;
use system_tests::{small_firm, TestHeadOffice, PASSWORD};

#[tokio::test(flavor = "multi_thread")]
async fn the_firm_file_fixes_the_server_brokers_sign_in_to() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let firm_file = dir.path().join("desk.toml");
    std::fs::write(
        &firm_file,
        format!("server_url = \"{}/\"\n", head_office.base_url()),
    )
    .unwrap();
    let mut config = config(&dir.path().join("data"), &service("firm-file"));
    config.firm_config = firm_file;
    let desk = Desk::open(config).unwrap();

    let before = desk.session_state().unwrap();
    assert!(before.server_fixed);
    assert_eq!(before.server_url, Some(head_office.base_url()));
    assert_eq!(before.notice, None);

    // Whatever an old form still holds, the desk signs in where the firm said.
    let state = desk
        .sign_in(form("https://somewhere-else.invalid", PASSWORD))
        .await
        .unwrap();
    assert!(state.signed_in && state.server_fixed);
    assert_eq!(state.server_url, Some(head_office.base_url()));
    desk.sign_out(true).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broken_firm_file_is_told_in_chinese_and_the_broker_can_still_type_the_address() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let dir = tempfile::tempdir().unwrap();
    let firm_file = dir.path().join("desk.toml");
    std::fs::write(&firm_file, "server_url = hq.example.cn\n").unwrap();
    let mut config = config(&dir.path().join("data"), &service("firm-file-bad"));
    config.firm_config = firm_file.clone();
    let desk = Desk::open(config).unwrap();

    let state = desk.session_state().unwrap();
    assert!(!state.server_fixed);
    let notice = state.notice.expect("the broker is told");
    assert!(notice.contains("分支机构配置文件"), "{notice}");
    assert!(
        notice.contains(&firm_file.display().to_string()),
        "{notice}"
    );
    assert!(notice.contains("格式错误"), "{notice}");

    let state = desk
        .sign_in(form(&head_office.base_url(), PASSWORD))
        .await
        .unwrap();
    assert!(state.signed_in);
    desk.sign_out(true).await.unwrap();
}
