//! The one client surface, written once for every transport and family.
//!
//! [`Client`] methods return a [`Call`]: a prepared endpoint plus per-call
//! settings. A `Call` has `.send()` when the client's transport is a
//! blocking [`Transport`](crate::Transport) and can be `.await`ed when it is
//! an [`AsyncTransport`](crate::AsyncTransport); the endpoint logic is the
//! same either way and no backend crate repeats it.
//!
//! A client belongs to one API family, `Client<T, A>`: each family module
//! adds its methods to `Client<T, ThatFamily>`, so two families may both
//! have, say, an `auth_get` method, and a descriptor of one family cannot be
//! sent through a client of the other.
//!
//! Responses can be handed back untyped ([`Client::suppress_http_errors`],
//! [`Call::raw`]): a call then returns the [`RawResponse`] whatever its
//! status, and only a failure to send is an error. The mode is part of the
//! client's type, so the compiler knows which of the two results a call
//! gives.

mod call;
mod mode;
mod trace;

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::api::Api;
use crate::config::Config;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::secret::AccessToken;

pub use call::Call;
pub use mode::{RawResponse, ResponseMode, Suppressed, Typed};

/// A Plaid client of API family `A` over transport `T`.
///
/// Cheap to clone: the configuration and the transport are shared. Each
/// family module has an alias with its family filled in.
pub struct Client<T, A: Api, M = Typed> {
    config: Arc<Config<A>>,
    transport: Arc<T>,
    mode: PhantomData<M>,
}

impl<T, A: Api> Client<T, A, Typed> {
    /// A client that sends requests built from `config` through `transport`.
    pub fn new(config: Config<A>, transport: T) -> Self {
        Client {
            config: Arc::new(config),
            transport: Arc::new(transport),
            mode: PhantomData,
        }
    }
}

impl<T, A: Api, M: ResponseMode> Client<T, A, M> {
    /// The configuration.
    pub fn config(&self) -> &Config<A> {
        &self.config
    }

    /// The transport.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// A client for the same service and transport whose item calls use
    /// `access_token`.
    pub fn with_access_token(&self, access_token: impl Into<AccessToken>) -> Self {
        self.with_config((*self.config).clone().with_access_token(access_token))
    }

    /// A client for the same transport with another configuration.
    pub fn with_config(&self, config: Config<A>) -> Self {
        Client {
            config: Arc::new(config),
            transport: Arc::clone(&self.transport),
            mode: PhantomData,
        }
    }

    /// The same client, but every call returns the [`RawResponse`] whatever
    /// its status.
    pub fn suppress_http_errors(&self) -> Client<T, A, Suppressed> {
        self.with_mode()
    }

    /// The same client in the default mode, where non-success statuses are
    /// errors.
    pub fn typed(&self) -> Client<T, A, Typed> {
        self.with_mode()
    }

    fn with_mode<N>(&self) -> Client<T, A, N> {
        Client {
            config: Arc::clone(&self.config),
            transport: Arc::clone(&self.transport),
            mode: PhantomData,
        }
    }

    /// A call of any endpoint descriptor of this client's family, for
    /// endpoints that have no method of their own or when you build
    /// descriptors yourself.
    pub fn call<E: Endpoint<Api = A>>(&self, endpoint: E) -> Call<'_, T, E, M> {
        self.try_call(Ok(endpoint))
    }

    /// A call whose descriptor could not be made (e.g. no access token);
    /// the error surfaces when it is sent.
    pub(crate) fn try_call<E: Endpoint<Api = A>>(
        &self,
        endpoint: Result<E, Error>,
    ) -> Call<'_, T, E, M> {
        Call::new(&self.config, &self.transport, endpoint)
    }

    /// The access token item calls use, or the error saying there is none.
    pub(crate) fn item_token(&self) -> Result<AccessToken, Error> {
        self.config.access_token().cloned().ok_or_else(|| {
            Error::invalid_input(
                "this call needs an access token: use Client::with_access_token \
                 or Config::with_access_token",
            )
        })
    }
}

impl<T, A: Api, M> Clone for Client<T, A, M> {
    fn clone(&self) -> Self {
        Client {
            config: Arc::clone(&self.config),
            transport: Arc::clone(&self.transport),
            mode: PhantomData,
        }
    }
}

impl<T, A: Api, M> fmt::Debug for Client<T, A, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.config)
            .field("transport", &std::any::type_name::<T>())
            .finish()
    }
}
