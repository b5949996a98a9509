//! Seed section "Get Account Balances".

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::from_env()?;
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
