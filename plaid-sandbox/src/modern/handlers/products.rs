//! The data calls on an Item: accounts, balances, Auth numbers, Identity and Liabilities.
//!
//! Each one needs a usable Item (`ITEM_LOGIN_REQUIRED` after a reset_login, `ITEM_NOT_FOUND`
//! once removed) and answers from the data derived from its id. Auth and Identity also need
//! the institution to offer the product, and bill it on first use (see
//! [`crate::modern::state::Items::usable_item`]).

use serde_json::{Value, json};

use crate::modern::Modern;
use crate::modern::clock;
use crate::modern::data::accounts::{self, Account};
use crate::modern::data::{identity, liabilities};
use crate::modern::errors::ApiResult;
use crate::modern::fields::Fields;
use crate::modern::handlers::{item_json, select};
use crate::modern::state::Item;

/// The usable Item of the request (see [`crate::modern::state::Items::usable_item`]).
fn usable(modern: &Modern, f: &Fields<'_>, product: Option<&str>) -> ApiResult<Item> {
    modern
        .items()
        .usable_item(f.required_str("access_token")?, product)
}

fn accounts_json(selected: &[&Account]) -> Value {
    Value::Array(selected.iter().map(|a| a.to_json()).collect())
}

/// `/accounts/get` and `/accounts/balance/get` (both answer `AccountsGetResponse`).
fn accounts_of(modern: &Modern, f: &Fields<'_>) -> ApiResult<Value> {
    let item = usable(modern, f, None)?;
    let all = item.accounts();
    let selected = select(&all, f)?;
    Ok(json!({ "accounts": accounts_json(&selected), "item": item_json(&item) }))
}

/// `/accounts/get`.
pub(crate) fn accounts_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    accounts_of(modern, &f)
}

/// `/accounts/balance/get` (`options.min_last_updated_datetime` is accepted: the emulator's
/// balances are always fresh).
pub(crate) fn balance_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    f.options()?.str("min_last_updated_datetime")?;
    accounts_of(modern, &f)
}

/// `/auth/get`: the accounts and the bank numbers of the depository ones.
pub(crate) fn auth_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let item = usable(modern, &f, Some("auth"))?;
    let all = item.accounts();
    let selected = select(&all, &f)?;
    Ok(json!({
        "accounts": accounts_json(&selected),
        "numbers": accounts::numbers(&selected, item.institution),
        "item": item_json(&item),
    }))
}

/// `/identity/get`: the accounts, each with its owners.
pub(crate) fn identity_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let item = usable(modern, &f, Some("identity"))?;
    let all = item.accounts();
    let selected = select(&all, &f)?;
    let owners = identity::owners(&item.id);
    let accounts: Vec<Value> = selected
        .iter()
        .map(|a| {
            let mut value = a.to_json();
            value["owners"] = owners.clone();
            value
        })
        .collect();
    Ok(json!({ "accounts": accounts, "item": item_json(&item) }))
}

/// `/liabilities/get`: the selected accounts and the liabilities among them: the credit
/// card, the student loan, and the mortgage of an Item linked with `liabilities`.
pub(crate) fn liabilities_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let item = usable(modern, &f, Some("liabilities"))?;
    let all = item.accounts();
    let selected = select(&all, &f)?;
    let day = clock::day_of(item.created);
    let of = |subtype: &str, build: fn(&Account, i64) -> Value| -> Vec<Value> {
        selected
            .iter()
            .filter(|a| a.subtype == subtype)
            .map(|a| build(a, day))
            .collect()
    };
    Ok(json!({
        "accounts": accounts_json(&selected),
        "item": item_json(&item),
        "liabilities": {
            "credit": of("credit card", liabilities::credit),
            "mortgage": of("mortgage", liabilities::mortgage),
            "student": of("student", liabilities::student),
        },
    }))
}
