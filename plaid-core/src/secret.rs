//! Newtypes for every value that must never be printed.
//!
//! Client ids and secrets, access and public tokens, usernames, passwords,
//! PINs and MFA answers all live in these wrappers. Their `Debug` prints
//! `TypeName([redacted])` and their `Display` prints `[redacted]`, so a value
//! can sit inside any struct, error or log line without leaking. The plain
//! text is reachable only through [`expose_secret`](ClientSecret::expose_secret),
//! a name that stands out in review.
//!
//! There is deliberately no `PartialEq`: comparing secrets with `==` invites
//! timing leaks and makes it too easy to print them in a failed `assert_eq!`.
//! Compare the exposed values when a test really needs to.

use serde::{Deserialize, Deserializer};

/// What `Debug` and `Display` print in place of a secret value.
pub const REDACTED: &str = "[redacted]";

macro_rules! secret_string {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps a value. Nothing about it is validated here; the call
            /// that uses it reports an empty or malformed value.
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The plain value. Call this only to put the value on the wire
            /// or into a store of your own; never to print it.
            pub fn expose_secret(&self) -> &str {
                &self.0
            }

            /// Whether the value is empty (safe to ask: says nothing of it).
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), REDACTED)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(REDACTED)
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self(value)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self)
            }
        }
    };
}

secret_string! {
    /// Your Plaid client id (`client_id`). Not a password, but it identifies
    /// your account, so it is kept out of logs like the secret.
    ClientId
}

secret_string! {
    /// Your Plaid secret (`secret`).
    ClientSecret
}

secret_string! {
    /// An item's access token (`access_token`), returned by an add, an MFA
    /// challenge or a public-token exchange.
    AccessToken
}

secret_string! {
    /// A Plaid Link public token (`public_token`), exchanged for an
    /// [`AccessToken`].
    PublicToken
}

secret_string! {
    /// The user's login name at their institution.
    Username
}

secret_string! {
    /// The user's password at their institution.
    Password
}

secret_string! {
    /// The user's PIN, for institutions that ask for one (USAA).
    Pin
}

secret_string! {
    /// The text of an MFA answer or code as it goes on the wire.
    MfaSecret
}

secret_string! {
    /// A bank account token for a payment processor (Stripe's `btok_…`).
    BankAccountToken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let secret = ClientSecret::new("hunter2-very-secret");
        assert_eq!(format!("{secret:?}"), "ClientSecret([redacted])");
        assert_eq!(format!("{secret:#?}"), "ClientSecret([redacted])");
        assert_eq!(format!("{secret}"), "[redacted]");
        assert_eq!(secret.expose_secret(), "hunter2-very-secret");
    }

    #[test]
    fn deserializes_from_a_json_string() {
        let token: AccessToken = serde_json::from_str("\"test_bofa\"").unwrap();
        assert_eq!(token.expose_secret(), "test_bofa");
        assert!(!format!("{token:?}").contains("test_bofa"));
    }
}
