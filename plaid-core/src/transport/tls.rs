//! [`TlsFailure`]: why a TLS handshake failed, and (the `rustls` feature) the one place
//! that reads it out of rustls's errors for every backend.
//!
//! The classification lives here rather than in a backend so that the three backends (and
//! any other on rustls 0.23) name a refused certificate the same way without depending on
//! each other; plaid-core gets rustls's error types only through the optional feature, which
//! the backends, already on rustls, turn on.

use std::fmt;

/// Why a TLS handshake failed, as far as a caller can act on it.
///
/// Backends find it with `TlsFailure::find` (plaid-core's `rustls`
/// feature), the one place that reads rustls's errors, so every backend
/// on rustls names the same failure the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TlsFailure {
    /// The server's certificate is not valid for the host name (or IP
    /// address) of the URL.
    NameMismatch,
    /// The server's certificate is outside its validity period: expired,
    /// or not valid yet (a clock off by years).
    Expired,
    /// The server's certificate does not chain to a trusted root: a
    /// private CA the client was not told about, or a self-signed
    /// certificate.
    UnknownIssuer,
    /// The server does not speak TLS: typically plain HTTP on an
    /// `https://` URL (a wrong port, or a proxy that terminates TLS).
    NotTls,
    /// Any other handshake failure (no common protocol version or cipher
    /// suite, a bad signature, an alert from the server, …).
    Other,
}

impl TlsFailure {
    /// A short lower-case description, used by `Display`.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsFailure::NameMismatch => "the certificate is not valid for this host name",
            TlsFailure::Expired => "the certificate is expired or not yet valid",
            TlsFailure::UnknownIssuer => "the certificate is not signed by a trusted root",
            TlsFailure::NotTls => "the server does not speak TLS",
            TlsFailure::Other => "the handshake failed",
        }
    }
}

impl fmt::Display for TlsFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "rustls")]
impl TlsFailure {
    /// The TLS failure behind `error`, if a [`rustls::Error`] is in its
    /// chain of sources; `None` when the error is not about TLS.
    ///
    /// The chain is walked with [`source`](std::error::Error::source), but
    /// through an [`std::io::Error`] to the error it wraps (its `source()`
    /// skips that error, and rustls's streams report through `io::Error`,
    /// which hyper-rustls wraps in another), so it finds the rustls error
    /// inside reqwest's, hyper-util's and hyper-rustls's errors alike; a
    /// backend whose error type hides its inner errors (ureq's) passes the
    /// inner error itself.
    ///
    /// The rustls error is found by type, so it must be the rustls 0.23 this
    /// crate names: a backend on another major version of rustls gets
    /// `None`, and its failures keep the kind the backend gives them.
    #[cfg_attr(docsrs, doc(cfg(feature = "rustls")))]
    pub fn find(error: &(dyn std::error::Error + 'static)) -> Option<TlsFailure> {
        let mut cause = Some(error);
        while let Some(error) = cause {
            if let Some(tls) = error.downcast_ref::<rustls::Error>() {
                return Some(TlsFailure::of_rustls(tls));
            }
            cause = match error.downcast_ref::<std::io::Error>() {
                // The error it wraps, which may be another io::Error (hyper-rustls wraps
                // tokio-rustls's) or rustls's; `source()` would skip it.
                Some(io) => io
                    .get_ref()
                    .map(|inner| inner as &(dyn std::error::Error + 'static)),
                None => error.source(),
            };
        }
        None
    }

    /// The failure a rustls error stands for.
    #[cfg_attr(docsrs, doc(cfg(feature = "rustls")))]
    pub fn of_rustls(error: &rustls::Error) -> TlsFailure {
        use rustls::{CertificateError as Cert, Error as E, InvalidMessage as Msg};
        match error {
            E::InvalidCertificate(Cert::NotValidForName | Cert::NotValidForNameContext { .. }) => {
                TlsFailure::NameMismatch
            }
            E::InvalidCertificate(
                Cert::Expired
                | Cert::ExpiredContext { .. }
                | Cert::NotValidYet
                | Cert::NotValidYetContext { .. },
            ) => TlsFailure::Expired,
            E::InvalidCertificate(Cert::UnknownIssuer) => TlsFailure::UnknownIssuer,
            // The first bytes of a plain-HTTP answer ("HTTP/1.1 …") read as
            // a TLS record header give an unknown content type or version.
            E::InvalidMessage(Msg::InvalidContentType | Msg::UnknownProtocolVersion) => {
                TlsFailure::NotTls
            }
            _ => TlsFailure::Other,
        }
    }
}

#[cfg(all(test, feature = "rustls"))]
mod tests {
    use super::*;

    #[test]
    fn find_reads_the_rustls_error_anywhere_in_the_chain() {
        use rustls::{CertificateError as Cert, Error as Tls, InvalidMessage};
        use std::io;

        /// An error that hides its cause behind `source()`, as a backend's own does.
        #[derive(Debug)]
        struct Outer(Box<dyn std::error::Error + Send + Sync>);
        impl fmt::Display for Outer {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("request failed")
            }
        }
        impl std::error::Error for Outer {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&*self.0)
            }
        }

        let cases = [
            (
                Tls::InvalidCertificate(Cert::NotValidForName),
                TlsFailure::NameMismatch,
            ),
            (Tls::InvalidCertificate(Cert::Expired), TlsFailure::Expired),
            (
                Tls::InvalidCertificate(Cert::NotValidYet),
                TlsFailure::Expired,
            ),
            (
                Tls::InvalidCertificate(Cert::UnknownIssuer),
                TlsFailure::UnknownIssuer,
            ),
            (
                Tls::InvalidMessage(InvalidMessage::InvalidContentType),
                TlsFailure::NotTls,
            ),
            (
                Tls::InvalidMessage(InvalidMessage::UnknownProtocolVersion),
                TlsFailure::NotTls,
            ),
            (
                Tls::InvalidCertificate(Cert::BadSignature),
                TlsFailure::Other,
            ),
            (Tls::DecryptError, TlsFailure::Other),
        ];
        for (tls, expected) in cases {
            assert_eq!(TlsFailure::find(&tls), Some(expected), "{tls:?} itself");
            // Inside an io::Error, whose source() skips it, inside an error chain.
            let io = io::Error::new(io::ErrorKind::InvalidData, tls.clone());
            let chain = Outer(Box::new(Outer(Box::new(io))));
            assert_eq!(TlsFailure::find(&chain), Some(expected), "{tls:?} deep");
            // Inside an io::Error inside an io::Error, as hyper-rustls wraps tokio-rustls's.
            let io = io::Error::new(io::ErrorKind::InvalidData, tls.clone());
            let chain = Outer(Box::new(io::Error::other(io)));
            assert_eq!(TlsFailure::find(&chain), Some(expected), "{tls:?} twice");
        }
        let plain = Outer(Box::new(io::Error::from(io::ErrorKind::ConnectionRefused)));
        assert_eq!(TlsFailure::find(&plain), None);
        let other = Outer(Box::new(io::Error::other("not tls")));
        assert_eq!(TlsFailure::find(&other), None);
    }
}
