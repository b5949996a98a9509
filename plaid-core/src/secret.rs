//! Newtypes for every value that must never be printed.
//!
//! **Secrets.** Client ids and secrets, access and public tokens, usernames,
//! passwords, PINs and MFA answers all live in these wrappers. Their `Debug`
//! prints `TypeName([redacted])` and their `Display` prints `[redacted]`, so
//! a value can sit inside any struct, error or log line without leaking. The
//! plain text is reachable only through
//! [`expose_secret`](ClientSecret::expose_secret), a name that stands out in
//! review. There is deliberately no `PartialEq`: comparing secrets with `==`
//! invites timing leaks and makes it too easy to print them in a failed
//! `assert_eq!`. Compare the exposed values when a test really needs to.
//!
//! **Personal and bank data.** Names, email addresses, phone numbers and
//! postal addresses ([`Personal`]), and account and routing numbers
//! ([`BankNumber`]) are not secrets a program keeps to itself: it reads,
//! compares and stores them. So they deref to their value and compare with
//! `==`, but their `Debug` is redacted (a bank number shows its last four
//! characters, as a statement does), so that logging a whole response with
//! `{:?}` does not leak them.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

        impl SecretText for $name {
            fn text(&self) -> &str {
                &self.0
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

        impl From<&$name> for $name {
            fn from(value: &$name) -> Self {
                value.clone()
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self)
            }
        }
    };
}

/// The plain text of a secret, for the request builders that put it on the
/// wire.
pub(crate) trait SecretText {
    fn text(&self) -> &str;
}

/// Serialises a secret as its plain text, for a request body's
/// `#[serde(serialize_with = ...)]`: secrets have no `Serialize` of their own,
/// so that `serde_json::to_string` of a struct holding one cannot print it by
/// accident.
pub(crate) fn serialize_exposed<T: SecretText, S: serde::Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(value.text())
}

/// [`serialize_exposed`] for an optional secret, for fields that also carry
/// `#[serde(skip_serializing_if = "Option::is_none")]` (a `None` that is not
/// skipped goes out as `null`).
pub(crate) fn serialize_exposed_option<T: SecretText, S: serde::Serializer>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.serialize_str(value.text()),
        None => serializer.serialize_none(),
    }
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
    /// A Plaid Link token (`link_token`), which opens Link for one user.
    LinkToken
}

secret_string! {
    /// A modern-API user token (`user_token`, from `/user/create`): like an
    /// access token, it reaches one user's data.
    UserToken
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

/// Personal data (a name, an email address, a phone number, a postal
/// address): usable as its value, redacted in `Debug`.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Personal<T>(T);

impl<T> Personal<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Personal(value)
    }

    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Personal<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<T> for Personal<T> {
    fn from(value: T) -> Self {
        Personal(value)
    }
}

impl From<&str> for Personal<String> {
    fn from(value: &str) -> Self {
        Personal(value.to_owned())
    }
}

impl PartialEq<str> for Personal<String> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Personal<String> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<T> fmt::Debug for Personal<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T: Serialize> Serialize for Personal<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Personal<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Personal)
    }
}

/// A bank account, routing, IBAN or sort code number: usable as a string,
/// shown in `Debug` only by its last four characters (`BankNumber(…6789)`),
/// or not at all when it is that short.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct BankNumber(String);

impl BankNumber {
    /// Wraps a number.
    pub fn new(value: impl Into<String>) -> Self {
        BankNumber(value.into())
    }

    /// The number.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last four characters, as statements print them; `None` for a
    /// number of four characters or fewer, which would be shown whole.
    pub fn last_four(&self) -> Option<&str> {
        let count = self.0.chars().count();
        if count <= 4 {
            return None;
        }
        self.0
            .char_indices()
            .nth(count - 4)
            .map(|(at, _)| &self.0[at..])
    }
}

impl Deref for BankNumber {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for BankNumber {
    fn from(value: &str) -> Self {
        BankNumber(value.to_owned())
    }
}

impl From<String> for BankNumber {
    fn from(value: String) -> Self {
        BankNumber(value)
    }
}

impl PartialEq<str> for BankNumber {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for BankNumber {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Debug for BankNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.last_four() {
            Some(last) => write!(f, "BankNumber(…{last})"),
            None => write!(f, "BankNumber({REDACTED})"),
        }
    }
}

impl Serialize for BankNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for BankNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(BankNumber)
    }
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

    #[test]
    fn personal_data_is_usable_but_not_printed() {
        let name = Personal::new(String::from("Alberta Bobbeth Charleson"));
        assert_eq!(format!("{name:?}"), "[redacted]");
        assert_eq!(name, "Alberta Bobbeth Charleson");
        assert_eq!(name.len(), 25);
        let json = serde_json::to_string(&name).unwrap();
        assert_eq!(json, "\"Alberta Bobbeth Charleson\"");
        let back: Personal<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, name);
    }

    #[test]
    fn bank_numbers_show_only_their_last_four() {
        let account = BankNumber::new("9900009606");
        assert_eq!(format!("{account:?}"), "BankNumber(…9606)");
        assert_eq!(account, "9900009606");
        assert_eq!(account.last_four(), Some("9606"));
        assert_eq!(
            format!("{:?}", BankNumber::new("1234")),
            "BankNumber([redacted])"
        );
        assert_eq!(
            format!("{:?}", BankNumber::new("")),
            "BankNumber([redacted])"
        );
        assert_eq!(BankNumber::new("ab€cdé").last_four(), Some("€cdé"));
    }
}
