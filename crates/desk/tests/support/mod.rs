//! What the desk tests share: a desk config on a temporary directory, a keyring service name of
//! the test's own, the sign-in form.
#![allow(dead_code)] // each test file uses its own part

use desk::ipc::SignInForm;
use desk::DeskConfig;
use std::path::Path;
use store::ClientQuery;

pub fn config(dir: &Path, service: &str) -> DeskConfig {
    config_on(dir, service, system_tests::test_clock())
}

/// The same on a clock of the test's own, to step through idle times.
pub fn config_on(dir: &Path, service: &str, clock: clock::SharedClock) -> DeskConfig {
    DeskConfig {
        data_dir: dir.to_path_buf(),
        keyring_service: service.to_string(),
        default_server_url: None,
        firm_config: dir.join("no-firm-config.toml"),
        export_dir: dir.join("exports"),
        clock,
        build: desk::DeskBuild::unpackaged("0.1.0".parse().unwrap()),
    }
}

/// A keyring service name of its own per test, so tests never see each other's entries.
pub fn service(test: &str) -> String {
    format!("BrokerDesk-test-{test}-{}", std::process::id())
}

pub fn form(url: &str, password: &str) -> SignInForm {
    SignInForm {
        server_url: url.to_string(),
        username: "broker01".into(),
        password: password.into(),
    }
}

pub fn everything() -> ClientQuery {
    ClientQuery {
        limit: 50,
        ..Default::default()
    }
}

pub fn files_contain(dir: &Path, needle: &[u8]) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|e| {
        let bytes = std::fs::read(e.path()).unwrap_or_default();
        bytes.windows(needle.len()).any(|w| w == needle)
    })
}

/// What a reboot does to a Linux desk: the kernel keyring forgets the database key and the
/// refresh token. Asserts the entries were there, so the test cannot pass by seeing nothing.
pub fn reboot_keyring(service: &str, server_url: &str) {
    for what in ["db-key", "refresh-token"] {
        let entry = keyring::Entry::new(service, &format!("broker01@{server_url}#{what}")).unwrap();
        assert!(
            entry.get_password().is_ok(),
            "the desk's {what} is in the keyring"
        );
        entry.delete_credential().unwrap();
    }
}
