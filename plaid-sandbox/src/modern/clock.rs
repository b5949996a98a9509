//! Time for the modern family: the clock its state reads (injectable, so that a test can
//! expire a public token without waiting 30 minutes) and the RFC 3339 text of an instant.
//!
//! The crate has no date library (it would be a dependency for one function): the civil date
//! of a day count is the classic days-from-civil inverse.

use std::fmt::Debug;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Where the state reads the time.
pub(crate) trait Clock: Send + Sync + Debug {
    /// Now.
    fn now(&self) -> SystemTime;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// Seconds since the Unix epoch (0 before it).
pub(crate) fn unix_seconds(at: SystemTime) -> u64 {
    at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// `at` as RFC 3339 in UTC with a `Z` zone, to the second: `2024-03-01T12:00:00Z`.
pub(crate) fn rfc3339(at: SystemTime) -> String {
    let secs = unix_seconds(at);
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
fn civil(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// A span in minutes.
pub(crate) const fn minutes(n: u64) -> Duration {
    Duration::from_secs(n * 60)
}

#[cfg(test)]
pub(crate) mod manual {
    //! A clock the tests move by hand.

    use std::sync::Mutex;
    use std::time::{Duration, SystemTime};

    use super::Clock;
    use crate::lock::lock;

    /// A clock that stands still until [`Manual::advance`].
    #[derive(Debug)]
    pub(crate) struct Manual(Mutex<SystemTime>);

    impl Manual {
        /// A clock showing `at`.
        pub(crate) fn at(at: SystemTime) -> Manual {
            Manual(Mutex::new(at))
        }

        /// Moves the clock forward.
        pub(crate) fn advance(&self, by: Duration) {
            let mut now = lock(&self.0);
            *now += by;
        }
    }

    impl Clock for Manual {
        fn now(&self) -> SystemTime {
            *lock(&self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn instants_print_as_rfc3339_utc() {
        assert_eq!(rfc3339(at(0)), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(at(951_782_400)), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(at(1_709_294_400 + 3661)), "2024-03-01T13:01:01Z");
        assert_eq!(rfc3339(at(4_102_444_799)), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let clock = manual::Manual::at(at(100));
        assert_eq!(clock.now(), at(100));
        clock.advance(minutes(31));
        assert_eq!(clock.now(), at(100 + 31 * 60));
    }
}
