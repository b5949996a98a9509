//! Request handlers, one file per group of routes, plus the checks they share: client
//! credentials, access tokens (the stateless `test_<type>` sandbox tokens) and user credentials.

pub(crate) mod bodies;
pub(crate) mod categories;
pub(crate) mod exchange;
pub(crate) mod institutions;
pub(crate) mod mfa;
pub(crate) mod products;

use crate::credentials::{CLIENT_ID, SECRET};
use crate::legacy::data::bulk::MAX_BULK;
use crate::legacy::data::institutions::{self as inst_data, Institution};
use crate::legacy::errors::{ApiError, ApiResult};
use crate::legacy::params::{Params, scalar_text};

/// A product whose payload a response carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Product {
    /// Connect: transactions.
    Connect,
    /// Auth: account and routing numbers.
    Auth,
    /// Info: identity.
    Info,
    /// Income.
    Income,
    /// Risk: per-account risk.
    Risk,
    /// Balance: accounts only.
    Balance,
}

impl Product {
    /// The product of a route prefix (`/connect`, `/auth`, ...).
    pub(crate) fn from_route(name: &str) -> Option<Product> {
        match name {
            "connect" => Some(Product::Connect),
            "auth" => Some(Product::Auth),
            "info" => Some(Product::Info),
            "income" => Some(Product::Income),
            "risk" => Some(Product::Risk),
            _ => None,
        }
    }

    /// The name used in cache keys.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Product::Connect => "connect",
            Product::Auth => "auth",
            Product::Info => "info",
            Product::Income => "income",
            Product::Risk => "risk",
            Product::Balance => "balance",
        }
    }
}

/// Checks `client_id` and `secret`: 401/1100 missing client_id, 1101 missing secret, 1102 wrong
/// pair.
pub(crate) fn check_client(p: &Params) -> ApiResult<()> {
    let Some(client_id) = p.non_empty("client_id") else {
        return Err(ApiError::new(1100));
    };
    let Some(secret) = p.non_empty("secret") else {
        return Err(ApiError::new(1101));
    };
    if client_id == CLIENT_ID && secret == SECRET {
        Ok(())
    } else {
        Err(ApiError::new(1102))
    }
}

/// A valid sandbox access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The token as sent (echoed in bodies).
    pub(crate) raw: String,
    /// The institution it belongs to (`test_bofa` → bofa; bulk tokens → chase).
    pub(crate) institution: &'static Institution,
    /// `Some(n)` for `test_bulk_<n>`.
    pub(crate) bulk: Option<u32>,
}

impl Token {
    /// Parses a token: `test_<type>` for a sandbox institution type, or `test_bulk_<N>` with
    /// 1 ≤ N ≤ 200000.
    pub(crate) fn parse(raw: &str) -> Option<Token> {
        let rest = raw.strip_prefix("test_")?;
        if let Some(n) = rest.strip_prefix("bulk_") {
            let n: u32 = n.parse().ok().filter(|n| (1..=MAX_BULK).contains(n))?;
            return Some(Token {
                raw: raw.to_owned(),
                institution: inst_data::by_type("chase")?,
                bulk: Some(n),
            });
        }
        Some(Token {
            raw: raw.to_owned(),
            institution: inst_data::by_type(rest)?,
            bulk: None,
        })
    }

    /// The token an add for this institution returns.
    pub(crate) fn for_institution(institution: &'static Institution) -> Token {
        Token {
            raw: format!("test_{}", institution.kind),
            institution,
            bulk: None,
        }
    }
}

/// The `access_token` of a token route: 400/1000 when missing, 401/1105 (echoing it) when it
/// is not a sandbox token.
pub(crate) fn require_token(p: &Params) -> ApiResult<Token> {
    let Some(raw) = p.non_empty("access_token") else {
        return Err(ApiError::new(1000));
    };
    Token::parse(&raw).ok_or_else(|| ApiError::with_token(1105, &raw))
}

/// User credentials.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Credentials {
    /// `username`.
    pub(crate) username: Option<String>,
    /// `password`.
    pub(crate) password: Option<String>,
    /// `pin`.
    pub(crate) pin: Option<String>,
}

impl Credentials {
    /// Reads `credentials` (a JSON object, or a JSON string in a form; 400/1006 when it is
    /// neither) or else the top-level `username`, `password` and `pin`.
    pub(crate) fn from_params(p: &Params) -> ApiResult<Credentials> {
        let text =
            |v: Option<&serde_json::Value>| v.and_then(scalar_text).filter(|s| !s.is_empty());
        match p.json("credentials") {
            Err(_) => Err(ApiError::new(1006)),
            Ok(Some(serde_json::Value::Object(map))) => Ok(Credentials {
                username: text(map.get("username")),
                password: text(map.get("password")),
                pin: text(map.get("pin")),
            }),
            Ok(Some(_)) => Err(ApiError::new(1006)),
            Ok(None) => Ok(Credentials {
                username: p.non_empty("username"),
                password: p.non_empty("password"),
                pin: p.non_empty("pin"),
            }),
        }
    }

    /// Whether both username and password are present.
    pub(crate) fn is_complete(&self) -> bool {
        self.username.is_some() && self.password.is_some()
    }

    /// The sandbox login rules of legacy-api.md §5:
    /// missing username/password (or a USAA pin) → 400/1005; unknown username → 402/1200;
    /// `plaid_locked` → 402/1205; other bad password → 402/1200; wrong pin → 402/1209.
    pub(crate) fn verify(&self, institution: &Institution) -> ApiResult<SandboxUser> {
        let (Some(username), Some(password)) = (&self.username, &self.password) else {
            return Err(ApiError::new(1005));
        };
        if institution.pin_label.is_some() && self.pin.is_none() {
            return Err(ApiError::new(1005));
        }
        let user = match username.as_str() {
            "plaid_test" | "user_good" => SandboxUser::Standard,
            "plaid_selections" => SandboxUser::Selections,
            _ => return Err(ApiError::new(1200)),
        };
        match password.as_str() {
            "plaid_good" | "pass_good" => {}
            "plaid_locked" => return Err(ApiError::new(1205)),
            _ => return Err(ApiError::new(1200)),
        }
        if institution.pin_label.is_some() && self.pin.as_deref() != Some("1234") {
            return Err(ApiError::new(1209));
        }
        Ok(user)
    }
}

/// Which sandbox user logged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SandboxUser {
    /// `plaid_test` (or the alias `user_good`).
    Standard,
    /// `plaid_selections`: selections MFA where the institution has it (citi).
    Selections,
}
