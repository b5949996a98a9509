//! Time for the modern family: the clock its state reads (injectable, so that a test can
//! expire a public token without waiting 30 minutes), the RFC 3339 text of an instant, and
//! the calendar days that transactions are dated by.
//!
//! The crate has no date library (it would be a dependency for a few functions): the civil
//! date of a day count is the classic days-from-civil inverse, shared with the legacy bulk
//! data ([`crate::legacy::data::bulk`]). A day is a count of days since 1970-01-01 (UTC).

use std::fmt::Debug;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::legacy::data::bulk::{civil_from_days, days_from_civil};

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

/// The day (days since 1970-01-01, UTC) of an instant.
pub(crate) fn day_of(at: SystemTime) -> i64 {
    i64::try_from(unix_seconds(at) / 86_400).unwrap_or(i64::MAX)
}

/// A day as `YYYY-MM-DD`.
pub(crate) fn date(day: i64) -> String {
    let (year, month, dom) = civil_from_days(day);
    format!("{year:04}-{month:02}-{dom:02}")
}

/// An instant of a day, `seconds` after its midnight, as RFC 3339 in UTC.
pub(crate) fn datetime(day: i64, seconds: u32) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        date(day),
        seconds / 3600 % 24,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Parses a `YYYY-MM-DD` date into its day; `None` unless it is a real calendar date.
pub(crate) fn parse_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, dom) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let day = days_from_civil(year, month, dom);
    (civil_from_days(day) == (year, month, dom)).then_some(day)
}

/// The `(year, month, day of month)` of a day.
pub(crate) fn civil_of(day: i64) -> (i64, i64, i64) {
    civil_from_days(day)
}

/// Whether `day` is the last day of its month.
pub(crate) fn is_month_end(day: i64) -> bool {
    civil_from_days(day + 1).2 == 1
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
    fn days_print_and_parse_as_calendar_dates() {
        let leap = parse_date("2024-02-29").unwrap();
        assert_eq!(date(leap), "2024-02-29");
        assert_eq!(date(leap + 1), "2024-03-01");
        assert!(is_month_end(leap) && !is_month_end(leap - 1));
        assert_eq!(civil_of(leap), (2024, 2, 29));
        assert_eq!(day_of(at(1_709_294_400 + 3661)), leap + 1);
        assert_eq!(datetime(leap, 3661), "2024-02-29T01:01:01Z");
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "2024/01/01",
            "+024-01-01",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let clock = manual::Manual::at(at(100));
        assert_eq!(clock.now(), at(100));
        clock.advance(minutes(31));
        assert_eq!(clock.now(), at(100 + 31 * 60));
    }
}
