//! Plain and HTTPS harnesses: how a harness makes the backend's clients, and what the client
//! of an HTTPS harness is told (the one root it trusts, and its proxy).
//!
//! A plain harness is made from the backend's ordinary constructor (`plaid_ureq::client`): its
//! sandboxes speak `http://`. An HTTPS harness is made from a constructor that takes a
//! [`TlsSetup`] too and configures the backend the way that backend documents (its own API
//! for custom roots and proxies); the harness owns a throwaway [`TestCa`] that signs its
//! sandboxes' certificates, and hands its PEM to that constructor. The same test functions then
//! run on either: they start sandboxes and make clients through the harness only.

use plaid_core::legacy::{Client, Config};
use plaid_sandbox::TestCa;

/// What an HTTPS harness asks of a backend's client: trust `ca_pem` and nothing else (no
/// bundled or system roots), and reach the server as `proxy` says.
#[derive(Debug, Clone, Copy)]
pub struct TlsSetup<'a> {
    /// The PEM certificate of the only CA to trust.
    pub ca_pem: &'a str,
    /// How to reach the server.
    pub proxy: ProxySetup<'a>,
}

/// How a client of an HTTPS harness reaches the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxySetup<'a> {
    /// Directly, whatever the environment says (`HTTPS_PROXY` is ignored).
    Direct,
    /// Through the HTTP proxy at this URL (`http://127.0.0.1:PORT`), set in the backend's
    /// configuration.
    Explicit(&'a str),
    /// As the environment says (`HTTPS_PROXY`, `NO_PROXY`, …), the way the backend reads it.
    FromEnvironment,
}

/// How a harness makes a backend's clients: [`Plain`] or [`Https`]. Test code never calls it;
/// it is public because the harnesses' bounds name it.
pub trait MakeClient {
    /// The backend's transport.
    type Transport;

    /// The CA that signs the harness's sandboxes' certificates: `None` for plain http.
    fn ca(&self) -> Option<&TestCa>;

    /// The backend's client for `config`, reaching the server as `proxy` says.
    ///
    /// # Panics
    ///
    /// A plain harness panics on a proxy: proxies are tested over HTTPS only.
    fn make(&self, config: Config, proxy: ProxySetup<'_>) -> Client<Self::Transport>;
}

/// The client maker of a plain harness: the backend's constructor, `fn(Config) -> Client<T>`.
pub struct Plain<F>(pub(crate) F);

impl<F, T> MakeClient for Plain<F>
where
    F: Fn(Config) -> Client<T>,
{
    type Transport = T;

    fn ca(&self) -> Option<&TestCa> {
        None
    }

    fn make(&self, config: Config, proxy: ProxySetup<'_>) -> Client<T> {
        assert_eq!(
            proxy,
            ProxySetup::Direct,
            "a plain harness has no proxy: list this test for HTTPS only"
        );
        (self.0)(config)
    }
}

/// The client maker of an HTTPS harness: a constructor
/// `fn(Config, &TlsSetup) -> Client<T>` and the harness's CA.
pub struct Https<F> {
    pub(crate) make: F,
    pub(crate) ca: TestCa,
}

impl<F> Https<F> {
    /// The maker for `make`, with a new CA.
    ///
    /// # Panics
    ///
    /// If the CA cannot be generated (this is test support code).
    pub(crate) fn new(make: F) -> Self {
        match TestCa::generate() {
            Ok(ca) => Https { make, ca },
            Err(error) => panic!("cannot generate a test CA: {error}"),
        }
    }
}

impl<F, T> MakeClient for Https<F>
where
    F: Fn(Config, &TlsSetup<'_>) -> Client<T>,
{
    type Transport = T;

    fn ca(&self) -> Option<&TestCa> {
        Some(&self.ca)
    }

    fn make(&self, config: Config, proxy: ProxySetup<'_>) -> Client<T> {
        let setup = TlsSetup {
            ca_pem: self.ca.certificate_pem(),
            proxy,
        };
        (self.make)(config, &setup)
    }
}
