//! What the reads on an Item share: the `options.account_ids` filter that `/accounts/get`, `/auth/get` and
//! `/identity/get` take alike.

use serde::Serialize;

use crate::error::Error;

/// Refuses an account id filter that is empty or holds an empty id. An
/// empty list names no account, and the server may take it as no filter at
/// all: every account, the opposite of what a caller who filtered
/// everything out meant.
pub(super) fn check_account_ids(account_ids: Option<&[String]>) -> Result<(), Error> {
    match account_ids {
        Some([]) => Err(Error::invalid_input(
            "the account id filter is empty; leave it unset to ask for every account",
        )),
        Some(ids) if ids.iter().any(String::is_empty) => {
            Err(Error::invalid_input("an account id in the filter is empty"))
        }
        _ => Ok(()),
    }
}

/// The ids a builder method was given, as the request stores them.
pub(super) fn collect_ids(ids: impl IntoIterator<Item = impl Into<String>>) -> Vec<String> {
    ids.into_iter().map(Into::into).collect()
}

/// `options` of `/accounts/get`, `/auth/get` and `/identity/get`
/// (`AccountsGetRequestOptions`, `AuthGetRequestOptions`,
/// `IdentityGetRequestOptions`: the same shape in the spec). Sent only when
/// a field is set.
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct AccountIdsOptions {
    /// Only these accounts (every account of the Item when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_ids: Option<Vec<String>>,
}

/// Declares a read on an Item whose only option is `options.account_ids`
/// (`/accounts/get`, `/auth/get`, `/identity/get`): the request struct, its
/// constructor and `account_ids` builder, and its [`Operation`] impl, so
/// that the three share one definition and one validation.
///
/// [`Operation`]: crate::modern::Operation
macro_rules! account_ids_request {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            path: $path:literal,
            response: $response:ty,
            new: $new_doc:literal,
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, ::serde::Serialize)]
        #[non_exhaustive]
        pub struct $name {
            /// The Item's access token.
            #[serde(serialize_with = "crate::secret::serialize_exposed")]
            pub access_token: $crate::secret::AccessToken,
            /// The account filter, sent only when set.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub options: Option<$crate::modern::endpoints::AccountIdsOptions>,
        }

        impl $name {
            #[doc = $new_doc]
            pub fn new(access_token: impl Into<$crate::secret::AccessToken>) -> Self {
                $name {
                    access_token: access_token.into(),
                    options: None,
                }
            }

            /// Only these accounts (`options.account_ids`).
            pub fn account_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
                self.options.get_or_insert_with(Default::default).account_ids =
                    Some($crate::modern::endpoints::access::collect_ids(ids));
                self
            }
        }

        impl $crate::modern::Operation for $name {
            const PATH: &'static str = $path;
            const IDEMPOTENT: bool = true;
            type Response = $response;

            fn validate(&self) -> Result<(), $crate::Error> {
                use $crate::modern::endpoints::access::check_account_ids;
                use $crate::modern::endpoints::check::check_token;
                check_token(&self.access_token)?;
                check_account_ids(self.options.as_ref().and_then(|o| o.account_ids.as_deref()))
            }
        }
    };
}

pub(super) use account_ids_request;
