//! Seed section "Get Risk".
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_bofa"));

    for account in client.risk_get().send()?.accounts {
        match &account.risk {
            Some(risk) => println!(
                "{:<24} risk score {:.2} ({} factors)",
                account.meta.name.as_deref().unwrap_or("?"),
                risk.score,
                risk.reason.len()
            ),
            None => println!(
                "{:<24} no risk data",
                account.meta.name.as_deref().unwrap_or("?")
            ),
        }
    }
    Ok(())
}
