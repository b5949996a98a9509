//! Property tests of the modern response parsers: arbitrary bytes, arbitrary
//! JSON and arbitrary values at any field of a valid answer never panic a
//! parser of the registry (`crate::parsers`), and every error keeps the
//! status, the body and the request id; a generated `PlaidError` survives
//! the wire, as an error body of every call and in-band in an Item; money
//! read from any decimal text is exact or refused, never rounded, and a
//! transaction's amount is read by the same rule as a balance; generated
//! accounts keep their balances to the last digit, and generated sync pages
//! every change, date and cursor.

use plaid_core::modern::endpoints::{AccountsGet, AccountsGetResponse, ItemGet, TransactionsSync};
use plaid_core::modern::{ErrorType, PlaidError, error_from_response};
use plaid_core::{Amount, Date, Endpoint, ErrorKind};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::hostile::{everything, set};
use crate::parsers::PARSERS;
use crate::support::hostile;
use crate::support::{REQUEST_ID, response_bytes};
use crate::txn_bodies::{ACCOUNT, transaction};

/// The modern fields generated JSON objects use most.
const KEYS: &[&str] = &[
    "accounts",
    "account_id",
    "balances",
    "available",
    "current",
    "type",
    "item",
    "item_id",
    "error",
    "error_type",
    "error_code",
    "error_message",
    "request_id",
    "numbers",
    "ach",
    "owners",
    "names",
    "institutions",
    "institution",
    "total",
    "categories",
    "key",
    "link_token",
    "expiration",
    "public_token",
    "access_token",
    "reset_login",
    "webhook_fired",
    "available_products",
    "billed_products",
    "update_type",
    "webhook",
    "added",
    "modified",
    "removed",
    "next_cursor",
    "has_more",
    "transactions_update_status",
    "transactions",
    "total_transactions",
    "transaction_id",
    "amount",
    "date",
    "datetime",
    "authorized_date",
    "pending",
    "payment_channel",
    "personal_finance_category",
    "primary",
    "detailed",
    "counterparties",
    "name",
    "inflow_streams",
    "updated_datetime",
    "holdings",
    "securities",
    "security_id",
    "quantity",
    "institution_price",
    "investment_transactions",
    "liabilities",
    "credit",
    "mortgage",
    "student",
];

/// Strings shaped like the modern API's enums, codes and dates.
const WORDS: &[&str] = &[
    "depository",
    "checking",
    "background",
    "auth",
    "ITEM_ERROR",
    "INVALID_INPUT",
    "ITEM_LOGIN_REQUIRED",
    "2026-11-30T12:34:56Z",
    "2026-11-30",
    "USD",
    "in store",
    "HISTORICAL_UPDATE_COMPLETE",
    "NOT_READY",
    "merchant",
    "MONTHLY",
    "buy",
];

/// Every JSON pointer of [`everything`], leaves and containers alike.
fn pointers() -> Vec<String> {
    fn walk(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    walk(child, format!("{at}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    walk(child, format!("{at}/{index}"), out);
                }
            }
            _ => {}
        }
        if !at.is_empty() {
            out.push(at);
        }
    }
    let mut out = Vec::new();
    walk(&everything(), String::new(), &mut out);
    out
}

/// Decimal number text as JSON writes it: sign, integer digits without a
/// leading zero, optional fraction and exponent, up to 25 digits a part.
fn number_text() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof![Just("0".to_owned()), "[1-9][0-9]{0,24}"],
        prop::option::of("[0-9]{1,25}"),
        prop::option::of(("[eE]", "[+-]?", "[0-9]{1,3}")),
    )
        .prop_map(|(negative, integer, fraction, exponent)| {
            let mut text = String::new();
            if negative {
                text.push('-');
            }
            text.push_str(&integer);
            if let Some(fraction) = fraction {
                text.push('.');
                text.push_str(&fraction);
            }
            if let Some((e, sign, digits)) = exponent {
                text.push_str(&e);
                text.push_str(&sign);
                text.push_str(&digits);
            }
            text
        })
}

/// What an [`Amount`] must make of number `text`, worked out on its
/// digits: `Some((mantissa, scale))` without trailing zeros when the value
/// fits 18 decimal places and a mantissa of at most `i64::MAX`, `None`
/// when it does not (and must be refused).
fn exact_value(text: &str) -> Option<(i64, u32)> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (number, exponent) = match rest.split_once(['e', 'E']) {
        Some((number, exponent)) => (number, exponent.parse::<i64>().unwrap()),
        None => (rest, 0),
    };
    let (integer, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = format!("{integer}{fraction}");
    let mut exponent = exponent - i64::try_from(fraction.len()).unwrap();
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some((0, 0));
    }
    let significant = digits.trim_end_matches('0');
    exponent += i64::try_from(digits.len() - significant.len()).unwrap();
    let (digits, scale) = if exponent >= 0 {
        let zeros = "0".repeat(usize::try_from(exponent).unwrap());
        (format!("{significant}{zeros}"), 0)
    } else {
        (significant.to_owned(), u32::try_from(-exponent).ok()?)
    };
    let magnitude = digits.parse::<i64>().ok()?;
    (scale <= 18).then_some((if negative { -magnitude } else { magnitude }, scale))
}

/// The first account's available balance of an `/accounts/get` answer with
/// `text` written there.
fn read_available(text: &str) -> Result<Option<Amount>, plaid_core::Error> {
    let body = set("/accounts/0/balances/available", text);
    let answer = AccountsGet::parse_response(response_bytes(200, &body))?;
    Ok(answer.accounts[0].balances.available)
}

/// The first added transaction's amount of a `/transactions/sync` page with
/// `text` written there.
fn read_added_amount(text: &str) -> Result<Amount, plaid_core::Error> {
    let body = set("/added/0/amount", text);
    let page = TransactionsSync::parse_response(response_bytes(200, &body))?;
    Ok(page.added[0].amount)
}

/// Any date the API can send.
fn date() -> impl Strategy<Value = Date> {
    (1u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

/// Error types the retry policy reads.
const ERROR_TYPES: &[&str] = &["ITEM_ERROR", "INVALID_INPUT", "RATE_LIMIT_EXCEEDED"];

/// A `PlaidError` body from generated parts; `None` parts are left out or
/// sent as `null`, as Plaid does.
fn plaid_error_body() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            prop::sample::select(ERROR_TYPES).prop_map(str::to_owned),
            "[A-Z_]{1,24}",
        ],
        "[A-Z_]{0,40}",
        ".{0,40}",
        prop::option::of(".{0,20}"),
        prop::option::of("[a-f0-9]{32}"),
        prop::option::of(100u16..=599),
        prop::collection::vec(("[a-zA-Z0-9]{1,12}", "[A-Z_]{1,20}"), 0..3),
        prop::collection::vec("[a-z ]{1,12}", 0..3),
    )
        .prop_map(
            |(error_type, code, message, display, request_id, status, causes, subtypes)| {
                let causes: Vec<Value> = causes
                    .into_iter()
                    .map(|(item_id, code)| json!({"item_id": item_id, "error_code": code}))
                    .collect();
                let mut body = json!({
                    "error_type": error_type,
                    "error_code": code,
                    "error_message": message,
                    "display_message": display,
                    "error_code_reason": null,
                    "causes": causes,
                    "status": status,
                    "documentation_url": "https://plaid.com/docs/errors/",
                    "suggested_action": null,
                    "required_account_subtypes": subtypes,
                });
                if let Some(request_id) = request_id {
                    body["request_id"] = json!(request_id);
                }
                body
            },
        )
}

/// Asserts that `plaid` holds what `body` says.
fn assert_holds(plaid: &PlaidError, body: &Value) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        plaid.error_type.as_str(),
        body["error_type"].as_str().unwrap()
    );
    prop_assert_eq!(
        plaid.error_code.as_str(),
        body["error_code"].as_str().unwrap()
    );
    prop_assert_eq!(
        &plaid.error_message,
        body["error_message"].as_str().unwrap()
    );
    prop_assert_eq!(
        plaid.display_message.as_deref(),
        body["display_message"].as_str()
    );
    prop_assert_eq!(plaid.request_id.as_deref(), body["request_id"].as_str());
    prop_assert_eq!(plaid.status.map(u64::from), body["status"].as_u64());
    prop_assert_eq!(&Value::from(plaid.causes.clone()), &body["causes"]);
    prop_assert_eq!(
        &Value::from(plaid.required_account_subtypes.clone()),
        &body["required_account_subtypes"]
    );
    Ok(())
}

/// Generated balances: mantissas within an [`Amount`]'s range, any scale
/// it holds.
fn amount() -> impl Strategy<Value = Amount> {
    (-i64::MAX..=i64::MAX, 0u32..=18)
        .prop_map(|(units, decimals)| Amount::from_minor_units(units, decimals).unwrap())
}

hostile::arbitrary_body_properties!(PARSERS, KEYS, WORDS);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_json_at_any_field_of_a_valid_answer_never_panics_any_parser(
        at in any::<prop::sample::Index>(),
        value in hostile::json_value(KEYS, WORDS),
    ) {
        let pointers = pointers();
        let mut body = everything();
        *body.pointer_mut(at.get(&pointers).as_str()).unwrap() = value;
        let body = serde_json::to_vec(&body).unwrap();
        hostile::every_parser(PARSERS, 200, &body)?;
    }

    #[test]
    fn money_is_exact_or_refused_never_rounded(text in number_text()) {
        match (read_available(&text), exact_value(&text)) {
            (Ok(Some(amount)), Some((mantissa, scale))) => {
                let normal = amount.normalized();
                prop_assert_eq!((normal.mantissa(), normal.scale()), (mantissa, scale), "{}", text);
                prop_assert_eq!(amount.to_string().parse::<Amount>().ok(), Some(amount));
            }
            (Err(error), None) => {
                prop_assert_eq!(error.kind(), ErrorKind::Decode);
                prop_assert_eq!(error.decode_path(), Some("accounts[0].balances.available"));
            }
            (got, want) => {
                return Err(TestCaseError::fail(format!("{text}: read {got:?}, exact value {want:?}")));
            }
        }
    }

    #[test]
    fn a_transaction_amount_is_read_like_a_balance(text in number_text()) {
        let balance = read_available(&text).map(|a| a.map(|a| (a.mantissa(), a.scale())));
        match (balance, read_added_amount(&text)) {
            (Ok(Some(balance)), Ok(amount)) => {
                prop_assert_eq!(balance, (amount.mantissa(), amount.scale()), "{}", text);
            }
            (Err(_), Err(error)) => {
                prop_assert_eq!(error.kind(), ErrorKind::Decode);
                prop_assert_eq!(error.decode_path(), Some("added[0].amount"));
            }
            (balance, amount) => {
                return Err(TestCaseError::fail(format!("{text}: balance {balance:?}, amount {amount:?}")));
            }
        }
    }

    #[test]
    fn plaid_errors_survive_the_wire(body in plaid_error_body(), status in 300u16..=599) {
        let bytes = serde_json::to_vec(&body).unwrap();
        let error = error_from_response(response_bytes(status, &bytes));
        let plaid = error.plaid().expect("a PlaidError").clone();
        assert_holds(&plaid, &body)?;
        prop_assert_eq!(error.body(), Some(&bytes[..]));
        prop_assert_eq!(error.request_id(), Some(plaid.request_id.as_deref().unwrap_or(REQUEST_ID)));
        prop_assert_eq!(error.retry_hint(), Some(plaid.retry_hint()));
        let code = error.api_code();
        prop_assert_eq!(code.as_deref(), Some(plaid.error_code.as_str()));
        prop_assert_eq!(ErrorType::from_wire(plaid.error_type.as_str()), plaid.error_type.clone());

        // Serialised again, it reads back the same.
        let again: PlaidError = serde_json::from_slice(&serde_json::to_vec(&plaid).unwrap()).unwrap();
        prop_assert_eq!(&again, &plaid);

        // Every call reads it the same way.
        for parser in PARSERS {
            let error = (parser.parse)(response_bytes(status, &bytes)).err().unwrap();
            prop_assert_eq!(error.plaid(), Some(&plaid), "{}", parser.name);
            prop_assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        }

        // And in-band, as an Item's error on a 200.
        let mut answer = everything();
        answer["item"]["error"] = body;
        let item = ItemGet::parse_response(response_bytes(200, &serde_json::to_vec(&answer).unwrap()))
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(item.item.error.as_ref(), Some(&plaid));
    }

    #[test]
    fn generated_accounts_keep_their_balances(
        accounts in prop::collection::vec(
            ("[A-Za-z0-9]{1,37}", any::<String>(), prop::option::of(amount()), amount(),
             prop_oneof![Just("depository".to_owned()), "[a-z ]{1,12}"]),
            0..4,
        ),
    ) {
        let wire: Vec<String> = accounts.iter().map(|(id, name, available, current, kind)| {
            let available = available.map_or("null".to_owned(), |a| a.to_string());
            format!(
                r#"{{"account_id":{},"balances":{{"available":{available},"current":{current},"limit":null,"iso_currency_code":"USD","unofficial_currency_code":null}},"mask":null,"name":{},"official_name":null,"type":{},"subtype":null}}"#,
                json!(id), json!(name), json!(kind),
            )
        }).collect();
        let body = format!(
            r#"{{"accounts":[{}],"item":{},"request_id":"{REQUEST_ID}"}}"#,
            wire.join(","),
            crate::bodies::item(),
        );
        let parsed: AccountsGetResponse = AccountsGet::parse_response(response_bytes(200, body.as_bytes()))
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(parsed.accounts.len(), accounts.len());
        for (got, (id, name, available, current, kind)) in parsed.accounts.iter().zip(&accounts) {
            prop_assert_eq!(&got.account_id, id);
            prop_assert_eq!(&got.name, name);
            prop_assert_eq!(got.account_type.as_str(), kind.as_str());
            let got_available = got.balances.available.map(|a| (a.mantissa(), a.scale()));
            prop_assert_eq!(got_available, available.map(|a| (a.mantissa(), a.scale())));
            let got_current = got.balances.current.map(|a| (a.mantissa(), a.scale()));
            prop_assert_eq!(got_current, Some((current.mantissa(), current.scale())));
        }
    }

    #[test]
    fn generated_sync_pages_keep_every_change(
        added in prop::collection::vec(
            ("[A-Za-z0-9]{1,37}", amount(), date(), any::<bool>(), any::<String>()),
            0..6,
        ),
        removed in prop::collection::vec("[A-Za-z0-9]{1,37}", 0..4),
        next_cursor in "[A-Za-z0-9+/=]{1,400}",
        has_more in any::<bool>(),
    ) {
        // Amounts go into the text as written: a `Value` would hold them as
        // f64 and round them.
        let transactions: Vec<Value> = added.iter().enumerate().map(|(i, (id, _, date, pending, name))| {
            let mut transaction = transaction(id, "0");
            transaction["amount"] = json!(format!("@@amount-{i}@@"));
            transaction["date"] = json!(date.to_string());
            transaction["pending"] = json!(pending);
            transaction["name"] = json!(name);
            transaction
        }).collect();
        let removed_wire: Vec<Value> = removed.iter()
            .map(|id| json!({"transaction_id": id, "account_id": ACCOUNT}))
            .collect();
        let mut body = crate::bodies::success(json!({
            "transactions_update_status": "HISTORICAL_UPDATE_COMPLETE",
            "accounts": [crate::bodies::checking()],
            "added": transactions,
            "modified": [],
            "removed": removed_wire,
            "next_cursor": next_cursor,
            "has_more": has_more,
        }));
        for (i, (_, amount, ..)) in added.iter().enumerate() {
            body = body.replace(&format!("\"@@amount-{i}@@\""), &amount.to_string());
        }
        let page = TransactionsSync::parse_response(response_bytes(200, body.as_bytes()))
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(&page.next_cursor, &next_cursor);
        prop_assert_eq!(page.has_more, has_more);
        prop_assert_eq!(page.added.len(), added.len());
        for (got, (id, amount, date, pending, name)) in page.added.iter().zip(&added) {
            prop_assert_eq!(&got.transaction_id, id);
            prop_assert_eq!((got.amount.mantissa(), got.amount.scale()), (amount.mantissa(), amount.scale()));
            prop_assert_eq!(got.date, *date);
            prop_assert_eq!(got.pending, *pending);
            prop_assert_eq!(got.name.as_ref(), Some(name));
        }
        let got_removed: Vec<&str> = page.removed.iter().map(|r| r.transaction_id.as_str()).collect();
        prop_assert_eq!(got_removed, removed.iter().map(String::as_str).collect::<Vec<_>>());
    }
}

#[test]
fn the_exact_value_reference_agrees_with_known_amounts() {
    // The reference the money property trusts, on values worked by hand.
    assert_eq!(exact_value("1274.93"), Some((127_493, 2)));
    assert_eq!(exact_value("12.50"), Some((125, 1)));
    assert_eq!(exact_value("-0.000"), Some((0, 0)));
    assert_eq!(exact_value("1.5E-2"), Some((15, 3)));
    assert_eq!(exact_value("1e3"), Some((1000, 0)));
    assert_eq!(exact_value("100e-20"), Some((1, 18)));
    assert_eq!(exact_value("92233720368547758.07"), Some((i64::MAX, 2)));
    assert_eq!(exact_value("92233720368547758.08"), None);
    assert_eq!(exact_value("0.1234567890123456789"), None);
    assert_eq!(exact_value("1e400"), None);
}
