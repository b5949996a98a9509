//! Seed section "Get Income".
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_bofa"));

    let income = client.income_get().send()?.income;
    for stream in &income.income_streams {
        println!(
            "{:<16} {:>8}/month (confidence {:?})",
            stream.name, stream.monthly_income, stream.confidence
        );
    }
    println!(
        "last year: {:?}, projected: {:?}",
        income.last_year_income, income.projected_yearly_income
    );
    Ok(())
}
