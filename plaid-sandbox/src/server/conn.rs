//! A connection as the server reads and writes it: a plain TCP stream or, with the `tls`
//! feature, a TLS session over one. The request reader, the response writer and the faults
//! are written once, generic over [`Conn`], so every fault behaves the same over HTTPS:
//! `stall` and `reset` act on the TCP stream under the session ([`Conn::socket`]), and a
//! connection that ends on purpose ends with [`Conn::close`].

use std::io::{self, Read, Write};
use std::net::TcpStream;
#[cfg(feature = "tls")]
use std::sync::Arc;

/// A connection the server serves requests on.
pub(crate) trait Conn: Read + Write {
    /// The TCP stream under the connection.
    fn socket(&self) -> &TcpStream;

    /// Ends the connection cleanly, before it is dropped: a TLS session sends its
    /// `close_notify` first, so that the client tells a closed connection (or a body cut short
    /// under its Content-Length, the `truncate` fault) from an attack that cuts the stream.
    /// A connection dropped without it (the `reset` fault) just goes away.
    fn close(&mut self) -> io::Result<()> {
        self.flush()
    }
}

impl Conn for TcpStream {
    fn socket(&self) -> &TcpStream {
        self
    }
}

/// A TLS session over TCP; the handshake runs on the first read.
#[cfg(feature = "tls")]
pub(crate) type TlsStream = rustls::StreamOwned<rustls::ServerConnection, TcpStream>;

#[cfg(feature = "tls")]
impl Conn for TlsStream {
    fn socket(&self) -> &TcpStream {
        self.get_ref()
    }

    fn close(&mut self) -> io::Result<()> {
        self.conn.send_close_notify();
        self.flush()
    }
}

/// What a server's connections speak.
#[derive(Debug, Clone)]
pub(crate) enum Security {
    /// Plain HTTP.
    Plain,
    /// HTTPS, with this configuration (certificate and key).
    #[cfg(feature = "tls")]
    Tls(Arc<rustls::ServerConfig>),
}

impl Security {
    /// The scheme of the server's URLs.
    pub(crate) fn scheme(&self) -> &'static str {
        match self {
            Security::Plain => "http",
            #[cfg(feature = "tls")]
            Security::Tls(_) => "https",
        }
    }
}
