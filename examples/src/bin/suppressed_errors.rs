//! Seed section "suppress_http_errors": handle non-2xx responses yourself.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;
use plaid_core::legacy::Login;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());

    // Per client: every call returns the raw response, whatever its status.
    let client = plaid_ureq::client(target.config.clone()).suppress_http_errors();
    let response = client
        .connect("bofa", Login::new("plaid_test", "wrong_password"))
        .send()?;
    if response.is_success() {
        println!("connected: {} bytes", response.body().len());
    } else {
        let body: serde_json::Value = response.json()?;
        println!(
            "status {} handled by hand: code {} ({})",
            response.status(),
            body["code"],
            body["resolve"]
        );
    }

    // Per call: `.raw()` on a typed client, then parse when it suits you.
    let typed = plaid_ureq::client(target.config.clone());
    let response = typed.category("13005043").raw().send()?;
    println!("per-call raw: status {}", response.status());
    let category = response.parse()?;
    println!(
        "parsed later: {} -> {}",
        category.id,
        category.hierarchy.join(" > ")
    );
    Ok(())
}
