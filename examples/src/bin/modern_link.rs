//! Modern API, Link: the short-lived `link_token` a front end opens Plaid
//! Link with (`/link/token/create`), for a new Item, and with an access
//! token for Link's update mode (to repair an Item whose login expired).
//!
//! What you know about the user (email, phone, name) is `Personal` data:
//! the request's `{:?}` shows none of it, and the token prints
//! `LinkToken([redacted])`.
//!
//! Modern API: runs against an embedded modern `plaid-sandbox`, or the
//! server in `PLAID_BASE_URL` (keys `PLAID_CLIENT_ID` / `PLAID_SECRET`).

use examples::Target;
use examples::steps::{FIRST_PLATYPUS, new_item};
use plaid_core::modern::models::{CountryCode, LinkTokenUser, Product};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::modern()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    // Your own id for the user, and what you already know of them.
    let user = LinkTokenUser::new("user-4711").email_address("ada@example.com");
    println!("user, as {{:?}} prints it: {user:?}");

    let created = client
        .link_token_create("plaid-rs example", "en", [CountryCode::Us], user.clone())
        .with(|r| {
            r.products([Product::Auth, Product::Transactions])
                .webhook("https://hooks.example/plaid")
                .transactions_days_requested(180)
        })
        .send()?;
    println!(
        "link_token_create: {:?}, expires {}",
        created.link_token, created.expiration
    );

    // Update mode: the same call with the Item's access token and no
    // products.
    let item = new_item(&client, FIRST_PLATYPUS, [Product::Auth])?;
    let update = client
        .link_token_create("plaid-rs example", "en", [CountryCode::Us], user)
        .with(|r| r.access_token(&item.access_token))
        .send()?;
    println!(
        "link_token_create for update mode: {:?}, expires {} (sooner: {})",
        update.link_token,
        update.expiration,
        update.expiration.unix_timestamp() < created.expiration.unix_timestamp()
    );
    Ok(())
}
