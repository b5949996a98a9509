//! Seed section "Exchange": a Plaid Link public token for an access token.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
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
