//! Items: exchanging a Link public token for an access token, reading an
//! Item, removing it and re-pointing its webhook.

use serde::{Deserialize, Serialize};

use super::check::check_token;
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::{Item, ItemStatus};
use crate::modern::{Client, Operation};
use crate::secret::{self, AccessToken, PublicToken};

/// `POST /item/public_token/exchange`: a Link public token (single use,
/// valid for 30 minutes) for the Item's permanent access token.
#[derive(Debug, Clone, Serialize)]
pub struct ItemPublicTokenExchange {
    /// The public token Link gave.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub public_token: PublicToken,
}

impl ItemPublicTokenExchange {
    /// The exchange of `public_token`.
    pub fn new(public_token: impl Into<PublicToken>) -> Self {
        ItemPublicTokenExchange {
            public_token: public_token.into(),
        }
    }
}

impl Operation for ItemPublicTokenExchange {
    const PATH: &'static str = "/item/public_token/exchange";
    const IDEMPOTENT: bool = false;
    type Response = ItemPublicTokenExchangeResponse;

    fn validate(&self) -> Result<(), Error> {
        if self.public_token.is_empty() {
            return Err(Error::invalid_input("the public token is empty"));
        }
        Ok(())
    }
}

/// The answer to [`ItemPublicTokenExchange`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ItemPublicTokenExchangeResponse {
    /// The Item's access token: store it; it does not expire.
    pub access_token: AccessToken,
    /// The Item's id.
    pub item_id: String,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

/// `POST /item/get`: the Item, its consent fields, its in-band error and the
/// status of its last updates.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct ItemGet {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
}

impl ItemGet {
    /// A read of the Item of `access_token`.
    pub fn new(access_token: impl Into<AccessToken>) -> Self {
        ItemGet {
            access_token: access_token.into(),
        }
    }
}

impl Operation for ItemGet {
    const PATH: &'static str = "/item/get";
    const IDEMPOTENT: bool = true;
    type Response = ItemGetResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)
    }
}

/// The answer to [`ItemGet`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ItemGetResponse {
    /// The Item, with its consent fields. An Item that needs the user
    /// answers 200 with [`Item::error`] set.
    pub item: Item,
    /// When its products last updated and its last webhook.
    #[serde(default)]
    pub status: Option<ItemStatus>,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

open_enum! {
    /// Why an Item is removed (`ItemRemoveReasonCode`), for Plaid's fraud
    /// and quality reporting.
    pub enum ItemRemoveReasonCode {
        /// `FRAUD_FIRST_PARTY`: the user committed fraud.
        FraudFirstParty => "FRAUD_FIRST_PARTY",
        /// `FRAUD_FALSE_IDENTITY`: someone posed as the user.
        FraudFalseIdentity => "FRAUD_FALSE_IDENTITY",
        /// `FRAUD_ABUSE`: the product was abused.
        FraudAbuse => "FRAUD_ABUSE",
        /// `FRAUD_OTHER`: another kind of fraud.
        FraudOther => "FRAUD_OTHER",
        /// `CONNECTION_IS_NON_FUNCTIONAL`: the connection stopped working.
        ConnectionIsNonFunctional => "CONNECTION_IS_NON_FUNCTIONAL",
        /// `OTHER`.
        Other => "OTHER",
    }
}

/// `POST /item/remove`: removes the Item; its access token stops working
/// and subscription billing for it ends.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct ItemRemove {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
    /// Why the Item is removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<ItemRemoveReasonCode>,
    /// More about why, up to 512 characters, with no personal data in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_note: Option<String>,
}

impl ItemRemove {
    /// The removal of the Item of `access_token`.
    pub fn new(access_token: impl Into<AccessToken>) -> Self {
        ItemRemove {
            access_token: access_token.into(),
            reason_code: None,
            reason_note: None,
        }
    }

    /// Says why the Item is removed.
    pub fn reason_code(mut self, reason_code: ItemRemoveReasonCode) -> Self {
        self.reason_code = Some(reason_code);
        self
    }

    /// Says more about why (no personal data: Plaid asks for none here).
    pub fn reason_note(mut self, reason_note: impl Into<String>) -> Self {
        self.reason_note = Some(reason_note.into());
        self
    }
}

impl Operation for ItemRemove {
    const PATH: &'static str = "/item/remove";
    const IDEMPOTENT: bool = false;
    type Response = ItemRemoveResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)
    }
}

/// The answer to [`ItemRemove`]: only its request id (API version
/// 2020-09-14 dropped the old `removed` flag).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ItemRemoveResponse {
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

/// `POST /item/webhook/update`: points the Item's webhook at a new URL, or
/// removes it; Plaid confirms with an `ITEM` / `WEBHOOK_UPDATE_ACKNOWLEDGED`
/// webhook to the new URL.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct ItemWebhookUpdate {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
    /// The new URL; `None` is sent as `null`, which removes the webhook.
    pub webhook: Option<String>,
}

impl ItemWebhookUpdate {
    /// Points the webhook of the Item of `access_token` at `webhook`.
    pub fn new(access_token: impl Into<AccessToken>, webhook: impl Into<String>) -> Self {
        ItemWebhookUpdate {
            access_token: access_token.into(),
            webhook: Some(webhook.into()),
        }
    }

    /// Removes the webhook of the Item of `access_token` (sends
    /// `"webhook": null`).
    pub fn remove_webhook(access_token: impl Into<AccessToken>) -> Self {
        ItemWebhookUpdate {
            access_token: access_token.into(),
            webhook: None,
        }
    }
}

impl Operation for ItemWebhookUpdate {
    const PATH: &'static str = "/item/webhook/update";
    const IDEMPOTENT: bool = false;
    type Response = ItemWebhookUpdateResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)?;
        if self.webhook.as_deref() == Some("") {
            return Err(Error::invalid_input(
                "the webhook URL is empty; use ItemWebhookUpdate::remove_webhook to remove it",
            ));
        }
        Ok(())
    }
}

/// The answer to [`ItemWebhookUpdate`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ItemWebhookUpdateResponse {
    /// The Item, with its new webhook.
    pub item: Item,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// Exchanges a Link public token for the Item's access token (python
    /// `item_public_token_exchange`). Not retried: a token works once.
    pub fn item_public_token_exchange(
        &self,
        public_token: impl Into<PublicToken>,
    ) -> Call<'_, T, ItemPublicTokenExchange, M> {
        self.call(ItemPublicTokenExchange::new(public_token))
    }

    /// Reads an Item (python `item_get`). An Item that needs the user is
    /// not an error here: see [`Item::error`].
    pub fn item_get(&self, access_token: impl Into<AccessToken>) -> Call<'_, T, ItemGet, M> {
        self.call(ItemGet::new(access_token))
    }

    /// Removes an Item (python `item_remove`); set a reason with
    /// `.with(|r| r.reason_code(…))`. Not retried: a second removal fails.
    pub fn item_remove(&self, access_token: impl Into<AccessToken>) -> Call<'_, T, ItemRemove, M> {
        self.call(ItemRemove::new(access_token))
    }

    /// Points an Item's webhook at `webhook` (python `item_webhook_update`);
    /// [`ItemWebhookUpdate::remove_webhook`] removes it. Not retried: each
    /// update fires a webhook.
    pub fn item_webhook_update(
        &self,
        access_token: impl Into<AccessToken>,
        webhook: impl Into<String>,
    ) -> Call<'_, T, ItemWebhookUpdate, M> {
        self.call(ItemWebhookUpdate::new(access_token, webhook))
    }
}
