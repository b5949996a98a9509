//! Quick start: the same calls through all three backends.
//!
//! ```text
//! cargo run -p examples --bin quickstart
//! ```
//!
//! Starts the embedded `plaid-sandbox` (or uses `PLAID_BASE_URL`,
//! `PLAID_CLIENT_ID`, `PLAID_SECRET` when set) and fetches the institutions
//! and categories with ureq (blocking), then reqwest and hyper (async, on one
//! tokio runtime), printing a short summary per backend.
//!
//! Each backend runs one *tour*: a function that takes a client and returns
//! what it saw. The blocking and async tours are the same calls; only
//! `.send()` becomes `.await`. Further steps (connect, MFA, transactions,
//! balance) go into both tours and into [`Summary`].

use std::error::Error;

use examples::Target;
use plaid_core::models::{Category, Institution};
use plaid_core::{AsyncTransport, Client, Transport};

/// How many names each list shows.
const SHOWN: usize = 3;

/// What one backend's tour saw.
struct Summary {
    institutions: Vec<String>,
    categories: Vec<String>,
}

impl Summary {
    fn new(institutions: Vec<Institution>, categories: Vec<Category>) -> Self {
        Summary {
            institutions: institutions.into_iter().map(|i| i.name).collect(),
            categories: categories
                .into_iter()
                .map(|c| c.hierarchy.join(" > "))
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
    }
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
    Ok(Summary::new(institutions, categories))
}

/// The same tour on an async transport.
async fn tour_async<T: AsyncTransport>(client: &Client<T>) -> Result<Summary, plaid_core::Error> {
    let institutions = client.institutions().await?;
    let categories = client.categories().await?;
    Ok(Summary::new(institutions, categories))
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
