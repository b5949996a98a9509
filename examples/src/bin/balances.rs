//! Seed section "Get Account Balances".
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_bofa"));

    for account in client.balance().send()?.accounts {
        let available = account
            .balance
            .available
            .map_or_else(|| "n/a".to_owned(), |a| a.to_string());
        let current = account
            .balance
            .current
            .map_or_else(|| "n/a".to_owned(), |a| a.to_string());
        println!(
            "{:<24} available {available:>9} current {current:>9}",
            account.meta.name.as_deref().unwrap_or("?")
        );
    }
    Ok(())
}
