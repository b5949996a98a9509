//! Modern API, accounts and balances: `/accounts/get` (the balances Plaid
//! cached, free and fast) and `/accounts/balance/get` (fetched from the
//! bank now, billed), each for every account of an Item or, with
//! `.with(|r| r.account_ids([...]))`, for some.
//!
//! Balances are exact decimals (`plaid_core::Amount`), never `f64`.
//!
//! Modern API: runs against an embedded modern `plaid-sandbox`, or the
//! server in `PLAID_BASE_URL` (keys `PLAID_CLIENT_ID` / `PLAID_SECRET`).

use examples::Target;
use examples::show;
use examples::steps::{FIRST_PLATYPUS, new_item};
use plaid_core::modern::models::{AccountType, Product};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::modern()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());
    let item = new_item(&client, FIRST_PLATYPUS, [Product::Transactions])?;
    let token = &item.access_token;

    let every = client.accounts_get(token).send()?;
    println!("accounts_get: {} accounts", every.accounts.len());
    for account in &every.accounts {
        println!(
            "  {:<24} {:<10} {:<12} {}",
            show::account(account),
            account.account_type.as_str(),
            account.subtype.as_ref().map_or("-", |s| s.as_str()),
            account.account_id
        );
    }

    // Only the depository accounts: the filter goes in `options.account_ids`.
    let depository: Vec<&str> = every
        .accounts
        .iter()
        .filter(|a| a.account_type == AccountType::Depository)
        .map(|a| a.account_id.as_str())
        .collect();
    let some = client
        .accounts_get(token)
        .with(|r| r.account_ids(depository.iter().copied()))
        .send()?;
    println!(
        "accounts_get with account_ids: {} of {} accounts: {}",
        some.accounts.len(),
        every.accounts.len(),
        some.accounts
            .iter()
            .map(show::account)
            .collect::<Vec<_>>()
            .join(", ")
    );

    let balances = client
        .accounts_balance_get(token)
        .with(|r| r.account_ids(depository.iter().copied()))
        .send()?;
    println!(
        "accounts_balance_get with account_ids: {} accounts",
        balances.accounts.len()
    );
    for account in &balances.accounts {
        println!("  {}", show::balances(account));
    }

    // Sums stay exact: `Amount` adds decimals without rounding through
    // `f64`. (The sandbox's accounts share one currency; real code would
    // sum per `iso_currency_code`.)
    let cash = balances
        .accounts
        .iter()
        .filter_map(|a| a.balances.available)
        .try_fold(plaid_core::Amount::ZERO, |sum, a| sum.checked_add(a))
        .ok_or("the sum overflowed")?;
    println!("available in depository accounts, summed exactly: {cash}");
    Ok(())
}
