//! Seed section "Get Info".

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::from_env()?;
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
