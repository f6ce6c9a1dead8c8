//! Head-office IT's commands on a real head office (SQLite, or PostgreSQL when the run is on it) with a small demo firm: people, the
//! org tree (a move changes who leads whom), sessions ended by disabling or a reset, and a backup
//! restored into a fresh file.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use demo_firm::{self as demo, DemoParams};
use head_office::admin::{self, NewUser};
use head_office::error::HeadOfficeError;
use head_office_storage::passwords::verify_password;
use head_office_storage::review::TeamReview;
use head_office_storage::test_support;
use head_office_storage::{RefreshGrant, RefreshUse, SqlStorage, Storage};
use protocol::Role;

fn firm(dir: &std::path::Path) -> SqlStorage {
    let storage = SqlStorage::open(&test_support::fresh_database(dir).unwrap()).unwrap();
    let params = DemoParams {
        clients: 300,
        demo_broker_clients: 60,
        trades_per_client: 2,
        ..DemoParams::standard(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
    };
    storage
        .import_firm(demo::generate(&params).unwrap())
        .unwrap();
    storage
}

/// The test's "now": 10:00 in Beijing on the firm's day, whatever day the suite runs.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
}

fn invalid<T: std::fmt::Debug, E: Into<HeadOfficeError>>(r: Result<T, E>) {
    let r = r.map_err(Into::into);
    assert!(matches!(r, Err(HeadOfficeError::Validation(_))), "{r:?}");
}

fn session(storage: &SqlStorage, user_id: &str, token: &str) {
    let grant = RefreshGrant {
        user_id: user_id.into(),
        device_id: "d".into(),
        family_id: format!("f-{token}"),
        expires_at: now() + Duration::days(7),
        signed_in_at: now(),
    };
    storage.insert_refresh_token(token, &grant).unwrap();
}

#[test]
fn people_are_added_placed_disabled_and_reset_with_sessions_ended() {
    let dir = tempfile::tempdir().unwrap();
    let storage = firm(dir.path());
    let new = |username: &str, unit: &str| NewUser {
        username: username.into(),
        display_name: "王敏".into(),
        role: Role::Broker,
        unit_id: unit.into(),
    };
    invalid(admin::add_user(&storage, &new("Wang Min", "TM01"), None));
    invalid(admin::add_user(&storage, &new("wangmin", "TM99"), None));
    invalid(admin::add_user(&storage, &new("broker01", "TM01"), None));
    let (id, password) = admin::add_user(&storage, &new("wangmin", "TM01"), None).unwrap();
    assert_eq!(id, "B031");
    let user = storage.user_by_username("wangmin").unwrap().unwrap();
    assert!(verify_password(&password, &user.password_hash).unwrap());
    assert!(user.org_path.ends_with("财富管理一组"));
    let chart = storage.org_chart().unwrap();
    assert!(chart.brokers_under("TM01").contains(&id));

    // Moved to the other branch: lead01 no longer leads them, manager02's branch does.
    let said = admin::place_user(&storage, "wangmin", "TM03", None).unwrap();
    assert!(said.contains("TM03"), "{said}");
    let chart = storage.org_chart().unwrap();
    assert!(!chart.brokers_under("TM01").contains(&id));
    assert!(chart.brokers_under("BR02").contains(&id));
    invalid(admin::place_user(&storage, "wangmin", "NOWHERE", None));

    session(&storage, &id, "t1");
    admin::set_disabled(&storage, "wangmin", true, now(), None).unwrap();
    assert!(storage.user_by_id(&id).unwrap().unwrap().disabled);
    assert!(!matches!(
        storage.use_refresh_token("t1", None, now()).unwrap(),
        RefreshUse::Fresh(_)
    ));
    admin::set_disabled(&storage, "wangmin", false, now(), None).unwrap();
    assert!(!storage.user_by_id(&id).unwrap().unwrap().disabled);

    session(&storage, &id, "t2");
    let (_, fresh) = admin::reset_password(&storage, "wangmin", now(), None).unwrap();
    let user = storage.user_by_id(&id).unwrap().unwrap();
    assert!(verify_password(&fresh, &user.password_hash).unwrap());
    assert!(!verify_password(&password, &user.password_hash).unwrap());
    assert!(!matches!(
        storage.use_refresh_token("t2", None, now()).unwrap(),
        RefreshUse::Fresh(_)
    ));
    assert!(matches!(
        admin::reset_password(&storage, "nobody", now(), None),
        Err(HeadOfficeError::NotFound(_))
    ));

    admin::add_unit(&storage, "TM07", Some("BR01"), "财富管理三组", None).unwrap();
    invalid(admin::add_unit(
        &storage,
        "TM07",
        Some("BR01"),
        "重复",
        None,
    ));
    invalid(admin::add_unit(
        &storage,
        "TM08",
        Some("NOWHERE"),
        "无上级",
        None,
    ));
    invalid(admin::add_unit(&storage, "ROOT2", None, "第二个根", None));
    assert_eq!(
        storage.org_chart().unwrap().subtree("BR01").len(),
        4,
        "the branch, its two teams and the new one"
    );
}

#[test]
fn a_backup_taken_while_serving_restores_into_a_working_head_office() {
    let dir = tempfile::tempdir().unwrap();
    let storage = firm(dir.path());
    let backup = dir.path().join("hq-backup");
    storage.backup_to(&backup).unwrap();
    invalid(storage.backup_to(&backup));
    admin::add_user(
        &storage,
        &NewUser {
            username: "after.backup".into(),
            display_name: "备份后".into(),
            role: Role::Broker,
            unit_id: "TM01".into(),
        },
        None,
    )
    .unwrap();

    let restored = test_support::fresh_database_named(dir.path(), "restored").unwrap();
    SqlStorage::restore(&backup, &restored, false).unwrap();
    let again = SqlStorage::open(&restored).unwrap();
    assert!(again.user_by_username("broker01").unwrap().is_some());
    assert_ne!(
        again.epoch(),
        storage.epoch(),
        "a restored database starts a new life, so desks notice"
    );
    assert!(again.user_by_username("after.backup").unwrap().is_none());
    assert_eq!(
        again.pull("B001", 0, 100).unwrap().remaining,
        storage.pull("B001", 0, 100).unwrap().remaining
    );
    // Not over an existing database unless asked, and never from something that is not one.
    invalid(SqlStorage::restore(&backup, &restored, false));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    let elsewhere = test_support::fresh_database_named(dir.path(), "x").unwrap();
    assert!(SqlStorage::restore(&junk, &elsewhere, false).is_err());
    drop(again);
    SqlStorage::restore(&backup, &restored, true).unwrap();
    let replaced = SqlStorage::open(&restored).unwrap();
    assert!(replaced.user_by_username("broker01").unwrap().is_some());
}

#[test]
fn head_office_staff_are_added_with_their_roles_and_read_back_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let storage = firm(dir.path());
    let root = "HQ".to_string();
    for (text, role, prefix) in [
        ("manager-hq", Role::ManagerHq, "H"),
        ("compliance", Role::Compliance, "C"),
        ("finance", Role::Finance, "F"),
    ] {
        let parsed = admin::parse_role(text).unwrap();
        assert_eq!(parsed, role);
        assert!(!role.uses_desk(), "{role:?} works at head office");
        // The demo firm has hq01, compliance01 and finance01 already.
        let username = format!("{text}02").replace('-', "");
        let (id, _) = admin::add_user(
            &storage,
            &NewUser {
                username: username.clone(),
                display_name: "总部同事".into(),
                role,
                unit_id: root.clone(),
            },
            None,
        )
        .unwrap();
        assert!(id.starts_with(prefix), "{id}");
        assert_eq!(
            storage.user_by_username(&username).unwrap().unwrap().role,
            role
        );
    }
    match admin::parse_role("auditor") {
        Err(HeadOfficeError::Validation(m)) => assert!(m.contains("compliance（合规）"), "{m}"),
        other => panic!("{other:?}"),
    }
}
