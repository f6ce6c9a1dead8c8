use super::*;
use chrono::TimeZone;
use head_office_storage::{DatabaseLocation, SqlStorage};

/// The throttle over a real (SQLite) database, as one replica of many sees it.
struct Throttle {
    _dir: tempfile::TempDir,
    store: SqlStorage,
}

impl Throttle {
    fn new() -> Throttle {
        let dir = tempfile::tempdir().unwrap();
        let store = SqlStorage::open(&DatabaseLocation::Sqlite(dir.path().join("hq.db"))).unwrap();
        Throttle { _dir: dir, store }
    }

    fn check(&self, attempt: &Attempt<'_>, now: DateTime<Utc>) -> Result<(), Throttled> {
        check(&self.store, &keys(attempt), now).unwrap()
    }

    fn failed(&self, attempt: &Attempt<'_>, now: DateTime<Utc>) {
        failed(&self.store, &keys(attempt), now).unwrap()
    }

    fn succeeded(&self, attempt: &Attempt<'_>) {
        succeeded(&self.store, &keys(attempt)).unwrap()
    }

    fn remembers(&self, attempt: &Attempt<'_>) -> bool {
        let keys: Vec<String> = keys(attempt).iter().map(Key::stored).collect();
        !self.store.failure_counts(&keys).unwrap().is_empty()
    }
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 0, 55, 0).unwrap()
}

fn from(ip: &str) -> Option<IpAddr> {
    Some(ip.parse().unwrap())
}

fn elsewhere<'a>(username: &'a str, ip: &str) -> Attempt<'a> {
    Attempt::Elsewhere {
        username,
        source: from(ip),
    }
}

const USUAL: Attempt<'static> = Attempt::UsualDevice {
    username: "broker02",
    device: "desk-of-broker02",
};

#[test]
fn waits_grow_after_the_free_tries_and_end_at_the_cap() {
    let throttle = Throttle::new();
    let attacker = elsewhere("broker02", "10.9.9.9");
    let mut now = t0();
    let mut waits = Vec::new();
    for _ in 0..16 {
        match throttle.check(&attacker, now) {
            Ok(()) => throttle.failed(&attacker, now),
            Err(t) => {
                waits.push(t.wait_secs);
                now += Duration::seconds(t.wait_secs as i64);
            }
        }
    }
    assert_eq!(waits[..6], [1, 2, 4, 8, 16, 32], "{waits:?}");
    assert!(waits.iter().all(|w| *w <= MAX_DELAY.num_seconds() as u64));
    assert!(
        waits.windows(2).all(|w| w[0] <= w[1]),
        "never shorter: {waits:?}"
    );
}

#[test]
fn a_thousand_wrong_tries_elsewhere_never_stop_the_usual_device() {
    let throttle = Throttle::new();
    let now = t0();
    let (mut failed, mut first_refusals) = (0, 0);
    for i in 0..1_000 {
        let attacker = elsewhere("broker02", &format!("10.0.{}.{}", i / 250, i % 250));
        match throttle.check(&attacker, now) {
            Ok(()) => {
                throttle.failed(&attacker, now);
                failed += 1;
            }
            Err(t) => first_refusals += usize::from(t.first),
        }
    }
    assert_eq!(throttle.check(&USUAL, now), Ok(()));
    // The attack itself is slowed: 20 tries reached a password check, one refusal was logged.
    assert_eq!((failed, first_refusals), (20, 1));
    let stranger = elsewhere("broker02", "192.168.1.1");
    assert_eq!(throttle.check(&stranger, now).unwrap_err().by, "name");
}

#[test]
fn one_address_guessing_many_names_is_slowed_for_all_of_them() {
    let throttle = Throttle::new();
    let now = t0();
    for i in 0..30 {
        let name = format!("broker{i:02}");
        throttle.failed(&elsewhere(&name, "10.1.1.1"), now);
    }
    let next = throttle
        .check(&elsewhere("broker99", "10.1.1.1"), now)
        .unwrap_err();
    assert_eq!(next.by, "source");
    assert_eq!(
        throttle.check(&elsewhere("broker99", "10.1.1.2"), now),
        Ok(())
    );
}

#[test]
fn the_usual_device_is_slowed_by_its_own_mistakes_only_and_a_success_clears_them() {
    let throttle = Throttle::new();
    let now = t0();
    for _ in 0..5 {
        throttle.failed(&USUAL, now);
    }
    assert_eq!(throttle.check(&USUAL, now).unwrap_err().by, "name+device");
    assert_eq!(
        throttle.check(&elsewhere("broker02", "10.0.0.1"), now),
        Ok(())
    );
    throttle.succeeded(&USUAL);
    assert_eq!(throttle.check(&USUAL, now), Ok(()));
}

#[test]
fn counts_are_forgotten_after_a_quiet_half_hour() {
    let throttle = Throttle::new();
    let attempt = elsewhere("broker02", "10.0.0.1");
    for _ in 0..5 {
        throttle.failed(&attempt, t0());
    }
    let later = t0() + FORGET_AFTER + Duration::seconds(1);
    assert_eq!(throttle.check(&attempt, later), Ok(()));
    throttle.failed(&attempt, later);
    assert_eq!(
        throttle.check(&attempt, later),
        Ok(()),
        "counting starts again"
    );
}

#[test]
fn made_up_names_are_forgotten_once_quiet_and_a_check_remembers_nothing() {
    let throttle = Throttle::new();
    let made_up = elsewhere("nobody-1", "10.0.0.8");
    throttle.failed(&made_up, t0());
    assert!(throttle.remembers(&made_up));
    let later = t0() + FORGET_AFTER + Duration::seconds(1);
    throttle.failed(&elsewhere("nobody-2", "10.0.0.9"), later);
    assert!(
        !throttle.remembers(&made_up),
        "swept when the next failure came"
    );
    let never = elsewhere("never-failed", "10.0.0.7");
    assert_eq!(throttle.check(&never, later), Ok(()));
    assert!(!throttle.remembers(&never));
}
