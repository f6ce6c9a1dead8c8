//! IT's accounts in head office's console: a new compliance officer signs in with the temporary
//! password shown once; a disabled broker's token stops working at once and works again after
//! enabling; a reset password replaces the old one; IT cannot disable itself; all of it is in
//! the operation log.

use protocol::console::{
    AccountChanged, AccountIssued, AccountRef, AccountStatus, NewAccount, StaffAction,
};
use protocol::{paths, Role, SignInRequest, PROTOCOL_VERSION, VERSION_HEADER};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use sync::HeadOffice;
use system_tests::{access_token, answer, now, small_firm, TestHeadOffice, PASSWORD};

async fn signs_in(api: &HeadOffice, username: &str, password: &str) -> bool {
    api.sign_in(&SignInRequest {
        username: username.into(),
        password: password.into(),
        device_id: format!("console-test-{username}"),
    })
    .await
    .is_ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn it_opens_disables_and_resets_accounts_from_the_console() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let http = reqwest::Client::new();
    let admin = access_token(&api, "admin").await;
    let call = |method: Method, path: &str, token: &str| {
        http.request(method, format!("{base}{path}"))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(token)
    };

    let issued: AccountIssued = answer(call(Method::POST, paths::CONSOLE_ACCOUNTS, &admin).json(
        &NewAccount {
            username: "compliance02".into(),
            display_name: "李清".into(),
            role: Role::Compliance,
            unit_id: "HQ".into(),
        },
    ))
    .await;
    assert!(issued.user_id.starts_with('C'), "{issued:?}");
    assert!(signs_in(&api, "compliance02", &issued.temporary_password).await);

    // Disabled: the broker's live token is refused at once; enabled again, a new sign-in works.
    let broker = access_token(&api, "broker07").await;
    let status = |disabled| AccountStatus {
        username: "broker07".into(),
        disabled,
    };
    let _: AccountChanged =
        answer(call(Method::POST, paths::CONSOLE_ACCOUNT_STATUS, &admin).json(&status(true))).await;
    let refused = call(Method::GET, paths::ME, &broker).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["code"], "account_disabled");
    assert!(!signs_in(&api, "broker07", PASSWORD).await);
    let _: AccountChanged =
        answer(call(Method::POST, paths::CONSOLE_ACCOUNT_STATUS, &admin).json(&status(false)))
            .await;
    assert!(signs_in(&api, "broker07", PASSWORD).await);

    // A reset replaces the password.
    let reset: AccountIssued = answer(
        call(Method::POST, paths::CONSOLE_ACCOUNT_PASSWORD, &admin).json(&AccountRef {
            username: "broker07".into(),
        }),
    )
    .await;
    assert!(!signs_in(&api, "broker07", PASSWORD).await);
    assert!(signs_in(&api, "broker07", &reset.temporary_password).await);

    // IT does not lock itself out; an unknown name is said so.
    for (username, why) in [("admin", "不能停用自己"), ("nobody99", "nobody99")] {
        let refused = call(Method::POST, paths::CONSOLE_ACCOUNT_STATUS, &admin)
            .json(&AccountStatus {
                username: username.into(),
                disabled: true,
            })
            .send()
            .await
            .unwrap();
        assert!(refused.status().is_client_error());
        let body: Value = refused.json().await.unwrap();
        assert!(body["message"].as_str().unwrap().contains(why), "{body}");
    }

    let day = domain::clock::shanghai_date(now()).to_string();
    let log: Vec<StaffAction> = answer(
        call(Method::GET, paths::CONSOLE_ACTIONS, &admin).query(&[("from", &day), ("until", &day)]),
    )
    .await;
    let actions: Vec<&str> = log.iter().map(|a| a.action.as_str()).collect();
    for done in ["开立账号", "停用账号", "启用账号", "重置密码"] {
        assert!(actions.contains(&done), "{done} not in {actions:?}");
    }
    assert!(log
        .iter()
        .all(|a| !a.detail.contains(&reset.temporary_password)));
}
