//! Institutions (`GET /institutions`, `/institutions/all/{id}`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

open_enum! {
    /// A Plaid product.
    pub enum Product {
        /// Transactions.
        Connect => "connect",
        /// Account and routing numbers.
        Auth => "auth",
        /// Live balances.
        Balance => "balance",
        /// Identity information.
        Info => "info",
        /// Income streams.
        Income => "income",
        /// Risk scores.
        Risk => "risk",
    }
}

/// A kind of MFA an institution may ask for, as listed on the institution
/// (`"code"`, `"list"`, `"questions(3)"`, `"selections"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MfaKind {
    /// A code sent to a device.
    Code,
    /// A choice of device to send the code to.
    List,
    /// Security questions; the number of rounds when the API says it.
    Questions(Option<u32>),
    /// Multiple-choice questions.
    Selections,
    /// A kind this version does not know, kept as sent.
    Unknown(String),
}

impl MfaKind {
    /// Parses the wire form; unknown values are kept.
    pub fn from_wire(value: &str) -> Self {
        match value {
            "code" => MfaKind::Code,
            "list" => MfaKind::List,
            "questions" => MfaKind::Questions(None),
            "selections" => MfaKind::Selections,
            other => other
                .strip_prefix("questions(")
                .and_then(|rest| rest.strip_suffix(')'))
                .and_then(|count| count.parse().ok())
                .map_or_else(
                    || MfaKind::Unknown(other.to_owned()),
                    |n| MfaKind::Questions(Some(n)),
                ),
        }
    }
}

impl fmt::Display for MfaKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MfaKind::Code => f.write_str("code"),
            MfaKind::List => f.write_str("list"),
            MfaKind::Questions(None) => f.write_str("questions"),
            MfaKind::Questions(Some(n)) => write!(f, "questions({n})"),
            MfaKind::Selections => f.write_str("selections"),
            MfaKind::Unknown(other) => f.write_str(other),
        }
    }
}

impl Serialize for MfaKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MfaKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Ok(MfaKind::from_wire(&value))
    }
}

/// The labels an institution's login form uses for each credential.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CredentialLabels {
    /// The label of the username field, e.g. `"Online ID"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The label of the password field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// The label of the PIN field, for institutions that need one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
}

/// A financial institution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Institution {
    /// The institution id (24 hex digits for core banks, `ins_…` for the
    /// long tail).
    pub id: String,
    /// The display name.
    pub name: String,
    /// The short type used on adds, e.g. `"bofa"`.
    #[serde(rename = "type")]
    pub institution_type: String,
    /// Whether the institution uses MFA.
    #[serde(default)]
    pub has_mfa: bool,
    /// The MFA kinds it may ask for.
    #[serde(default)]
    pub mfa: Vec<MfaKind>,
    /// The products available there.
    #[serde(default)]
    pub products: Vec<Product>,
    /// The labels of its login fields.
    #[serde(default)]
    pub credentials: CredentialLabels,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mfa_kinds_parse_with_counts_and_keep_unknowns() {
        let kinds: Vec<MfaKind> = serde_json::from_str(
            r#"["code","list","questions(3)","questions","selections","retina"]"#,
        )
        .unwrap();
        assert_eq!(
            kinds,
            [
                MfaKind::Code,
                MfaKind::List,
                MfaKind::Questions(Some(3)),
                MfaKind::Questions(None),
                MfaKind::Selections,
                MfaKind::Unknown("retina".into()),
            ]
        );
        assert_eq!(MfaKind::Questions(Some(3)).to_string(), "questions(3)");
    }
}
