//! The transactions, investments and liabilities calls: their descriptors
//! and requests hide the access token; their answers, the sync loop's
//! events, errors and collected changes, and the offset pager's merged
//! pages print no personal data (a transaction's payer, payee, on whose
//! behalf and sub-account owner; a mortgaged property's address) and show
//! bank numbers (a counterparty's, a loan's) only by their last four
//! characters; a decode error in those answers quotes none of them.
//!
//! **The cursor is not a secret.** A `/transactions/sync` cursor is an
//! opaque position in one Item's change log: it reads nothing without the
//! access token and the client's keys, and which cursor a loop sent is
//! what a sync problem is debugged with. So `Debug` of the request and of
//! the loop shows it, and the test pins that, while the token it is tied to
//! stays redacted next to it. Store it beside the token, not as one.

use plaid_core::modern::endpoints::{
    InvestmentsHoldingsGet, InvestmentsTransactionsGet, LiabilitiesGet, TransactionsGet,
    TransactionsRecurringGet, TransactionsRefresh, TransactionsSync,
};
use plaid_core::modern::sync::{SyncEvent, SyncLoop};
use plaid_core::{Date, Endpoint, Error};
use serde_json::{Value, json};

use super::requests::assert_descriptor_clean;
use super::*;
use crate::bodies::{checking, item, success};
use crate::hostile::fields::{liabilities, purchase};

/// A cursor, visible by design (see the module docs).
const CURSOR: &str = "cursor-shown-in-debug-7c1e";

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// A transaction whose every personal value and bank number is a marker.
fn transaction() -> Value {
    let mut transaction = purchase();
    transaction["payment_meta"]["payer"] = json!(PAYER);
    transaction["payment_meta"]["payee"] = json!(PAYEE);
    transaction["payment_meta"]["by_order_of"] = json!(BY_ORDER_OF);
    transaction["account_owner"] = json!(ACCOUNT_OWNER);
    transaction["counterparties"][0]["account_numbers"] = json!({
        "bacs": {"account": COUNTERPARTY_ACCOUNT, "sort_code": COUNTERPARTY_SORT_CODE},
        "international": {"iban": COUNTERPARTY_IBAN, "bic": "NWBKGB21"}
    });
    transaction
}

/// The last `/transactions/sync` page: [`transaction`] added and modified.
fn sync_body() -> String {
    success(json!({
        "transactions_update_status": "HISTORICAL_UPDATE_COMPLETE",
        "accounts": [checking()],
        "added": [transaction()],
        "modified": [transaction()],
        "removed": [],
        "next_cursor": CURSOR,
        "has_more": false
    }))
}

/// A `/transactions/get` page: [`transaction`], the only one.
fn get_body() -> String {
    success(json!({
        "accounts": [checking()],
        "transactions": [transaction()],
        "total_transactions": 1,
        "item": item()
    }))
}

/// A `/liabilities/get` answer whose mortgage address and loan numbers are
/// markers.
fn liabilities_body() -> String {
    let mut liabilities = liabilities();
    let mortgage = &mut liabilities["mortgage"][0];
    mortgage["account_number"] = json!(MORTGAGE_ACCOUNT);
    mortgage["property_address"]["street"] = json!(PROPERTY_STREET);
    mortgage["property_address"]["city"] = json!(PROPERTY_CITY);
    mortgage["property_address"]["postal_code"] = json!(PROPERTY_POSTAL_CODE);
    let student = &mut liabilities["student"][0];
    student["account_number"] = json!(LOAN_ACCOUNT);
    student["payment_reference_number"] = json!(LOAN_REFERENCE);
    success(json!({"accounts": [checking()], "liabilities": liabilities, "item": item()}))
}

/// A client whose transport answers every request with `body`.
fn answering(body: String) -> Client<impl Fn(HttpRequest) -> Result<HttpResponse, TransportError>> {
    Client::new(config(), move |_| Ok(answer(200, &body)))
}

#[test]
fn every_product_descriptor_and_its_request_hide_the_token() {
    let (start, end) = (date("2023-01-01"), date("2023-12-31"));
    assert_descriptor_clean(
        "TransactionsSync",
        &TransactionsSync::new(ACCESS_TOKEN)
            .cursor(CURSOR)
            .count(500)
            .account_id("a1")
            .days_requested(730),
    );
    assert_descriptor_clean(
        "TransactionsGet",
        &TransactionsGet::new(ACCESS_TOKEN, start, end)
            .account_ids(["a1"])
            .count(500)
            .offset(500),
    );
    assert_descriptor_clean(
        "TransactionsRefresh",
        &TransactionsRefresh::new(ACCESS_TOKEN),
    );
    assert_descriptor_clean(
        "TransactionsRecurringGet",
        &TransactionsRecurringGet::new(ACCESS_TOKEN).account_ids(["a1"]),
    );
    assert_descriptor_clean(
        "InvestmentsHoldingsGet",
        &InvestmentsHoldingsGet::new(ACCESS_TOKEN).account_ids(["a1"]),
    );
    assert_descriptor_clean(
        "InvestmentsTransactionsGet",
        &InvestmentsTransactionsGet::new(ACCESS_TOKEN, start, end).count(100),
    );
    assert_descriptor_clean(
        "LiabilitiesGet",
        &LiabilitiesGet::new(ACCESS_TOKEN).account_ids(["a1"]),
    );
}

#[test]
fn product_calls_and_sync_drivers_hide_the_token() {
    let client = client();
    let (start, end) = (date("2023-01-01"), date("2023-12-31"));
    SCAN.assert_debug_clean(
        "Call (transactions_sync)",
        &client
            .transactions_sync(ACCESS_TOKEN)
            .with(|r| r.cursor(CURSOR)),
    );
    SCAN.assert_debug_clean(
        "Call (transactions_get)",
        &client.transactions_get(ACCESS_TOKEN, start, end),
    );
    SCAN.assert_debug_clean(
        "Call (transactions_refresh)",
        &client.transactions_refresh(ACCESS_TOKEN),
    );
    SCAN.assert_debug_clean(
        "Call (transactions_recurring_get)",
        &client.transactions_recurring_get(ACCESS_TOKEN),
    );
    SCAN.assert_debug_clean(
        "Call (investments_holdings_get)",
        &client.investments_holdings_get(ACCESS_TOKEN),
    );
    SCAN.assert_debug_clean(
        "Call (investments_transactions_get)",
        &client.investments_transactions_get(ACCESS_TOKEN, start, end),
    );
    SCAN.assert_debug_clean(
        "Call (liabilities_get)",
        &client.liabilities_get(ACCESS_TOKEN),
    );
    let pages = client.transactions_sync_pages(ACCESS_TOKEN, Some(CURSOR));
    SCAN.assert_debug_clean("SyncLoop (of a driver)", pages.machine());
    let pager = client.transactions_get_pages(ACCESS_TOKEN, start, end);
    SCAN.assert_debug_clean("OffsetPager (of a driver)", pager.machine());
}

#[test]
fn the_cursor_is_shown_and_the_token_beside_it_is_not() {
    let request = TransactionsSync::new(ACCESS_TOKEN).cursor(CURSOR);
    SCAN.assert_debug_clean("TransactionsSync", &request);
    assert!(format!("{request:?}").contains(CURSOR));
    let sync = SyncLoop::new(ACCESS_TOKEN, Some(CURSOR));
    SCAN.assert_debug_clean("SyncLoop", &sync);
    assert!(format!("{sync:?}").contains(CURSOR));
    // The request body carries both, for the API: never log it.
    let built = request.to_request(&config()).unwrap();
    let body = String::from_utf8(built.body().clone()).unwrap();
    assert_eq!(SCAN.leaks(&body), [ACCESS_TOKEN]);
    assert!(body.contains(CURSOR));
}

#[test]
fn transactions_print_no_personal_data_but_keep_it() {
    let page = TransactionsSync::parse_response(answer(200, &sync_body())).unwrap();
    SCAN.assert_debug_clean("TransactionsSyncResponse", &page);
    let listed = TransactionsGet::parse_response(answer(200, &get_body())).unwrap();
    SCAN.assert_debug_clean("TransactionsGetResponse", &listed);

    // Still there for whoever asks by name.
    let added = &page.added[0];
    let meta = added.payment_meta.as_ref().unwrap();
    assert_eq!(meta.payer.as_deref().map(String::as_str), Some(PAYER));
    assert_eq!(meta.payee.as_deref().map(String::as_str), Some(PAYEE));
    assert_eq!(
        meta.by_order_of.as_deref().map(String::as_str),
        Some(BY_ORDER_OF)
    );
    assert_eq!(
        added.account_owner.as_deref().map(String::as_str),
        Some(ACCOUNT_OWNER)
    );
    let numbers = added.counterparties[0].account_numbers.as_ref().unwrap();
    let bacs = numbers.bacs.as_ref().unwrap();
    assert_eq!(bacs.account.as_deref(), Some(COUNTERPARTY_ACCOUNT));
    assert_eq!(bacs.sort_code.as_deref(), Some(COUNTERPARTY_SORT_CODE));
    let iban = numbers.international.as_ref().unwrap().iban.as_deref();
    assert_eq!(iban, Some(COUNTERPARTY_IBAN));
    // A statement-style hint survives: the last four characters.
    assert!(format!("{numbers:?}").contains("BankNumber(…6819)"));
}

#[test]
fn sync_events_changes_and_pages_print_no_personal_data() {
    let client = answering(sync_body());
    let changes = client
        .transactions_sync_all(ACCESS_TOKEN, Some("c0"))
        .send()
        .unwrap();
    SCAN.assert_debug_clean("SyncChanges", &changes);
    assert_eq!(changes.added.len(), 1);

    let mut pages = client.transactions_sync_pages(ACCESS_TOKEN, None);
    let event = pages.next_page().send().unwrap().unwrap();
    assert!(matches!(event, SyncEvent::Finished(_)));
    SCAN.assert_debug_clean("SyncEvent", &event);

    // A page that hands back its own cursor with has_more: the error the
    // loop ends with quotes neither the token nor the page.
    let looping = sync_body().replace(r#""has_more":false"#, r#""has_more":true"#);
    let client = answering(looping);
    let error = client
        .transactions_sync_all(ACCESS_TOKEN, Some(CURSOR))
        .send()
        .unwrap_err();
    SCAN.assert_all_clean("SyncError", &error);
    SCAN.assert_error_clean("Error (of a SyncError)", error.error());

    let paged = answering(get_body())
        .transactions_get_all(ACCESS_TOKEN, date("2023-01-01"), date("2023-12-31"))
        .send()
        .unwrap();
    SCAN.assert_debug_clean("Paged<TransactionsGetResponse>", &paged);
    assert!(paged.complete);
}

#[test]
fn liabilities_print_no_property_address_and_only_the_last_four_of_numbers() {
    let answer = LiabilitiesGet::parse_response(answer(200, &liabilities_body())).unwrap();
    SCAN.assert_debug_clean("LiabilitiesGetResponse", &answer);
    let liabilities = &answer.liabilities;
    let mortgage = &liabilities.mortgage.as_ref().unwrap()[0];
    assert_eq!(mortgage.account_number.as_deref(), Some(MORTGAGE_ACCOUNT));
    let address = &*mortgage.property_address;
    assert_eq!(address.street.as_deref(), Some(PROPERTY_STREET));
    assert_eq!(address.city.as_deref(), Some(PROPERTY_CITY));
    assert_eq!(address.postal_code.as_deref(), Some(PROPERTY_POSTAL_CODE));
    let student = &liabilities.student.as_ref().unwrap()[0];
    assert_eq!(student.account_number.as_deref(), Some(LOAN_ACCOUNT));
    assert_eq!(
        student.payment_reference_number.as_deref(),
        Some(LOAN_REFERENCE)
    );
    let shown = format!("{liabilities:?}");
    for last_four in [
        "BankNumber(…4154)",
        "BankNumber(…5694)",
        "BankNumber(…5695)",
    ] {
        assert!(shown.contains(last_four), "{last_four} in {shown}");
    }
}

/// A parser whose answer is dropped: only its error matters.
type Parse = fn(HttpResponse) -> Result<(), Error>;

/// `body` with the first `from` replaced by `to`; `from` must be there.
#[track_caller]
fn swap(body: &str, from: &str, to: &str) -> String {
    assert!(body.contains(from), "{from} is not in {body}");
    body.replacen(from, to, 1)
}

#[test]
fn decode_errors_in_product_answers_quote_no_personal_value() {
    let sync = sync_body();
    let get = get_body();
    let liabilities = liabilities_body();
    // Each body puts a marker where another type is expected: serde's own
    // messages would quote it.
    let quote = |marker: &str| format!("\"{marker}\"");
    let cases: Vec<(String, Parse)> = vec![
        (
            swap(&sync, r#""amount":72.1"#, &format!(r#""amount":"{PAYER}""#)),
            |r| TransactionsSync::parse_response(r).map(drop),
        ),
        (
            swap(
                &sync,
                r#""date":"2023-09-24""#,
                &format!(r#""date":"{ACCOUNT_OWNER}""#),
            ),
            |r| TransactionsSync::parse_response(r).map(drop),
        ),
        (
            swap(&sync, &quote(PAYEE), &format!(r#"{{"{PAYEE}":1}}"#)),
            |r| TransactionsSync::parse_response(r).map(drop),
        ),
        (
            swap(
                &sync,
                &quote(BY_ORDER_OF),
                &format!("[{}]", quote(BY_ORDER_OF)),
            ),
            |r| TransactionsSync::parse_response(r).map(drop),
        ),
        (
            swap(
                &get,
                r#""payment_channel":"in store""#,
                &format!(r#""payment_channel":{{"{COUNTERPARTY_ACCOUNT}":0}}"#),
            ),
            |r| TransactionsGet::parse_response(r).map(drop),
        ),
        (
            swap(
                &get,
                &quote(COUNTERPARTY_IBAN),
                &format!("[{}]", quote(COUNTERPARTY_IBAN)),
            ),
            |r| TransactionsGet::parse_response(r).map(drop),
        ),
        (
            swap(
                &liabilities,
                r#""escrow_balance":3141.54"#,
                &format!(r#""escrow_balance":"{PROPERTY_STREET}""#),
            ),
            |r| LiabilitiesGet::parse_response(r).map(drop),
        ),
        (
            swap(
                &liabilities,
                r#""maturity_date":"2045-07-31""#,
                &format!(r#""maturity_date":"{PROPERTY_CITY}""#),
            ),
            |r| LiabilitiesGet::parse_response(r).map(drop),
        ),
        (
            swap(
                &liabilities,
                &quote(LOAN_ACCOUNT),
                &format!(r#"{{"{LOAN_ACCOUNT}":true}}"#),
            ),
            |r| LiabilitiesGet::parse_response(r).map(drop),
        ),
    ];
    for (body, parse) in cases {
        let error = parse(answer(200, &body)).expect_err(&body);
        assert!(error.is_decode(), "{error}");
        SCAN.assert_error_clean("Error (decode)", &error);
    }
    // A property address given as its street alone.
    let flat = liabilities_body();
    let at = flat.find(r#""property_address":"#).unwrap() + r#""property_address":"#.len();
    let end = at + flat[at..].find('}').unwrap() + 1;
    let flat = format!("{}{}{}", &flat[..at], quote(PROPERTY_STREET), &flat[end..]);
    let error = LiabilitiesGet::parse_response(answer(200, &flat)).unwrap_err();
    assert_eq!(
        error.decode_path(),
        Some("liabilities.mortgage[0].property_address")
    );
    SCAN.assert_error_clean("Error (decode, property address)", &error);
}

#[test]
fn input_errors_of_product_calls_hide_the_token() {
    let client = client();
    let errors: Vec<Error> = vec![
        client.transactions_sync("").send().unwrap_err(),
        client
            .transactions_sync(ACCESS_TOKEN)
            .with(|r| r.count(501))
            .send()
            .unwrap_err(),
        client
            .transactions_get(ACCESS_TOKEN, date("2023-12-31"), date("2023-01-01"))
            .send()
            .unwrap_err(),
        client
            .liabilities_get(ACCESS_TOKEN)
            .with(|r| r.account_ids([""]))
            .send()
            .unwrap_err(),
        client
            .transactions_sync_all(ACCESS_TOKEN, Some(CURSOR))
            .with(|r| r.days_requested(0))
            .send()
            .unwrap_err()
            .into_error(),
    ];
    for error in &errors {
        assert!(error.is_invalid_input(), "{error}");
        SCAN.assert_error_clean("Error (input)", error);
    }
}
