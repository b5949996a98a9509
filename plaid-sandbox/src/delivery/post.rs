//! One delivery attempt: an HTTP/1.1 `POST` over a std `TcpStream`, `Connection: close`,
//! with a connect timeout and read/write timeouts; the answer's status is all that is read.
//! The sandbox is a server everywhere else, so this is the only HTTP client in the crate, and
//! it stays this small on purpose.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::Mutex;
use std::time::Duration;

use crate::delivery::target::Target;
use crate::lock::lock;

/// How long connecting may take.
pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// How long each read or write may block.
pub(crate) const IO_TIMEOUT: Duration = Duration::from_secs(5);
/// The most of a response read before its status line and headers must have ended.
const MAX_HEAD: usize = 16 * 1024;

/// The socket of the attempt in flight, so that a stopping sandbox can shut it down instead of
/// waiting for a timeout; once stopped, no attempt goes on.
#[derive(Debug, Default)]
pub(crate) struct Current {
    stream: Option<TcpStream>,
    stopped: bool,
}

impl Current {
    /// Shuts the attempt in flight down, and every later one before it sends.
    pub(crate) fn stop(&mut self) {
        self.stopped = true;
        if let Some(stream) = self.stream.take() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

/// Posts `body` with `headers` to `target`; returns the response's status.
pub(crate) fn post(
    target: &Target,
    headers: &[(String, String)],
    body: &[u8],
    current: &Mutex<Current>,
) -> io::Result<u16> {
    let mut stream = connect(&target.addrs)?;
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let _ = stream.set_nodelay(true);
    {
        let mut current = lock(current);
        if current.stopped {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                "the sandbox is stopping",
            ));
        }
        current.stream = stream.try_clone().ok();
    }
    let result = exchange(&mut stream, target, headers, body);
    lock(current).stream = None;
    result
}

fn connect(addrs: &[SocketAddr]) -> io::Result<TcpStream> {
    let mut last = io::Error::new(io::ErrorKind::InvalidInput, "no address to connect to");
    for addr in addrs {
        match TcpStream::connect_timeout(addr, CONNECT_TIMEOUT) {
            Ok(stream) => return Ok(stream),
            Err(error) => last = error,
        }
    }
    Err(last)
}

fn exchange(
    stream: &mut TcpStream,
    target: &Target,
    headers: &[(String, String)],
    body: &[u8],
) -> io::Result<u16> {
    let mut request = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        target.path,
        target.host,
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    stream.write_all(&bytes)?;
    stream.flush()?;
    read_status(stream)
}

/// Reads until the response head is complete and returns its status.
fn read_status(stream: &mut TcpStream) -> io::Result<u16> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the receiver closed the connection without an answer",
            ));
        }
        buf.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut response = httparse::Response::new(&mut headers);
        match response.parse(&buf) {
            Ok(httparse::Status::Complete(_)) => {
                return response
                    .code
                    .ok_or_else(|| bad("a response without a status"));
            }
            Ok(httparse::Status::Partial) if buf.len() < MAX_HEAD => continue,
            Ok(httparse::Status::Partial) => return Err(bad("a response head over 16 KiB")),
            Err(error) => return Err(bad(&format!("not an HTTP response: {error}"))),
        }
    }
}

fn bad(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}
