//! Sign-in throttling that cannot be turned against the user it protects.
//!
//! A hard lockout per user name let anyone who guessed a name keep its broker out every morning.
//! Instead, failures are counted per (name, source address) and per source, and past a few free
//! tries each further try must wait twice as long as the last, up to `MAX_DELAY`. Failures from
//! elsewhere never touch a sign-in from the broker's usual device (one that has held a session of
//! the user): its own failures are counted per (name, device) and nothing else counts against it.
//! Tries from new devices also share a per-name count with a higher allowance, so many machines
//! together cannot guess one password at network speed either.
//!
//! Only refusals are remembered, in the database every replica shares (a guesser gains nothing by
//! spreading tries across replicas); a count quiet for half an hour is forgotten.

use chrono::{DateTime, Duration, Utc};
use head_office_storage::shared::{FailureCount, SharedSessions};
use std::net::IpAddr;

/// Past this, every wait is the same: long enough to make guessing useless, short enough that a
/// broker who mistyped is not sent to head-office IT.
pub const MAX_DELAY: Duration = Duration::minutes(5);
/// A count with no failure for this long starts again from nothing.
const FORGET_AFTER: Duration = Duration::minutes(30);

/// Where a sign-in comes from, as far as throttling is concerned.
pub enum Attempt<'a> {
    /// The user's usual device: a device id that has held a session of this user.
    UsualDevice { username: &'a str, device: &'a str },
    /// Any other device, from `source` (unknown when the server cannot tell).
    Elsewhere {
        username: &'a str,
        source: Option<IpAddr>,
    },
}

/// What a throttled try is told and what the operation log records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Throttled {
    pub wait_secs: u64,
    /// Which count refused it, for the log: `name+device`, `name+source`, `source` or `name`.
    pub by: &'static str,
    /// The first refusal since the last failure of that count: the one worth a log line.
    pub first: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    NameDevice(String, String),
    NameSource(String, Option<IpAddr>),
    Source(IpAddr),
    Name(String),
}

impl Key {
    /// Failures allowed before the first wait.
    fn free_tries(&self) -> u32 {
        match self {
            Key::NameDevice(..) | Key::NameSource(..) => 5,
            // A branch behind one address has many brokers who mistype.
            Key::Source(_) => 30,
            Key::Name(_) => 20,
        }
    }

    /// How the count is filed in the database.
    fn stored(&self) -> String {
        let source = |s: &Option<IpAddr>| s.map_or("-".to_string(), |ip| ip.to_string());
        match self {
            Key::NameDevice(name, device) => format!("name+device\u{1f}{name}\u{1f}{device}"),
            Key::NameSource(name, ip) => format!("name+source\u{1f}{name}\u{1f}{}", source(ip)),
            Key::Source(ip) => format!("source\u{1f}{ip}"),
            Key::Name(name) => format!("name\u{1f}{name}"),
        }
    }

    fn label(&self) -> &'static str {
        match self {
            Key::NameDevice(..) => "name+device",
            Key::NameSource(..) => "name+source",
            Key::Source(_) => "source",
            Key::Name(_) => "name",
        }
    }
}

fn wait(count: &FailureCount, free: u32, now: DateTime<Utc>) -> Duration {
    if count.failures < free {
        return Duration::zero();
    }
    let doublings = (count.failures - free).min(16);
    let delay = (Duration::seconds(1) * 2i32.pow(doublings)).min(MAX_DELAY);
    delay - (now - count.last_failure)
}

/// The counts a try is judged by.
pub fn keys(attempt: &Attempt<'_>) -> Vec<Key> {
    match attempt {
        Attempt::UsualDevice { username, device } => {
            vec![Key::NameDevice(username.to_string(), device.to_string())]
        }
        Attempt::Elsewhere { username, source } => {
            let mut keys = vec![
                Key::NameSource(username.to_string(), *source),
                Key::Name(username.to_string()),
            ];
            keys.extend(source.map(Key::Source));
            keys
        }
    }
}

fn stored(keys: &[Key]) -> Vec<String> {
    keys.iter().map(Key::stored).collect()
}

/// Whether a try under `keys` may go ahead now; a refusal says how long to wait.
pub fn check<S: SharedSessions + ?Sized>(
    store: &S,
    keys: &[Key],
    now: DateTime<Utc>,
) -> head_office_storage::Result<Result<(), Throttled>> {
    let counts = store.failure_counts(&stored(keys))?;
    let mut worst: Option<(Duration, &Key, &FailureCount)> = None;
    for key in keys {
        let Some((_, count)) = counts.iter().find(|(k, _)| *k == key.stored()) else {
            continue;
        };
        let wait = wait(count, key.free_tries(), now);
        if wait > Duration::zero() && worst.as_ref().is_none_or(|(w, _, _)| wait > *w) {
            worst = Some((wait, key, count));
        }
    }
    let Some((wait, key, count)) = worst else {
        return Ok(Ok(()));
    };
    // Written once per wait, not per refused try: a flood of them stays a flood of reads.
    let first = !count.reported && store.mark_reported(&key.stored())?;
    Ok(Err(Throttled {
        wait_secs: (wait.num_milliseconds().max(0) as u64)
            .div_ceil(1000)
            .max(1),
        by: key.label(),
        first,
    }))
}

pub fn failed<S: SharedSessions + ?Sized>(
    store: &S,
    keys: &[Key],
    now: DateTime<Utc>,
) -> head_office_storage::Result<()> {
    store.record_failure(&stored(keys), now, FORGET_AFTER)
}

/// The right password: this user's own counts start again. The per-source and per-name counts
/// stay, or an attacker who knows one password could reset them for every other.
pub fn succeeded<S: SharedSessions + ?Sized>(
    store: &S,
    keys: &[Key],
) -> head_office_storage::Result<()> {
    let own: Vec<Key> = keys
        .iter()
        .filter(|k| matches!(k, Key::NameDevice(..) | Key::NameSource(..)))
        .cloned()
        .collect();
    store.clear_failures(&stored(&own))
}

#[cfg(test)]
#[path = "throttle_tests.rs"]
mod tests;
