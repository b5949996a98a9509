//! Tests of [`DateTime`]: parsing tables, Unix time against a plain
//! day-by-day count, ordering, and serde.

use std::collections::hash_map::DefaultHasher;

use proptest::prelude::*;
use serde::{Deserialize, Serialize};

use super::*;
use crate::wire::decode_json;

fn datetime(text: &str) -> DateTime {
    parse(text).unwrap_or_else(|problem| panic!("{text:?}: {problem:?}"))
}

#[test]
fn parses_rfc3339_date_times() {
    // text, (y, m, d, h, min, s, nanos), offset minutes, display
    type Fields = (u16, u8, u8, u8, u8, u8, u32);
    let cases: &[(&str, Fields, i16, &str)] = &[
        (
            "2026-11-30T12:34:56Z",
            (2026, 11, 30, 12, 34, 56, 0),
            0,
            "2026-11-30T12:34:56Z",
        ),
        (
            "2026-11-30t12:34:56z",
            (2026, 11, 30, 12, 34, 56, 0),
            0,
            "2026-11-30T12:34:56Z",
        ),
        (
            "2026-11-30T12:34:56.123456+01:00",
            (2026, 11, 30, 12, 34, 56, 123_456_000),
            60,
            "2026-11-30T12:34:56.123456+01:00",
        ),
        (
            "2026-11-30T12:34:56.1-05:30",
            (2026, 11, 30, 12, 34, 56, 100_000_000),
            -330,
            "2026-11-30T12:34:56.1-05:30",
        ),
        (
            "2026-11-30T12:34:56.000Z",
            (2026, 11, 30, 12, 34, 56, 0),
            0,
            "2026-11-30T12:34:56.000Z",
        ),
        (
            "2026-11-30T12:34:56.123456789+23:59",
            (2026, 11, 30, 12, 34, 56, 123_456_789),
            1439,
            "2026-11-30T12:34:56.123456789+23:59",
        ),
        (
            "2026-11-30T12:34:56.000000001-23:59",
            (2026, 11, 30, 12, 34, 56, 1),
            -1439,
            "2026-11-30T12:34:56.000000001-23:59",
        ),
        // More than nine digits: truncated, not rounded.
        (
            "2026-11-30T12:34:56.9999999999999Z",
            (2026, 11, 30, 12, 34, 56, 999_999_999),
            0,
            "2026-11-30T12:34:56.999999999Z",
        ),
        (
            "2026-11-30T12:34:56+00:00",
            (2026, 11, 30, 12, 34, 56, 0),
            0,
            "2026-11-30T12:34:56+00:00",
        ),
        (
            "2026-11-30T12:34:56-00:00",
            (2026, 11, 30, 12, 34, 56, 0),
            0,
            "2026-11-30T12:34:56-00:00",
        ),
        (
            "2024-02-29T00:00:00Z",
            (2024, 2, 29, 0, 0, 0, 0),
            0,
            "2024-02-29T00:00:00Z",
        ),
        (
            "2000-02-29T23:59:59Z",
            (2000, 2, 29, 23, 59, 59, 0),
            0,
            "2000-02-29T23:59:59Z",
        ),
        (
            "0001-01-01T00:00:00Z",
            (1, 1, 1, 0, 0, 0, 0),
            0,
            "0001-01-01T00:00:00Z",
        ),
        (
            "9999-12-31T23:59:59.999999999Z",
            (9999, 12, 31, 23, 59, 59, 999_999_999),
            0,
            "9999-12-31T23:59:59.999999999Z",
        ),
        // Leap seconds at 23:59 UTC, in any offset.
        (
            "2016-12-31T23:59:60Z",
            (2016, 12, 31, 23, 59, 60, 0),
            0,
            "2016-12-31T23:59:60Z",
        ),
        (
            "2017-01-01T00:59:60.5+01:00",
            (2017, 1, 1, 0, 59, 60, 500_000_000),
            60,
            "2017-01-01T00:59:60.5+01:00",
        ),
        (
            "2016-12-31T18:29:60-05:30",
            (2016, 12, 31, 18, 29, 60, 0),
            -330,
            "2016-12-31T18:29:60-05:30",
        ),
    ];
    for &(text, (y, m, d, h, min, s, nanos), offset, display) in cases {
        let parsed = datetime(text);
        let date = parsed.date();
        assert_eq!((date.year(), date.month(), date.day()), (y, m, d), "{text}");
        let time = (
            parsed.hour(),
            parsed.minute(),
            parsed.second(),
            parsed.nanosecond(),
        );
        assert_eq!(time, (h, min, s, nanos), "{text}");
        assert_eq!(parsed.offset_minutes(), offset, "{text}");
        assert_eq!(parsed.to_string(), display, "{text}");
        assert_eq!(format!("{parsed:?}"), display, "{text}");
        assert_eq!(
            DateTime::parse(display).map(|x| x.to_string()).as_deref(),
            Some(display)
        );
        assert!(text.parse::<DateTime>().is_ok(), "{text}");
    }
}

#[test]
fn rejects_what_rfc3339_does_not_allow() {
    let cases: &[(&str, Problem)] = &[
        ("", Problem::Shape),
        ("2026-11-30", Problem::Shape),
        ("2026-11-30 12:34:56Z", Problem::Shape),
        ("2026-11-30T12:34Z", Problem::Shape),
        ("2026-11-30T1:34:56Z", Problem::Shape),
        ("2026-1-30T12:34:56Z", Problem::Shape),
        ("+2026-11-30T12:34:56Z", Problem::Shape),
        ("20261130T123456Z", Problem::Shape),
        ("2026-11-30T12:34:56.Z", Problem::Shape),
        ("2026-11-30T12:34:56,5Z", Problem::Shape),
        ("2026-11-30T12:34:56Z ", Problem::Shape),
        ("2026-11-30T12:34:56 Z", Problem::Shape),
        ("2026-11-30T12:34:56UTC", Problem::Shape),
        ("\u{ff12}026-11-30T12:34:56Z", Problem::Shape),
        ("2026-11-30T12:34:5\u{ff16}Z", Problem::Shape),
        ("2026-02-29T00:00:00Z", Problem::Date),
        ("1900-02-29T00:00:00Z", Problem::Date),
        ("2026-04-31T00:00:00Z", Problem::Date),
        ("2026-13-01T00:00:00Z", Problem::Date),
        ("2026-00-01T00:00:00Z", Problem::Date),
        ("0000-01-01T00:00:00Z", Problem::Date),
        ("2026-11-30T24:00:00Z", Problem::Time),
        ("2026-11-30T23:60:00Z", Problem::Time),
        ("2026-11-30T23:59:61Z", Problem::Time),
        ("2026-11-30T99:99:99Z", Problem::Time),
        ("2026-11-30T12:34:60Z", Problem::LeapSecond),
        ("2016-12-31T23:59:60+01:00", Problem::LeapSecond),
        ("2016-12-31T23:58:60Z", Problem::LeapSecond),
        ("2026-11-30T12:34:56", Problem::MissingZone),
        ("2026-11-30T12:34:56.5", Problem::MissingZone),
        ("2026-11-30T12:34:56+24:00", Problem::Offset),
        ("2026-11-30T12:34:56-23:60", Problem::Offset),
        ("2026-11-30T12:34:56+0100", Problem::Offset),
        ("2026-11-30T12:34:56+01", Problem::Offset),
        ("2026-11-30T12:34:56+1:00", Problem::Offset),
        ("2026-11-30T12:34:56+01:00:00", Problem::Offset),
        ("2026-11-30T12:34:56-99:99", Problem::Offset),
        ("2026-11-30T12:34:56+", Problem::Offset),
    ];
    for &(text, problem) in cases {
        assert_eq!(parse(text).err(), Some(problem), "{text:?}");
        assert!(DateTime::parse(text).is_none(), "{text:?}");
        let error = text.parse::<DateTime>().unwrap_err();
        assert!(error.to_string().contains(problem.describe()), "{error}");
    }
}

#[test]
fn unix_time_is_utc() {
    // text, unix_timestamp, unix_timestamp_nanos
    let cases: &[(&str, i64, i128)] = &[
        ("1970-01-01T00:00:00Z", 0, 0),
        ("1970-01-01T01:00:00+01:00", 0, 0),
        ("1969-12-31T19:00:00-05:00", 0, 0),
        ("1969-12-31T23:59:59Z", -1, -1_000_000_000),
        ("1969-12-31T23:59:59.5Z", -1, -500_000_000),
        (
            "2026-11-30T12:34:56.123456+01:00",
            1_796_038_496,
            1_796_038_496_123_456_000,
        ),
        ("2000-02-29T00:00:00Z", 951_782_400, 951_782_400_000_000_000),
        (
            "0001-01-01T00:00:00Z",
            -62_135_596_800,
            -62_135_596_800_000_000_000,
        ),
        (
            "0001-01-01T00:00:00+23:59",
            -62_135_683_140,
            -62_135_683_140_000_000_000,
        ),
        (
            "9999-12-31T23:59:59Z",
            253_402_300_799,
            253_402_300_799_000_000_000,
        ),
        (
            "9999-12-31T00:00:00-23:59",
            253_402_300_740,
            253_402_300_740_000_000_000,
        ),
        // A leap second reads as the last nanosecond before it.
        (
            "2016-12-31T23:59:60Z",
            1_483_228_799,
            1_483_228_799_999_999_999,
        ),
        (
            "2016-12-31T23:59:60.5Z",
            1_483_228_799,
            1_483_228_799_999_999_999,
        ),
        (
            "2017-01-01T00:00:00Z",
            1_483_228_800,
            1_483_228_800_000_000_000,
        ),
    ];
    for &(text, seconds, nanos) in cases {
        let parsed = datetime(text);
        assert_eq!(parsed.unix_timestamp(), seconds, "{text}");
        assert_eq!(parsed.unix_timestamp_nanos(), nanos, "{text}");
        let system = parsed.to_system_time().unwrap();
        let since = match system.duration_since(UNIX_EPOCH) {
            Ok(after) => i128::try_from(after.as_nanos()).unwrap(),
            Err(before) => -i128::try_from(before.duration().as_nanos()).unwrap(),
        };
        assert_eq!(since, nanos, "{text}");
    }
}

#[test]
fn converts_from_unix_and_system_time() {
    let cases: &[(i64, u32, Option<&str>)] = &[
        (0, 0, Some("1970-01-01T00:00:00Z")),
        (-1, 500_000_000, Some("1969-12-31T23:59:59.5Z")),
        (
            1_796_038_496,
            123_456_000,
            Some("2026-11-30T11:34:56.123456Z"),
        ),
        (-62_135_596_800, 0, Some("0001-01-01T00:00:00Z")),
        (-62_135_596_801, 0, None),
        (
            253_402_300_799,
            999_999_999,
            Some("9999-12-31T23:59:59.999999999Z"),
        ),
        (253_402_300_800, 0, None),
        (0, 1_000_000_000, None),
        (i64::MAX, 0, None),
        (i64::MIN, 0, None),
    ];
    for &(seconds, nanos, display) in cases {
        let made = DateTime::from_unix_timestamp(seconds, nanos);
        assert_eq!(
            made.map(|x| x.to_string()).as_deref(),
            display,
            "{seconds}.{nanos}"
        );
    }
    let before_epoch = UNIX_EPOCH - Duration::new(1, 250_000_000);
    let made = DateTime::from_system_time(before_epoch).unwrap();
    assert_eq!(made.to_string(), "1969-12-31T23:59:58.75Z");
    assert_eq!(made.to_system_time(), Some(before_epoch));
    let now = SystemTime::now();
    assert_eq!(
        DateTime::from_system_time(now).unwrap().to_system_time(),
        Some(now)
    );
}

#[test]
fn constructs_valid_date_times_only() {
    let day = Date::new(2016, 12, 31).unwrap();
    // (hour, minute, second, nanosecond, offset), display
    type Parts = (u8, u8, u8, u32, i16);
    let cases: &[(Parts, Option<&str>)] = &[
        ((12, 34, 56, 0, 0), Some("2016-12-31T12:34:56Z")),
        (
            (12, 34, 56, 500_000_000, 60),
            Some("2016-12-31T12:34:56.5+01:00"),
        ),
        (
            (12, 34, 56, 120, -1439),
            Some("2016-12-31T12:34:56.00000012-23:59"),
        ),
        ((23, 59, 60, 0, 0), Some("2016-12-31T23:59:60Z")),
        ((23, 59, 60, 0, 60), None),
        ((24, 0, 0, 0, 0), None),
        ((0, 60, 0, 0, 0), None),
        ((0, 0, 61, 0, 0), None),
        ((0, 0, 0, 1_000_000_000, 0), None),
        ((0, 0, 0, 0, 1440), None),
        ((0, 0, 0, 0, i16::MIN), None),
    ];
    for &((h, m, s, nanos, offset), display) in cases {
        let made = DateTime::new(day, h, m, s, nanos, offset);
        assert_eq!(
            made.map(|x| x.to_string()).as_deref(),
            display,
            "{h}:{m}:{s}.{nanos} {offset}"
        );
    }
}

#[test]
fn moves_between_offsets() {
    let noon = datetime("2026-11-30T12:00:00.250Z");
    let cases: &[(i16, Option<&str>)] = &[
        (0, Some("2026-11-30T12:00:00.250Z")),
        (60, Some("2026-11-30T13:00:00.250+01:00")),
        (-750, Some("2026-11-29T23:30:00.250-12:30")),
        (1439, Some("2026-12-01T11:59:00.250+23:59")),
        (1440, None),
    ];
    for &(offset, display) in cases {
        let moved = noon.to_offset(offset);
        assert_eq!(moved.map(|x| x.to_string()).as_deref(), display, "{offset}");
        if let Some(moved) = moved {
            assert_eq!(moved, noon);
        }
    }
    let leap = datetime("2016-12-31T23:59:60.5Z").to_offset(-60).unwrap();
    assert_eq!(leap.to_string(), "2016-12-31T22:59:60.5-01:00");
    assert_eq!(datetime("0001-01-01T00:30:00+01:00").to_utc(), None);
    assert_eq!(
        datetime("2026-11-30T23:30:00-05:00")
            .to_utc()
            .unwrap()
            .to_string(),
        "2026-12-01T04:30:00Z"
    );
}

#[test]
fn equality_and_order_are_by_instant() {
    let same = [
        "2026-11-30T12:00:00Z",
        "2026-11-30T13:00:00+01:00",
        "2026-11-30T12:00:00+00:00",
        "2026-11-30T12:00:00-00:00",
        "2026-11-30T12:00:00.000000z",
        "2026-11-29T23:01:00-12:59",
    ];
    for text in same {
        assert_eq!(datetime(text), datetime(same[0]), "{text}");
        assert_eq!(hash(datetime(text)), hash(datetime(same[0])), "{text}");
    }
    let ascending = [
        "0001-01-01T00:00:00+23:59",
        "1969-12-31T23:59:59.999999999Z",
        "1970-01-01T00:00:00Z",
        "2016-12-31T23:59:59Z",
        "2016-12-31T23:59:59.999999999Z",
        "2016-12-31T23:59:60Z",
        "2016-12-31T23:59:60.5Z",
        "2017-01-01T00:59:60.7+01:00",
        "2017-01-01T00:00:00Z",
        "2026-11-30T12:00:00.000000001Z",
        "2026-11-30T12:00:00.000000001-00:01",
        "9999-12-31T23:59:59.999999999-23:59",
    ];
    for pair in ascending.windows(2) {
        assert!(datetime(pair[0]) < datetime(pair[1]), "{pair:?}");
        assert_ne!(datetime(pair[0]), datetime(pair[1]), "{pair:?}");
    }
}

fn hash(value: DateTime) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A modern-API item: a required and a nullable date-time.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Item {
    consented_at: DateTime,
    consent_expiration_time: Option<DateTime>,
}

#[test]
fn decodes_and_encodes_json_strings() {
    let json =
        r#"{"consented_at": "2026-11-30t12:34:56.5+01:00", "consent_expiration_time": null}"#;
    let item: Item = serde_json::from_str(json).unwrap();
    assert_eq!(item.consented_at.to_string(), "2026-11-30T12:34:56.5+01:00");
    assert_eq!(item.consent_expiration_time, None);
    let mut de = serde_json::Deserializer::from_str(json);
    let tracked: Item = serde_path_to_error::deserialize(&mut de).unwrap();
    assert_eq!(tracked, item);
    assert_eq!(
        serde_json::to_string(&item).unwrap(),
        r#"{"consented_at":"2026-11-30T12:34:56.5+01:00","consent_expiration_time":null}"#
    );
}

#[test]
fn decode_errors_say_what_was_wrong_without_the_value() {
    let cases: &[(&str, &str)] = &[
        ("2026-11-30T12:34:56", "a date-time without a zone offset"),
        ("2026-02-30T12:34:56Z", "a date that does not exist"),
        ("2026-11-30T12:34:56+24:00", "a zone offset that is not"),
        ("30/11/2026", "text not shaped like"),
    ];
    for &(value, says) in cases {
        let json = format!(r#"{{"consented_at": "{value}", "consent_expiration_time": null}}"#);
        let error = serde_json::from_str::<Item>(&json).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(says), "{message}");
        assert!(message.contains(EXPECTED), "{message}");
        assert!(!message.contains(value), "{message}");
        assert!(!message.contains("2026"), "{message}");
        let mut de = serde_json::Deserializer::from_str(&json);
        let tracked = serde_path_to_error::deserialize::<_, Item>(&mut de).unwrap_err();
        assert_eq!(tracked.path().to_string(), "consented_at");
    }
}

/// Days from 1970-01-01 counted a year and a month at a time: slow and
/// obviously right, to check [`days_from_civil`].
fn naive_days(year: u16, month: u8, day: u8) -> i64 {
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let year_length = |y: i64| if leap(y) { 366 } else { 365 };
    let year = i64::from(year);
    let mut days: i64 = if year >= 1970 {
        (1970..year).map(year_length).sum()
    } else {
        -(year..1970).map(year_length).sum::<i64>()
    };
    let lengths = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    days += lengths[..usize::from(month) - 1].iter().sum::<i64>();
    days + i64::from(day) - 1
}

/// Any date-time, its fraction written with 0 to 10 digits.
fn any_text() -> impl Strategy<Value = String> {
    let date = (1u16..=9999, 1u8..=12, 1u8..=31)
        .prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d));
    let zone = prop_oneof![
        Just("Z".to_owned()),
        Just("-00:00".to_owned()),
        (any::<bool>(), 0u8..=23, 0u8..=59)
            .prop_map(|(east, h, m)| format!("{}{h:02}:{m:02}", if east { '+' } else { '-' })),
    ];
    let fraction = prop_oneof![Just(String::new()), "\\.[0-9]{1,10}"];
    (date, 0u8..24, 0u8..60, 0u8..60, fraction, zone).prop_map(|(date, h, m, s, fraction, zone)| {
        format!("{date}T{h:02}:{m:02}:{s:02}{fraction}{zone}")
    })
}

proptest! {
    #[test]
    fn display_gives_back_what_was_parsed(text in any_text()) {
        let parsed = datetime(&text);
        let shown = parsed.to_string();
        // Only fraction digits past the ninth are lost.
        let fraction_end = text[19..].find(['Z', '+', '-']).map_or(text.len(), |at| at + 19);
        let kept = fraction_end.min(19 + 1 + MAX_FRACTION_DIGITS);
        let expected = format!("{}{}", &text[..kept], &text[fraction_end..]);
        prop_assert_eq!(&shown, &expected);
        let again = datetime(&shown);
        prop_assert_eq!(again.to_string(), shown);
        prop_assert_eq!(again, parsed);
        let json = serde_json::to_string(&parsed).unwrap();
        let decoded: DateTime = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(decoded.to_string(), parsed.to_string());
    }

    #[test]
    fn unix_timestamp_agrees_with_a_plain_day_count(text in any_text()) {
        let parsed = datetime(&text);
        let date = parsed.date();
        let local = naive_days(date.year(), date.month(), date.day()) * 86_400
            + i64::from(parsed.hour()) * 3600
            + i64::from(parsed.minute()) * 60
            + i64::from(parsed.second());
        prop_assert_eq!(parsed.unix_timestamp(), local - i64::from(parsed.offset_minutes()) * 60);
        let nanos = i128::from(parsed.unix_timestamp()) * 1_000_000_000
            + i128::from(parsed.nanosecond());
        prop_assert_eq!(parsed.unix_timestamp_nanos(), nanos);
    }

    #[test]
    fn unix_time_and_offsets_round_trip(text in any_text()) {
        let parsed = datetime(&text);
        if let Some(utc) = DateTime::from_unix_timestamp(parsed.unix_timestamp(), parsed.nanosecond()) {
            prop_assert_eq!(utc, parsed);
            prop_assert_eq!(utc.offset_minutes(), 0);
            let back = utc.to_offset(parsed.offset_minutes()).unwrap();
            prop_assert_eq!(
                (back.date(), back.hour(), back.minute(), back.second(), back.nanosecond()),
                (parsed.date(), parsed.hour(), parsed.minute(), parsed.second(), parsed.nanosecond())
            );
            let system = parsed.to_system_time().unwrap();
            prop_assert_eq!(DateTime::from_system_time(system), Some(utc));
        }
    }

    #[test]
    fn order_agrees_with_unix_nanos(a in any_text(), b in any_text()) {
        let (a, b) = (datetime(&a), datetime(&b));
        prop_assert_eq!(a.cmp(&b), a.unix_timestamp_nanos().cmp(&b.unix_timestamp_nanos()));
        if a == b {
            prop_assert_eq!(hash(a), hash(b));
        }
    }

    #[test]
    fn days_from_civil_inverts(days in FIRST_DAY..=LAST_DAY) {
        let date = civil_from_days(days).unwrap();
        prop_assert_eq!(days_from_civil(i64::from(date.year()), i64::from(date.month()), i64::from(date.day())), days);
        prop_assert_eq!(naive_days(date.year(), date.month(), date.day()), days);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[0-9T:.Zz+-]{0,40}") {
        let _ = DateTime::parse(&text);
    }
}

#[test]
fn plaid_core_decode_errors_keep_the_path_and_drop_the_value() {
    let json = r#"{"consented_at": "2026-11-30T12:34:56+25:00", "consent_expiration_time": null}"#;
    let headers = http::HeaderMap::new();
    let error = decode_json::<Item>(http::StatusCode::OK, &headers, json.into()).unwrap_err();
    assert_eq!(error.decode_path(), Some("consented_at"));
    let message = error.to_string();
    assert!(message.contains(Problem::Offset.describe()), "{message}");
    assert!(
        !message.contains("2026") && !message.contains("25:00"),
        "{message}"
    );
}
