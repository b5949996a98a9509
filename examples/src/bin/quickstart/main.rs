//! Quick start: the same calls through all three backends, for both API
//! families.
//!
//! ```text
//! cargo run -p examples --bin quickstart
//! ```
//!
//! First the **modern** API (version 2020-09-14, the one Plaid serves
//! today): an embedded modern `plaid-sandbox` (or the server in
//! `PLAID_BASE_URL`, keys `PLAID_CLIENT_ID` / `PLAID_SECRET`), where an
//! Item at First Platypus Bank goes from `/sandbox/public_token/create`
//! through the exchange, accounts, balances, Auth and Identity to
//! `/item/remove` (see `modern.rs`).
//!
//! Then the **legacy** API (tartan): an embedded legacy sandbox (or
//! `PLAID_LEGACY_BASE_URL`, keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`), with institutions, categories, connect → MFA →
//! transactions → balance (see `legacy.rs`).
//!
//! Each family runs one *tour* per backend: ureq (blocking), then reqwest
//! and hyper (async, on one tokio runtime). A tour is a function that takes
//! a client and returns what it saw; the blocking and async tours are the
//! same calls, only `.send()` becomes `.await`.

use std::error::Error;
use std::future::Future;

use examples::Target;
use plaid_core::{Api, AsyncTransport, Client, Config, Transport};
use tokio::runtime::Runtime;

mod legacy;
mod modern;

/// How many names a list shows.
const SHOWN: usize = 3;

/// One family's tour, written once for blocking and once for async
/// transports.
trait Tour {
    /// The family the tour calls.
    type Api: Api;

    /// The tour on a blocking transport: one line per step.
    fn blocking<T: Transport>(
        client: &Client<T, Self::Api>,
    ) -> Result<Vec<String>, plaid_core::Error>;

    /// The same tour on an async transport.
    fn non_blocking<T: AsyncTransport>(
        client: &Client<T, Self::Api>,
    ) -> impl Future<Output = Result<Vec<String>, plaid_core::Error>>;
}

fn print(backend: &str, lines: Vec<String>) {
    println!("{backend}:");
    for line in lines {
        println!("  {line}");
    }
}

/// Runs `R`'s tour with ureq, then with reqwest and hyper on `runtime`.
fn on_every_backend<R: Tour>(
    config: &Config<R::Api>,
    runtime: &Runtime,
) -> Result<(), plaid_core::Error> {
    print(
        "ureq (blocking)",
        R::blocking(&plaid_ureq::client(config.clone()))?,
    );
    runtime.block_on(async {
        let reqwest = plaid_reqwest::client(config.clone());
        print("reqwest (async)", R::non_blocking(&reqwest).await?);
        // `https_client` speaks https (rustls, ring) and plain http.
        let hyper = plaid_hyper::https_client(config.clone());
        print("hyper (async)", R::non_blocking(&hyper).await?);
        Ok(())
    })
}

fn main() -> Result<(), Box<dyn Error>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;

    let modern = Target::modern()?;
    println!("modern API (2020-09-14): {}\n", modern.describe());
    on_every_backend::<modern::ModernTour>(&modern.config, &runtime)?;

    let legacy = Target::legacy()?;
    println!("\nlegacy API (tartan): {}\n", legacy.describe());
    on_every_backend::<legacy::LegacyTour>(&legacy.config, &runtime)?;
    Ok(())
}
