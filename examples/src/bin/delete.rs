//! Seed section "Delete User".
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_chase"));

    println!(
        "connect_delete: {}",
        client.connect_delete().send()?.message
    );
    println!("auth_delete:    {}", client.auth_delete().send()?.message);
    Ok(())
}
