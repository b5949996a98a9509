//! The webhook receiver (`webhook_receiver`), run as a user runs it: a
//! process on a free port, watched through the lines it prints. Against the
//! embedded emulator, the Item's own webhooks arrive, verify and start
//! syncs; forged and malformed webhooks get a 400 with their reason, and
//! the server stays up. Against a sandbox of the test's own, the test
//! replays the emulator's genuine webhooks, tampered, and stops the
//! sandbox to see a key fetch fail. No step sleeps: each waits for a line,
//! with a deadline.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant, SystemTime};

use plaid_core::modern::webhook::TestSigner;
use plaid_sandbox::Sandbox;

/// Long enough for a busy machine; a wait ends as soon as its line is there.
const WAIT: Duration = Duration::from_secs(60);

/// The variables that would point the receiver away from its embedded
/// sandbox.
const TARGET_VARIABLES: [&str; 3] = ["PLAID_BASE_URL", "PLAID_CLIENT_ID", "PLAID_SECRET"];

/// What the receiver must never print: tokens and the keys' secret.
const NEVER_PRINTED: [&str; 3] = ["access-sandbox-", "public-sandbox-", "test_secret"];

/// A running `webhook_receiver`, killed when dropped.
struct Process {
    child: Child,
    lines: Receiver<String>,
    /// Every line printed so far, and how many of them a wait has looked
    /// at.
    seen: Vec<String>,
    unread: usize,
    address: SocketAddr,
}

impl Process {
    /// Starts the receiver on a free port with `env` set, and waits until it
    /// listens.
    fn start(env: &[(&str, &str)]) -> Process {
        let mut command = Command::new(env!("CARGO_BIN_EXE_webhook_receiver"));
        for variable in TARGET_VARIABLES {
            command.env_remove(variable);
        }
        command.envs(env.iter().copied());
        let mut child = command
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("webhook_receiver starts");
        let (sender, lines) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        for (stream, prefix) in [
            (Box::new(stdout) as Box<dyn Read + Send>, ""),
            (Box::new(stderr), "stderr: "),
        ] {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    if sender.send(format!("{prefix}{line}")).is_err() {
                        break;
                    }
                }
            });
        }
        let mut process = Process {
            child,
            lines,
            seen: Vec::new(),
            unread: 0,
            address: SocketAddr::from(([127, 0, 0, 1], 0)),
        };
        let listening = process.wait_for("listening on http://127.0.0.1:");
        let address = listening.trim_start_matches("listening on http://");
        process.address = address.parse().expect("an address");
        process
    }

    /// Waits for a printed line that contains `needle`, and returns it.
    fn wait_for(&mut self, needle: &str) -> String {
        self.wait_until(needle, |line| line.contains(needle))
    }

    /// Waits for a printed line that `matches`, and returns it; `what` says
    /// what was awaited if it never comes.
    fn wait_until(&mut self, what: &str, matches: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            // Lines `printed` took from the pipe come first.
            while let Some(line) = self.seen.get(self.unread) {
                self.unread += 1;
                if matches(line) {
                    return line.clone();
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.seen.push(line),
                Err(_) => panic!(
                    "no line with {what:?} within {WAIT:?}; printed so far:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }

    /// `POST /webhook` with `headers` and `body`, over a connection of its
    /// own: the status and the body of the answer.
    fn post(&self, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
        self.request("POST", headers, body)
            .unwrap_or_else(|| panic!("no HTTP answer to a POST"))
    }

    /// A request over a connection of its own: the status and the body of
    /// the answer, or `None` when the server closed the connection without
    /// one the client could read.
    fn request(
        &self,
        method: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Option<(u16, String)> {
        let mut stream = TcpStream::connect(self.address).expect("the receiver accepts");
        stream.set_read_timeout(Some(WAIT)).expect("a timeout");
        let mut request = format!(
            "{method} /webhook HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n",
            self.address,
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(body);
        // The server may answer and close before it reads everything (a
        // header too large): the answer is what counts.
        let _ = stream.write_all(&bytes);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        let status = answer
            .strip_prefix("HTTP/1.1 ")
            .and_then(|rest| rest.get(..3))
            .and_then(|code| code.parse().ok())?;
        let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
        Some((status, body.to_owned()))
    }

    /// Checks that the process is still running.
    fn assert_running(&mut self) {
        let exited = self.child.try_wait().expect("the process's state");
        assert!(
            exited.is_none(),
            "the receiver exited ({exited:?}); it printed:\n{}",
            self.seen.join("\n")
        );
    }

    /// Everything printed so far, including what is still in the pipe.
    fn printed(&mut self) -> String {
        while let Ok(line) = self.lines.try_recv() {
            self.seen.push(line);
        }
        self.seen.join("\n")
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The item id in a line `item <id> linked at …`.
fn linked_item(process: &mut Process) -> String {
    let line = process.wait_for(" linked at First Platypus Bank, webhook http://127.0.0.1:");
    let id = line
        .strip_prefix("item ")
        .and_then(|rest| rest.split(' ').next());
    id.expect("an item id").to_owned()
}

/// Waits until a webhook's sync of `item` has read the whole history, and
/// returns how many transactions the receiver then holds.
fn wait_for_complete_sync(process: &mut Process, item: &str) -> usize {
    process.wait_for(&format!(
        "webhook TRANSACTIONS SYNC_UPDATES_AVAILABLE item {item}: verified"
    ));
    let prefix = format!("sync item {item} (webhook): ");
    let line = process.wait_until("a webhook's sync with the whole history", |line| {
        line.starts_with(&prefix) && line.ends_with("; HISTORICAL_UPDATE_COMPLETE")
    });
    let stored = line
        .rsplit("; ")
        .find_map(|part| part.strip_suffix(" stored"))
        .expect("a count of stored transactions");
    stored.parse().expect("a number")
}

/// A `SYNC_UPDATES_AVAILABLE` body for `item`, as Plaid sends it.
fn sync_updates_body(item: &str) -> Vec<u8> {
    format!(
        r#"{{"webhook_type": "TRANSACTIONS", "webhook_code": "SYNC_UPDATES_AVAILABLE", "item_id": "{item}", "initial_update_complete": true, "historical_update_complete": true, "environment": "sandbox"}}"#
    )
    .into_bytes()
}

/// Checks that `answer` is a 400 whose reason starts with `kind`.
fn assert_refused(answer: (u16, String), kind: &str) {
    let (status, reason) = answer;
    assert_eq!(status, 400, "{kind}: {reason}");
    assert!(
        reason.starts_with(&format!("{kind}: ")),
        "the reason {reason:?} does not name {kind}"
    );
}

#[test]
fn receiver_verifies_the_embedded_emulators_webhooks_syncs_and_refuses_forgeries() {
    let mut process = Process::start(&[]);
    assert!(
        process
            .printed()
            .contains("server: embedded plaid-sandbox at http://127.0.0.1:")
    );
    let item = linked_item(&mut process);
    process.wait_for(&format!("sync item {item} (first sync): "));
    let stored = wait_for_complete_sync(&mut process, &item);
    assert!(stored > 0, "the whole history is held: {stored}");

    // A valid JWT from a key the emulator does not know: the receiver asks
    // the emulator for the key, and refuses.
    let forger = TestSigner::generate("a-key-plaid-never-made").unwrap();
    let body = sync_updates_body(&item);
    let jwt = forger.sign(&body, SystemTime::now()).unwrap();
    assert_refused(
        process.post(&[("Plaid-Verification", &jwt)], &body),
        "UnknownKey",
    );
    process.wait_for("webhook refused (400): UnknownKey");
    // `alg: none`, whatever the signature.
    let none = forger
        .sign_jwt(
            br#"{"alg":"none","kid":"a-key-plaid-never-made","typ":"JWT"}"#,
            br#"{"iat":0,"request_body_sha256":""}"#,
        )
        .unwrap();
    assert_refused(
        process.post(&[("Plaid-Verification", &none)], &body),
        "UnsupportedAlgorithm",
    );

    // Garbage.
    assert_refused(process.post(&[], &body), "MissingHeader");
    let huge = "a".repeat(16 * 1024);
    assert_refused(
        process.post(&[("Plaid-Verification", &huge)], &body),
        "HeaderTooLarge",
    );
    assert_refused(
        process.post(&[("Plaid-Verification", "not.a.jwt")], b"not JSON"),
        "Malformed",
    );
    assert_refused(
        process.post(
            &[("Plaid-Verification", &jwt), ("plaid-verification", &jwt)],
            &body,
        ),
        "DuplicateHeader",
    );
    // One byte over the receiver's limit (so it reads the whole body, and
    // closing the connection after the answer cannot reset it).
    assert_refused(
        process.post(&[("Plaid-Verification", &jwt)], &vec![b' '; 64 * 1024 + 1]),
        "BodyTooLarge",
    );
    // Larger than any header hyper reads: hyper answers 431 itself and
    // closes, which may reset the connection before the client reads it.
    let enormous = "a".repeat(1024 * 1024);
    if let Some((status, _)) = process.request("POST", &[("Plaid-Verification", &enormous)], &body)
    {
        assert_eq!(status, 431);
    }
    let (status, _) = process.request("GET", &[], b"").expect("an answer");
    assert_eq!(status, 405);

    // Still up, and still answering.
    process.assert_running();
    assert_refused(process.post(&[], b"{}"), "MissingHeader");

    let printed = process.printed();
    for secret in NEVER_PRINTED.iter().copied().chain([jwt.as_str()]) {
        assert!(!printed.contains(secret), "printed {secret:?}:\n{printed}");
    }
    assert!(!printed.contains("stderr: "), "wrote to stderr:\n{printed}");
}

#[test]
fn receiver_refuses_genuine_webhooks_tampered_and_answers_503_without_keys() {
    // No transactions delay: the whole history is in before the first
    // sync, so no SYNC_UPDATES_AVAILABLE comes on its own, and the receiver
    // has the sandbox fire one.
    let sandbox = Sandbox::start_modern().unwrap();
    let url = sandbox.url();
    let mut process = Process::start(&[("PLAID_BASE_URL", &url)]);
    let server = format!("server: {url} (from PLAID_BASE_URL)");
    assert!(process.printed().contains(&server));
    let item = linked_item(&mut process);
    let first_sync = process.wait_for(&format!("sync item {item} (first sync): "));
    assert!(
        first_sync.ends_with("; HISTORICAL_UPDATE_COMPLETE"),
        "{first_sync}"
    );
    process.wait_for(&format!(
        "item {item}: everything synced; asking the sandbox for SYNC_UPDATES_AVAILABLE"
    ));
    let stored = wait_for_complete_sync(&mut process, &item);
    assert!(
        sandbox.wait_for_webhooks_idle(WAIT),
        "the emulator still delivers"
    );

    // Every webhook the emulator sent the receiver verified: 200 each time.
    let receiver_url = format!("http://{}/webhook", process.address);
    let attempts: Vec<_> = sandbox
        .webhook_attempts()
        .into_iter()
        .filter(|attempt| attempt.url == receiver_url)
        .collect();
    assert!(attempts.len() >= 3, "{attempts:?}");
    for attempt in &attempts {
        assert_eq!(attempt.status(), Some(200), "{attempt:?}");
    }
    // And the syncs they started hold the whole history: the transactions
    // INITIAL_UPDATE and HISTORICAL_UPDATE announced.
    let announced: u64 = attempts
        .iter()
        .map(|attempt| serde_json::from_slice::<serde_json::Value>(&attempt.body).unwrap())
        .filter(|body| {
            body["webhook_code"] == "INITIAL_UPDATE" || body["webhook_code"] == "HISTORICAL_UPDATE"
        })
        .map(|body| body["new_transactions"].as_u64().unwrap())
        .sum();
    assert_eq!(stored as u64, announced);

    // A genuine SYNC_UPDATES_AVAILABLE, replayed: verified again.
    let genuine = attempts
        .iter()
        .find(|attempt| {
            String::from_utf8_lossy(&attempt.body).contains("\"SYNC_UPDATES_AVAILABLE\"")
        })
        .expect("a SYNC_UPDATES_AVAILABLE delivered");
    let jwt = genuine.header("Plaid-Verification").expect("signed");
    let header = [("Plaid-Verification", jwt)];
    let (status, _) = process.post(&header, &genuine.body);
    assert_eq!(status, 200);
    // Its header over other bytes: one flipped, or the same JSON compacted.
    let mut tampered = genuine.body.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x01;
    assert_refused(process.post(&header, &tampered), "BodyMismatch");
    let json: serde_json::Value = serde_json::from_slice(&genuine.body).unwrap();
    let compact = serde_json::to_vec(&json).unwrap();
    assert_refused(process.post(&header, &compact), "BodyMismatch");

    // Plaid's key endpoint down: not the sender's fault, so 503 (Plaid
    // delivers again), never 500; and the server stays up.
    sandbox.shutdown();
    let stranger = TestSigner::generate("a-key-fetched-while-down").unwrap();
    let body = sync_updates_body(&item);
    let jwt = stranger.sign(&body, SystemTime::now()).unwrap();
    let (status, reason) = process.post(&[("Plaid-Verification", &jwt)], &body);
    assert_eq!(status, 503, "{reason}");
    assert!(reason.starts_with("KeyFetch: "), "{reason}");
    process.wait_for("webhook refused (503): KeyFetch");
    process.assert_running();
    assert_refused(process.post(&[], b"{}"), "MissingHeader");
}

#[test]
fn readme_shows_the_receivers_handler() {
    let readme = include_str!("../../README.md");
    let handler = include_str!("../src/bin/webhook_receiver/handler.rs");
    let code = handler
        .split_once("\n\nuse ")
        .map(|(_, rest)| format!("use {rest}"))
        .expect("handler.rs has a module doc, then its code");
    assert!(
        readme.contains(&format!("```rust,ignore\n{code}```\n")),
        "the README's receiver handler is not examples/src/bin/webhook_receiver/handler.rs; \
         copy the file from its first `use` on into the README"
    );
}
