//! The HTTP/1.1 server, which knows nothing of Plaid: accept loop, one thread per connection,
//! request parsing ([`request`]), response writing ([`response`]) and the shared state of one
//! sandbox ([`state`]). What to answer comes from an API [`Family`]; faults run through
//! [`crate::faults`]. A connection is plain TCP or, with the `tls` feature, a TLS session over
//! it ([`conn`]); everything above the connection is the same for both.
//!
//! No async runtime on purpose: a blocking thread per connection is simple, fast enough to not
//! be the bottleneck of the benchmarks, and gives the fault injection full control of the socket
//! (stall, truncate, reset). Connection threads get 512 KiB stacks (they hold little), accepted
//! sockets get `TCP_NODELAY`, and each connection reuses its read and write buffers across
//! requests. A request the parser refuses is answered by the family ([`Family::refusal`]) and
//! the connection is closed; nothing here panics on request data.

mod conn;
mod receiver;
mod request;
mod response;
mod state;

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub(crate) use conn::Security;
pub use receiver::WebhookReceiver;
pub use request::RecordedRequest;
pub(crate) use request::Refusal;
pub(crate) use response::{Body, Response, pretty, reason, request_id};
pub(crate) use state::ServerState;

use crate::family::Family;
use crate::faults::{self, Outcome};
use conn::Conn;
use request::{Next, ReadBuf, read_request};
use response::{Delivery, write_response};

/// Runs the accept loop on its own thread until [`ServerState::stop`] is called and the
/// listener is woken up by a connection.
pub(crate) fn spawn(
    listener: TcpListener,
    state: Arc<ServerState>,
    family: Arc<dyn Family>,
    security: Security,
) -> io::Result<JoinHandle<()>> {
    thread::Builder::new()
        .name("plaid-sandbox-accept".into())
        .spawn(move || accept_loop(&listener, &state, &family, &security))
}

fn accept_loop(
    listener: &TcpListener,
    state: &Arc<ServerState>,
    family: &Arc<dyn Family>,
    security: &Security,
) {
    let mut workers: Vec<JoinHandle<()>> = Vec::new();
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                if state.stopping() {
                    break;
                }
                let _ = stream.set_nodelay(true);
                let st = Arc::clone(state);
                let fam = Arc::clone(family);
                let sec = security.clone();
                let spawned = thread::Builder::new()
                    .name("plaid-sandbox-conn".into())
                    .stack_size(512 * 1024)
                    .spawn(move || connection(stream, &st, &*fam, &sec));
                if let Ok(handle) = spawned {
                    workers.retain(|h| !h.is_finished());
                    workers.push(handle);
                }
            }
            Err(_) => {
                if state.stopping() {
                    break;
                }
                // EMFILE and friends: back off instead of spinning.
                thread::sleep(Duration::from_millis(5));
            }
        }
    }
    state.stop();
    for w in workers {
        let _ = w.join();
    }
}

/// Wakes an accept loop blocked in `accept()` by connecting to it.
pub(crate) fn wake(addr: SocketAddr) {
    let mut target = addr;
    if target.ip().is_unspecified() {
        target.set_ip(if addr.is_ipv4() {
            Ipv4Addr::LOCALHOST.into()
        } else {
            Ipv6Addr::LOCALHOST.into()
        });
    }
    let _ = TcpStream::connect_timeout(&target, Duration::from_secs(1));
}

fn connection(stream: TcpStream, state: &ServerState, family: &dyn Family, security: &Security) {
    // Registered as TCP, under any TLS session, so that a shutdown can close it.
    let id = state.register(&stream);
    match security {
        Security::Plain => run(stream, state, family),
        #[cfg(feature = "tls")]
        Security::Tls(config) => {
            // Fails only on a configuration rustls refuses, which `server_config` never makes.
            if let Ok(session) = rustls::ServerConnection::new(Arc::clone(config)) {
                run(conn::TlsStream::new(session, stream), state, family);
            }
        }
    }
    state.unregister(id);
}

/// Serves one connection with its own buffers.
fn run(mut stream: impl Conn, state: &ServerState, family: &dyn Family) {
    let mut rb = ReadBuf::new();
    // The response being written, reused from one response to the next.
    let mut out = Vec::new();
    let _ = serve(&mut stream, &mut rb, &mut out, state, family);
}

/// Serves requests on one connection until it closes, a response closes it, or the server
/// stops.
fn serve(
    stream: &mut impl Conn,
    rb: &mut ReadBuf,
    out: &mut Vec<u8>,
    state: &ServerState,
    family: &dyn Family,
) -> io::Result<()> {
    loop {
        if state.stopping() {
            return Ok(());
        }
        let parsed = match read_request(stream, rb)? {
            Next::Request(p) => p,
            Next::Closed => return Ok(()),
            Next::Refused(refusal) => {
                let resp = family.refusal(refusal);
                write_response(stream, out, &resp, false, Delivery::Full)?;
                return stream.close();
            }
        };
        state.record(&parsed.req);
        let (resp, truncate) = match faults::answer(&parsed.req, stream.socket(), state, family) {
            Outcome::Answer { response, truncate } => (response, truncate),
            Outcome::Close => return Ok(()),
        };
        let delivery = if truncate {
            Delivery::Truncated
        } else if parsed.head_only {
            Delivery::HeadOnly
        } else {
            Delivery::Full
        };
        let keep_alive = parsed.keep_alive && !truncate;
        write_response(stream, out, &resp, keep_alive, delivery)?;
        if !keep_alive {
            return stream.close();
        }
    }
}
