//! A stranger who knows a broker's user name tries 1,000 wrong passwords. The broker still signs
//! in from the desk they use, the stranger is slowed to a handful of password checks, other
//! brokers are untouched, and head-office IT sees the attack in `user list`'s report.

use clock::{Clock, ManualClock};
use head_office::admin;
use head_office_storage::Storage;
use protocol::{ErrorCode, SignInRequest};
use std::sync::Arc;
use sync::{HeadOffice, SyncError};
use system_tests::{now, small_firm, TestHeadOffice, PASSWORD};

const WRONG_TRIES: usize = 1_000;
/// Tries in flight at once, as an attacker's script would send them.
const ATTACKERS: usize = 8;

fn request(username: &str, password: &str, device: &str) -> SignInRequest {
    SignInRequest {
        username: username.into(),
        password: password.into(),
        device_id: device.into(),
    }
}

fn refused_code(result: Result<protocol::SessionTokens, SyncError>) -> Option<ErrorCode> {
    match result {
        Ok(_) => None,
        Err(SyncError::Refused(e)) => Some(e.code),
        Err(other) => panic!("not a refusal: {other}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thousand_wrong_passwords_do_not_keep_the_broker_out() {
    // Time stands still: every wait the attack earns lasts the whole test.
    let clock = ManualClock::at(now());
    let head_office = TestHeadOffice::start_at(&small_firm(), clock.clone()).await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();

    // The broker's own desk has held a session, since ended.
    let desk = "desk-of-broker02";
    let tokens = api
        .sign_in(&request("broker02", PASSWORD, desk))
        .await
        .unwrap();
    api.sign_out(&tokens.access_token).await.unwrap();

    let attackers: Vec<_> = (0..ATTACKERS)
        .map(|a| {
            let api = api.clone();
            tokio::spawn(async move {
                let mut codes = Vec::new();
                for i in (a..WRONG_TRIES).step_by(ATTACKERS) {
                    let guess = format!("guess-{i:04}");
                    let device = format!("attacker-{i}");
                    codes.push(refused_code(
                        api.sign_in(&request("broker02", &guess, &device)).await,
                    ));
                }
                codes
            })
        })
        .collect();
    let mut codes = Vec::new();
    for a in attackers {
        codes.extend(a.await.unwrap());
    }
    let checked = codes
        .iter()
        .filter(|c| **c == Some(ErrorCode::BadCredentials))
        .count();
    let throttled = codes
        .iter()
        .filter(|c| **c == Some(ErrorCode::RateLimited))
        .count();
    assert_eq!(
        checked + throttled,
        WRONG_TRIES,
        "every try refused, none let in"
    );
    assert!(
        (5..5 + ATTACKERS).contains(&checked),
        "only a handful reached a password check: {checked}"
    );
    println!("attack: {WRONG_TRIES} wrong tries, {checked} password checks, {throttled} throttled");

    // The broker, from their usual desk, with the right password: in at once.
    let back = api.sign_in(&request("broker02", PASSWORD, desk)).await;
    assert_eq!(back.unwrap().user.username, "broker02");
    // From a new machine at the attacker's address, the broker waits like the attacker.
    let elsewhere = api
        .sign_in(&request("broker02", PASSWORD, "new-laptop"))
        .await;
    assert_eq!(refused_code(elsewhere), Some(ErrorCode::RateLimited));
    // Another broker behind the same address is not touched.
    let other = api
        .sign_in(&request("broker03", PASSWORD, "desk-of-broker03"))
        .await;
    assert_eq!(other.unwrap().user.username, "broker03");

    // Head-office IT sees it: the operation log, the user list's mark and its report.
    let storage: Arc<dyn Storage> = head_office.storage.clone();
    let since = clock.now() - admin::SIGN_IN_LOOKBACK;
    let pressure = storage.sign_in_pressure(since).unwrap();
    let broker02 = pressure.iter().find(|p| p.username == "broker02").unwrap();
    assert_eq!(
        broker02.failures as usize, checked,
        "every failure is logged"
    );
    assert!(broker02.throttles >= 1, "the throttle is logged");
    assert!(
        broker02.throttles <= broker02.failures,
        "a line per wait, not per refused try: {}",
        broker02.throttles
    );
    let failures = admin::recent_sign_in_failures(storage.as_ref(), clock.now()).unwrap();
    let attacked = admin::users_under_attack(storage.as_ref(), &failures).unwrap();
    let id = storage.user_by_username("broker02").unwrap().unwrap().id;
    assert_eq!(attacked, vec![id]);
    let report = admin::sign_in_report(&failures).join("\n");
    assert!(
        report.contains("broker02：失败") && report.contains("疑似密码攻击"),
        "{report}"
    );
    println!("{report}");
}
