//! [`WebhookReceiver`]: a loopback HTTP server that records what is posted to it, so that a
//! test can point an Item's webhook URL at it and read what the emulator delivered, with
//! this crate's request parser and no web framework.

use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU16, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::deadline::Deadline;
use crate::lock::lock;
use crate::server::request::{Next, ReadBuf, read_request};
use crate::server::{RecordedRequest, reason, wake};

/// How long the receiver waits for a request on a connection before closing it.
const READ_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Default)]
struct Shared {
    received: Mutex<Vec<RecordedRequest>>,
    arrived: Condvar,
    status: AtomicU16,
    stopping: AtomicBool,
}

/// A loopback HTTP/1.1 server that records every request it gets and answers each with the
/// same status (200 unless told otherwise), one connection at a time. Dropping it stops it.
///
/// ```no_run
/// use std::time::Duration;
/// use plaid_sandbox::WebhookReceiver;
///
/// let receiver = WebhookReceiver::start()?;
/// // ... create an Item with `options.webhook = receiver.url()`, fire a webhook ...
/// let got = receiver.wait_for(1, Duration::from_secs(5));
/// assert!(got[0].header("Plaid-Verification").is_some());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct WebhookReceiver {
    addr: SocketAddr,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("received", &lock(&self.received).len())
            .field("status", &self.status.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl WebhookReceiver {
    /// Starts a receiver on `127.0.0.1` with an ephemeral port that answers 200.
    pub fn start() -> io::Result<WebhookReceiver> {
        WebhookReceiver::answering(200)
    }

    /// Starts a receiver that answers every request with `status` (e.g. 500, to see the
    /// sender retry).
    pub fn answering(status: u16) -> io::Result<WebhookReceiver> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        shared.status.store(status, Ordering::Relaxed);
        let for_thread = Arc::clone(&shared);
        let thread = thread::Builder::new()
            .name("plaid-sandbox-receiver".into())
            .spawn(move || serve(&listener, &for_thread))?;
        Ok(WebhookReceiver {
            addr,
            shared,
            thread: Some(thread),
        })
    }

    /// The URL to give as an Item's webhook: `http://127.0.0.1:<port>/webhook`.
    pub fn url(&self) -> String {
        format!("http://{}/webhook", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Answers the requests from now on with `status`.
    pub fn set_status(&self, status: u16) {
        self.shared.status.store(status, Ordering::Relaxed);
    }

    /// Every request received so far, in order.
    pub fn received(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.received).clone()
    }

    /// Waits until at least `count` requests have arrived or `timeout` has passed; returns
    /// those received by then (check the length).
    pub fn wait_for(&self, count: usize, timeout: Duration) -> Vec<RecordedRequest> {
        let deadline = Deadline::after(timeout);
        let mut received = lock(&self.shared.received);
        while received.len() < count {
            let Some(left) = deadline.left() else {
                break;
            };
            received = match self.shared.arrived.wait_timeout(received, left) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        received.clone()
    }

    /// Stops it (same as dropping it).
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(thread) = self.thread.take() {
            self.shared.stopping.store(true, Ordering::SeqCst);
            wake(self.addr);
            let _ = thread.join();
        }
    }
}

impl Drop for WebhookReceiver {
    fn drop(&mut self) {
        self.stop();
    }
}

fn serve(listener: &TcpListener, shared: &Shared) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            return;
        }
        if let Ok(stream) = stream {
            let _ = answer(stream, shared);
        }
    }
}

/// Reads the requests of one connection, recording each and answering it.
fn answer(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let mut rb = ReadBuf::new();
    while let Next::Request(parsed) = read_request(&mut stream, &mut rb)? {
        lock(&shared.received).push(parsed.req);
        shared.arrived.notify_all();
        let status = shared.status.load(Ordering::Relaxed);
        let head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Length: 0\r\nConnection: {}\r\n\r\n",
            reason(status),
            if parsed.keep_alive {
                "keep-alive"
            } else {
                "close"
            }
        );
        stream.write_all(head.as_bytes())?;
        if !parsed.keep_alive {
            break;
        }
    }
    Ok(())
}
