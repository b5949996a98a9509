//! Webhook verification keys: the public key (by the `kid` of a webhook's
//! `Plaid-Verification` JWT) that its signature is checked against.
//! Keys change rarely; cache them by `kid`.

use serde::{Deserialize, Serialize};

use super::check::refuse_if;
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::JwkPublicKey;
use crate::modern::{Client, Operation};

/// `POST /webhook_verification_key/get`: the public key with id `key_id`.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct WebhookVerificationKeyGet {
    /// The key's id: the `kid` of the JWT header.
    pub key_id: String,
}

impl WebhookVerificationKeyGet {
    /// The key `key_id`.
    pub fn new(key_id: impl Into<String>) -> Self {
        WebhookVerificationKeyGet {
            key_id: key_id.into(),
        }
    }
}

impl Operation for WebhookVerificationKeyGet {
    const PATH: &'static str = "/webhook_verification_key/get";
    const IDEMPOTENT: bool = true;
    type Response = WebhookVerificationKeyGetResponse;

    fn validate(&self) -> Result<(), Error> {
        refuse_if(self.key_id.is_empty(), "the key id is empty")
    }
}

/// The answer to [`WebhookVerificationKeyGet`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct WebhookVerificationKeyGetResponse {
    /// The key.
    pub key: JwkPublicKey,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// The webhook verification key `key_id` (python
    /// `webhook_verification_key_get`). An unknown id answers
    /// `INVALID_WEBHOOK_VERIFICATION_KEY_ID`.
    pub fn webhook_verification_key_get(
        &self,
        key_id: impl Into<String>,
    ) -> Call<'_, T, WebhookVerificationKeyGet, M> {
        self.call(WebhookVerificationKeyGet::new(key_id))
    }
}
