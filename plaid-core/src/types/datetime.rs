//! [`DateTime`]: an RFC 3339 date-time that keeps the zone offset it was
//! written in.
//!
//! The modern API sends date-times as RFC 3339 strings with a zone
//! (`2026-11-30T12:34:56Z`, `2026-11-30T12:34:56.123456+01:00`). A small
//! type of our own rather than `chrono` or `time`, as with
//! [`Date`]: plaid-core's short dependency tree is a feature, and the API
//! needs only parsing, printing, comparing and Unix time.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::Unexpected;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Date;
use crate::error::Error;

const NANOS_PER_SECOND: u32 = 1_000_000_000;
const SECONDS_PER_DAY: i64 = 86_400;
/// The most fraction digits kept: nanoseconds.
const MAX_FRACTION_DIGITS: usize = 9;
/// Offsets run to ±23:59, as RFC 3339's `time-numoffset` allows.
const MAX_OFFSET_MINUTES: i16 = 23 * 60 + 59;

/// What the decoder expects, without the value it was given.
const EXPECTED: &str = "an RFC 3339 date-time with a zone, such as 1985-04-12T23:20:50.52Z";

/// An RFC 3339 date-time (`2026-11-30T12:34:56.123456+01:00`): a local
/// date and time and the zone offset they were written in.
///
/// - **Parsing** follows RFC 3339 §5.6 `date-time` exactly:
///   `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with `T` and `Z` in either
///   case, years 0001 to 9999, offsets up to ±23:59. The zone is required.
///   The RFC's space separator (§5.6 note) is not accepted.
/// - **Fraction.** Any number of digits is accepted; the first nine
///   (nanoseconds) are kept and the rest are **truncated**, as no clock the
///   API reads has finer ticks. [`Display`](fmt::Display) prints the digits
///   as written, up to nine: `.500` stays `.500`.
/// - **Leap seconds.** Second `60` is accepted where a leap second can
///   occur, at 23:59 UTC (`23:59:60Z`, `00:59:60+01:00`); elsewhere it is an
///   error. Unix time has no leap seconds, so [`unix_timestamp`],
///   [`unix_timestamp_nanos`] and [`to_system_time`] read `23:59:60.x` as
///   23:59:59.999999999. Equality and order still put it after 23:59:59 and
///   before the next midnight.
/// - **Zone kept.** The offset is kept as written: `Z`, `+00:00` and
///   `-00:00` (RFC 3339 §4.3's "UTC, local offset unknown") all mean UTC
///   and each prints as written.
/// - **Equality is by instant**: `12:00:00Z == 13:00:00+01:00`, and
///   [`Ord`] and [`Hash`] agree with it. Compare [`Display`](fmt::Display)
///   output to tell representations apart.
///
/// ```
/// use plaid_core::DateTime;
///
/// let at: DateTime = "2026-11-30T12:34:56.5+01:00".parse()?;
/// assert_eq!(at.unix_timestamp(), 1_796_038_496);
/// assert_eq!((at.hour(), at.offset_minutes()), (12, 60));
/// assert_eq!(at.to_string(), "2026-11-30T12:34:56.5+01:00");
/// assert_eq!(at, "2026-11-30T11:34:56.500Z".parse()?);
/// # Ok::<(), plaid_core::Error>(())
/// ```
///
/// [`unix_timestamp`]: DateTime::unix_timestamp
/// [`unix_timestamp_nanos`]: DateTime::unix_timestamp_nanos
/// [`to_system_time`]: DateTime::to_system_time
#[derive(Clone, Copy)]
pub struct DateTime {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
    fraction_digits: u8,
    zone: Zone,
}

/// How the offset was written, so that printing gives it back.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Zone {
    /// `Z`.
    Utc,
    /// `±HH:MM`, in minutes east of UTC; `+00:00` is `Offset(0)`.
    Offset(i16),
    /// `-00:00`: the time is in UTC and the local offset is unknown.
    UnknownLocal,
}

impl Zone {
    /// The zone `minutes` east of UTC, written `Z` for 0, if within ±23:59.
    fn east(minutes: i16) -> Option<Zone> {
        match minutes {
            0 => Some(Zone::Utc),
            _ if minutes.unsigned_abs() > MAX_OFFSET_MINUTES.unsigned_abs() => None,
            _ => Some(Zone::Offset(minutes)),
        }
    }

    fn minutes(self) -> i16 {
        match self {
            Zone::Offset(minutes) => minutes,
            Zone::Utc | Zone::UnknownLocal => 0,
        }
    }
}

/// Why text is not a [`DateTime`]; never quotes the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Shape,
    Date,
    Time,
    LeapSecond,
    MissingZone,
    Offset,
}

impl Problem {
    fn describe(self) -> &'static str {
        match self {
            Problem::Shape => "text not shaped like YYYY-MM-DDTHH:MM:SS[.fraction] and a zone",
            Problem::Date => "a date that does not exist",
            Problem::Time => "an hour over 23, a minute over 59 or a second over 60",
            Problem::LeapSecond => "a leap second (second 60) not at 23:59 UTC",
            Problem::MissingZone => "a date-time without a zone offset",
            Problem::Offset => "a zone offset that is not ±HH:MM within 23:59",
        }
    }
}

impl DateTime {
    /// The date-time, if valid: `hour` to 23, `minute` to 59, `second` to
    /// 59 (or 60 at 23:59 UTC), `nanosecond` below 10⁹, `offset_minutes`
    /// (east of UTC) within ±23:59. An offset of 0 prints as `Z`; the
    /// fraction prints with as few digits as `nanosecond` needs.
    pub fn new(
        date: Date,
        hour: u8,
        minute: u8,
        second: u8,
        nanosecond: u32,
        offset_minutes: i16,
    ) -> Option<DateTime> {
        if nanosecond >= NANOS_PER_SECOND {
            return None;
        }
        let zone = Zone::east(offset_minutes)?;
        let time = (hour, minute, second, nanosecond);
        DateTime::build(date, time, fraction_digits_for(nanosecond), zone).ok()
    }

    /// The UTC date-time `seconds` after 1970-01-01T00:00:00Z plus
    /// `nanosecond`, if it falls in years 1 to 9999 and `nanosecond` is
    /// below 10⁹. Prints with `Z` and as few fraction digits as needed.
    pub fn from_unix_timestamp(seconds: i64, nanosecond: u32) -> Option<DateTime> {
        if nanosecond >= NANOS_PER_SECOND {
            return None;
        }
        DateTime::from_instant(
            (seconds, nanosecond),
            Zone::Utc,
            fraction_digits_for(nanosecond),
        )
    }

    /// The UTC date-time of `time`, if it falls in years 1 to 9999.
    /// `DateTime::from_system_time(SystemTime::now())` is the current time.
    pub fn from_system_time(time: SystemTime) -> Option<DateTime> {
        let (seconds, nanosecond) = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => (i64::try_from(after.as_secs()).ok()?, after.subsec_nanos()),
            Err(before) => {
                let before = before.duration();
                let seconds = i64::try_from(before.as_secs()).ok()?;
                match before.subsec_nanos() {
                    0 => (-seconds, 0),
                    nanos => (-seconds - 1, NANOS_PER_SECOND - nanos),
                }
            }
        };
        DateTime::from_unix_timestamp(seconds, nanosecond)
    }

    /// Parses RFC 3339 `date-time` text exactly (see [`DateTime`]).
    pub fn parse(text: &str) -> Option<DateTime> {
        parse(text).ok()
    }

    /// The calendar date in the date-time's own offset:
    /// `2026-11-30T23:30:00-05:00` is on 2026-11-30, though in UTC it is
    /// already December.
    pub fn date(self) -> Date {
        self.date
    }

    /// The hour in the date-time's own offset, 0 to 23.
    pub fn hour(self) -> u8 {
        self.hour
    }

    /// The minute, 0 to 59.
    pub fn minute(self) -> u8 {
        self.minute
    }

    /// The second, 0 to 59, or 60 for a leap second.
    pub fn second(self) -> u8 {
        self.second
    }

    /// The fraction of the second in nanoseconds, below 10⁹.
    pub fn nanosecond(self) -> u32 {
        self.nanosecond
    }

    /// The offset from UTC in minutes, east positive: 60 for `+01:00`, -330
    /// for `-05:30`, 0 for `Z`, `+00:00` and `-00:00`.
    pub fn offset_minutes(self) -> i16 {
        self.zone.minutes()
    }

    /// Seconds since 1970-01-01T00:00:00Z (negative before). A leap second
    /// counts as the 23:59:59 before it.
    pub fn unix_timestamp(self) -> i64 {
        self.instant().0
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z (negative before). A leap
    /// second `23:59:60.x` counts as 23:59:59.999999999.
    pub fn unix_timestamp_nanos(self) -> i128 {
        let (seconds, nanos) = self.unix_instant();
        i128::from(seconds) * i128::from(NANOS_PER_SECOND) + i128::from(nanos)
    }

    /// The same instant as a [`SystemTime`], if the platform's can hold it
    /// (some cannot reach back to year 1). A leap second counts as
    /// 23:59:59.999999999.
    pub fn to_system_time(self) -> Option<SystemTime> {
        let (seconds, nanos) = self.unix_instant();
        let whole = Duration::from_secs(seconds.unsigned_abs());
        let second = if seconds >= 0 {
            UNIX_EPOCH.checked_add(whole)?
        } else {
            UNIX_EPOCH.checked_sub(whole)?
        };
        second.checked_add(Duration::from_nanos(u64::from(nanos)))
    }

    /// The same instant written with another offset (minutes east of UTC;
    /// 0 writes `Z`), keeping the fraction digits; `None` if the offset is
    /// beyond ±23:59 or the local date would leave years 1 to 9999.
    pub fn to_offset(self, offset_minutes: i16) -> Option<DateTime> {
        let zone = Zone::east(offset_minutes)?;
        DateTime::from_instant(self.instant(), zone, self.fraction_digits)
    }

    /// The same instant in UTC (`Z`), if that is within years 1 to 9999.
    pub fn to_utc(self) -> Option<DateTime> {
        self.to_offset(0)
    }

    /// Checks the time of day against the zone; the one constructor every
    /// other goes through.
    fn build(
        date: Date,
        (hour, minute, second, nanosecond): (u8, u8, u8, u32),
        fraction_digits: u8,
        zone: Zone,
    ) -> Result<DateTime, Problem> {
        if hour > 23 || minute > 59 || second > 60 {
            return Err(Problem::Time);
        }
        if second == 60 {
            let local_minutes = i32::from(hour) * 60 + i32::from(minute);
            let utc_minutes = (local_minutes - i32::from(zone.minutes())).rem_euclid(24 * 60);
            if utc_minutes != 23 * 60 + 59 {
                return Err(Problem::LeapSecond);
            }
        }
        Ok(DateTime {
            date,
            hour,
            minute,
            second,
            nanosecond,
            fraction_digits,
            zone,
        })
    }

    /// Seconds since the Unix epoch (a leap second as the 23:59:59 before
    /// it) and nanoseconds, which pass 10⁹ in a leap second. Orders every
    /// date-time, leap seconds included.
    fn instant(self) -> (i64, u32) {
        let day = days_from_civil(
            i64::from(self.date.year()),
            i64::from(self.date.month()),
            i64::from(self.date.day()),
        );
        let second_of_day = i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second.min(59));
        let seconds = day * SECONDS_PER_DAY + second_of_day - i64::from(self.zone.minutes()) * 60;
        let leap = if self.second == 60 {
            NANOS_PER_SECOND
        } else {
            0
        };
        (seconds, self.nanosecond + leap)
    }

    /// [`instant`](Self::instant) with a leap second held at the last
    /// nanosecond of the second before it.
    fn unix_instant(self) -> (i64, u32) {
        let (seconds, nanos) = self.instant();
        (seconds, nanos.min(NANOS_PER_SECOND - 1))
    }

    /// The date-time at `instant` (as [`instant`](Self::instant) gives it)
    /// written with `zone`.
    fn from_instant(
        (seconds, nanos): (i64, u32),
        zone: Zone,
        fraction_digits: u8,
    ) -> Option<DateTime> {
        let local = seconds.checked_add(i64::from(zone.minutes()) * 60)?;
        let date = civil_from_days(local.div_euclid(SECONDS_PER_DAY))?;
        let second_of_day = local.rem_euclid(SECONDS_PER_DAY);
        let hour = u8::try_from(second_of_day / 3600).ok()?;
        let minute = u8::try_from(second_of_day / 60 % 60).ok()?;
        let mut second = u8::try_from(second_of_day % 60).ok()?;
        let mut nanosecond = nanos;
        if nanosecond >= NANOS_PER_SECOND {
            second += 1;
            nanosecond -= NANOS_PER_SECOND;
        }
        let time = (hour, minute, second, nanosecond);
        DateTime::build(date, time, fraction_digits, zone).ok()
    }
}

/// Parses RFC 3339 `date-time`, saying what is wrong on failure.
fn parse(text: &str) -> Result<DateTime, Problem> {
    let bytes = text.as_bytes();
    if !shaped(bytes, b"0000-00-00T00:00:00") {
        return Err(Problem::Shape);
    }
    // All ASCII so far, so these slices are on character boundaries.
    let date = text.get(..10).and_then(Date::parse).ok_or(Problem::Date)?;
    let (hour, minute, second) = (
        two_digits(bytes, 11),
        two_digits(bytes, 14),
        two_digits(bytes, 17),
    );

    let mut rest = bytes.get(19..).unwrap_or_default();
    let (mut nanosecond, mut fraction_digits) = (0, 0);
    if let Some(after_point) = rest.strip_prefix(b".") {
        let digits = after_point
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 {
            return Err(Problem::Shape);
        }
        let (fraction, after) = after_point.split_at(digits);
        // The first nine digits, padded with zeros; the rest truncated.
        nanosecond = fraction
            .iter()
            .chain(std::iter::repeat(&b'0'))
            .take(MAX_FRACTION_DIGITS)
            .fold(0u32, |nanos, digit| nanos * 10 + u32::from(digit - b'0'));
        fraction_digits = u8::try_from(digits.min(MAX_FRACTION_DIGITS)).unwrap_or(0);
        rest = after;
    }

    let zone = match rest {
        [] => return Err(Problem::MissingZone),
        [b'Z' | b'z'] => Zone::Utc,
        [sign @ (b'+' | b'-'), offset @ ..] => {
            if !shaped(offset, b"00:00") || offset.len() != 5 {
                return Err(Problem::Offset);
            }
            let (hours, minutes) = (two_digits(offset, 0), two_digits(offset, 3));
            if hours > 23 || minutes > 59 {
                return Err(Problem::Offset);
            }
            match (sign, i16::from(hours) * 60 + i16::from(minutes)) {
                (b'-', 0) => Zone::UnknownLocal,
                (b'-', magnitude) => Zone::Offset(-magnitude),
                (_, magnitude) => Zone::Offset(magnitude),
            }
        }
        _ => return Err(Problem::Shape),
    };
    let time = (hour, minute, second, nanosecond);
    DateTime::build(date, time, fraction_digits, zone)
}

/// Whether `bytes` starts like `pattern`, where `0` is any ASCII digit and
/// `T` either case of it.
fn shaped(bytes: &[u8], pattern: &[u8]) -> bool {
    bytes.len() >= pattern.len()
        && pattern.iter().zip(bytes).all(|(&want, &got)| match want {
            b'0' => got.is_ascii_digit(),
            b'T' => got.eq_ignore_ascii_case(&b'T'),
            _ => got == want,
        })
}

/// The two-digit number at `at`, once [`shaped`] has checked the digits.
fn two_digits(bytes: &[u8], at: usize) -> u8 {
    let digit = |i: usize| bytes.get(i).map_or(0, |b| b.wrapping_sub(b'0'));
    // Saturating so that a caller's mistake is a wrong number, not a panic.
    digit(at).saturating_mul(10).saturating_add(digit(at + 1))
}

/// As few fraction digits as `nanosecond` needs: 0 for whole seconds, 3
/// for 500 ms.
fn fraction_digits_for(nanosecond: u32) -> u8 {
    let mut digits = 9;
    let mut rest = nanosecond;
    while digits > 0 && rest % 10 == 0 {
        rest /= 10;
        digits -= 1;
    }
    digits
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (negative
/// before), by Howard Hinnant's `days_from_civil`: whole 400-year eras,
/// then years counted from March so that the leap day comes last.
const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The first and last days a [`Date`] can hold.
const FIRST_DAY: i64 = days_from_civil(1, 1, 1);
const LAST_DAY: i64 = days_from_civil(9999, 12, 31);

/// The date `days` after 1970-01-01, the inverse of [`days_from_civil`],
/// if it is in years 1 to 9999.
fn civil_from_days(days: i64) -> Option<Date> {
    if !(FIRST_DAY..=LAST_DAY).contains(&days) {
        return None;
    }
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

impl PartialEq for DateTime {
    fn eq(&self, other: &DateTime) -> bool {
        self.instant() == other.instant()
    }
}

impl Eq for DateTime {}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &DateTime) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// By instant, as equality is.
impl Ord for DateTime {
    fn cmp(&self, other: &DateTime) -> Ordering {
        self.instant().cmp(&other.instant())
    }
}

impl Hash for DateTime {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.instant().hash(state);
    }
}

/// RFC 3339 text: the date-time as written, with upper-case `T` and `Z`
/// and at most nine fraction digits.
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date, self.hour, self.minute, self.second
        )?;
        if self.fraction_digits > 0 {
            let dropped = MAX_FRACTION_DIGITS.saturating_sub(usize::from(self.fraction_digits));
            let shown = self.nanosecond / 10u32.pow(u32::try_from(dropped).unwrap_or(0));
            write!(
                f,
                ".{shown:0width$}",
                width = usize::from(self.fraction_digits)
            )?;
        }
        match self.zone {
            Zone::Utc => f.write_str("Z"),
            Zone::UnknownLocal => f.write_str("-00:00"),
            Zone::Offset(minutes) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let magnitude = minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", magnitude / 60, magnitude % 60)
            }
        }
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for DateTime {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse(text).map_err(|problem| {
            Error::invalid_input(format!(
                "a date-time must be {EXPECTED}, not {}",
                problem.describe()
            ))
        })
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<DateTime, E> {
                // Says what was wrong, never the value.
                parse(value).map_err(|problem| {
                    E::invalid_value(Unexpected::Other(problem.describe()), &self)
                })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests;
