//! Property tests of the response parsers and the small value types:
//! arbitrary bytes and arbitrary JSON never panic a parser of the registry
//! (`crate::parsers`), generated accounts and transactions survive the
//! wire, dates and error codes round-trip.

use crate::parsers::PARSERS;
use crate::support::hostile;
use crate::support::response_bytes;
use plaid_core::Endpoint;
use plaid_core::legacy::ErrorCode;
use plaid_core::legacy::endpoints::{Connect, Get};
use plaid_core::legacy::models::{AccountType, Date};
use proptest::prelude::*;
use serde_json::{Value, json};

/// The legacy fields generated JSON objects use most.
const KEYS: &[&str] = &[
    "accounts",
    "access_token",
    "transactions",
    "type",
    "mfa",
    "code",
    "message",
    "_id",
    "balance",
    "id",
    "name",
];

/// Strings shaped like the legacy API's enums, dates and keys.
const WORDS: &[&str] = &[
    "depository",
    "questions",
    "device",
    "list",
    "2014-04-11",
    "accounts",
];

#[derive(Debug, Clone)]
struct GenTransaction {
    id: String,
    cents: i64,
    date: (u16, u8, u8),
    name: String,
    pending: bool,
    category: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
struct GenAccount {
    id: String,
    available: Option<i64>,
    current: Option<i64>,
    account_type: String,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

fn valid_date() -> impl Strategy<Value = (u16, u8, u8)> {
    (1u16..=9999, 1u8..=12).prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in_month(y, m)))
}

/// Cents within the API's range (far under 15 significant digits).
fn cents() -> impl Strategy<Value = i64> {
    -10_000_000_000_000i64..=10_000_000_000_000
}

fn transaction() -> impl Strategy<Value = GenTransaction> {
    (
        "[A-Za-z0-9]{1,37}",
        cents(),
        valid_date(),
        any::<String>(),
        any::<bool>(),
        prop::option::of(prop::collection::vec(".{0,16}", 0..4)),
    )
        .prop_map(
            |(id, cents, date, name, pending, category)| GenTransaction {
                id,
                cents,
                date,
                name,
                pending,
                category,
            },
        )
}

fn account() -> impl Strategy<Value = GenAccount> {
    (
        "[A-Za-z0-9]{1,37}",
        prop::option::of(cents()),
        prop::option::of(cents()),
        prop_oneof![
            Just("depository".to_owned()),
            Just("credit".to_owned()),
            "[a-z ]{1,12}"
        ],
    )
        .prop_map(|(id, available, current, account_type)| GenAccount {
            id,
            available,
            current,
            account_type,
        })
}

fn amount(cents: i64) -> f64 {
    cents as f64 / 100.0
}

hostile::arbitrary_body_properties!(PARSERS, KEYS, WORDS);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_accounts_and_transactions_round_trip(
        accounts in prop::collection::vec(account(), 0..4),
        transactions in prop::collection::vec(transaction(), 0..8),
    ) {
        let wire_accounts: Vec<Value> = accounts.iter().map(|a| {
            let mut balance = serde_json::Map::new();
            if let Some(c) = a.available { balance.insert("available".into(), json!(amount(c))); }
            if let Some(c) = a.current { balance.insert("current".into(), json!(amount(c))); }
            json!({"_id": a.id, "balance": balance, "type": a.account_type})
        }).collect();
        let wire_transactions: Vec<Value> = transactions.iter().map(|t| {
            let (y, m, d) = t.date;
            let mut tx = json!({
                "_id": t.id,
                "_account": "a",
                "amount": amount(t.cents),
                "date": format!("{y:04}-{m:02}-{d:02}"),
                "name": t.name,
                "pending": t.pending,
            });
            if let Some(category) = &t.category {
                tx["category"] = json!(category);
            }
            tx
        }).collect();
        let body = serde_json::to_vec(&json!({
            "accounts": wire_accounts,
            "transactions": wire_transactions,
            "access_token": "test_chase",
        })).unwrap();
        let parsed = Get::<Connect>::parse_response(response_bytes(200, &body))
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;

        prop_assert_eq!(parsed.accounts.len(), accounts.len());
        for (got, want) in parsed.accounts.iter().zip(&accounts) {
            prop_assert_eq!(&got.id, &want.id);
            prop_assert_eq!(got.balance.available.map(|a| a.as_f64()), want.available.map(amount));
            prop_assert_eq!(got.balance.current.map(|a| a.as_f64()), want.current.map(amount));
            prop_assert_eq!(got.balance.current.and_then(|a| a.to_minor_units()), want.current);
            prop_assert_eq!(&got.account_type, &AccountType::from_wire(&want.account_type));
            prop_assert_eq!(got.account_type.as_str(), want.account_type.as_str());
        }
        let got_transactions = parsed.transactions.unwrap_or_default();
        prop_assert_eq!(got_transactions.len(), transactions.len());
        for (got, want) in got_transactions.iter().zip(&transactions) {
            prop_assert_eq!(&got.id, &want.id);
            prop_assert_eq!(got.amount.as_f64(), amount(want.cents));
            prop_assert_eq!(got.amount.to_minor_units(), Some(want.cents));
            prop_assert_eq!((got.date.year(), got.date.month(), got.date.day()), want.date);
            prop_assert_eq!(&got.name, &want.name);
            prop_assert_eq!(got.pending, want.pending);
            prop_assert_eq!(got.category.is_some(), want.category.is_some());
            prop_assert_eq!(&got.category, &want.category);
        }
    }

    #[test]
    fn dates_display_and_parse_round_trip((y, m, d) in valid_date()) {
        let date = Date::new(y, m, d).expect("a valid date");
        let text = date.to_string();
        prop_assert_eq!(&text, &format!("{y:04}-{m:02}-{d:02}"));
        prop_assert_eq!(Date::parse(&text), Some(date));
        prop_assert_eq!(text.parse::<Date>().ok(), Some(date));
        let json = serde_json::to_string(&date).unwrap();
        prop_assert_eq!(serde_json::from_str::<Date>(&json).ok(), Some(date));
    }

    #[test]
    fn invalid_day_numbers_are_rejected(
        (y, m, d) in (1u16..=9999, 1u8..=12).prop_flat_map(|(y, m)| {
            (Just(y), Just(m), prop_oneof![Just(0u8), (days_in_month(y, m) + 1)..=99])
        })
    ) {
        prop_assert_eq!(Date::new(y, m, d), None);
        let text = format!("{y:04}-{m:02}-{d:02}");
        prop_assert_eq!(Date::parse(&text), None);
        prop_assert!(text.parse::<Date>().is_err());
        prop_assert!(serde_json::from_value::<Date>(json!(text)).is_err());
    }
}

#[test]
fn every_error_code_up_to_10000_round_trips() {
    for code in 0..=10_000u32 {
        let parsed = ErrorCode::from_code(code);
        assert_eq!(parsed.code(), code, "{code}");
        assert_eq!(ErrorCode::from(code), parsed);
        assert_eq!(parsed.to_string(), code.to_string());
        let json: ErrorCode = serde_json::from_str(&code.to_string()).unwrap();
        assert_eq!(json, parsed);
        assert_eq!(serde_json::to_string(&parsed).unwrap(), code.to_string());
        let named = ErrorCode::ALL.contains(&parsed);
        assert_eq!(named, !matches!(parsed, ErrorCode::Unknown(_)), "{code}");
        assert_eq!(parsed.documented_status().is_some(), named, "{code}");
    }
}
