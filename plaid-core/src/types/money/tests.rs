//! Tests of [`Amount`]: parsing tables, arithmetic, and serde through every
//! serde_json entry point plaid-core or its users may take.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;

use proptest::prelude::*;
use serde::{Deserialize, Serialize};

use super::*;
use crate::wire::decode_json;

fn amount(text: &str) -> Amount {
    Amount::parse(text).unwrap_or_else(|problem| panic!("{text:?}: {problem:?}"))
}

#[test]
fn parses_json_numbers_exactly() {
    // text, mantissa, scale, display
    let cases: &[(&str, i64, u32, &str)] = &[
        ("0", 0, 0, "0"),
        ("-0", 0, 0, "0"),
        ("-0.00", 0, 2, "0.00"),
        ("0.0e5", 0, 0, "0"),
        ("0e999999999999999999999", 0, 0, "0"),
        ("0e-999999999999999999999", 0, 18, "0.000000000000000000"),
        ("1274.93", 127493, 2, "1274.93"),
        ("-1274.93", -127493, 2, "-1274.93"),
        ("12.50", 1250, 2, "12.50"),
        ("0.1", 1, 1, "0.1"),
        ("-0.05", -5, 2, "-0.05"),
        ("1e3", 1000, 0, "1000"),
        ("1E+3", 1000, 0, "1000"),
        ("-1e0", -1, 0, "-1"),
        ("1.5E-2", 15, 3, "0.015"),
        ("1.50e1", 150, 1, "15.0"),
        ("1.5e1", 15, 0, "15"),
        ("1.25e1", 125, 1, "12.5"),
        ("1e18", 1_000_000_000_000_000_000, 0, "1000000000000000000"),
        ("1e-18", 1, 18, "0.000000000000000001"),
        ("0.000000000000000001", 1, 18, "0.000000000000000001"),
        ("100e-20", 1, 18, "0.000000000000000001"),
        ("9223372036854775807", i64::MAX, 0, "9223372036854775807"),
        ("-9223372036854775807", -i64::MAX, 0, "-9223372036854775807"),
        ("9.223372036854775807", i64::MAX, 18, "9.223372036854775807"),
        ("922337203685477580.7e1", i64::MAX, 0, "9223372036854775807"),
        (
            "123456789012345678.9",
            1_234_567_890_123_456_789,
            1,
            "123456789012345678.9",
        ),
        // Trailing zeros dropped only as far as needed to fit.
        (
            "1.0000000000000000000000",
            1_000_000_000_000_000_000,
            18,
            "1.000000000000000000",
        ),
        (
            "10.000000000000000000",
            1_000_000_000_000_000_000,
            17,
            "10.00000000000000000",
        ),
        (
            "9223372036854775807.000",
            i64::MAX,
            0,
            "9223372036854775807",
        ),
    ];
    for &(text, mantissa, scale, display) in cases {
        let parsed = amount(text);
        assert_eq!(
            (parsed.mantissa(), parsed.scale()),
            (mantissa, scale),
            "{text}"
        );
        assert_eq!(parsed.to_string(), display, "{text}");
        assert_eq!(format!("{parsed:?}"), display, "{text}");
        assert_eq!(text.parse::<Amount>().ok(), Some(parsed), "{text}");
    }
}

#[test]
fn rejects_what_is_not_an_exact_amount() {
    let cases: &[(&str, Problem)] = &[
        ("", Problem::Syntax),
        ("-", Problem::Syntax),
        ("+1", Problem::Syntax),
        (".5", Problem::Syntax),
        ("5.", Problem::Syntax),
        ("01", Problem::Syntax),
        ("-01", Problem::Syntax),
        ("00.5", Problem::Syntax),
        ("1e", Problem::Syntax),
        ("1e+", Problem::Syntax),
        ("1.e3", Problem::Syntax),
        ("1e3.5", Problem::Syntax),
        ("--1", Problem::Syntax),
        (" 1", Problem::Syntax),
        ("1 ", Problem::Syntax),
        ("1_000", Problem::Syntax),
        ("1,5", Problem::Syntax),
        ("0x10", Problem::Syntax),
        ("NaN", Problem::Syntax),
        ("Infinity", Problem::Syntax),
        ("\"1\"", Problem::Syntax),
        ("\u{661}", Problem::Syntax),
        ("9223372036854775808", Problem::TooLarge),
        ("-9223372036854775808", Problem::TooLarge),
        ("99999999999999999999", Problem::TooLarge),
        ("1e19", Problem::TooLarge),
        ("-1e19", Problem::TooLarge),
        ("1e999999999999999999999", Problem::TooLarge),
        ("12345678901234567890.5", Problem::TooLarge),
        ("1e-19", Problem::TooPrecise),
        ("0.0000000000000000001", Problem::TooPrecise),
        ("1.2345678901234567891", Problem::TooPrecise),
        ("123.45678901234567891", Problem::TooPrecise),
        ("1e-999999999999999999999", Problem::TooPrecise),
    ];
    for &(text, problem) in cases {
        assert_eq!(Amount::parse(text).err(), Some(problem), "{text:?}");
        let error = text.parse::<Amount>().unwrap_err();
        assert!(error.to_string().contains(problem.describe()), "{error}");
    }
}

#[test]
fn constructs_from_minor_units() {
    let cases: &[(i64, u32, Option<&str>)] = &[
        (127493, 2, Some("1274.93")),
        (-5, 2, Some("-0.05")),
        (5, 0, Some("5")),
        (0, 18, Some("0.000000000000000000")),
        (i64::MAX, 18, Some("9.223372036854775807")),
        (-i64::MAX, 0, Some("-9223372036854775807")),
        (i64::MIN, 0, None),
        (1, 19, None),
        (1, u32::MAX, None),
    ];
    for &(units, decimals, display) in cases {
        let made = Amount::from_minor_units(units, decimals);
        assert_eq!(
            made.map(|a| a.to_string()).as_deref(),
            display,
            "{units}e-{decimals}"
        );
    }
    assert_eq!(Amount::ZERO, amount("0.00"));
    assert_eq!(Amount::default(), Amount::ZERO);
}

#[test]
fn compares_by_value_not_by_digits() {
    let cases: &[(&str, &str, Ordering)] = &[
        ("12.5", "12.50", Ordering::Equal),
        ("-0", "0.000", Ordering::Equal),
        ("0.1", "0.10000", Ordering::Equal),
        ("1e3", "1000.0", Ordering::Equal),
        ("-1", "1", Ordering::Less),
        ("1.01", "1.1", Ordering::Less),
        ("-1.01", "-1.1", Ordering::Greater),
        (
            "9223372036854775807",
            "9.223372036854775807",
            Ordering::Greater,
        ),
        (
            "-9223372036854775807",
            "0.000000000000000001",
            Ordering::Less,
        ),
        ("0.000000000000000001", "0", Ordering::Greater),
        (
            "9223372036854775807",
            "922337203685477580.6",
            Ordering::Greater,
        ),
    ];
    for &(a, b, order) in cases {
        assert_eq!(amount(a).cmp(&amount(b)), order, "{a} vs {b}");
        assert_eq!(amount(b).cmp(&amount(a)), order.reverse(), "{b} vs {a}");
        assert_eq!(
            amount(a) == amount(b),
            order == Ordering::Equal,
            "{a} vs {b}"
        );
        if order == Ordering::Equal {
            assert_eq!(hash(amount(a)), hash(amount(b)), "{a} vs {b}");
        }
    }
    let twelve_and_a_half = amount("12.50");
    assert_eq!(
        (
            twelve_and_a_half.mantissa(),
            twelve_and_a_half.normalized().mantissa()
        ),
        (1250, 125)
    );
}

fn hash(amount: Amount) -> u64 {
    let mut hasher = DefaultHasher::new();
    amount.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn minor_units_are_exact_or_none() {
    let cases: &[(&str, u32, Option<i64>)] = &[
        ("12.5", 2, Some(1250)),
        ("12.5", 1, Some(125)),
        ("12.5", 0, None),
        ("12.50", 1, Some(125)),
        ("12.50", 0, None),
        ("1200", 0, Some(1200)),
        ("-1.23", 2, Some(-123)),
        ("0.00", 0, Some(0)),
        ("0", 30, Some(0)),
        ("1", 18, Some(1_000_000_000_000_000_000)),
        ("1", 19, None),
        ("0.01", 20, Some(1_000_000_000_000_000_000)),
        ("1.000000000000000000", 0, Some(1)),
        ("9223372036854775807", 0, Some(i64::MAX)),
        ("9223372036854775807", 1, None),
        ("-9223372036854775807", 0, Some(-i64::MAX)),
        ("0.000000000000000001", 17, None),
    ];
    for &(text, decimals, units) in cases {
        assert_eq!(
            amount(text).minor_units(decimals),
            units,
            "{text} at {decimals}"
        );
    }
}

#[test]
fn adds_and_subtracts_exactly_or_not_at_all() {
    // a, b, a + b, a - b
    let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        ("1.5", "0.25", Some("1.75"), Some("1.25")),
        ("0.1", "0.2", Some("0.3"), Some("-0.1")),
        ("1.00", "1", Some("2.00"), Some("0.00")),
        (
            "9223372036854775807",
            "1",
            None,
            Some("9223372036854775806"),
        ),
        (
            "-9223372036854775807",
            "1",
            Some("-9223372036854775806"),
            None,
        ),
        (
            "1",
            "0.000000000000000001",
            Some("1.000000000000000001"),
            Some("0.999999999999999999"),
        ),
        ("10", "0.000000000000000001", None, None),
        // The exact result fits once the zero decimal is dropped.
        (
            "9000000000000000000",
            "0.0",
            Some("9000000000000000000"),
            Some("9000000000000000000"),
        ),
    ];
    for &(a, b, sum, difference) in cases {
        let (a_, b_) = (amount(a), amount(b));
        let text = |x: Option<Amount>| x.map(|x| x.to_string());
        assert_eq!(text(a_.checked_add(b_)).as_deref(), sum, "{a} + {b}");
        assert_eq!(text(b_.checked_add(a_)).as_deref(), sum, "{b} + {a}");
        assert_eq!(text(a_.checked_sub(b_)).as_deref(), difference, "{a} - {b}");
    }
    assert_eq!(
        amount("0.1").checked_add(amount("0.2")),
        Some(amount("0.3"))
    );
}

#[test]
fn signs_and_magnitudes() {
    let cases: &[(&str, bool, bool, &str, &str)] = &[
        // text, is_negative, is_zero, abs, neg
        ("-12.50", true, false, "12.50", "12.50"),
        ("12.50", false, false, "12.50", "-12.50"),
        ("-0.00", false, true, "0.00", "0.00"),
        (
            "-9223372036854775807",
            true,
            false,
            "9223372036854775807",
            "9223372036854775807",
        ),
    ];
    for &(text, negative, zero, abs, neg) in cases {
        let x = amount(text);
        assert_eq!((x.is_negative(), x.is_zero()), (negative, zero), "{text}");
        assert_eq!(x.abs().to_string(), abs, "{text}");
        assert_eq!((-x).to_string(), neg, "{text}");
    }
}

#[test]
fn to_f64_is_the_nearest_double() {
    for text in [
        "1274.93",
        "0.1",
        "-0.05",
        "9223372036854775807",
        "9.223372036854775807",
        "123456789012345678.9",
        "0.000000000000000001",
        "9007199254740993",
    ] {
        assert_eq!(
            amount(text).to_f64(),
            text.parse::<f64>().unwrap(),
            "{text}"
        );
    }
}

/// A modern-API balance: required but nullable amounts.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Balances {
    available: Option<Amount>,
    current: Option<Amount>,
    limit: Option<Amount>,
}

#[derive(Debug, Deserialize)]
struct Account {
    #[allow(dead_code)]
    balances: Balances,
}

const BALANCES: &str = r#"{"available": 1274.93, "current": null, "limit": -0.50}"#;

fn expected_balances() -> Balances {
    Balances {
        available: Some(amount("1274.93")),
        current: None,
        limit: Some(amount("-0.50")),
    }
}

#[test]
fn decodes_through_every_serde_json_entry_point() {
    let expected = expected_balances();
    let from_str: Balances = serde_json::from_str(BALANCES).unwrap();
    let from_slice: Balances = serde_json::from_slice(BALANCES.as_bytes()).unwrap();
    let from_reader: Balances = serde_json::from_reader(BALANCES.as_bytes()).unwrap();
    let mut de = serde_json::Deserializer::from_str(BALANCES);
    let tracked: Balances = serde_path_to_error::deserialize(&mut de).unwrap();
    let mut de = serde_json::Deserializer::from_reader(BALANCES.as_bytes());
    let tracked_reader: Balances = serde_path_to_error::deserialize(&mut de).unwrap();
    for decoded in [from_str, from_slice, from_reader, tracked, tracked_reader] {
        assert_eq!(decoded, expected);
        // The written scale survives: -0.50, not -0.5.
        assert_eq!(decoded.limit.map(Amount::scale), Some(2));
    }
    // A `Value` holds an f64; its shortest text is the decimal sent.
    let value: serde_json::Value = serde_json::from_str(BALANCES).unwrap();
    let from_value: Balances = serde_json::from_value(value).unwrap();
    assert_eq!(from_value, expected);

    let many: Vec<Amount> = serde_json::from_str("[1, 2.50, -3e2, 0.1]").unwrap();
    let shown: Vec<String> = many.iter().map(Amount::to_string).collect();
    assert_eq!(shown, ["1", "2.50", "-300", "0.1"]);
}

#[test]
fn decodes_digits_an_f64_would_round() {
    let text = "9007199254740993.01";
    let exact: Amount = serde_json::from_str(text).unwrap();
    assert_eq!((exact.mantissa(), exact.scale()), (900719925474099301, 2));
    assert_eq!(serde_json::to_string(&exact).unwrap(), text);
}

#[test]
fn encodes_as_a_json_number_with_its_scale() {
    let json = serde_json::to_string(&expected_balances()).unwrap();
    assert_eq!(
        json,
        r#"{"available":1274.93,"current":null,"limit":-0.50}"#
    );
    assert_eq!(serde_json::to_string(&amount("1e3")).unwrap(), "1000");
    assert_eq!(serde_json::to_string(&amount("-0")).unwrap(), "0");
    let pretty = serde_json::to_string_pretty(&vec![amount("12.50")]).unwrap();
    assert_eq!(pretty, "[\n  12.50\n]");
}

#[test]
fn decode_errors_say_what_was_wrong_without_the_value() {
    // json, what the message must say
    let cases: &[(&str, &str)] = &[
        (
            r#"{"available": "1274.93", "current": null, "limit": null}"#,
            "invalid type: string, expected a JSON number",
        ),
        (
            r#"{"available": true, "current": null, "limit": null}"#,
            "invalid type: boolean, expected",
        ),
        (
            r#"{"available": {"v": 1274.93}, "current": null, "limit": null}"#,
            "invalid type: map, expected",
        ),
        (
            r#"{"available": [1274.93], "current": null, "limit": null}"#,
            "invalid type: sequence, expected",
        ),
        (
            r#"{"available": 1274.9300000000000000001, "current": null, "limit": null}"#,
            "invalid value: a number with more decimal places than fit, expected",
        ),
        (
            r#"{"available": 12749300000000000000000, "current": null, "limit": null}"#,
            "invalid value: a number too large for 64-bit digits, expected",
        ),
    ];
    for &(json, says) in cases {
        let error = serde_json::from_str::<Balances>(json).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(says), "{message}");
        assert!(!message.contains("1274"), "{message}");
        let mut de = serde_json::Deserializer::from_str(json);
        let tracked = serde_path_to_error::deserialize::<_, Balances>(&mut de).unwrap_err();
        assert_eq!(tracked.path().to_string(), "available", "{json}");
        assert!(tracked.inner().to_string().contains(says), "{json}");
    }
    // A bare amount is not nullable.
    let error = serde_json::from_str::<Amount>("null").unwrap_err();
    assert!(error.to_string().contains("invalid type: null"), "{error}");
    // The path reaches into nested values.
    let json = r#"{"balances": {"available": 1, "current": 1e-30, "limit": null}}"#;
    let mut de = serde_json::Deserializer::from_str(json);
    let tracked = serde_path_to_error::deserialize::<_, Account>(&mut de).unwrap_err();
    assert_eq!(tracked.path().to_string(), "balances.current");
}

/// Any amount, with small mantissas and short scales common.
fn any_amount() -> impl Strategy<Value = Amount> {
    let mantissa = prop_oneof![-i64::MAX..=i64::MAX, -100_000i64..100_000];
    (mantissa, 0u32..=MAX_SCALE).prop_map(|(m, s)| Amount::from_minor_units(m, s).unwrap())
}

fn same_digits(a: Amount, b: Amount) -> bool {
    (a.mantissa(), a.scale()) == (b.mantissa(), b.scale())
}

proptest! {
    #[test]
    fn display_parses_back_to_the_same_digits(x in any_amount()) {
        let text = x.to_string();
        let back: Amount = text.parse().unwrap();
        prop_assert!(same_digits(back, x), "{} -> {:?}", text, back);
        prop_assert!(!text.contains(['e', 'E']));
    }

    #[test]
    fn json_round_trip_keeps_the_digits(x in any_amount()) {
        let json = serde_json::to_string(&x).unwrap();
        let back: Amount = serde_json::from_str(&json).unwrap();
        prop_assert!(same_digits(back, x), "{} -> {:?}", json, back);
        let mut de = serde_json::Deserializer::from_str(&json);
        let tracked: Amount = serde_path_to_error::deserialize(&mut de).unwrap();
        prop_assert!(same_digits(tracked, x));
    }

    #[test]
    fn exponent_forms_are_the_same_value(x in any_amount(), shift in 0i64..5) {
        // m × 10^-s written as (m × 10^shift)e-(s + shift) and as me-s.
        let scientific = format!("{}e-{}", x.mantissa(), x.scale());
        prop_assert_eq!(amount(&scientific), x);
        if let Some(wider) = x.mantissa().checked_mul(10i64.pow(shift as u32)) {
            let text = format!("{}E-{}", wider, i64::from(x.scale()) + shift);
            if let Ok(parsed) = Amount::parse(&text) {
                prop_assert_eq!(parsed, x);
            } else {
                prop_assert!(x.scale() + shift as u32 > MAX_SCALE);
            }
        }
    }

    #[test]
    fn minor_units_match_integer_arithmetic(x in any_amount(), decimals in 0u32..=24) {
        let m = i128::from(x.mantissa());
        let s = x.scale();
        let expected = if decimals >= s {
            10i128
                .checked_pow(decimals - s)
                .and_then(|f| m.checked_mul(f))
                .and_then(|v| i64::try_from(v).ok())
        } else {
            let divisor = 10i128.pow(s - decimals);
            (m % divisor == 0).then(|| i64::try_from(m / divisor).unwrap())
        };
        prop_assert_eq!(x.minor_units(decimals), expected);
    }

    #[test]
    fn order_agrees_with_exact_subtraction(a in any_amount(), b in any_amount()) {
        if let Some(difference) = a.checked_sub(b) {
            prop_assert_eq!(a.cmp(&b), difference.mantissa().cmp(&0));
            prop_assert_eq!(difference.checked_add(b), Some(a));
        }
        prop_assert_eq!(a == b, a.normalized().to_string() == b.normalized().to_string());
        prop_assert_eq!(a.cmp(&b), (-b).cmp(&-a));
    }

    #[test]
    fn to_f64_matches_the_float_parser(x in any_amount()) {
        prop_assert_eq!(x.to_f64(), x.to_string().parse::<f64>().unwrap());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[-+0-9.eE]{0,30}") {
        let _ = Amount::parse(&text);
    }
}

/// Unknown fields kept beside known ones, as an opt-in `extra` map may be.
#[derive(Debug, Deserialize)]
struct WithExtra {
    amount: Amount,
    #[serde(flatten)]
    extra: std::collections::HashMap<String, serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum AmountOrText {
    // Never decoded: serde_json cannot hand it a number's text here.
    #[allow(dead_code)]
    Amount(Amount),
    Text(String),
}

#[test]
fn flattened_structs_stay_exact_and_untagged_enums_refuse() {
    // serde reads a flattened struct's known fields straight from the input.
    let json = r#"{"amount": 9007199254740993.01, "note": 1}"#;
    let decoded: WithExtra = serde_json::from_str(json).unwrap();
    assert_eq!(decoded.amount.to_string(), "9007199254740993.01");
    assert_eq!(decoded.extra.len(), 1);
    // An untagged enum buffers the number as an f64 first: refused, not rounded.
    assert!(serde_json::from_str::<AmountOrText>("12.50").is_err());
    let text = serde_json::from_str::<AmountOrText>(r#""12.50""#).unwrap();
    assert!(matches!(text, AmountOrText::Text(t) if t == "12.50"));
}

#[test]
fn plaid_core_decode_errors_keep_the_path_and_drop_the_value() {
    let json = r#"{"balances": {"available": "1274.93", "current": null, "limit": null}}"#;
    let headers = http::HeaderMap::new();
    let error = decode_json::<Account>(http::StatusCode::OK, &headers, json.into()).unwrap_err();
    assert_eq!(error.decode_path(), Some("balances.available"));
    let message = error.to_string();
    assert!(
        message.contains("invalid type: string, expected a JSON number"),
        "{message}"
    );
    assert!(!message.contains("1274"), "{message}");
}
