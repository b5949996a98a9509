//! [`ConnectProxy`]: a small HTTP `CONNECT` proxy for the proxy tests, on std threads and
//! loopback only, that logs every byte it relays in both directions, so that a test can prove
//! what a proxy on the path could read: a client's keys must cross it only inside TLS.
//!
//! It tunnels to loopback targets only (`127.0.0.1`, `::1`, `localhost`) and answers anything
//! but `CONNECT` with a 405, after logging it too (a client that sent a plain request to the
//! proxy would show its secrets in the log). A dropped proxy closes every socket it holds and
//! joins its threads.

use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The largest request head the proxy reads.
const MAX_HEAD: usize = 16 * 1024;

/// A running `CONNECT` proxy on `127.0.0.1`; dropping it stops it.
pub struct ConnectProxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

#[derive(Default)]
struct Shared {
    stopping: AtomicBool,
    log: Mutex<Log>,
    /// Every socket the proxy holds, to shut down when it stops.
    sockets: Mutex<Vec<TcpStream>>,
}

/// What the proxy saw.
#[derive(Default)]
struct Log {
    connections: usize,
    tunnels: Vec<String>,
    from_clients: Vec<u8>,
    to_clients: Vec<u8>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking relay thread must not hide the log from the test.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl ConnectProxy {
    /// Starts a proxy on an ephemeral loopback port.
    ///
    /// # Panics
    ///
    /// If no loopback port can be bound (this is test support code).
    pub fn start() -> ConnectProxy {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind a loopback port");
        let addr = listener.local_addr().expect("the proxy's address");
        let shared = Arc::new(Shared::default());
        let accept = {
            let shared = Arc::clone(&shared);
            thread::spawn(move || accept_loop(&listener, &shared))
        };
        ConnectProxy {
            addr,
            shared,
            accept: Some(accept),
        }
    }

    /// The proxy's URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many connections clients opened to the proxy.
    pub fn connections(&self) -> usize {
        lock(&self.shared.log).connections
    }

    /// The `host:port` of every tunnel the proxy opened, in order.
    pub fn tunnels(&self) -> Vec<String> {
        lock(&self.shared.log).tunnels.clone()
    }

    /// How many bytes the proxy relayed (both directions, its own answers included).
    pub fn relayed_bytes(&self) -> usize {
        let log = lock(&self.shared.log);
        log.from_clients.len() + log.to_clients.len()
    }

    /// Whether `needle` appears, in any case, in what the proxy relayed in either direction.
    pub fn saw(&self, needle: &str) -> bool {
        let needle = needle.to_ascii_lowercase();
        let log = lock(&self.shared.log);
        [&log.from_clients, &log.to_clients]
            .iter()
            .any(|bytes| contains_ignoring_case(bytes, needle.as_bytes()))
    }

    /// Asserts that none of `secrets` appears, in any case, in what the proxy relayed.
    ///
    /// # Panics
    ///
    /// Naming the first secret it saw.
    pub fn assert_saw_none_of(&self, secrets: &[&str]) {
        for secret in secrets {
            assert!(
                !self.saw(secret),
                "the proxy saw {secret:?} in clear text ({} bytes relayed)",
                self.relayed_bytes()
            );
        }
    }

    fn stop(&mut self) {
        if let Some(accept) = self.accept.take() {
            self.shared.stopping.store(true, Ordering::SeqCst);
            for socket in lock(&self.shared.sockets).iter() {
                let _ = socket.shutdown(Shutdown::Both);
            }
            // Wakes the accept loop.
            let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
            let _ = accept.join();
        }
    }
}

impl Drop for ConnectProxy {
    fn drop(&mut self) {
        self.stop();
    }
}

fn contains_ignoring_case(haystack: &[u8], lower_needle: &[u8]) -> bool {
    !lower_needle.is_empty()
        && haystack.windows(lower_needle.len()).any(|window| {
            window
                .iter()
                .zip(lower_needle)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
        })
}

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    let mut workers = Vec::new();
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        lock(&shared.log).connections += 1;
        let shared = Arc::clone(shared);
        workers.push(thread::spawn(move || {
            let _ = serve(stream, &shared);
        }));
    }
    for worker in workers {
        let _ = worker.join();
    }
}

/// Registers `socket` for shutdown; shuts it down at once if the proxy is stopping.
fn register(shared: &Shared, socket: &TcpStream) -> io::Result<()> {
    let mut sockets = lock(&shared.sockets);
    sockets.push(socket.try_clone()?);
    if shared.stopping.load(Ordering::SeqCst) {
        let _ = socket.shutdown(Shutdown::Both);
    }
    Ok(())
}

/// One client connection: reads the request head, opens the tunnel, relays both ways.
fn serve(mut client: TcpStream, shared: &Arc<Shared>) -> io::Result<()> {
    register(shared, &client)?;
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    let end = loop {
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        if head.len() > MAX_HEAD {
            return answer(&mut client, shared, "431 Request Header Fields Too Large");
        }
        let n = client.read(&mut chunk)?;
        if n == 0 {
            return Ok(());
        }
        lock(&shared.log)
            .from_clients
            .extend_from_slice(&chunk[..n]);
        head.extend_from_slice(&chunk[..n]);
    };
    let line = String::from_utf8_lossy(&head[..end]);
    let mut words = line.split_whitespace();
    let (Some("CONNECT"), Some(target)) = (words.next(), words.next()) else {
        return answer(&mut client, shared, "405 Method Not Allowed");
    };
    let Some(upstream_addr) = loopback(target) else {
        return answer(&mut client, shared, "403 Forbidden");
    };
    let Ok(mut upstream) = TcpStream::connect(upstream_addr) else {
        return answer(&mut client, shared, "502 Bad Gateway");
    };
    register(shared, &upstream)?;
    lock(&shared.log).tunnels.push(target.to_owned());
    let established = b"HTTP/1.1 200 Connection Established\r\n\r\n";
    lock(&shared.log).to_clients.extend_from_slice(established);
    client.write_all(established)?;
    // Bytes the client sent after the head belong to the tunnel.
    upstream.write_all(&head[end..])?;

    let down = {
        let (from, to, shared) = (
            upstream.try_clone()?,
            client.try_clone()?,
            Arc::clone(shared),
        );
        thread::spawn(move || relay(from, to, &shared, |log| &mut log.to_clients))
    };
    relay(client, upstream, shared, |log| &mut log.from_clients);
    let _ = down.join();
    Ok(())
}

/// Copies `from` to `to`, logging every byte, until `from` ends; then ends `to`'s write side.
fn relay(
    mut from: TcpStream,
    mut to: TcpStream,
    shared: &Shared,
    side: fn(&mut Log) -> &mut Vec<u8>,
) {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match from.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                side(&mut lock(&shared.log)).extend_from_slice(&chunk[..n]);
                if to.write_all(&chunk[..n]).is_err() {
                    break;
                }
            }
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}

/// Answers `status` and closes (a shutdown: the registry holds a clone of the socket).
fn answer(client: &mut TcpStream, shared: &Shared, status: &str) -> io::Result<()> {
    let response = format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    lock(&shared.log)
        .to_clients
        .extend_from_slice(response.as_bytes());
    client.write_all(response.as_bytes())?;
    client.shutdown(Shutdown::Both)
}

/// The loopback address of a `CONNECT` target (`host:port`), or `None` for any other host.
fn loopback(target: &str) -> Option<SocketAddr> {
    let (host, port) = target.rsplit_once(':')?;
    let port: u16 = port.parse().ok()?;
    let ip = match host.trim_start_matches('[').trim_end_matches(']') {
        "localhost" => Ipv4Addr::LOCALHOST.into(),
        literal => literal.parse::<std::net::IpAddr>().ok()?,
    };
    ip.is_loopback().then(|| SocketAddr::new(ip, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The log is what a proxy could read: a plain request sent through a tunnel shows its
    /// secret, which is what the proxy tests check never happens over TLS.
    #[test]
    fn the_log_holds_every_relayed_byte_and_sees_clear_text() {
        let upstream = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let target = upstream.local_addr().unwrap();
        let echo = thread::spawn(move || {
            let (mut socket, _) = upstream.accept().unwrap();
            let mut request = [0u8; 64];
            let n = socket.read(&mut request).unwrap();
            socket.write_all(b"answer: ").unwrap();
            socket.write_all(&request[..n]).unwrap();
        });
        let proxy = ConnectProxy::start();
        let mut client = TcpStream::connect(proxy.addr).unwrap();
        write!(
            client,
            "CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n"
        )
        .unwrap();
        let mut established = [0u8; 39];
        client.read_exact(&mut established).unwrap();
        assert!(established.starts_with(b"HTTP/1.1 200"));
        client.write_all(b"secret=Test_Secret").unwrap();
        let mut answer = String::new();
        client.read_to_string(&mut answer).unwrap();
        echo.join().unwrap();
        assert_eq!(answer, "answer: secret=Test_Secret");

        assert_eq!(proxy.connections(), 1);
        assert_eq!(proxy.tunnels(), [target.to_string()]);
        assert!(proxy.saw("TEST_SECRET") && proxy.saw("answer: secret"));
        assert!(!proxy.saw("plaid-secret"));
        proxy.assert_saw_none_of(&["plaid-secret", "hunter2"]);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            proxy.assert_saw_none_of(&["test_secret"]);
        }));
        assert!(caught.is_err(), "a secret in the log fails the assertion");
    }

    #[test]
    fn only_connect_to_loopback_is_tunnelled() {
        let proxy = ConnectProxy::start();
        let exchange = |request: &str| {
            let mut client = TcpStream::connect(proxy.addr).unwrap();
            client.write_all(request.as_bytes()).unwrap();
            let mut answer = String::new();
            client.read_to_string(&mut answer).unwrap();
            answer
        };
        let answer = exchange("GET http://127.0.0.1:1/x?secret=s HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 405"), "{answer}");
        assert!(proxy.saw("secret=s"), "a plain request is logged too");
        let answer = exchange("CONNECT 192.0.2.1:443 HTTP/1.1\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
        assert!(proxy.tunnels().is_empty());
        assert_eq!(
            loopback("[::1]:443"),
            Some(SocketAddr::from(([0u16, 0, 0, 0, 0, 0, 0, 1], 443)))
        );
        assert_eq!(
            loopback("localhost:8"),
            Some(SocketAddr::from(([127, 0, 0, 1], 8)))
        );
        assert_eq!(loopback("plaid.com:443"), None);
    }
}
