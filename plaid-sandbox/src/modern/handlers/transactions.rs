//! The Transactions routes: `/transactions/sync` (cursor pages over the Item's change log),
//! `/transactions/get` (count/offset pages over its current transactions),
//! `/transactions/refresh` and `/transactions/recurring/get`.
//!
//! Each reads the Item's feed ([`crate::modern::feed`]) under the state's lock, takes what
//! the page needs (owned transactions and the shared history), and builds the JSON after the
//! lock is released, so a large page does not hold other connections up.

use std::sync::Arc;

use serde_json::{Value, json};

use crate::modern::Modern;
use crate::modern::clock::{self, rfc3339};
use crate::modern::cursor;
use crate::modern::data::accounts::Account;
use crate::modern::data::recurring;
use crate::modern::data::transactions::{History, Txn};
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::feed::{Phase, SyncError, SyncPage};
use crate::modern::fields::Fields;
use crate::modern::handlers::items::days_requested;
use crate::modern::handlers::{item_json, select, select_ids};

/// The options every transactions read accepts and the emulator needs no more than checked:
/// the generated transactions always carry categories, counterparties and logos.
const CHECKED_BOOLS: [&str; 3] = [
    "include_personal_finance_category",
    "include_personal_finance_category_beta",
    "include_logo_and_counterparty_beta",
];

/// The page size of `name` in `fields` (default 100, 1 to 500, as the spec bounds it).
fn count(fields: &Fields<'_>, name: &str) -> ApiResult<usize> {
    match fields.int(name)? {
        None => Ok(100),
        Some(n) if (1..=500).contains(&n) => Ok(n as usize),
        Some(_) => Err(fields.invalid(name, "must be between 1 and 500")),
    }
}

/// Reads the shared options; returns `include_original_description`.
fn read_options(options: &Fields<'_>) -> ApiResult<bool> {
    for name in CHECKED_BOOLS {
        options.bool(name)?;
    }
    if let Some(version) = options.str("personal_finance_category_version")? {
        if !matches!(version, "v1" | "v2") {
            return Err(options.invalid("personal_finance_category_version", "must be v1 or v2"));
        }
    }
    Ok(options
        .bool("include_original_description")?
        .unwrap_or(false))
}

/// The error of a cursor this Item did not issue.
fn foreign_cursor() -> PlaidError {
    PlaidError::invalid_field("cursor", "not associated with access_token")
}

/// The transactions of a page as JSON.
fn txns_json(history: &History, txns: &[Txn], original: bool) -> Value {
    Value::Array(txns.iter().map(|t| history.to_json(t, original)).collect())
}

fn accounts_json(accounts: &[&Account]) -> Value {
    Value::Array(accounts.iter().map(|a| a.to_json()).collect())
}

/// What a sync request takes out of the lock.
struct Synced {
    status: &'static str,
    accounts: Vec<Account>,
    page: Option<(SyncPage, Arc<History>, String)>,
}

/// `/transactions/sync`.
pub(crate) fn sync(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let token = f.required_str("access_token")?;
    let text = f.str("cursor")?.unwrap_or_default();
    if text.len() > cursor::MAX_TEXT {
        return Err(f.invalid("cursor", "must be at most 256 characters"));
    }
    let count = count(&f, "count")?;
    let options = f.options()?;
    let original = read_options(&options)?;
    let days = days_requested(&options)?;
    let account_id = options.str("account_id")?;
    let signer = *modern.items().signer();
    let synced = modern.items().with_feed(token, days, true, |item, feed| {
        feed.mark_synced();
        let mut accounts = item.accounts();
        accounts.truncate(3);
        let account = match account_id {
            None => None,
            Some(id) => {
                let all = item.accounts();
                let index = all.iter().position(|a| a.id == id);
                let index = index.ok_or_else(|| PlaidError::detailed("INVALID_ACCOUNT_ID", id))?;
                accounts.retain(|a| a.id == id);
                Some(index as u8)
            }
        };
        let position = match text {
            "" => None,
            "now" => Some(feed.now_cursor(account)),
            text => Some(signer.decode(&item.id, text).ok_or_else(foreign_cursor)?),
        };
        if position.is_some_and(|c| c.account != account) {
            return Err(PlaidError::invalid_field(
                "cursor",
                "not associated with this options.account_id: each account_id has a cursor of \
                 its own",
            ));
        }
        let status = feed.phase().status();
        if feed.phase() == Phase::NotReady {
            return Ok(Synced {
                status,
                accounts,
                page: None,
            });
        }
        let page = feed
            .sync(position, count, account)
            .map_err(|err| match err {
                SyncError::Mutation => {
                    PlaidError::new("TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION")
                }
                SyncError::Foreign => foreign_cursor(),
            })?;
        let next = signer.encode(&item.id, &page.next);
        Ok(Synced {
            status,
            accounts,
            page: Some((page, Arc::clone(feed.history()), next)),
        })
    })?;
    let accounts: Vec<&Account> = synced.accounts.iter().collect();
    let Some((page, history, next)) = synced.page else {
        return Ok(json!({
            "transactions_update_status": synced.status,
            "accounts": accounts_json(&accounts),
            "added": [], "modified": [], "removed": [],
            "next_cursor": "",
            "has_more": false,
        }));
    };
    let removed: Vec<Value> = page
        .removed
        .iter()
        .map(|(id, account)| {
            json!({ "transaction_id": id, "account_id": history.accounts.get(*account) })
        })
        .collect();
    Ok(json!({
        "transactions_update_status": synced.status,
        "accounts": accounts_json(&accounts),
        "added": txns_json(&history, &page.added, original),
        "modified": txns_json(&history, &page.modified, original),
        "removed": removed,
        "next_cursor": next,
        "has_more": page.has_more,
    }))
}

/// The positions in `all` of the `selected` accounts (transactions name their account by
/// its position).
fn indices(all: &[Account], selected: &[&Account]) -> Vec<usize> {
    (0..all.len())
        .filter(|i| selected.iter().any(|s| s.id == all[*i].id))
        .collect()
}

/// A required date field: `INVALID_FIELD` unless it is a `YYYY-MM-DD` calendar date.
pub(crate) fn date_field(f: &Fields<'_>, name: &str) -> ApiResult<i64> {
    clock::parse_date(f.required_str(name)?)
        .ok_or_else(|| f.invalid(name, "must be a date in the format YYYY-MM-DD"))
}

/// `start_date` and `end_date`, in order.
pub(crate) fn date_range(f: &Fields<'_>) -> ApiResult<(i64, i64)> {
    let (start, end) = (date_field(f, "start_date")?, date_field(f, "end_date")?);
    if start > end {
        return Err(f.invalid("start_date", "must not be after end_date"));
    }
    Ok((start, end))
}

/// `options.offset`: 0 or more, default 0.
pub(crate) fn offset(options: &Fields<'_>) -> ApiResult<usize> {
    match options.int("offset")? {
        None => Ok(0),
        // Saturates where usize is narrower than i64: past the end all the same.
        Some(n) if n >= 0 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Some(_) => Err(options.invalid("offset", "must be 0 or more")),
    }
}

/// `/transactions/get`: `PRODUCT_NOT_READY` while the pull has nothing yet.
pub(crate) fn get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let token = f.required_str("access_token")?;
    let (start, end) = date_range(&f)?;
    let options = f.options()?;
    let original = read_options(&options)?;
    let days = days_requested(&options)?;
    let (count, offset) = (count(&options, "count")?, offset(&options)?);
    let (item, history, total, txns, accounts) =
        modern.items().with_feed(token, days, true, |item, feed| {
            if feed.phase() == Phase::NotReady {
                return Err(PlaidError::new("PRODUCT_NOT_READY"));
            }
            let all = item.accounts();
            let selected = select(&all, &f)?;
            let filter = (selected.len() < all.len()).then(|| indices(&all, &selected));
            let (total, txns) = feed.get(start, end, filter.as_deref(), offset, count);
            let selected: Vec<Account> = selected.into_iter().cloned().collect();
            Ok((
                item.clone(),
                Arc::clone(feed.history()),
                total,
                txns,
                selected,
            ))
        })?;
    let accounts: Vec<&Account> = accounts.iter().collect();
    Ok(json!({
        "accounts": accounts_json(&accounts),
        "transactions": txns_json(&history, &txns, original),
        "total_transactions": total,
        "item": item_json(&item),
    }))
}

/// `/transactions/refresh`: the Item must have transactions already; see
/// [`crate::modern::feed`] for what a refresh changes.
pub(crate) fn refresh(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let token = f.required_str("access_token")?;
    let now = modern.items().now();
    modern.items().with_feed(token, None, false, |item, feed| {
        let notices = feed.refresh(now);
        item.notify(notices);
        Ok(())
    })?;
    Ok(json!({}))
}

/// `/transactions/recurring/get`: the streams of the history's recurring payments, once the
/// whole history is in (`PRODUCT_NOT_READY` before, as Plaid's docs ask callers to wait for
/// the historical update). The institution must offer `recurring_transactions`, which the
/// first call bills.
pub(crate) fn recurring_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let token = f.required_str("access_token")?;
    read_options(&f.options()?)?;
    let wanted = f.strings("account_ids")?.unwrap_or_default();
    let (history, filter, updated) =
        modern.items().with_feed(token, None, false, |item, feed| {
            item.check_usable(Some("recurring_transactions"))?;
            if feed.phase() != Phase::Historical {
                return Err(PlaidError::new("PRODUCT_NOT_READY"));
            }
            let all = item.accounts();
            let filter = indices(&all, &select_ids(&all, &wanted)?);
            Ok((Arc::clone(feed.history()), filter, feed.updated()))
        })?;
    let (inflow, outflow) = recurring::streams(&history, &filter);
    Ok(json!({
        "inflow_streams": inflow,
        "outflow_streams": outflow,
        "updated_datetime": rfc3339(updated),
    }))
}
