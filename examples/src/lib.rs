//! Shared set-up for the runnable examples: where to send requests.
//!
//! Every example talks to the embedded `plaid-sandbox` by default, so it
//! runs on a fresh machine with no credentials and no network. Set
//! `PLAID_BASE_URL` (and `PLAID_CLIENT_ID` / `PLAID_SECRET`, default
//! `test_id` / `test_secret`) to point it at another server instead, e.g. a
//! `plaid-sandbox` binary on another port.

use std::error::Error;

use plaid_core::Credentials;
use plaid_core::legacy::{Config, Environment};
use plaid_sandbox::Sandbox;

/// Where an example sends its requests. Keeps the embedded sandbox (if any)
/// alive for as long as the example runs.
#[derive(Debug)]
pub struct Target {
    /// The configuration to build clients from.
    pub config: Config,
    sandbox: Option<Sandbox>,
}

impl Target {
    /// The server from the environment, or a freshly started embedded
    /// sandbox.
    pub fn from_env() -> Result<Target, Box<dyn Error>> {
        let client_id = std::env::var("PLAID_CLIENT_ID").unwrap_or_else(|_| "test_id".to_owned());
        let secret = std::env::var("PLAID_SECRET").unwrap_or_else(|_| "test_secret".to_owned());
        let credentials = Credentials::new(client_id, secret);
        match std::env::var("PLAID_BASE_URL") {
            Ok(url) if !url.is_empty() => Ok(Target {
                config: Config::new(Environment::Custom(url), credentials)?,
                sandbox: None,
            }),
            _ => {
                let sandbox = Sandbox::start()?;
                let config = Config::new(Environment::Custom(sandbox.url()), credentials)?;
                Ok(Target {
                    config,
                    sandbox: Some(sandbox),
                })
            }
        }
    }

    /// A one-line description of the server, for the examples' output.
    pub fn describe(&self) -> String {
        match &self.sandbox {
            Some(sandbox) => format!("embedded plaid-sandbox at {}", sandbox.url()),
            None => format!("{} (from PLAID_BASE_URL)", self.config.base_url()),
        }
    }
}

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
