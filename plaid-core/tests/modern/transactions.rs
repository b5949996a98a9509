//! Transactions: `/transactions/sync`, `/transactions/get`,
//! `/transactions/refresh` and `/transactions/recurring/get`, one request
//! snapshot and one parse test each, success and error.

use plaid_core::modern::endpoints::{
    TransactionsGet, TransactionsRecurringGet, TransactionsRefresh, TransactionsSync,
};
use plaid_core::modern::models::{
    AccountSubtype, ConfidenceLevel, CounterpartyType, PaymentChannel,
    PersonalFinanceCategoryVersion, RecurringTransactionFrequency, TransactionCode,
    TransactionStreamStatus, TransactionType, TransactionsUpdateStatus,
};
use plaid_core::modern::{ErrorCode, ErrorType};
use plaid_core::{Amount, Date, DateTime, Endpoint, ErrorKind};
use serde_json::json;

use crate::bodies::{checking, success};
use crate::calls::{assert_refused, is_idempotent};
use crate::support::REQUEST_ID;
use crate::txn_bodies::{ACCOUNT, get_body, ids, ids_of, mutation_body, sync_answer, transaction};
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

#[test]
fn transactions_sync_request() {
    let plain = client().transactions_sync(TOKEN).to_request().unwrap();
    assert_request(
        &plain,
        "/transactions/sync",
        true,
        json!({ "access_token": TOKEN }),
    );

    let full = client()
        .transactions_sync(TOKEN)
        .with(|r| {
            r.cursor("tVUUL15lYQN5rBnfDIc1I8xudpGdIlw9nsgeXWvhOfkECvUeR663i3Dt1uf/94S8ASkitgLcIiOSqNwzzp+bh89kirazha5vuZHBb2ZA5NtCDkkV")
                .count(500)
                .account_id(ACCOUNT)
                .include_original_description(true)
                .days_requested(730)
                .personal_finance_category_version(PersonalFinanceCategoryVersion::V2)
        })
        .to_request()
        .unwrap();
    assert_request(
        &full,
        "/transactions/sync",
        true,
        json!({
            "access_token": TOKEN,
            "cursor": "tVUUL15lYQN5rBnfDIc1I8xudpGdIlw9nsgeXWvhOfkECvUeR663i3Dt1uf/94S8ASkitgLcIiOSqNwzzp+bh89kirazha5vuZHBb2ZA5NtCDkkV",
            "count": 500,
            "options": {
                "account_id": ACCOUNT,
                "include_original_description": true,
                "days_requested": 730,
                "personal_finance_category_version": "v2"
            }
        }),
    );
    // An empty cursor is the start of the history: not sent.
    let empty = client()
        .transactions_sync(TOKEN)
        .with(|r| r.cursor(""))
        .to_request()
        .unwrap();
    assert_request(
        &empty,
        "/transactions/sync",
        true,
        json!({ "access_token": TOKEN }),
    );

    assert_refused(client().transactions_sync(""), "access token is empty");
    for count in [0, 501] {
        assert_refused(
            client().transactions_sync(TOKEN).with(|r| r.count(count)),
            "count must be between 1 and 500",
        );
    }
    assert_refused(
        client().transactions_sync(TOKEN).with(|r| r.account_id("")),
        "account id is empty",
    );
    assert_refused(
        client()
            .transactions_sync(TOKEN)
            .with(|r| r.days_requested(731)),
        "days_requested",
    );
    assert!(is_idempotent(&client().transactions_sync(TOKEN)));
    assert!(!format!("{:?}", TransactionsSync::new(TOKEN)).contains(TOKEN));
}

/// The spec's `/transactions/sync` example, with a counterparty type, a
/// channel and an update status this version does not know, and a second
/// transaction with every optional part filled in.
#[test]
fn transactions_sync_response() {
    let mut rich = transaction("yhnUVvtcGGcCKU0bcz8PDQr5ZUxUXebUvbKC0", "-1234567.89");
    rich["counterparties"] = json!([
        {"name": "DoorDash", "type": "delivery_drone", "logo_url": null, "website": "doordash.com",
         "entity_id": "YNRJg5o2djJLv52nBA1Yn1KpL858egYVo4dpm", "confidence_level": "HIGH",
         "account_numbers": {"bacs": {"account": "31926819", "sort_code": "601613"},
                             "international": {"iban": "GB29NWBK60161331926819", "bic": "NWBKGB2L"}}},
        {"name": "Burger King", "type": "merchant", "logo_url": null, "website": null}
    ]);
    rich["payment_channel"] = json!("by carrier pigeon");
    rich["pending"] = json!(true);
    rich["pending_transaction_id"] = json!(null);
    rich["transaction_code"] = json!("direct debit");
    rich["transaction_type"] = json!("digital");
    rich["account_owner"] = json!("JANE Q CARDHOLDER");
    rich["original_description"] = json!("DD DOORDASH BURGERKIN 855-123-4567 CA");
    rich["authorized_datetime"] = json!("2023-09-27T08:01:58.250-07:00");
    rich["payment_meta"] = json!({
        "by_order_of": "Jane Q Public", "payee": "John Roe", "payer": "Jane Q Public",
        "payment_method": "ACH", "payment_processor": null, "ppd_id": "1234567890",
        "reason": "rent", "reference_number": "REF-0042"
    });
    rich["personal_finance_category"] = json!({
        "primary": "FOOD_AND_DRINK", "detailed": "FOOD_AND_DRINK_FAST_FOOD",
        "confidence_level": "SOMEWHAT_SURE", "version": "v2"
    });
    // Written into the text below: a `Value` would drop the trailing zero.
    rich["running_balance"] = json!("RUNNING_BALANCE");
    rich["merchant_category_code"] = json!("5814");
    rich["a_field_added_later"] = json!([1, 2, 3]);
    let body = success(json!({
        "accounts": [checking()],
        "added": [transaction("lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje", "72.1")],
        "modified": [rich],
        "removed": [{"account_id": ACCOUNT, "transaction_id": "CmdQTNgems8BT1B7ibkoUXVPyAeehT3Tmzk0l"}],
        "next_cursor": "tVUUL15lYQN5rBnfDIc1I8xudpGdIlw9nsgeXWvhOfkECvUeR663i3Dt1uf",
        "has_more": false,
        "transactions_update_status": "SOMETHING_NEWER",
    }))
    .replace("\"RUNNING_BALANCE\"", "1005.10");
    let page = TransactionsSync::parse_response(answer(200, &body)).unwrap();
    assert!(!page.has_more);
    assert_eq!(
        page.next_cursor,
        "tVUUL15lYQN5rBnfDIc1I8xudpGdIlw9nsgeXWvhOfkECvUeR663i3Dt1uf"
    );
    assert_eq!(
        page.transactions_update_status,
        TransactionsUpdateStatus::Unknown("SOMETHING_NEWER".into())
    );
    assert_eq!(page.accounts[0].subtype, Some(AccountSubtype::Checking));
    assert_eq!(
        page.removed[0].transaction_id,
        "CmdQTNgems8BT1B7ibkoUXVPyAeehT3Tmzk0l"
    );
    assert_eq!(page.removed[0].account_id, ACCOUNT);
    assert_eq!(page.request_id, REQUEST_ID);

    let walmart = &page.added[0];
    assert_eq!(walmart.amount, amount("72.1"));
    assert_eq!(walmart.amount.minor_units(2), Some(7210));
    assert_eq!(walmart.iso_currency_code.as_deref(), Some("USD"));
    assert_eq!(walmart.date, date("2023-09-24"));
    assert_eq!(walmart.authorized_date, Some(date("2023-09-22")));
    assert_eq!(
        walmart.datetime,
        Some("2023-09-24T11:01:01Z".parse::<DateTime>().unwrap())
    );
    assert_eq!(walmart.payment_channel, PaymentChannel::InStore);
    assert_eq!(walmart.transaction_code, None);
    assert_eq!(walmart.transaction_type, Some(TransactionType::Place));
    assert_eq!(
        walmart.pending_transaction_id.as_deref(),
        Some("no86Eox18VHMvaOVL7gPUM9ap3aR1LsAVZ5nc")
    );
    let location = walmart.location.as_ref().unwrap();
    assert_eq!(location.city.as_deref(), Some("Poway"));
    assert_eq!(location.postal_code.as_deref(), Some("92064"));
    assert_eq!(location.lat, Some(32.959068));
    assert_eq!(location.store_number.as_deref(), Some("1700"));
    let meta = walmart.payment_meta.as_ref().unwrap();
    assert!(meta.payee.is_none() && meta.reference_number.is_none());
    let category = walmart.personal_finance_category.as_ref().unwrap();
    assert_eq!(category.primary, "GENERAL_MERCHANDISE");
    assert_eq!(category.detailed, "GENERAL_MERCHANDISE_SUPERSTORES");
    assert_eq!(category.confidence_level, Some(ConfidenceLevel::VeryHigh));
    assert_eq!(
        walmart.counterparties[0].counterparty_type,
        CounterpartyType::Merchant
    );
    assert_eq!(
        walmart.counterparties[0].entity_id.as_deref(),
        Some("O5W5j4dN9OR3E6ypQmjdkWZZRoXEzVMz2ByWM")
    );
    assert_eq!(walmart.merchant_name.as_deref(), Some("Walmart"));

    let rich = &page.modified[0];
    assert_eq!(rich.amount, amount("-1234567.89"));
    assert_eq!(rich.amount.minor_units(2), Some(-123_456_789));
    assert_eq!(rich.running_balance, Some(amount("1005.10")));
    assert_eq!(rich.running_balance.unwrap().to_string(), "1005.10");
    assert!(rich.pending && rich.pending_transaction_id.is_none());
    assert_eq!(
        rich.payment_channel,
        PaymentChannel::Unknown("by carrier pigeon".into())
    );
    assert_eq!(rich.transaction_code, Some(TransactionCode::DirectDebit));
    assert_eq!(rich.authorized_datetime.unwrap().offset_minutes(), -420);
    assert_eq!(rich.authorized_datetime.unwrap().nanosecond(), 250_000_000);
    assert_eq!(rich.merchant_category_code.as_deref(), Some("5814"));
    let category = rich.personal_finance_category.as_ref().unwrap();
    assert_eq!(
        category.confidence_level,
        Some(ConfidenceLevel::Unknown("SOMEWHAT_SURE".into()))
    );
    assert_eq!(category.version, Some(PersonalFinanceCategoryVersion::V2));
    let drone = &rich.counterparties[0];
    assert_eq!(
        drone.counterparty_type,
        CounterpartyType::Unknown("delivery_drone".into())
    );
    let numbers = drone.account_numbers.as_ref().unwrap();
    assert_eq!(
        numbers
            .bacs
            .as_ref()
            .unwrap()
            .sort_code
            .as_ref()
            .unwrap()
            .as_str(),
        "601613"
    );
    assert_eq!(
        numbers
            .international
            .as_ref()
            .unwrap()
            .iban
            .as_ref()
            .unwrap()
            .as_str(),
        "GB29NWBK60161331926819"
    );
    assert_eq!(rich.counterparties[1].confidence_level, None);
    let meta = rich.payment_meta.as_ref().unwrap();
    assert_eq!(meta.payee.as_deref().map(String::as_str), Some("John Roe"));
    assert_eq!(meta.ppd_id.as_deref(), Some("1234567890"));
    assert_eq!(
        rich.account_owner.as_deref().map(String::as_str),
        Some("JANE Q CARDHOLDER")
    );

    // People named in a transaction and counterparties' numbers stay out of Debug.
    let debug = format!("{page:?}");
    for secret in [
        "John Roe",
        "Jane Q Public",
        "JANE Q CARDHOLDER",
        "GB29NWBK60161331926819",
        "31926819",
    ] {
        assert!(!debug.contains(secret), "{secret} leaked into Debug");
    }
    assert!(debug.contains("Walmart"), "a merchant is not personal data");
}

#[test]
fn transactions_sync_errors() {
    let mutation = sync_answer(400, &mutation_body()).unwrap_err();
    assert_eq!(mutation.kind(), ErrorKind::ClientError);
    let plaid = mutation.plaid().unwrap();
    assert!(plaid.is_sync_mutation());
    assert_eq!(plaid.error_type, ErrorType::TransactionsError);
    // Not retried by the engine: the whole loop must restart instead.
    assert!(!mutation.is_retryable());

    let stale = sync_answer(400, &plaid_error("INVALID_REQUEST", "INVALID_FIELD")).unwrap_err();
    assert_eq!(stale.plaid_code(), Some(&ErrorCode::INVALID_FIELD));
    assert_eq!(stale.request_id(), Some(REQUEST_ID));

    let missing = sync_answer(200, &success(json!({"added": [], "has_more": false}))).unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::Decode);
}

#[test]
fn transactions_get_request() {
    let plain = client()
        .transactions_get(TOKEN, date("2023-01-01"), date("2023-12-31"))
        .to_request()
        .unwrap();
    assert_request(
        &plain,
        "/transactions/get",
        true,
        json!({"access_token": TOKEN, "start_date": "2023-01-01", "end_date": "2023-12-31"}),
    );
    let full = client()
        .transactions_get(TOKEN, date("2023-01-01"), date("2023-12-31"))
        .with(|r| {
            r.account_ids([ACCOUNT])
                .count(250)
                .offset(500)
                .include_original_description(true)
                .personal_finance_category_version(PersonalFinanceCategoryVersion::V1)
                .days_requested(365)
        })
        .to_request()
        .unwrap();
    assert_request(
        &full,
        "/transactions/get",
        true,
        json!({
            "access_token": TOKEN,
            "start_date": "2023-01-01",
            "end_date": "2023-12-31",
            "options": {
                "account_ids": [ACCOUNT],
                "count": 250,
                "offset": 500,
                "include_original_description": true,
                "personal_finance_category_version": "v1",
                "days_requested": 365
            }
        }),
    );
    let client = client();
    let call = || client.transactions_get(TOKEN, date("2023-01-01"), date("2023-12-31"));
    assert_refused(
        client.transactions_get("", date("2023-01-01"), date("2023-12-31")),
        "access token is empty",
    );
    assert_refused(
        client.transactions_get(TOKEN, date("2023-12-31"), date("2023-01-01")),
        "start date is after the end date",
    );
    assert_refused(
        call().with(|r| r.count(501)),
        "count must be between 1 and 500",
    );
    assert_refused(
        call().with(|r| r.account_ids(Vec::<String>::new())),
        "account id filter is empty",
    );
    assert!(is_idempotent(&call()));
}

#[test]
fn transactions_get_response() {
    let body = get_body(&ids(0, 3), 1200);
    let page = TransactionsGet::parse_response(answer(200, &body)).unwrap();
    assert_eq!(page.total_transactions, 1200);
    let got = ids_of(&page.transactions);
    assert_eq!(got, ["t0", "t1", "t2"]);
    assert_eq!(page.transactions[2].amount, amount("3.03"));
    assert_eq!(page.item.institution_id.as_deref(), Some("ins_117650"));
    assert_eq!(page.accounts[0].mask.as_deref(), Some("0000"));

    let not_ready = TransactionsGet::parse_response(answer(
        400,
        &plaid_error("ITEM_ERROR", "PRODUCT_NOT_READY"),
    ))
    .unwrap_err();
    assert!(not_ready.plaid().unwrap().is_product_not_ready());
}

#[test]
fn transactions_refresh_request_and_response() {
    let request = client().transactions_refresh(TOKEN).to_request().unwrap();
    assert_request(
        &request,
        "/transactions/refresh",
        true,
        json!({ "access_token": TOKEN }),
    );
    assert_refused(client().transactions_refresh(""), "access token is empty");
    // Each refresh is a pull from the bank: never repeated by a retry.
    assert!(!is_idempotent(&client().transactions_refresh(TOKEN)));

    let done = TransactionsRefresh::parse_response(answer(200, &success(json!({})))).unwrap();
    assert_eq!(done.request_id, REQUEST_ID);
    let refused = TransactionsRefresh::parse_response(answer(
        400,
        &plaid_error("ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED"),
    ))
    .unwrap_err();
    assert_eq!(
        refused.plaid_code(),
        Some(&ErrorCode::PRODUCTS_NOT_SUPPORTED)
    );
}

#[test]
fn transactions_recurring_get_request() {
    let plain = client()
        .transactions_recurring_get(TOKEN)
        .to_request()
        .unwrap();
    assert_request(
        &plain,
        "/transactions/recurring/get",
        true,
        json!({ "access_token": TOKEN }),
    );
    let full = client()
        .transactions_recurring_get(TOKEN)
        .with(|r| {
            r.account_ids([ACCOUNT])
                .personal_finance_category_version(PersonalFinanceCategoryVersion::V2)
        })
        .to_request()
        .unwrap();
    assert_request(
        &full,
        "/transactions/recurring/get",
        true,
        json!({
            "access_token": TOKEN,
            "account_ids": [ACCOUNT],
            "options": {"personal_finance_category_version": "v2"}
        }),
    );
    assert_refused(
        client().transactions_recurring_get(""),
        "access token is empty",
    );
    assert_refused(
        client()
            .transactions_recurring_get(TOKEN)
            .with(|r| r.account_ids([""])),
        "account id in the filter is empty",
    );
    assert!(is_idempotent(&client().transactions_recurring_get(TOKEN)));
    assert!(!format!("{:?}", TransactionsRecurringGet::new(TOKEN)).contains(TOKEN));
}

/// Shaped like the spec's `/transactions/recurring/get` example, with a
/// frequency this version does not know.
#[test]
fn transactions_recurring_get_response() {
    let stream = |id: &str, frequency: &str, amount: f64| {
        json!({
            "account_id": ACCOUNT,
            "stream_id": id,
            "category": null,
            "category_id": null,
            "description": "Platypus Payroll",
            "merchant_name": null,
            "personal_finance_category": {"primary": "INCOME", "detailed": "INCOME_WAGES", "confidence_level": "UNKNOWN"},
            "first_date": "2022-02-28",
            "last_date": "2023-04-30",
            "predicted_next_date": "2023-05-15",
            "frequency": frequency,
            "transaction_ids": ["nkeaNrDGrhdo6c4qZWDA8ekuIPuJ4Avg5nKfw"],
            "average_amount": {"amount": amount, "iso_currency_code": "USD", "unofficial_currency_code": null},
            "last_amount": {"amount": amount, "iso_currency_code": "USD", "unofficial_currency_code": null},
            "is_active": true,
            "status": "MATURE",
            "is_user_modified": false
        })
    };
    let body = success(json!({
        "updated_datetime": "2023-05-01T12:30:00Z",
        "inflow_streams": [stream("no86Eox18VHMvaOVL7gPUM9ap3aR1LsAVZ5nc", "SEMI_MONTHLY", -800.25)],
        "outflow_streams": [stream("SrBNJZDuUMweodmHmSOeOE", "FORTNIGHTLY_ISH", 85.0)],
        "personal_finance_category_version": "v2",
    }));
    let got = TransactionsRecurringGet::parse_response(answer(200, &body)).unwrap();
    let pay = &got.inflow_streams[0];
    assert_eq!(pay.frequency, RecurringTransactionFrequency::SemiMonthly);
    assert_eq!(pay.average_amount.amount, Some(amount("-800.25")));
    assert_eq!(pay.status, TransactionStreamStatus::Mature);
    assert_eq!(pay.predicted_next_date, Some(date("2023-05-15")));
    assert_eq!(pay.first_date, date("2022-02-28"));
    assert!(pay.is_active && !pay.is_user_modified);
    assert_eq!(
        pay.personal_finance_category
            .as_ref()
            .unwrap()
            .confidence_level,
        Some(ConfidenceLevel::Undetermined)
    );
    assert_eq!(
        got.outflow_streams[0].frequency,
        RecurringTransactionFrequency::Unknown("FORTNIGHTLY_ISH".into())
    );
    assert_eq!(
        got.outflow_streams[0].last_amount.amount,
        Some(amount("85.0"))
    );
    assert_eq!(
        got.updated_datetime,
        "2023-05-01T12:30:00Z".parse::<DateTime>().unwrap()
    );
    assert_eq!(
        got.personal_finance_category_version,
        Some(PersonalFinanceCategoryVersion::V2)
    );
}
