//! Seed section "Delete User".

use examples::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::from_env()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone().with_access_token("test_chase"));

    println!(
        "connect_delete: {}",
        client.connect_delete().send()?.message
    );
    println!("auth_delete:    {}", client.auth_delete().send()?.message);
    Ok(())
}
