//! Typed inputs of the API calls: login credentials, MFA answers and the
//! option objects of adds, steps and transaction queries.
//!
//! Options serialise to the JSON object the API expects inside the form's
//! `options` field; unset options are left out.

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::error::Error;
use crate::legacy::models::{Date, DeviceType};
use crate::secret::{MfaSecret, Password, Pin, Username};

/// The user's login at their institution.
#[derive(Clone, Debug)]
pub struct Login {
    username: Username,
    password: Password,
    pin: Option<Pin>,
}

impl Login {
    /// A username and password.
    pub fn new(username: impl Into<Username>, password: impl Into<Password>) -> Self {
        Login {
            username: username.into(),
            password: password.into(),
            pin: None,
        }
    }

    /// The same login with a PIN (USAA asks for one).
    pub fn with_pin(mut self, pin: impl Into<Pin>) -> Self {
        self.pin = Some(pin.into());
        self
    }

    /// The username.
    pub fn username(&self) -> &Username {
        &self.username
    }

    /// The password.
    pub fn password(&self) -> &Password {
        &self.password
    }

    /// The PIN, if any.
    pub fn pin(&self) -> Option<&Pin> {
        self.pin.as_ref()
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if self.username.is_empty() {
            return Err(Error::invalid_input("the username is empty"));
        }
        if self.password.is_empty() {
            return Err(Error::invalid_input("the password is empty"));
        }
        if self.pin.as_ref().is_some_and(Pin::is_empty) {
            return Err(Error::invalid_input("the PIN is empty"));
        }
        Ok(())
    }

    /// The fields in wire order: username, password, then pin if set.
    pub(crate) fn fields(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            Some(("username", self.username.expose_secret())),
            Some(("password", self.password.expose_secret())),
            self.pin.as_ref().map(|pin| ("pin", pin.expose_secret())),
        ]
        .into_iter()
        .flatten()
    }
}

/// Serialises the login as the `credentials` JSON object. Only plaid-core
/// sees this: it is how the secrets reach the wire, never a log.
pub(crate) struct CredentialsJson<'a>(pub(crate) &'a Login);

impl Serialize for CredentialsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields: Vec<_> = self.0.fields().collect();
        let mut map = serializer.serialize_map(Some(fields.len()))?;
        for (key, value) in fields {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// An institution type as used on adds (`"bofa"`, `"chase"`, `"ins_100003"`).
///
/// Checked before anything is sent: it must be non-empty ASCII letters,
/// digits, `_` or `-`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct InstitutionType(String);

impl InstitutionType {
    /// Checks and wraps an institution type.
    pub fn new(value: impl Into<String>) -> Result<Self, Error> {
        let value = value.into();
        let valid = !value.is_empty()
            && value.len() <= 64
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if valid {
            Ok(InstitutionType(value))
        } else {
            Err(Error::invalid_input(
                "an institution type is a short name of letters, digits, `_` or `-` (e.g. \"bofa\")",
            ))
        }
    }

    /// The type as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for InstitutionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for InstitutionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Options of an add (`connect`, `auth`, `info`, `income`, `risk`).
///
/// Like the python client, plaid-rs asks for the device list (`list: true`)
/// unless you set `list` yourself, so code-based MFA always starts with a
/// [`Mfa::List`](crate::legacy::models::Mfa::List) challenge.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AddOptions {
    /// A URL Plaid calls when data is ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook: Option<String>,
    /// Include pending transactions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<bool>,
    /// Add the user without fetching transactions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_only: Option<bool>,
    /// Return the device list for code-based MFA (default `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<bool>,
    /// The first day of transactions to fetch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    /// The last day of transactions to fetch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
}

impl AddOptions {
    /// No options beyond the defaults.
    pub fn new() -> Self {
        AddOptions::default()
    }

    /// Sets `webhook`.
    pub fn webhook(mut self, url: impl Into<String>) -> Self {
        self.webhook = Some(url.into());
        self
    }

    /// Sets `pending`.
    pub fn pending(mut self, pending: bool) -> Self {
        self.pending = Some(pending);
        self
    }

    /// Sets `login_only`.
    pub fn login_only(mut self, login_only: bool) -> Self {
        self.login_only = Some(login_only);
        self
    }

    /// Sets `list`.
    pub fn list(mut self, list: bool) -> Self {
        self.list = Some(list);
        self
    }

    /// Sets `start_date`.
    pub fn start_date(mut self, date: Date) -> Self {
        self.start_date = Some(date);
        self
    }

    /// Sets `end_date`.
    pub fn end_date(mut self, date: Date) -> Self {
        self.end_date = Some(date);
        self
    }

    /// The options as sent: `list` defaults to `true`.
    pub(crate) fn on_the_wire(&self) -> AddOptions {
        let mut options = self.clone();
        options.list.get_or_insert(true);
        options
    }
}

/// Options of `connect_get`: which transactions to return.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GetOptions {
    /// Include pending transactions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<bool>,
    /// Only this account's transactions (accounts are all still returned).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// On or after this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gte: Option<Date>,
    /// On or before this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lte: Option<Date>,
}

impl GetOptions {
    /// No filters.
    pub fn new() -> Self {
        GetOptions::default()
    }

    /// Sets `pending`.
    pub fn pending(mut self, pending: bool) -> Self {
        self.pending = Some(pending);
        self
    }

    /// Sets `account`.
    pub fn account(mut self, account_id: impl Into<String>) -> Self {
        self.account = Some(account_id.into());
        self
    }

    /// Sets `gte`.
    pub fn gte(mut self, date: Date) -> Self {
        self.gte = Some(date);
        self
    }

    /// Sets `lte`.
    pub fn lte(mut self, date: Date) -> Self {
        self.lte = Some(date);
        self
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if self.account.as_deref().is_some_and(str::is_empty) {
            return Err(Error::invalid_input("the account filter is empty"));
        }
        if let (Some(gte), Some(lte)) = (self.gte, self.lte) {
            if gte > lte {
                return Err(Error::invalid_input(
                    "the `gte` date is after the `lte` date",
                ));
            }
        }
        Ok(())
    }
}

/// Options sent with an MFA step besides the answer (rarely needed): the
/// same object as an add's options, sent exactly as given (a step adds no
/// `list` default).
pub type StepOptions = AddOptions;

/// Where to send an MFA code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendMethod {
    /// The first device of this type (`{"type": "phone"}`).
    Type(DeviceType),
    /// The device with this mask (`{"mask": "xxx-xxx-5309"}`).
    Mask(String),
}

impl Serialize for SendMethod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            SendMethod::Type(kind) => map.serialize_entry("type", kind)?,
            SendMethod::Mask(mask) => map.serialize_entry("mask", mask)?,
        }
        map.end()
    }
}

/// An answer to an MFA challenge.
#[derive(Clone, Debug)]
pub enum MfaAnswer {
    /// The answer to a security question.
    Answer(MfaSecret),
    /// The code sent to a device.
    Code(MfaSecret),
    /// Which device to send the code to (answers a `list` challenge).
    SendMethod(SendMethod),
    /// One chosen answer per selection question, in question order.
    Selections(Vec<MfaSecret>),
}

impl MfaAnswer {
    /// The answer to a security question.
    pub fn answer(text: impl Into<MfaSecret>) -> Self {
        MfaAnswer::Answer(text.into())
    }

    /// The code the user received.
    pub fn code(code: impl Into<MfaSecret>) -> Self {
        MfaAnswer::Code(code.into())
    }

    /// Send the code to the first device of this type.
    pub fn send_to(kind: DeviceType) -> Self {
        MfaAnswer::SendMethod(SendMethod::Type(kind))
    }

    /// Send the code to the device with this mask.
    pub fn send_to_mask(mask: impl Into<String>) -> Self {
        MfaAnswer::SendMethod(SendMethod::Mask(mask.into()))
    }

    /// The chosen answers of a `selections` challenge, in question order.
    pub fn selections<I, S>(answers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<MfaSecret>,
    {
        MfaAnswer::Selections(answers.into_iter().map(Into::into).collect())
    }

    /// The `mfa` form value, or `None` for a send-method choice.
    pub(crate) fn mfa_value(&self) -> Result<Option<String>, Error> {
        match self {
            MfaAnswer::Answer(text) | MfaAnswer::Code(text) => {
                if text.expose_secret().trim().is_empty() {
                    return Err(Error::invalid_input("the MFA answer is empty"));
                }
                Ok(Some(text.expose_secret().to_owned()))
            }
            MfaAnswer::Selections(answers) => {
                if answers.is_empty() || answers.iter().any(|a| a.expose_secret().trim().is_empty())
                {
                    return Err(Error::invalid_input(
                        "a selections answer needs one non-empty answer per question",
                    ));
                }
                let plain: Vec<&str> = answers.iter().map(MfaSecret::expose_secret).collect();
                serde_json::to_string(&plain)
                    .map(Some)
                    .map_err(|_| Error::invalid_input("the selections could not be encoded"))
            }
            MfaAnswer::SendMethod(SendMethod::Mask(mask)) if mask.trim().is_empty() => {
                Err(Error::invalid_input("the send-method mask is empty"))
            }
            MfaAnswer::SendMethod(_) => Ok(None),
        }
    }

    pub(crate) fn send_method(&self) -> Option<&SendMethod> {
        match self {
            MfaAnswer::SendMethod(method) => Some(method),
            _ => None,
        }
    }
}

/// The `options` object of a step: the step options plus the send method.
pub(crate) struct StepOptionsJson<'a> {
    pub(crate) options: &'a StepOptions,
    pub(crate) send_method: Option<&'a SendMethod>,
}

impl Serialize for StepOptionsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Go through a JSON map so the two halves merge into one object.
        let mut value = serde_json::to_value(self.options).map_err(serde::ser::Error::custom)?;
        if let (Some(method), Some(map)) = (self.send_method, value.as_object_mut()) {
            let method = serde_json::to_value(method).map_err(serde::ser::Error::custom)?;
            map.insert("send_method".to_owned(), method);
        }
        value.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institution_types_are_checked() {
        assert!(InstitutionType::new("bofa").is_ok());
        assert!(InstitutionType::new("ins_100003").is_ok());
        for bad in ["", "bo fa", "bofa&secret=x", "ü", "../x"] {
            assert!(
                InstitutionType::new(bad).unwrap_err().is_invalid_input(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn empty_answers_are_refused_before_sending() {
        assert!(MfaAnswer::answer("  ").mfa_value().is_err());
        assert!(MfaAnswer::code("").mfa_value().is_err());
        assert!(
            MfaAnswer::selections(Vec::<String>::new())
                .mfa_value()
                .is_err()
        );
        assert!(MfaAnswer::selections(["tomato", ""]).mfa_value().is_err());
        assert!(MfaAnswer::send_to_mask("").mfa_value().is_err());
    }

    #[test]
    fn selections_are_a_json_array_in_order() {
        let value = MfaAnswer::selections(["tomato", "ketchup"])
            .mfa_value()
            .unwrap();
        assert_eq!(value.as_deref(), Some(r#"["tomato","ketchup"]"#));
    }

    #[test]
    fn login_debug_hides_every_secret() {
        let login = Login::new("plaid_test", "plaid_good").with_pin("1234");
        let debug = format!("{login:?}");
        for secret in ["plaid_test", "plaid_good", "1234"] {
            assert!(!debug.contains(secret), "{debug}");
        }
    }
}
