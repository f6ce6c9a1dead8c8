//! The one place that reads the wall clock.
//!
//! Everything that needs "now" (head office's handlers, its delivery poller, token expiry, the
//! desk's sync engine, agenda and commission month) takes a [`SharedClock`] and asks it. In
//! production that is [`SystemClock`]; tests pin the day with [`ManualClock`] or
//! [`RunningClock`], so a figure like "this month" never depends on the day the suite runs.
//! "Today" is always the firm's day, Asia/Shanghai, whatever zone the machine is set to.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Where "now" comes from.
pub trait Clock: Send + Sync + Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Time since an arbitrary fixed point that only ever moves forward, at real speed, through a
    /// suspend too, and whatever the wall clock is set to: what idle times and cool-downs are
    /// measured in, so neither a sleeping laptop nor a clock set back can stretch them.
    fn monotonic(&self) -> std::time::Duration;

    /// The firm's calendar day (Asia/Shanghai) at this clock's now.
    fn today(&self) -> NaiveDate {
        domain::clock::shanghai_date(self.now())
    }
}

pub type SharedClock = Arc<dyn Clock>;

/// The machine's clock: what the product runs on.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl SystemClock {
    pub fn shared() -> SharedClock {
        Arc::new(SystemClock)
    }
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn monotonic(&self) -> std::time::Duration {
        boot_time()
    }
}

/// CLOCK_BOOTTIME: monotonic and counting a suspend, unlike `Instant` (CLOCK_MONOTONIC) on Linux.
#[cfg(target_os = "linux")]
fn boot_time() -> std::time::Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the struct we own.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_BOOTTIME, &mut ts) } == 0;
    if !ok {
        return process_time();
    }
    std::time::Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

#[cfg(not(target_os = "linux"))]
fn boot_time() -> std::time::Duration {
    process_time()
}

/// Since this process first asked: `Instant`, where the platform offers nothing better.
fn process_time() -> std::time::Duration {
    static ORIGIN: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed()
}

/// A clock that stands still until told to move: for tests that step through time (expiry, a
/// reminder falling due, a month turning).
#[derive(Debug)]
pub struct ManualClock {
    at: Mutex<DateTime<Utc>>,
    /// Where it started: its monotonic time is how far it has been moved since.
    start: DateTime<Utc>,
}

impl ManualClock {
    pub fn at(at: DateTime<Utc>) -> Arc<ManualClock> {
        Arc::new(ManualClock {
            at: Mutex::new(at),
            start: at,
        })
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.guard() = at;
    }

    pub fn advance(&self, by: Duration) {
        let mut at = self.guard();
        *at += by;
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        self.at.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.guard()
    }

    /// Set back before its start, it stands at zero rather than run backwards.
    fn monotonic(&self) -> std::time::Duration {
        (*self.guard() - self.start)
            .to_std()
            .unwrap_or(std::time::Duration::ZERO)
    }
}

/// A clock that starts at a chosen instant and runs at real speed from there: for tests against
/// a live head office, where events must still happen in order (a note after the sign-in, a
/// token issued before it is checked) but the day must be the test's, not the machine's.
/// It measures elapsed time monotonically, so it never reads the date.
#[derive(Debug)]
pub struct RunningClock {
    start: DateTime<Utc>,
    origin: Instant,
}

impl RunningClock {
    pub fn from(start: DateTime<Utc>) -> Arc<RunningClock> {
        Arc::new(RunningClock {
            start,
            origin: Instant::now(),
        })
    }

    /// Starts at a given Shanghai wall time of a given day.
    pub fn on(day: NaiveDate, at: NaiveTime) -> Arc<RunningClock> {
        Self::from(shanghai_instant(day, at))
    }
}

impl Clock for RunningClock {
    fn now(&self) -> DateTime<Utc> {
        let elapsed = Duration::from_std(self.origin.elapsed()).unwrap_or(Duration::zero());
        self.start + elapsed
    }

    fn monotonic(&self) -> std::time::Duration {
        self.origin.elapsed()
    }
}

/// The instant a Shanghai wall time falls on.
pub fn shanghai_instant(day: NaiveDate, at: NaiveTime) -> DateTime<Utc> {
    domain::clock::shanghai_midnight(day) + (at - NaiveTime::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn today_is_the_shanghai_day_even_while_utc_is_still_on_the_last_one() {
        // 23:30 on the last day of a month in Shanghai is 15:30 UTC the same day; 00:30 on the
        // first is still the previous day (and month) in UTC.
        let late = ManualClock::at(shanghai_instant(
            day(2027, 1, 31),
            NaiveTime::from_hms_opt(23, 30, 0).unwrap(),
        ));
        assert_eq!(
            late.now(),
            Utc.with_ymd_and_hms(2027, 1, 31, 15, 30, 0).unwrap()
        );
        assert_eq!(late.today(), day(2027, 1, 31));
        late.advance(Duration::hours(1));
        assert_eq!(late.now().date_naive(), day(2027, 1, 31));
        assert_eq!(late.today(), day(2027, 2, 1));
    }

    #[test]
    fn the_system_clock_counts_forward_monotonically() {
        let a = SystemClock.monotonic();
        let b = SystemClock.monotonic();
        assert!(b >= a);
        assert!(a > std::time::Duration::ZERO);
    }

    #[test]
    fn a_manual_clocks_monotonic_time_is_how_far_it_was_moved() {
        let clock = ManualClock::at(Utc.with_ymd_and_hms(2027, 3, 1, 2, 0, 0).unwrap());
        assert_eq!(clock.monotonic(), std::time::Duration::ZERO);
        clock.advance(Duration::minutes(11));
        assert_eq!(clock.monotonic(), std::time::Duration::from_secs(660));
        clock.advance(Duration::minutes(-30));
        assert_eq!(clock.monotonic(), std::time::Duration::ZERO);
    }

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let at = Utc.with_ymd_and_hms(2028, 2, 29, 2, 0, 0).unwrap();
        let clock = ManualClock::at(at);
        assert_eq!(clock.now(), at);
        assert_eq!(clock.now(), at);
        clock.set(at + Duration::days(1));
        assert_eq!(clock.today(), day(2028, 3, 1));
    }

    #[test]
    fn a_running_clock_starts_where_told_and_never_goes_back() {
        let start = shanghai_instant(day(2026, 12, 31), NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        let clock = RunningClock::from(start);
        let first = clock.now();
        let second = clock.now();
        assert!(first >= start && second >= first);
        assert!(second - start < Duration::hours(1));
        assert_eq!(clock.today(), day(2026, 12, 31));
    }
}
