//! Modern API, Auth: the account and routing numbers of an Item's
//! accounts (`/auth/get`), by payment network: ACH for a US bank, BACS for
//! a UK one (EFT in Canada, IBAN and BIC elsewhere).
//!
//! Every number is a `BankNumber`: `{:?}` shows only its last four digits,
//! as a statement does, so logging a whole response leaks no number that
//! could move money. The full number is `number.as_str()`, for the payment
//! it is needed for; this example never prints it.
//!
//! Modern API: runs against an embedded modern `plaid-sandbox`, or the
//! server in `PLAID_BASE_URL` (keys `PLAID_CLIENT_ID` / `PLAID_SECRET`).

use examples::Target;
use examples::steps::{FIRST_PLATYPUS, new_item};
use plaid_core::modern::endpoints::AuthGetResponse;
use plaid_core::modern::models::{Account, Product};

/// Harris Tweed Bank, a UK test institution of the sandbox.
const HARRIS_TWEED: &str = "ins_117511";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::modern()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    let us = new_item(&client, FIRST_PLATYPUS, [Product::Auth])?;
    let auth = client.auth_get(&us.access_token).send()?;
    println!(
        "First Platypus Bank: {} ACH accounts",
        auth.numbers.ach.len()
    );
    for ach in &auth.numbers.ach {
        println!(
            "  {:<15} account {:?}, routing {:?}, wire routing {:?}",
            name(&auth, &ach.account_id),
            ach.account,
            ach.routing,
            ach.wire_routing
        );
    }
    // A number reads as a string without being printed: the mask
    // `/accounts/get` shows is the number's last four.
    let masks_match = auth.numbers.ach.iter().all(|ach| {
        let mask = account(&auth, &ach.account_id).and_then(|a| a.mask.as_deref());
        mask.is_some() && mask == ach.account.last_four()
    });
    println!("  masks are the numbers' last four: {masks_match}");

    // Only one account's numbers: the filter goes in `options.account_ids`.
    let first = auth.numbers.ach.first().ok_or("no ACH account")?;
    let one = client
        .auth_get(&us.access_token)
        .with(|r| r.account_ids([first.account_id.as_str()]))
        .send()?;
    println!(
        "auth_get with account_ids: {} account, {}",
        one.accounts.len(),
        name(&one, &first.account_id)
    );

    let uk = new_item(&client, HARRIS_TWEED, [Product::Auth])?;
    let auth = client.auth_get(&uk.access_token).send()?;
    println!(
        "Harris Tweed Bank: {} BACS accounts, {} ACH",
        auth.numbers.bacs.len(),
        auth.numbers.ach.len()
    );
    for bacs in &auth.numbers.bacs {
        println!(
            "  {:<15} account {:?} sort code {:?}",
            name(&auth, &bacs.account_id),
            bacs.account,
            bacs.sort_code
        );
    }
    Ok(())
}

/// The account `account_id` of an `/auth/get` answer.
fn account<'a>(auth: &'a AuthGetResponse, account_id: &str) -> Option<&'a Account> {
    auth.accounts.iter().find(|a| a.account_id == account_id)
}

/// Its name.
fn name<'a>(auth: &'a AuthGetResponse, account_id: &str) -> &'a str {
    account(auth, account_id).map_or("?", |a| a.name.as_str())
}
