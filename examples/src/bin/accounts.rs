//! Seed section "Get Accounts": accounts and numbers of an Auth item.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_bofa"));

    for account in client.auth_get().send()?.accounts {
        println!(
            "{:<24} {:<11} {:<9} routing {:<10} account {}",
            account.meta.name.as_deref().unwrap_or("?"),
            account.account_type.as_str(),
            account.subtype.as_ref().map_or("-", |s| s.as_str()),
            account
                .numbers
                .as_ref()
                .and_then(|n| n.routing.as_deref())
                .unwrap_or("-"),
            account
                .numbers
                .as_ref()
                .and_then(|n| n.account.as_deref())
                .unwrap_or("-"),
        );
    }
    Ok(())
}
