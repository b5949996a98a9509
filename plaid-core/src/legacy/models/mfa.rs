//! MFA challenges (HTTP 201 bodies) and the outcome of calls that may
//! need one.

use serde::{Deserialize, Deserializer, Serialize};

use crate::secret::AccessToken;

open_enum! {
    /// Where an MFA code can be sent.
    pub enum DeviceType {
        /// By email.
        Email => "email",
        /// By text message or call.
        Phone => "phone",
        /// A card reader or code card.
        Card => "card",
    }
}

/// A security question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MfaQuestion {
    /// The question text.
    pub question: String,
}

/// A device the code can be sent to (`list` challenges).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MfaDevice {
    /// The masked address, e.g. `xxx-xxx-5309`.
    pub mask: String,
    /// What kind of device it is.
    #[serde(rename = "type")]
    pub kind: DeviceType,
}

/// A multiple-choice question (`selections` challenges).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MfaSelection {
    /// The question text.
    pub question: String,
    /// The possible answers.
    pub answers: Vec<String>,
}

/// What the institution asks for.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Mfa {
    /// Answer a security question (in practice one per round).
    Questions(Vec<MfaQuestion>),
    /// Choose where to send a code; answer with a send method.
    List(Vec<MfaDevice>),
    /// A code was sent; answer with it. `message` says where it went.
    Device {
        /// E.g. `"Code sent to xxx-xxx-5309"`.
        message: String,
    },
    /// Pick one answer per question; answer with all picks, in order.
    Selections(Vec<MfaSelection>),
    /// A challenge type this version does not know, kept as sent.
    Unknown {
        /// The `type` field.
        kind: String,
        /// The `mfa` field.
        mfa: serde_json::Value,
    },
}

impl Mfa {
    /// The wire name of the challenge type.
    pub fn kind(&self) -> &str {
        match self {
            Mfa::Questions(_) => "questions",
            Mfa::List(_) => "list",
            Mfa::Device { .. } => "device",
            Mfa::Selections(_) => "selections",
            Mfa::Unknown { kind, .. } => kind,
        }
    }
}

/// An MFA challenge: what to answer and the access token to answer with.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct MfaChallenge {
    /// The challenge.
    pub mfa: Mfa,
    /// The item's access token; the step call needs it.
    pub access_token: AccessToken,
}

/// The challenge as sent: the `mfa` field is kept as raw JSON text and
/// decoded once its `type` is known (no intermediate `serde_json::Value`).
/// Like every model here, it decodes from JSON text (`serde_json`).
#[derive(Deserialize)]
struct RawChallenge<'a> {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, borrow)]
    mfa: Option<&'a serde_json::value::RawValue>,
    access_token: AccessToken,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum DeviceBody {
    Object { message: String },
    // The 2014 API sent the message as a plain string.
    Text(String),
}

impl<'de> Deserialize<'de> for MfaChallenge {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let raw = RawChallenge::deserialize(deserializer)?;
        let text = raw.mfa.map_or("null", serde_json::value::RawValue::get);
        let invalid =
            |what: &str| D::Error::custom(format!("the mfa field is not a valid {what} challenge"));
        let mfa = match raw.kind.as_str() {
            "questions" => {
                Mfa::Questions(serde_json::from_str(text).map_err(|_| invalid("questions"))?)
            }
            "list" => Mfa::List(serde_json::from_str(text).map_err(|_| invalid("list"))?),
            "device" => {
                let body: DeviceBody = serde_json::from_str(text).map_err(|_| invalid("device"))?;
                let message = match body {
                    DeviceBody::Object { message } | DeviceBody::Text(message) => message,
                };
                Mfa::Device { message }
            }
            "selections" => {
                Mfa::Selections(serde_json::from_str(text).map_err(|_| invalid("selections"))?)
            }
            _ => Mfa::Unknown {
                mfa: serde_json::from_str(text).map_err(|_| invalid("raw JSON"))?,
                kind: raw.kind,
            },
        };
        Ok(MfaChallenge {
            mfa,
            access_token: raw.access_token,
        })
    }
}

/// The result of a call that may need MFA (adds, steps, updates, upgrade
/// steps): either the product data, or a challenge to answer.
#[derive(Debug, Clone)]
#[must_use = "an MFA challenge must be answered to finish connecting"]
pub enum Outcome<D> {
    /// HTTP 200: the item is connected; here is the product data.
    Connected(D),
    /// HTTP 201: the institution asks for MFA.
    MfaRequired(MfaChallenge),
}

impl<D> Outcome<D> {
    /// The product data, if connected.
    pub fn connected(self) -> Option<D> {
        match self {
            Outcome::Connected(data) => Some(data),
            Outcome::MfaRequired(_) => None,
        }
    }

    /// The challenge, if MFA is required.
    pub fn mfa_required(self) -> Option<MfaChallenge> {
        match self {
            Outcome::Connected(_) => None,
            Outcome::MfaRequired(challenge) => Some(challenge),
        }
    }

    /// Whether MFA is required.
    pub fn is_mfa_required(&self) -> bool {
        matches!(self, Outcome::MfaRequired(_))
    }
}

impl<D: super::HasAccessToken> Outcome<D> {
    /// The access token, which both outcomes carry.
    pub fn access_token(&self) -> &AccessToken {
        match self {
            Outcome::Connected(data) => data.access_token(),
            Outcome::MfaRequired(challenge) => &challenge.access_token,
        }
    }
}
