//! Seed section "Exchange": a Plaid Link public token for an access token.

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::from_env()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    let exchanged = client.exchange_token("test,chase,connected").send()?;
    println!(
        "exchanged: access token received ({:?})",
        exchanged.access_token
    );

    // The new token drives item calls.
    let item = client.with_access_token(exchanged.access_token.clone());
    let accounts = item.auth_get().send()?.accounts;
    println!("auth_get with it: {} accounts", accounts.len());

    // With an account id, a Stripe bank account token comes back too.
    let checking = accounts
        .iter()
        .find(|a| a.subtype.as_ref().is_some_and(|s| s.as_str() == "checking"))
        .ok_or("no checking account")?;
    let with_stripe = client
        .exchange_token_for_account("test,chase,connected", checking.id.clone())
        .send()?;
    println!(
        "exchange for account {}: bank account token present: {}",
        checking.id,
        with_stripe.stripe_bank_account_token.is_some()
    );
    Ok(())
}
