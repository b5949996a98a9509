//! The Investments routes: `/investments/holdings/get` and `/investments/transactions/get`
//! (count/offset pages by `total_investment_transactions`), over the data of
//! [`crate::modern::data::investments`].
//!
//! Both answer every account of the Item as an `InvestmentAccount` (its balances with
//! `margin_loan_amount`), as Plaid's examples do, and the securities the holdings or the
//! returned transactions name. Data is dated by the day the Item was created, so an Item
//! answers the same on every call.

use serde_json::{Value, json};

use crate::modern::Modern;
use crate::modern::clock;
use crate::modern::data::accounts::Account;
use crate::modern::data::investments;
use crate::modern::errors::ApiResult;
use crate::modern::fields::Fields;
use crate::modern::handlers::transactions::{date_range, offset};
use crate::modern::handlers::{item_json, select};

/// The `InvestmentAccount`s of `accounts`.
fn investment_accounts(accounts: &[&Account]) -> Value {
    Value::Array(
        accounts
            .iter()
            .map(|a| {
                let mut value = a.to_json();
                value["balances"]["margin_loan_amount"] = Value::Null;
                value
            })
            .collect(),
    )
}

/// `/investments/holdings/get`: the holdings of the selected investment accounts.
pub(crate) fn holdings_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let item = modern
        .items()
        .usable_item(f.required_str("access_token")?, Some("investments"))?;
    let all = item.accounts();
    let selected = select(&all, &f)?;
    let day = clock::day_of(item.created);
    let (mut holdings, mut held) = (Vec::new(), Vec::new());
    for account in selected.iter().filter(|a| a.kind == "investment") {
        let (list, securities) = investments::holdings(&item.id, account, day);
        holdings.extend(list);
        held.extend(securities);
    }
    Ok(json!({
        "accounts": investment_accounts(&selected),
        "holdings": holdings,
        "securities": investments::securities(&held, day),
        "item": item_json(&item),
        "is_investments_fallback_item": false,
    }))
}

/// `/investments/transactions/get`: the investment transactions dated `start_date..=end_date`
/// of the selected accounts, newest first, `options.count` (1 to 500, default 100) from
/// `options.offset`.
pub(crate) fn transactions_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let token = f.required_str("access_token")?;
    let (start, end) = date_range(&f)?;
    let options = f.options()?;
    options.bool("async_update")?;
    let count = match options.int("count")? {
        None => 100,
        Some(n) if (1..=500).contains(&n) => n as usize,
        Some(_) => return Err(options.invalid("count", "must be between 1 and 500")),
    };
    let offset = offset(&options)?;
    let item = modern.items().usable_item(token, Some("investments"))?;
    let all = item.accounts();
    let selected = select(&all, &f)?;
    let day = clock::day_of(item.created);
    let mut list: Vec<investments::InvestmentTxn> = Vec::new();
    for account in selected.iter().filter(|a| a.kind == "investment") {
        list.extend(investments::transactions(&item.id, account, day));
    }
    list.retain(|t| t.day >= start && t.day <= end);
    let total = list.len();
    let page: Vec<&investments::InvestmentTxn> = list.iter().skip(offset).take(count).collect();
    let named: Vec<usize> = page.iter().filter_map(|t| t.security).collect();
    Ok(json!({
        "item": item_json(&item),
        "accounts": investment_accounts(&selected),
        "securities": investments::securities(&named, day),
        "investment_transactions": page.iter().map(|t| t.to_json()).collect::<Vec<_>>(),
        "total_investment_transactions": total,
        "is_investments_fallback_item": false,
    }))
}
