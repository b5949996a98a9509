//! Seed section "Get Info".
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_bofa"));

    let info = client.info_get().send()?.info;
    // Identity data prints `[redacted]` with `{:?}`; showing it is a
    // deliberate act, through the value itself.
    let names: Vec<&str> = info.names.iter().map(|name| name.as_str()).collect();
    println!("names:  {names:?}");
    for email in &info.emails {
        println!("email:  {} (primary: {})", *email.data, email.primary);
    }
    for phone in &info.phone_numbers {
        println!("phone:  {} (primary: {})", *phone.data, phone.primary);
    }
    for address in &info.addresses {
        let a = &address.data;
        println!(
            "address: {}, {} {} {}",
            a.street.as_deref().unwrap_or(""),
            a.city.as_deref().unwrap_or(""),
            a.state.as_deref().unwrap_or(""),
            a.zip.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
