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
//! Only refusals are remembered, in memory: a restart forgets them, which errs on the user's side.

use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Past this, every wait is the same: long enough to make guessing useless, short enough that a
/// broker who mistyped is not sent to head-office IT.
pub const MAX_DELAY: Duration = Duration::minutes(5);
/// A count with no failure for this long starts again from nothing.
const FORGET_AFTER: Duration = Duration::minutes(30);
/// Keys remembered at most; past it the longest quiet are dropped first.
const MAX_TRACKED_KEYS: usize = 50_000;

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

#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
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

    fn label(&self) -> &'static str {
        match self {
            Key::NameDevice(..) => "name+device",
            Key::NameSource(..) => "name+source",
            Key::Source(_) => "source",
            Key::Name(_) => "name",
        }
    }
}

struct Count {
    failures: u32,
    last_failure: DateTime<Utc>,
    reported: bool,
}

impl Count {
    fn wait(&self, free: u32, now: DateTime<Utc>) -> Duration {
        if self.failures < free {
            return Duration::zero();
        }
        let doublings = (self.failures - free).min(16);
        let delay = (Duration::seconds(1) * 2i32.pow(doublings)).min(MAX_DELAY);
        delay - (now - self.last_failure)
    }
}

fn keys(attempt: &Attempt<'_>) -> Vec<Key> {
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

#[derive(Default)]
pub struct SignInThrottle {
    counts: Mutex<HashMap<Key, Count>>,
}

impl SignInThrottle {
    /// Whether this try may go ahead now; a refusal says how long to wait.
    pub fn check(&self, attempt: &Attempt<'_>, now: DateTime<Utc>) -> Result<(), Throttled> {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let mut worst: Option<(Duration, Key)> = None;
        for key in keys(attempt) {
            let Some(count) = counts.get(&key) else {
                continue;
            };
            let wait = count.wait(key.free_tries(), now);
            if wait > Duration::zero() && worst.as_ref().is_none_or(|(w, _)| wait > *w) {
                worst = Some((wait, key));
            }
        }
        let Some((wait, key)) = worst else {
            return Ok(());
        };
        let first = counts
            .get_mut(&key)
            .is_some_and(|c| !std::mem::replace(&mut c.reported, true));
        Err(Throttled {
            wait_secs: (wait.num_milliseconds().max(0) as u64)
                .div_ceil(1000)
                .max(1),
            by: key.label(),
            first,
        })
    }

    pub fn failed(&self, attempt: &Attempt<'_>, now: DateTime<Utc>) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        for key in keys(attempt) {
            if counts.len() >= MAX_TRACKED_KEYS && !counts.contains_key(&key) {
                make_room(&mut counts, now);
            }
            let count = counts.entry(key).or_insert(Count {
                failures: 0,
                last_failure: now,
                reported: false,
            });
            if now - count.last_failure > FORGET_AFTER {
                count.failures = 0;
            }
            count.failures = count.failures.saturating_add(1);
            count.last_failure = now;
            count.reported = false;
        }
    }

    /// The right password: this user's own counts start again. The per-source and per-name
    /// counts stay, or an attacker who knows one password could reset them for every other.
    pub fn succeeded(&self, attempt: &Attempt<'_>) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        for key in keys(attempt) {
            if matches!(key, Key::NameDevice(..) | Key::NameSource(..)) {
                counts.remove(&key);
            }
        }
    }

    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.counts.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// Forgets counts past their quiet half hour, then the quietest tenth: one sort per tenth of the
/// table, not a scan per new key, so a flood of made-up names stays cheap.
fn make_room(counts: &mut HashMap<Key, Count>, now: DateTime<Utc>) {
    counts.retain(|_, c| now - c.last_failure <= FORGET_AFTER);
    if counts.len() < MAX_TRACKED_KEYS {
        return;
    }
    let mut by_age: Vec<(DateTime<Utc>, Key)> = counts
        .iter()
        .map(|(k, c)| (c.last_failure, k.clone()))
        .collect();
    by_age.sort_by_key(|(t, _)| *t);
    for (_, key) in by_age.into_iter().take(MAX_TRACKED_KEYS / 10) {
        counts.remove(&key);
    }
}

#[cfg(test)]
#[path = "throttle_tests.rs"]
mod tests;
