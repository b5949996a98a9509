//! Seed section "Public Endpoints": institutions and categories.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;
use plaid_core::legacy::endpoints::SearchQuery;
use plaid_core::legacy::models::Product;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    let institutions = client.institutions().send()?;
    println!("{} institutions:", institutions.len());
    for institution in &institutions {
        let mfa: Vec<String> = institution.mfa.iter().map(ToString::to_string).collect();
        println!(
            "  {:<10} {:<26} mfa: {}",
            institution.institution_type,
            institution.name,
            mfa.join(", ")
        );
    }

    let categories = client.categories().send()?;
    println!("{} categories, e.g.:", categories.len());
    for category in categories.iter().take(3) {
        println!("  {} {}", category.id, category.hierarchy.join(" > "));
    }

    let bofa = client.institution("5301a93ac140de84910000e0").send()?;
    println!("institution by id: {} ({:?})", bofa.name, bofa.credentials);
    let coffee = client.category("13005043").send()?;
    println!("category by id: {}", coffee.hierarchy.join(" > "));

    let page = client
        .institutions_all(5, 0, &[Product::Auth, Product::Connect])
        .send()?;
    println!(
        "institutions/all with auth+connect: {} in all, first page {}",
        page.total_count,
        page.results.len()
    );

    let found = client
        .institution_all_search(SearchQuery::name("wells fargo"))
        .send()?;
    println!(
        "search \"wells fargo\": {:?}",
        found.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
    Ok(())
}
