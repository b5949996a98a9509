//! Shared set-up for the runnable examples: where to send requests, and the
//! few steps the modern examples all take.
//!
//! Every example talks to an embedded `plaid-sandbox` by default, so it
//! runs on a fresh machine with no credentials and no network. The
//! environment points an example at another server instead, e.g. a
//! `plaid-sandbox` process on another port:
//!
//! | variable | means | default |
//! |---|---|---|
//! | `PLAID_BASE_URL` | the **modern** server (e.g. `http://127.0.0.1:8081`, a `plaid-sandbox --api modern`) | an embedded `Sandbox::start_modern()` |
//! | `PLAID_CLIENT_ID` / `PLAID_SECRET` | its keys | `test_id` / `test_secret` |
//! | `PLAID_LEGACY_BASE_URL` | the **legacy** (tartan) server | an embedded `Sandbox::start()` |
//! | `PLAID_LEGACY_CLIENT_ID` / `PLAID_LEGACY_SECRET` | its keys | `test_id` / `test_secret` |
//!
//! The two families have their own variables because they are two services
//! with two sets of keys: a modern server does not answer legacy routes.
//! Plaid's own sandbox (`https://sandbox.plaid.com`) answers the modern
//! calls, but has neither the emulator's invented institutions nor its
//! `X-Sandbox-Fault` header, so some modern examples stop early there.

use std::error::Error;
use std::io;

use plaid_core::legacy::Legacy;
use plaid_core::modern::Modern;
use plaid_core::{Api, Config, Credentials, legacy, modern};
use plaid_sandbox::Sandbox;

pub mod show;
pub mod steps;

/// The environment variables that name one family's server and keys.
struct Variables {
    base_url: &'static str,
    client_id: &'static str,
    secret: &'static str,
}

/// The modern server's variables: the unprefixed names, because the
/// modern API is the one Plaid serves today.
const MODERN: Variables = Variables {
    base_url: "PLAID_BASE_URL",
    client_id: "PLAID_CLIENT_ID",
    secret: "PLAID_SECRET",
};

/// The legacy server's variables.
const LEGACY: Variables = Variables {
    base_url: "PLAID_LEGACY_BASE_URL",
    client_id: "PLAID_LEGACY_CLIENT_ID",
    secret: "PLAID_LEGACY_SECRET",
};

/// Where an example sends its requests, for one API family. Keeps the
/// embedded sandbox (if any) alive for as long as the example runs.
#[derive(Debug)]
pub struct Target<A: Api> {
    /// The configuration to build clients from.
    pub config: Config<A>,
    sandbox: Option<Sandbox>,
    /// Where the server's URL came from: a variable's name, or an option.
    base_url_source: &'static str,
}

impl Target<Modern> {
    /// The modern server named by `PLAID_BASE_URL` (keys `PLAID_CLIENT_ID`
    /// / `PLAID_SECRET`), or a freshly started embedded modern sandbox.
    pub fn modern() -> Result<Self, Box<dyn Error>> {
        Target::modern_at(None)
    }

    /// Like [`modern`](Self::modern), but a `base_url` given on the command
    /// line (`--base-url`) wins over `PLAID_BASE_URL`.
    pub fn modern_at(base_url: Option<String>) -> Result<Self, Box<dyn Error>> {
        let option = base_url.map(|url| (url, "--base-url"));
        Target::from_env(
            &MODERN,
            modern::Environment::Custom,
            Sandbox::start_modern,
            option,
        )
    }

    /// Like [`modern`](Self::modern), but an embedded sandbox is started by
    /// `start`, for an example that needs one set up otherwise (e.g. with
    /// a transactions delay).
    pub fn modern_started_by(start: fn() -> io::Result<Sandbox>) -> Result<Self, Box<dyn Error>> {
        Target::from_env(&MODERN, modern::Environment::Custom, start, None)
    }
}

impl Target<Legacy> {
    /// The legacy server named by `PLAID_LEGACY_BASE_URL` (keys
    /// `PLAID_LEGACY_CLIENT_ID` / `PLAID_LEGACY_SECRET`), or a freshly
    /// started embedded legacy sandbox.
    pub fn legacy() -> Result<Self, Box<dyn Error>> {
        Target::from_env(&LEGACY, legacy::Environment::Custom, Sandbox::start, None)
    }
}

impl<A: Api> Target<A> {
    fn from_env(
        variables: &Variables,
        custom: fn(String) -> A::Environment,
        start: fn() -> io::Result<Sandbox>,
        option: Option<(String, &'static str)>,
    ) -> Result<Self, Box<dyn Error>> {
        let variable = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let credentials = Credentials::new(
            variable(variables.client_id).unwrap_or_else(|| "test_id".to_owned()),
            variable(variables.secret).unwrap_or_else(|| "test_secret".to_owned()),
        );
        let named =
            option.or_else(|| variable(variables.base_url).map(|url| (url, variables.base_url)));
        let (url, sandbox, base_url_source) = match named {
            Some((url, source)) => (url, None, source),
            None => {
                let sandbox = start()?;
                (sandbox.url(), Some(sandbox), "")
            }
        };
        Ok(Target {
            config: Config::new(custom(url), credentials)?,
            sandbox,
            base_url_source,
        })
    }

    /// Whether the server is an embedded sandbox, which lives only as long
    /// as this process (and its Items with it).
    pub fn is_embedded(&self) -> bool {
        self.sandbox.is_some()
    }

    /// A one-line description of the server, for the examples' output.
    pub fn describe(&self) -> String {
        match &self.sandbox {
            Some(sandbox) => format!("embedded plaid-sandbox at {}", sandbox.url()),
            None => format!("{} (from {})", self.config.base_url(), self.base_url_source),
        }
    }
}

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
