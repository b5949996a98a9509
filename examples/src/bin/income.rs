//! Seed section "Get Income".

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::from_env()?;
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
