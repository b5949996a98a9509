//! Seed section "Add Connect user": an institution without MFA.

use examples::Target;
use plaid_core::legacy::Login;
use plaid_core::legacy::models::Outcome;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::from_env()?;
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
