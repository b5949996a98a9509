//! Seed sections "Add Auth User" and "MFA add Auth User".
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;
use plaid_core::legacy::models::Outcome;
use plaid_core::legacy::{Login, MfaAnswer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    // No MFA at Wells Fargo.
    if let Outcome::Connected(data) = client
        .auth("wells", Login::new("plaid_test", "plaid_good"))
        .send()?
    {
        for account in &data.accounts {
            let numbers = account.numbers.clone().unwrap_or_default();
            println!(
                "wells: {:<24} routing {:?} account {:?}",
                account.meta.name.as_deref().unwrap_or("?"),
                // `{:?}` of a number shows only its last four digits; the
                // value itself is the number.
                numbers.routing.as_deref(),
                numbers.account.as_deref()
            );
        }
    }

    // Bank of America asks a question first.
    let outcome = client
        .auth("bofa", Login::new("plaid_test", "plaid_good"))
        .send()?;
    let challenge = outcome.mfa_required().ok_or("bofa should ask for MFA")?;
    println!("bofa: MFA {}", challenge.mfa.kind());
    let item = client.with_access_token(challenge.access_token);
    let data = item
        .auth_step(MfaAnswer::answer("tomato"))
        .send()?
        .connected()
        .ok_or("the right answer should connect")?;
    println!(
        "bofa: authenticated, {} accounts with numbers",
        data.accounts.len()
    );
    Ok(())
}
