//! Transaction bodies the transactions, sync and pager tests share, shaped
//! like the spec's `/transactions/sync` example (`2020-09-14.yml`): every
//! key the official python client requires, nullable ones as explicit
//! `null`, `location` and `payment_meta` complete.
#![allow(dead_code)]

use plaid_core::Endpoint;
use plaid_core::modern::endpoints::{
    TransactionsGet, TransactionsGetResponse, TransactionsSync, TransactionsSyncResponse,
};
use plaid_core::modern::models::Transaction;
use serde_json::{Value, json};

use crate::bodies::{checking, item, success};
use crate::wire::{answer, plaid_error};

/// The spec example's account id.
pub(crate) const ACCOUNT: &str = "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp";

/// The spec's Walmart purchase, with id `id` and amount `amount` (a JSON
/// number's text, kept exact).
pub(crate) fn transaction(id: &str, amount: &str) -> Value {
    let amount: Value = serde_json::from_str(amount).unwrap();
    json!({
        "account_id": ACCOUNT,
        "account_owner": null,
        "amount": amount,
        "iso_currency_code": "USD",
        "unofficial_currency_code": null,
        "check_number": null,
        "counterparties": [{
            "name": "Walmart",
            "type": "merchant",
            "logo_url": "https://plaid-merchant-logos.plaid.com/walmart_1100.png",
            "website": "walmart.com",
            "entity_id": "O5W5j4dN9OR3E6ypQmjdkWZZRoXEzVMz2ByWM",
            "confidence_level": "VERY_HIGH"
        }],
        "date": "2023-09-24",
        "datetime": "2023-09-24T11:01:01Z",
        "authorized_date": "2023-09-22",
        "authorized_datetime": "2023-09-22T10:34:50Z",
        "location": {
            "address": "13425 Community Rd",
            "city": "Poway",
            "region": "CA",
            "postal_code": "92064",
            "country": "US",
            "lat": 32.959068,
            "lon": -117.037666,
            "store_number": "1700"
        },
        "name": "PURCHASE WM SUPERCENTER #1700",
        "merchant_name": "Walmart",
        "merchant_entity_id": "O5W5j4dN9OR3E6ypQmjdkWZZRoXEzVMz2ByWM",
        "logo_url": "https://plaid-merchant-logos.plaid.com/walmart_1100.png",
        "website": "walmart.com",
        "payment_meta": {
            "by_order_of": null,
            "payee": null,
            "payer": null,
            "payment_method": null,
            "payment_processor": null,
            "ppd_id": null,
            "reason": null,
            "reference_number": null
        },
        "payment_channel": "in store",
        "pending": false,
        "pending_transaction_id": "no86Eox18VHMvaOVL7gPUM9ap3aR1LsAVZ5nc",
        "personal_finance_category": {
            "primary": "GENERAL_MERCHANDISE",
            "detailed": "GENERAL_MERCHANDISE_SUPERSTORES",
            "confidence_level": "VERY_HIGH"
        },
        "personal_finance_category_icon_url":
            "https://plaid-category-icons.plaid.com/PFC_GENERAL_MERCHANDISE.png",
        "transaction_id": id,
        "transaction_code": null,
        "transaction_type": "place"
    })
}

/// Transactions with the given ids, amounts 1.01, 2.02, ….
pub(crate) fn transactions(ids: &[&str]) -> Vec<Value> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| {
            let n = i + 1;
            transaction(id, &format!("{n}.{:02}", n % 100))
        })
        .collect()
}

/// A `/transactions/sync` page body.
pub(crate) fn sync_body(
    added: &[&str],
    modified: &[&str],
    removed: &[&str],
    next_cursor: &str,
    has_more: bool,
    status: &str,
) -> String {
    let removed: Vec<Value> = removed
        .iter()
        .map(|id| json!({"transaction_id": id, "account_id": ACCOUNT}))
        .collect();
    success(json!({
        "accounts": [checking()],
        "added": transactions(added),
        "modified": transactions(modified),
        "removed": removed,
        "next_cursor": next_cursor,
        "has_more": has_more,
        "transactions_update_status": status,
    }))
}

/// A sync page whose `added` are `added`, followed by `next_cursor`.
pub(crate) fn sync_page(added: &[&str], next_cursor: &str, has_more: bool) -> String {
    sync_body(
        added,
        &[],
        &[],
        next_cursor,
        has_more,
        "HISTORICAL_UPDATE_COMPLETE",
    )
}

/// The page of an Item whose transactions are not ready: no changes, an
/// empty cursor.
pub(crate) fn not_ready_page() -> String {
    sync_body(&[], &[], &[], "", false, "NOT_READY")
}

/// The mutation error's body.
pub(crate) fn mutation_body() -> String {
    plaid_error(
        "TRANSACTIONS_ERROR",
        "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
    )
}

/// `body` read as a sync answer of `status`, as the client would.
pub(crate) fn sync_answer(
    status: u16,
    body: &str,
) -> Result<TransactionsSyncResponse, plaid_core::Error> {
    TransactionsSync::parse_response(answer(status, body))
}

/// A `/transactions/get` page body: transactions `ids` of `total`.
pub(crate) fn get_body(ids: &[String], total: u64) -> String {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    success(json!({
        "accounts": [checking()],
        "transactions": transactions(&ids),
        "total_transactions": total,
        "item": item(),
    }))
}

/// `body` read as a `/transactions/get` answer.
pub(crate) fn get_answer(body: &str) -> Result<TransactionsGetResponse, plaid_core::Error> {
    TransactionsGet::parse_response(answer(200, body))
}

/// Ids `t{from}` … `t{to - 1}`.
pub(crate) fn ids(from: u64, to: u64) -> Vec<String> {
    (from..to).map(|i| format!("t{i}")).collect()
}

/// The ids of `transactions`, in order: what the tests compare a page or
/// a collected list by.
pub(crate) fn ids_of(transactions: &[Transaction]) -> Vec<&str> {
    transactions
        .iter()
        .map(|t| t.transaction_id.as_str())
        .collect()
}
