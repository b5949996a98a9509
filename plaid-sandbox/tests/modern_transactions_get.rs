//! `/transactions/get` (count/offset pages by `total_transactions`, newest first, date range
//! and account filters, `days_requested`) and `/transactions/recurring/get` (the streams of
//! the recurring payments).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::collections::HashSet;

use common::modern::{ITEM_KEYS, has_keys, ids, item, item_with, ok, post, sb, sync_loop};
use plaid_sandbox::Sandbox;
use serde_json::{Value, json};

fn get(token: &str, start: &str, end: &str, options: Value) -> Value {
    json!({ "access_token": token, "start_date": start, "end_date": end, "options": options })
}

/// Every page of `/transactions/get` over `start..=end`, paged by `total_transactions`.
fn all_pages(sb: &Sandbox, token: &str, start: &str, end: &str, count: usize) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    loop {
        let options = json!({ "count": count, "offset": out.len() });
        let page = ok(sb, "/transactions/get", &get(token, start, end, options));
        let list = page["transactions"].as_array().unwrap();
        assert!(list.len() <= count);
        out.extend(list.iter().cloned());
        let total = page["total_transactions"].as_u64().unwrap() as usize;
        if out.len() >= total {
            assert_eq!(out.len(), total);
            return out;
        }
        assert!(!list.is_empty(), "a short page before the total");
    }
}

#[test]
fn pages_by_total_transactions_cover_the_history_newest_first() {
    let sb = sb();
    let (token, _) = item(&sb);
    let pages = all_pages(&sb, &token, "2000-01-01", "2100-01-01", 45);
    let dates: Vec<&str> = pages.iter().map(|t| t["date"].as_str().unwrap()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "reverse chronological"
    );
    assert_eq!(
        pages,
        all_pages(&sb, &token, "2000-01-01", "2100-01-01", 45),
        "stable"
    );
    let synced = sync_loop(&sb, &token, "", 500, &json!({}));
    let a: HashSet<String> = ids(&pages).into_iter().collect();
    assert_eq!(a, ids(&synced.added).into_iter().collect::<HashSet<_>>());
    assert_eq!(a.len(), pages.len());

    let body = ok(
        &sb,
        "/transactions/get",
        &get(&token, "2000-01-01", "2100-01-01", json!({})),
    );
    has_keys(
        &body,
        &[
            "accounts",
            "transactions",
            "total_transactions",
            "item",
            "request_id",
        ],
    );
    has_keys(&body["item"], &ITEM_KEYS);
    assert_eq!(
        body["transactions"].as_array().unwrap().len(),
        100,
        "count defaults to 100"
    );
    assert_eq!(body["accounts"].as_array().unwrap().len(), 5);
    let past = json!({ "offset": pages.len() + 10 });
    let empty = ok(
        &sb,
        "/transactions/get",
        &get(&token, "2000-01-01", "2100-01-01", past),
    );
    assert_eq!(empty["transactions"], json!([]));
    assert_eq!(empty["total_transactions"], pages.len());
}

#[test]
fn a_date_range_and_an_account_filter_narrow_the_total() {
    let sb = sb();
    let (token, _) = item(&sb);
    let all = all_pages(&sb, &token, "2000-01-01", "2100-01-01", 500);
    let newest = all[0]["date"].as_str().unwrap().to_owned();
    let oldest = all[all.len() - 1]["date"].as_str().unwrap().to_owned();
    let middle = all[all.len() / 2]["date"].as_str().unwrap().to_owned();
    let recent = all_pages(&sb, &token, &middle, &newest, 500);
    let expected = all
        .iter()
        .filter(|t| t["date"].as_str().unwrap() >= middle.as_str())
        .count();
    assert_eq!(recent.len(), expected);
    let one_day = all_pages(&sb, &token, &oldest, &oldest, 500);
    assert!(one_day.iter().all(|t| t["date"] == oldest.as_str()));

    let savings =
        all.iter().find(|t| t["category_id"] == "15001000").unwrap()["account_id"].clone();
    let options = json!({ "account_ids": [savings], "count": 500 });
    let filtered = ok(
        &sb,
        "/transactions/get",
        &get(&token, "2000-01-01", "2100-01-01", options),
    );
    let list = filtered["transactions"].as_array().unwrap();
    assert!(!list.is_empty() && list.iter().all(|t| t["account_id"] == savings));
    assert_eq!(
        filtered["total_transactions"],
        all.iter().filter(|t| t["account_id"] == savings).count()
    );
    assert_eq!(filtered["accounts"].as_array().unwrap().len(), 1);
    let offset = json!({ "account_ids": [savings], "count": 2, "offset": 1 });
    let second = ok(
        &sb,
        "/transactions/get",
        &get(&token, "2000-01-01", "2100-01-01", offset),
    );
    assert_eq!(second["transactions"].as_array().unwrap()[..], list[1..3]);
}

#[test]
fn days_requested_sets_how_far_back_the_history_goes() {
    let sb = sb();
    let span = |token: &str| {
        let all = all_pages(&sb, token, "2000-01-01", "2100-01-01", 500);
        let day = |t: &Value| t["date"].as_str().unwrap().to_owned();
        (day(&all[all.len() - 1]), day(&all[0]), all.len())
    };
    let (short, _) = item(&sb);
    let long_options = json!({ "transactions": { "days_requested": 730 } });
    let (long, _) = item_with(&sb, "ins_109508", &["transactions"], long_options);
    let (s_first, s_last, s_len) = span(&short);
    let (l_first, l_last, l_len) = span(&long);
    assert_eq!(s_last, l_last);
    assert!(
        l_first < s_first && l_len > 4 * s_len,
        "{l_first} {l_len} vs {s_first} {s_len}"
    );
    let days = |from: &str, to: &str| day_number(to) - day_number(from) + 1;
    assert_eq!(days(&s_first, &s_last), 90, "{s_first}..{s_last}");
    assert_eq!(days(&l_first, &l_last), 730, "{l_first}..{l_last}");
    for bad in [0, 731] {
        let options = json!({ "transactions": { "days_requested": bad } });
        let body = json!({ "institution_id": "ins_109508", "initial_products": ["transactions"],
                           "options": options });
        post(&sb, "/sandbox/public_token/create", &body).plaid_error(
            400,
            "INVALID_REQUEST",
            "INVALID_FIELD",
        );
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's days_from_civil), to
/// count the days a history spans.
fn day_number(date: &str) -> i64 {
    let p: Vec<i64> = date.split('-').map(|x| x.parse().unwrap()).collect();
    let (y, m, d) = (if p[1] <= 2 { p[0] - 1 } else { p[0] }, p[1], p[2]);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

#[test]
fn bad_requests_are_refused() {
    let sb = sb();
    let (token, _) = item(&sb);
    let bad = |body: Value, kind: &str, code: &str| {
        post(&sb, "/transactions/get", &body).plaid_error(400, kind, code);
    };
    bad(
        json!({ "access_token": token, "start_date": "2024-01-01" }),
        "INVALID_REQUEST",
        "MISSING_FIELDS",
    );
    bad(
        get(&token, "2024-02-30", "2024-03-01", json!({})),
        "INVALID_REQUEST",
        "INVALID_FIELD",
    );
    bad(
        get(&token, "01/01/2024", "2024-03-01", json!({})),
        "INVALID_REQUEST",
        "INVALID_FIELD",
    );
    bad(
        get(&token, "2024-03-02", "2024-03-01", json!({})),
        "INVALID_REQUEST",
        "INVALID_FIELD",
    );
    for options in [
        json!({ "count": 0 }),
        json!({ "count": 501 }),
        json!({ "offset": -1 }),
    ] {
        bad(
            get(&token, "2024-01-01", "2024-03-01", options),
            "INVALID_REQUEST",
            "INVALID_FIELD",
        );
    }
    bad(
        get(
            &token,
            "2024-01-01",
            "2024-03-01",
            json!({ "account_ids": ["nope"] }),
        ),
        "INVALID_INPUT",
        "INVALID_ACCOUNT_ID",
    );
    bad(
        get(&token, "2024-01-01", "2024-03-01", json!({ "cursor": "x" })),
        "INVALID_REQUEST",
        "UNKNOWN_FIELDS",
    );
}

#[test]
fn recurring_streams_describe_the_regular_payments() {
    let sb = sb();
    let options = json!({ "transactions": { "days_requested": 180 } });
    let (token, _) = item_with(&sb, "ins_109508", &["transactions"], options);
    let body = ok(
        &sb,
        "/transactions/recurring/get",
        &json!({ "access_token": token }),
    );
    has_keys(
        &body,
        &[
            "inflow_streams",
            "outflow_streams",
            "updated_datetime",
            "request_id",
        ],
    );
    let all: HashSet<String> = ids(&all_pages(&sb, &token, "2000-01-01", "2100-01-01", 500))
        .into_iter()
        .collect();
    let inflow = body["inflow_streams"].as_array().unwrap();
    let outflow = body["outflow_streams"].as_array().unwrap();
    assert!(inflow.len() >= 3 && outflow.len() >= 6);
    for stream in inflow.iter().chain(outflow) {
        has_keys(
            stream,
            &[
                "account_id",
                "stream_id",
                "category",
                "category_id",
                "description",
                "merchant_name",
                "first_date",
                "last_date",
                "frequency",
                "transaction_ids",
                "average_amount",
                "last_amount",
                "is_active",
                "status",
                "is_user_modified",
            ],
        );
        has_keys(
            &stream["average_amount"],
            &["amount", "iso_currency_code", "unofficial_currency_code"],
        );
        for id in stream["transaction_ids"].as_array().unwrap() {
            assert!(
                all.contains(id.as_str().unwrap()),
                "{id} is a real transaction"
            );
        }
        assert_eq!(stream["status"], "MATURE");
    }
    let payroll = inflow
        .iter()
        .find(|s| s["personal_finance_category"]["detailed"] == "INCOME_WAGES")
        .unwrap();
    assert_eq!(payroll["frequency"], "SEMI_MONTHLY");
    assert!(
        payroll["average_amount"]["amount"].as_f64().unwrap() < 0.0,
        "money in is negative"
    );
    let rent = outflow
        .iter()
        .find(|s| s["personal_finance_category"]["detailed"] == "RENT_AND_UTILITIES_RENT")
        .unwrap();
    assert_eq!(rent["frequency"], "MONTHLY");
    assert_eq!(rent["last_amount"]["amount"], 1850.0);
    assert!(rent["transaction_ids"].as_array().unwrap().len() >= 5);

    let card =
        ok(&sb, "/accounts/get", &json!({ "access_token": token }))["accounts"][2]["account_id"]
            .clone();
    let filtered = ok(
        &sb,
        "/transactions/recurring/get",
        &json!({ "access_token": token, "account_ids": [card] }),
    );
    let streams: Vec<&Value> = filtered["inflow_streams"]
        .as_array()
        .unwrap()
        .iter()
        .chain(filtered["outflow_streams"].as_array().unwrap())
        .collect();
    assert!(!streams.is_empty() && streams.iter().all(|s| s["account_id"] == card));

    let (plain, _) = item_with(&sb, "ins_117501", &["transactions"], json!({}));
    post(
        &sb,
        "/transactions/recurring/get",
        &json!({ "access_token": plain }),
    )
    .plaid_error(400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED");
}
