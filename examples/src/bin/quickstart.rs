//! Quick start: the same calls through all three backends.
//!
//! ```text
//! cargo run -p examples --bin quickstart
//! ```
//!
//! Starts the embedded `plaid-sandbox` (or uses `PLAID_BASE_URL`,
//! `PLAID_CLIENT_ID`, `PLAID_SECRET` when set) and, with ureq (blocking),
//! then reqwest and hyper (async, on one tokio runtime):
//!
//! 1. fetches the institutions and categories;
//! 2. connects a Bank of America user, which asks a security question;
//! 3. answers the MFA challenge;
//! 4. reads the item's transactions and live balances.
//!
//! Each backend runs one *tour*: a function that takes a client and returns
//! what it saw. The blocking and async tours are the same calls; only
//! `.send()` becomes `.await`.

use std::error::Error;

use examples::Target;
use plaid_core::legacy::models::{
    BalanceResponse, Category, ConnectResponse, Institution, Outcome,
};
use plaid_core::legacy::{Client, Login, MfaAnswer};
use plaid_core::{AsyncTransport, Transport};

/// How many names each list shows.
const SHOWN: usize = 3;

/// The sandbox user and the answer to its security question.
fn login() -> Login {
    Login::new("plaid_test", "plaid_good")
}
const ANSWER: &str = "tomato";

/// What one backend's tour saw.
struct Summary {
    institutions: Vec<String>,
    categories: Vec<String>,
    mfa: String,
    transactions: Vec<String>,
    balances: Vec<String>,
}

impl Summary {
    fn new(
        institutions: Vec<Institution>,
        categories: Vec<Category>,
        mfa: String,
        connected: ConnectResponse,
        balance: BalanceResponse,
    ) -> Self {
        Summary {
            institutions: institutions.into_iter().map(|i| i.name).collect(),
            categories: categories
                .into_iter()
                .map(|c| c.hierarchy.join(" > "))
                .collect(),
            mfa,
            transactions: connected
                .transactions
                .unwrap_or_default()
                .into_iter()
                .map(|t| format!("{} {} {}", t.date, t.name, t.amount))
                .collect(),
            balances: balance
                .accounts
                .into_iter()
                .map(|a| {
                    let current = a
                        .balance
                        .current
                        .map_or_else(|| "n/a".to_owned(), |c| c.to_string());
                    format!("{} {current}", a.meta.name.unwrap_or_default())
                })
                .collect(),
        }
    }

    fn print(&self, backend: &str) {
        println!("{backend}:");
        println!(
            "  {} institutions, e.g. {}",
            self.institutions.len(),
            first(&self.institutions)
        );
        println!(
            "  {} categories, e.g. {}",
            self.categories.len(),
            first(&self.categories)
        );
        println!("  connect bofa: MFA {} answered, connected", self.mfa);
        println!(
            "  {} transactions, e.g. {}",
            self.transactions.len(),
            first(&self.transactions)
        );
        println!("  balances: {}", first(&self.balances));
    }
}

/// The challenge's kind and the client to answer it with.
fn challenge<T, D>(
    client: &Client<T>,
    outcome: Outcome<D>,
) -> Result<(String, Client<T>), plaid_core::Error> {
    match outcome {
        Outcome::MfaRequired(challenge) => Ok((
            challenge.mfa.kind().to_owned(),
            client.with_access_token(challenge.access_token),
        )),
        Outcome::Connected(_) => Err(plaid_core::Error::invalid_input(
            "the sandbox's bofa user should ask for MFA",
        )),
    }
}

fn connected<D>(outcome: Outcome<D>) -> Result<D, plaid_core::Error> {
    outcome
        .connected()
        .ok_or_else(|| plaid_core::Error::invalid_input("the right MFA answer should connect"))
}

fn first(names: &[String]) -> String {
    let mut shown = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        shown.push_str(", …");
    }
    shown
}

/// The tour on a blocking transport.
fn tour_blocking<T: Transport>(client: &Client<T>) -> Result<Summary, plaid_core::Error> {
    let institutions = client.institutions().send()?;
    let categories = client.categories().send()?;
    let (mfa, item) = challenge(client, client.connect("bofa", login()).send()?)?;
    connected(item.connect_step(MfaAnswer::answer(ANSWER)).send()?)?;
    let transactions = item.connect_get().send()?;
    let balance = item.balance().send()?;
    Ok(Summary::new(
        institutions,
        categories,
        mfa,
        transactions,
        balance,
    ))
}

/// The same tour on an async transport.
async fn tour_async<T: AsyncTransport>(client: &Client<T>) -> Result<Summary, plaid_core::Error> {
    let institutions = client.institutions().await?;
    let categories = client.categories().await?;
    let (mfa, item) = challenge(client, client.connect("bofa", login()).await?)?;
    connected(item.connect_step(MfaAnswer::answer(ANSWER)).await?)?;
    let transactions = item.connect_get().await?;
    let balance = item.balance().await?;
    Ok(Summary::new(
        institutions,
        categories,
        mfa,
        transactions,
        balance,
    ))
}

fn main() -> Result<(), Box<dyn Error>> {
    let target = Target::from_env()?;
    println!("server: {}\n", target.describe());

    // Blocking: ureq.
    let ureq = plaid_ureq::client(target.config.clone());
    tour_blocking(&ureq)?.print("ureq (blocking)");

    // Async: reqwest and hyper on one tokio runtime.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let reqwest = plaid_reqwest::client(target.config.clone());
        tour_async(&reqwest).await?.print("reqwest (async)");

        // `https_client` speaks https (rustls, ring) and plain http.
        let hyper = plaid_hyper::https_client(target.config.clone());
        tour_async(&hyper).await?.print("hyper (async)");
        Ok::<(), plaid_core::Error>(())
    })?;
    Ok(())
}
