//! Modern API, Identity: the owners of an Item's accounts as the bank has
//! them on file (`/identity/get`): names, email addresses, phone numbers
//! and postal addresses.
//!
//! Each of those is `Personal` data: it reads and compares as its value,
//! but `{:?}` prints `[redacted]`, so logging a whole response leaks none
//! of it. This example prints the owner's name and city on purpose, by
//! reading the values; the rest it only counts.
//!
//! Modern API: runs against an embedded modern `plaid-sandbox`, or the
//! server in `PLAID_BASE_URL` (keys `PLAID_CLIENT_ID` / `PLAID_SECRET`).

use examples::Target;
use examples::steps::{FIRST_PLATYPUS, new_item};
use plaid_core::modern::models::Product;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::modern()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());
    let item = new_item(&client, FIRST_PLATYPUS, [Product::Identity])?;

    let identity = client.identity_get(&item.access_token).send()?;
    let account = identity.accounts.first().ok_or("no account")?;
    let owner = account.owners.first().ok_or("no owner on file")?;
    // `Debug` redacts: safe in a log line.
    println!("owner, as {{:?}} prints it: {:?}", owner.names);
    // Deliberately shown: the values themselves.
    let names: Vec<&str> = owner.names.iter().map(|n| n.as_str()).collect();
    println!("{} is held by {}", account.name, names.join(" / "));
    if let Some(address) = owner.addresses.iter().find(|a| a.primary == Some(true)) {
        println!(
            "primary address in {}",
            address.data.city.as_deref().unwrap_or("?")
        );
    }
    println!(
        "on file: {} email addresses ({} primary), {} phone numbers ({})",
        owner.emails.len(),
        owner.emails.iter().filter(|e| e.primary).count(),
        owner.phone_numbers.len(),
        owner
            .phone_numbers
            .iter()
            .map(|p| p.phone_type.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    // Only one account's owners: the filter goes in `options.account_ids`.
    let one = client
        .identity_get(&item.access_token)
        .with(|r| r.account_ids([account.account_id.as_str()]))
        .send()?;
    println!(
        "identity_get with account_ids: {} account",
        one.accounts.len()
    );
    Ok(())
}
