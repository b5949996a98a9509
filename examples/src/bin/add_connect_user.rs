//! Seed section "Add Connect user": an institution without MFA.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;
use plaid_core::legacy::Login;
use plaid_core::legacy::models::Outcome;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    match client
        .connect("wells", Login::new("plaid_test", "plaid_good"))
        .send()?
    {
        Outcome::Connected(data) => {
            let transactions = data.transactions.as_deref().unwrap_or_default();
            println!(
                "connected: {} accounts, {} transactions (token kept as {:?})",
                data.accounts.len(),
                transactions.len(),
                data.access_token
            );
        }
        Outcome::MfaRequired(challenge) => println!("MFA required: {}", challenge.mfa.kind()),
    }
    Ok(())
}
