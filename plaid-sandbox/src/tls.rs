//! HTTPS for the sandbox (the `tls` feature): a throwaway certificate authority, the
//! certificate a sandbox presents, and the rustls server configuration made from them.
//!
//! Everything is generated when it is needed, never read from disk: a certificate checked into
//! the repository would expire one day and its key would be public, while a CA made by the
//! process that uses it is trusted by nobody else and gone when the process ends. Generating a
//! CA and a leaf takes about a millisecond (ECDSA P-256 with ring, through rcgen).
//!
//! The failure certificates ([`ServerCertificate`]) exist so that clients can be tested on
//! every way a certificate is refused: for another host, expired, or from a CA they do not
//! trust.

use std::fmt;
use std::io;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose, date_time_ymd,
};
use rustls::ServerConfig;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// The names a valid sandbox certificate is issued for: the loopback addresses a sandbox
/// listens on and `localhost`.
pub const SERVER_NAMES: [&str; 3] = ["127.0.0.1", "::1", "localhost"];

/// The only name in the certificate of [`ServerCertificate::OtherHost`] (`.invalid` is reserved:
/// no real host has it).
pub const OTHER_HOST: &str = "other-host.invalid";

/// A throwaway certificate authority: a self-signed CA certificate and its key, made by
/// [`TestCa::generate`], that signs the certificates of HTTPS sandboxes.
///
/// Give [`TestCa::certificate_pem`] to the client as its only trusted root. Clones share the
/// same CA; its key never leaves the process and is never printed (`Debug` shows none of it).
#[derive(Clone)]
pub struct TestCa {
    inner: Arc<Authority>,
}

struct Authority {
    issuer: CertifiedIssuer<'static, KeyPair>,
    pem: String,
}

/// Which validity period a leaf certificate gets.
#[derive(Clone, Copy)]
enum Validity {
    /// From 2000 to 2999: valid whatever the test machine's clock says.
    Current,
    /// Only during the year 2000: expired on any machine.
    Expired,
}

impl TestCa {
    /// A new CA named `plaid-sandbox test CA`, with a fresh key.
    ///
    /// Fails only if rcgen cannot generate a key or sign (an error of the crypto provider).
    pub fn generate() -> io::Result<TestCa> {
        TestCa::named("plaid-sandbox test CA")
    }

    /// A new CA with this common name.
    fn named(name: &str) -> io::Result<TestCa> {
        let mut params = CertificateParams::default();
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        params.not_before = date_time_ymd(2000, 1, 1);
        params.not_after = date_time_ymd(2999, 12, 31);
        let key = KeyPair::generate().map_err(io::Error::other)?;
        let issuer = CertifiedIssuer::self_signed(params, key).map_err(io::Error::other)?;
        let pem = issuer.pem();
        Ok(TestCa {
            inner: Arc::new(Authority { issuer, pem }),
        })
    }

    /// The CA certificate, PEM-encoded: what a client must trust to reach a sandbox whose
    /// certificate this CA signed.
    pub fn certificate_pem(&self) -> &str {
        &self.inner.pem
    }

    /// The CA certificate, DER-encoded.
    pub fn certificate_der(&self) -> &[u8] {
        self.inner.issuer.der()
    }

    /// A leaf certificate for `names`, signed by this CA, and its private key.
    fn issue(
        &self,
        names: &[&str],
        validity: Validity,
    ) -> io::Result<(CertificateDer<'static>, PrivateKeyDer<'static>)> {
        let names: Vec<String> = names.iter().map(|name| (*name).to_owned()).collect();
        let mut params = CertificateParams::new(names.clone()).map_err(io::Error::other)?;
        if let Some(first) = names.first() {
            params
                .distinguished_name
                .push(DnType::CommonName, first.as_str());
        }
        params.use_authority_key_identifier_extension = true;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let (not_before, not_after) = match validity {
            Validity::Current => (date_time_ymd(2000, 1, 1), date_time_ymd(2999, 12, 31)),
            Validity::Expired => (date_time_ymd(2000, 1, 1), date_time_ymd(2000, 12, 31)),
        };
        params.not_before = not_before;
        params.not_after = not_after;
        let key = KeyPair::generate().map_err(io::Error::other)?;
        let cert = params
            .signed_by(&key, &self.inner.issuer)
            .map_err(io::Error::other)?;
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        Ok((cert.der().clone(), key))
    }
}

impl fmt::Debug for TestCa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestCa")
            .field(
                "certificate_pem",
                &format_args!("<{} bytes>", self.inner.pem.len()),
            )
            .finish_non_exhaustive()
    }
}

/// The certificate an HTTPS sandbox presents: a valid one, or one that a client must refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ServerCertificate {
    /// Valid for [`SERVER_NAMES`], signed by the sandbox's CA: what a client that trusts the CA
    /// accepts.
    #[default]
    Valid,
    /// Like `Valid`, but it expired at the end of the year 2000.
    Expired,
    /// Signed by the sandbox's CA, but for [`OTHER_HOST`] only.
    OtherHost,
    /// Valid for [`SERVER_NAMES`], but signed by another CA (of another name), made for it and
    /// then forgotten: no client trusts it.
    OtherCa,
}

/// The rustls server configuration of a sandbox that presents `certificate` (issued by `ca`,
/// or by a CA of its own for [`ServerCertificate::OtherCa`]), with the ring provider and
/// rustls's safe defaults (TLS 1.2 and 1.3).
pub(crate) fn server_config(
    ca: &TestCa,
    certificate: ServerCertificate,
) -> io::Result<Arc<ServerConfig>> {
    let (leaf, key) = match certificate {
        ServerCertificate::Valid => ca.issue(&SERVER_NAMES, Validity::Current)?,
        ServerCertificate::Expired => ca.issue(&SERVER_NAMES, Validity::Expired)?,
        ServerCertificate::OtherHost => ca.issue(&[OTHER_HOST], Validity::Current)?,
        // Another name too: a client that found a trusted CA of the same name would check the
        // signature against it and fail with "bad signature", not "unknown issuer".
        ServerCertificate::OtherCa => {
            TestCa::named("plaid-sandbox untrusted CA")?.issue(&SERVER_NAMES, Validity::Current)?
        }
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(io::Error::other)?
        .with_no_client_auth()
        .with_single_cert(vec![leaf], key)
        .map_err(io::Error::other)?;
    Ok(Arc::new(config))
}
