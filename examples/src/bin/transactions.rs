//! Seed section "Get Transactions", with the filters of `connect_get`.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;
use plaid_core::legacy::GetOptions;
use plaid_core::legacy::models::Date;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_bofa"));

    let all = client.connect_get().send()?;
    let transactions = all.transactions.unwrap_or_default();
    println!("{} transactions:", transactions.len());
    for t in &transactions {
        let category = t
            .category
            .as_ref()
            .map_or_else(|| "(uncategorised)".to_owned(), |c| c.join(" > "));
        println!("  {} {:>9} {:<40} {category}", t.date, t.amount, t.name);
    }

    let account = all.accounts.first().ok_or("no accounts")?.id.clone();
    let since = Date::new(2014, 6, 1).ok_or("bad date")?;
    let filtered = client
        .connect_get_with_options(
            GetOptions::new()
                .pending(true)
                .gte(since)
                .account(account.clone()),
        )
        .send()?;
    println!(
        "since {since}, pending included, account {account}: {} transactions",
        filtered.transactions.unwrap_or_default().len()
    );
    Ok(())
}
