//! Seed section "Upgrade Account": add a product to an existing item.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;
use plaid_core::legacy::models::{Outcome, Product};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_bofa"));

    match client.upgrade(Product::Info).send()? {
        Outcome::Connected(data) => {
            let names: Vec<String> = data
                .info
                .map(|info| {
                    info.names
                        .into_iter()
                        .map(|name| name.into_inner())
                        .collect()
                })
                .unwrap_or_default();
            println!(
                "upgraded to info: {} accounts, names {names:?}",
                data.accounts.len()
            );
        }
        Outcome::MfaRequired(challenge) => println!("upgrade needs MFA: {}", challenge.mfa.kind()),
    }
    Ok(())
}
