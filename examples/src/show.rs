//! How the examples print what they got: one short line per thing, the
//! same way in every example. Nothing here prints a secret; names and bank
//! numbers are shown only where an example says so.

use plaid_core::Amount;
use plaid_core::modern::models::{Account, AccountBalance};

/// At most `shown` items joined with `, `, and `…` when some were left out.
pub fn some(items: &[String], shown: usize) -> String {
    let mut line = items
        .iter()
        .take(shown)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > shown {
        line.push_str(", …");
    }
    line
}

/// An amount with the currency of `balance`, e.g. `1234.50 USD`, or `n/a`.
/// Written with two decimals when that is exact: the JSON number `1234.5`
/// is `1234.50` on a statement.
pub fn money(amount: Option<Amount>, balance: &AccountBalance) -> String {
    let currency = balance
        .iso_currency_code
        .as_deref()
        .or(balance.unofficial_currency_code.as_deref())
        .unwrap_or("");
    match amount {
        Some(amount) => {
            let cents = amount.minor_units(2);
            let amount = cents
                .and_then(|cents| Amount::from_minor_units(cents, 2))
                .unwrap_or(amount);
            format!("{amount} {currency}").trim_end().to_owned()
        }
        None => "n/a".to_owned(),
    }
}

/// An account as a statement names it: `Plaid Checking …1234`. The mask is
/// the last few digits Plaid sends for display; it is not the number.
pub fn account(account: &Account) -> String {
    match &account.mask {
        Some(mask) => format!("{} …{mask}", account.name),
        None => account.name.clone(),
    }
}

/// An account's balances: `Plaid Checking …1234: current 110 USD,
/// available 100 USD`.
pub fn balances(account: &Account) -> String {
    let balances = &account.balances;
    let mut line = format!(
        "{}: current {}",
        self::account(account),
        money(balances.current, balances)
    );
    if balances.available.is_some() {
        line.push_str(&format!(
            ", available {}",
            money(balances.available, balances)
        ));
    }
    if balances.limit.is_some() {
        line.push_str(&format!(", limit {}", money(balances.limit, balances)));
    }
    line
}
