//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on hyper: every test over
//! plain http, and (with the `rustls` and `proxy` features) the HTTPS part over TLS with a
//! connector that trusts only the sandbox's CA.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

plaid_testsuite::backend_tests!(plaid_testsuite::Tokio::new(plaid_hyper::client));

/// The suite over HTTPS. The connector is configured the way hyper-rustls documents it, a
/// rustls `ClientConfig` with the sandbox's CA as its only root
/// (`HttpsConnectorBuilder::with_tls_config`), over plaid-hyper's `ProxyConnector` (a fixed
/// proxy, the environment's, or none).
#[cfg(all(feature = "rustls", feature = "proxy"))]
mod https {
    use plaid_core::legacy::{Client, Config};
    use plaid_hyper::hyper_util::client::proxy::matcher::Matcher;
    use plaid_hyper::rustls::RootCertStore;
    use plaid_hyper::rustls::pki_types::CertificateDer;
    use plaid_hyper::rustls::pki_types::pem::PemObject;
    use plaid_hyper::{HyperTransport, ProxiedHttpsConnector, ProxyConnector};
    use plaid_testsuite::{ProxySetup, TlsSetup};

    fn client(config: Config, tls: &TlsSetup<'_>) -> Client<HyperTransport<ProxiedHttpsConnector>> {
        let mut roots = RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_slice(tls.ca_pem.as_bytes()).unwrap())
            .unwrap();
        let tls_config = plaid_hyper::tls_config_with_roots(roots).unwrap();
        let proxy = match tls.proxy {
            ProxySetup::Direct => ProxyConnector::new(Matcher::builder().build()),
            ProxySetup::Explicit(url) => ProxyConnector::new(Matcher::builder().https(url).build()),
            ProxySetup::FromEnvironment => ProxyConnector::from_env(),
        };
        Client::new(config, HyperTransport::https_through(proxy, tls_config))
    }

    plaid_testsuite::https_backend_tests!(
        plaid_testsuite::Tokio::https(client),
        plaid_hyper::https_client
    );

    /// Without a proxy, `HyperTransport::https_with_config` trusts the roots it is given.
    #[test]
    fn https_with_config_trusts_its_own_roots() {
        let sandbox = plaid_sandbox::Sandbox::start_tls().unwrap();
        let mut roots = RootCertStore::empty();
        let pem = sandbox.ca_certificate_pem().unwrap();
        roots
            .add(CertificateDer::from_pem_slice(pem.as_bytes()).unwrap())
            .unwrap();
        let tls = plaid_hyper::tls_config_with_roots(roots).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let config = plaid_testsuite::sandbox_config(&sandbox.url());
        let client = Client::new(config, HyperTransport::https_with_config(tls));
        let categories = runtime.block_on(client.categories().into_future()).unwrap();
        assert!(!categories.is_empty());
    }
}
