//! The verification drivers: a [`modern::Client`](Client) verifies a
//! webhook and fetches the keys it needs through
//! `/webhook_verification_key/get`, over its blocking or async transport.
//!
//! As with [`Call`](crate::Call), one value serves both: `.send()` on a
//! blocking transport, `.await` on an async one. The steps between the
//! fetches live in [`Session`], so the two drivers only differ in how they
//! send.

use std::collections::VecDeque;
use std::future::IntoFuture;
use std::time::SystemTime;

use http::HeaderMap;

use super::error::{WebhookError, WebhookErrorKind};
use super::key::{FetchRole, KeyCache};
use super::verify::{Verification, Verified, WebhookVerifier, verification_header};
use crate::client::ResponseMode;
use crate::error::Error;
use crate::modern::Client;
use crate::modern::endpoints::WebhookVerificationKeyGetResponse;
use crate::transport::{AsyncTransport, BoxFuture, Transport};

impl<T, M: ResponseMode> Client<T, M> {
    /// Verifies a webhook: the `Plaid-Verification` header among
    /// `headers` against the raw `body`, with the keys in `keys`, fetching
    /// a missing key (and refreshing the cached ones, see [`KeyCache`])
    /// through this client. Send it with `.send()` on a blocking transport
    /// or `.await` it on an async one.
    ///
    /// ```no_run
    /// # fn handler<T: plaid_core::Transport>(
    /// #     client: &plaid_core::modern::Client<T>,
    /// #     headers: &plaid_core::http::HeaderMap,
    /// #     body: &[u8],
    /// # ) -> Result<(), Box<dyn std::error::Error>> {
    /// use plaid_core::modern::webhook::{KeyCache, Webhook};
    ///
    /// // Once, shared by every request.
    /// let keys = KeyCache::new();
    /// // Per request, with the body as received.
    /// client.verify_webhook(&keys, headers, body).send()?;
    /// let webhook = Webhook::from_slice(body)?;
    /// # Ok(()) }
    /// ```
    pub fn verify_webhook<'c>(
        &self,
        keys: &'c KeyCache,
        headers: &'c HeaderMap,
        body: &'c [u8],
    ) -> VerifyWebhook<'c, T> {
        VerifyWebhook {
            client: self.typed(),
            keys,
            headers,
            body,
            verifier: WebhookVerifier::new(),
            now: None,
        }
    }
}

/// A webhook verification being prepared: send it with `.send()` (blocking
/// transport) or `.await` it (async transport).
#[must_use = "a verification does nothing until it is sent or awaited"]
pub struct VerifyWebhook<'c, T> {
    client: Client<T>,
    keys: &'c KeyCache,
    headers: &'c HeaderMap,
    body: &'c [u8],
    verifier: WebhookVerifier,
    now: Option<SystemTime>,
}

impl<'c, T> VerifyWebhook<'c, T> {
    /// Uses `verifier` (e.g. with another maximum age) instead of the
    /// default one.
    pub fn verifier(mut self, verifier: WebhookVerifier) -> Self {
        self.verifier = verifier;
        self
    }

    /// Verifies as of `now` rather than the system clock's time when sent.
    pub fn at(mut self, now: SystemTime) -> Self {
        self.now = Some(now);
        self
    }

    fn session(&self) -> Session<'c> {
        Session {
            verifier: self.verifier.clone(),
            keys: self.keys,
            headers: self.headers,
            body: self.body,
            now: self.now.unwrap_or_else(SystemTime::now),
            pending: VecDeque::new(),
            planned: false,
        }
    }
}

impl<T: Transport> VerifyWebhook<'_, T> {
    /// Verifies on the blocking transport.
    pub fn send(self) -> Result<Verified, WebhookError> {
        let mut session = self.session();
        loop {
            match session.step()? {
                Step::Done(verified) => return Ok(verified),
                Step::Fetch(kid) => {
                    let answer = self.client.webhook_verification_key_get(kid).send();
                    session.absorb(answer)?;
                }
            }
        }
    }
}

impl<'c, T: AsyncTransport + 'c> IntoFuture for VerifyWebhook<'c, T> {
    type Output = Result<Verified, WebhookError>;
    type IntoFuture = BoxFuture<'c, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let mut session = self.session();
            loop {
                match session.step()? {
                    Step::Done(verified) => return Ok(verified),
                    Step::Fetch(kid) => {
                        let answer = self.client.webhook_verification_key_get(kid).await;
                        session.absorb(answer)?;
                    }
                }
            }
        })
    }
}

/// What a driver does next.
enum Step {
    Done(Verified),
    Fetch(String),
}

/// One verification between key fetches: verify, and when a key is
/// missing, fetch it (and the keys due for a refresh) one at a time, then
/// verify once more.
struct Session<'c> {
    verifier: WebhookVerifier,
    keys: &'c KeyCache,
    headers: &'c HeaderMap,
    body: &'c [u8],
    now: SystemTime,
    pending: VecDeque<(String, FetchRole)>,
    /// Whether the keys were fetched already: a second miss means the key
    /// cannot be had, never another round of calls.
    planned: bool,
}

impl Session<'_> {
    fn step(&mut self) -> Result<Step, WebhookError> {
        if let Some((kid, _)) = self.pending.front() {
            return Ok(Step::Fetch(kid.clone()));
        }
        let header = verification_header(self.headers)?;
        match self
            .verifier
            .verify(header, self.body, self.now, self.keys)?
        {
            Verification::Verified(verified) => Ok(Step::Done(verified)),
            Verification::NeedKey(_) if self.planned => {
                Err(WebhookError::new(WebhookErrorKind::UnknownKey))
            }
            Verification::NeedKey(request) => {
                self.planned = true;
                self.pending = self.keys.plan_fetch(request.kid(), self.now)?.into();
                Ok(Step::Fetch(request.kid().to_owned()))
            }
        }
    }

    fn absorb(
        &mut self,
        answer: Result<WebhookVerificationKeyGetResponse, Error>,
    ) -> Result<(), WebhookError> {
        match self.pending.pop_front() {
            Some((kid, role)) => self.keys.absorb(&kid, role, answer, self.now),
            None => Ok(()),
        }
    }
}
