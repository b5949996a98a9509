//! Seed section "MFA add Connect User": every challenge kind, answered in
//! a loop like the seed's `answer_mfa`.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use examples::Target;
use plaid_core::legacy::models::{ConnectResponse, DeviceType, Mfa, MfaChallenge, Outcome};
use plaid_core::legacy::{Client, Login, MfaAnswer};
use plaid_ureq::UreqTransport;

/// Answers challenges until the item is connected. A real app would ask its
/// user; here the sandbox's answers are known.
fn answer_mfa(
    client: &Client<UreqTransport>,
    mut challenge: MfaChallenge,
) -> Result<ConnectResponse, plaid_core::Error> {
    let mut rounds = 0;
    loop {
        rounds += 1;
        let answer = match &challenge.mfa {
            Mfa::Questions(questions) => {
                println!(
                    "  question: {}",
                    questions.first().map_or("", |q| q.question.as_str())
                );
                // The sandbox asks again once for "again", then accepts "tomato".
                MfaAnswer::answer(if rounds == 1 { "again" } else { "tomato" })
            }
            Mfa::List(devices) => {
                let masks: Vec<&str> = devices.iter().map(|d| d.mask.as_str()).collect();
                println!("  devices: {masks:?}; sending the code by phone");
                MfaAnswer::send_to(DeviceType::Phone)
            }
            Mfa::Device { message } => {
                println!("  {message}");
                MfaAnswer::code("1234")
            }
            Mfa::Selections(selections) => {
                for selection in selections {
                    println!(
                        "  selection: {} {:?}",
                        selection.question, selection.answers
                    );
                }
                MfaAnswer::selections(["tomato", "ketchup"])
            }
            other => {
                println!("  unknown MFA type {}", other.kind());
                return Err(plaid_core::Error::invalid_input("unknown MFA type"));
            }
        };
        let item = client.with_access_token(challenge.access_token.clone());
        match item.connect_step(answer).send()? {
            Outcome::Connected(data) => return Ok(data),
            Outcome::MfaRequired(next) => challenge = next,
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    for (institution, username) in [
        ("bofa", "plaid_test"),
        ("chase", "plaid_test"),
        ("citi", "plaid_selections"),
    ] {
        println!("{institution} ({username}):");
        let data = match client
            .connect(institution, Login::new(username, "plaid_good"))
            .send()?
        {
            Outcome::Connected(data) => data,
            Outcome::MfaRequired(challenge) => {
                println!("  MFA required: {}", challenge.mfa.kind());
                answer_mfa(&client, challenge)?
            }
        };
        println!(
            "  connected: {} accounts, {} transactions",
            data.accounts.len(),
            data.transactions.as_deref().unwrap_or_default().len()
        );
    }
    Ok(())
}
