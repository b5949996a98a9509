//! Institution search results (`/institutions/search`).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// One institution as the search routes describe it (a richer shape than
/// [`Institution`](super::Institution), made for login forms).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchResult {
    /// The id: the short type for core banks (`"wells"`), `ins_…` otherwise.
    pub id: String,
    /// The display name.
    pub name: String,
    /// The short type, when the API gives it.
    #[serde(rename = "type", default)]
    pub institution_type: Option<String>,
    /// Which products are supported, by name.
    #[serde(default)]
    pub products: BTreeMap<String, bool>,
    /// The login form's fields.
    #[serde(default)]
    pub fields: Vec<LoginField>,
    /// A link to the institution's forgotten-password page.
    #[serde(rename = "forgottenPassword", default)]
    pub forgotten_password: Option<String>,
    /// A link to the institution's locked-account page.
    #[serde(rename = "accountLocked", default)]
    pub account_locked: Option<String>,
    /// A link to the institution's account-setup page.
    #[serde(rename = "accountSetup", default)]
    pub account_setup: Option<String>,
    /// Brand colours.
    #[serde(default)]
    pub colors: Option<Colors>,
    /// The logo, a base64 PNG.
    #[serde(default)]
    pub logo: Option<String>,
    /// Where to break the name on two lines.
    #[serde(rename = "nameBreak", default)]
    pub name_break: Option<serde_json::Value>,
    /// A video id.
    #[serde(default)]
    pub video: Option<String>,
}

/// A field of an institution's login form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LoginField {
    /// The credential key (`username`, `password`, `pin`).
    pub name: String,
    /// The label to show.
    #[serde(default)]
    pub label: Option<String>,
    /// The input type (`text`, `password`).
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

/// An institution's brand colours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Colors {
    /// Primary colour.
    #[serde(default)]
    pub primary: Option<String>,
    /// Darker shade.
    #[serde(default)]
    pub darker: Option<String>,
    /// Gradient stops (core institutions).
    #[serde(default)]
    pub gradient: Vec<String>,
    /// Dark shade (long-tail institutions).
    #[serde(default)]
    pub dark: Option<String>,
    /// Light shade (long-tail institutions).
    #[serde(default)]
    pub light: Option<String>,
}

/// Search results: the API answers a search by id with one object and
/// other searches with an array; both become a list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct SearchResults(pub Vec<SearchResult>);

impl<'de> Deserialize<'de> for SearchResults {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            Many(Vec<SearchResult>),
            One(Box<SearchResult>),
        }
        Ok(match OneOrMany::deserialize(deserializer)? {
            OneOrMany::Many(results) => SearchResults(results),
            OneOrMany::One(result) => SearchResults(vec![*result]),
        })
    }
}

impl std::ops::Deref for SearchResults {
    type Target = [SearchResult];
    fn deref(&self) -> &[SearchResult] {
        &self.0
    }
}
