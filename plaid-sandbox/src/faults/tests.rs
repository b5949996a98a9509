//! Unit tests of the fault grammar and of its execution against a stub family (the real
//! sockets and the legacy bodies are covered by `tests/faults.rs`).

use std::net::{TcpListener, TcpStream};

use super::*;
use crate::server::Refusal;

#[test]
fn parses_every_directive() {
    let f = Fault::parse(" latency=250 ; status=429;retry-after=2;times=2;key=abc");
    assert_eq!(f.latency, Some(Duration::from_millis(250)));
    assert_eq!(f.action, Some(Action::Status(429)));
    assert_eq!(f.retry_after.as_deref(), Some("2"));
    assert_eq!(f.times, Some(2));
    assert_eq!(f.key.as_deref(), Some("abc"));
    assert_eq!(
        Fault::parse("redirect=http://x/y?a=b").action,
        Some(Action::Redirect("http://x/y?a=b".into()))
    );
    assert_eq!(Fault::parse("html").action, Some(Action::Html(502)));
    assert_eq!(
        Fault::parse("error=ITEM_LOCKED;times=1").action,
        Some(Action::Error("ITEM_LOCKED".into()))
    );
    assert_eq!(Fault::parse("error=").action, None);
    assert_eq!(Fault::parse("bogus;=;status=abc"), Fault::default());
}

#[test]
fn times_counts_per_key() {
    let counters = Counters::default();
    let f = Fault::parse("status=500;times=2;key=k");
    assert!(f.applies(&counters, "h"));
    assert!(f.applies(&counters, "h"));
    assert!(!f.applies(&counters, "h"));
    counters.reset();
    assert!(f.applies(&counters, "h"));
}

#[test]
fn after_skips_requests_before_the_fault_applies() {
    let counters = Counters::default();
    let f = Fault::parse("error=X;after=2;times=1;key=loop");
    assert_eq!(f.after, Some(2));
    let seen: Vec<bool> = (0..5).map(|_| f.applies(&counters, "h")).collect();
    assert_eq!(seen, [false, false, true, false, false]);
    let open_ended = Fault::parse("status=500;after=1;key=open");
    let seen: Vec<bool> = (0..3).map(|_| open_ended.applies(&counters, "h")).collect();
    assert_eq!(seen, [false, true, true]);
    let by_header = Fault::parse("status=500;after=1");
    assert!(!by_header.applies(&counters, "status=500;after=1"));
    assert!(by_header.applies(&counters, "status=500;after=1"));
}

/// A family whose every answer says where it came from.
struct Stub;

impl Family for Stub {
    fn handle(&self, _: &RecordedRequest) -> Response {
        Response::json_bytes(200, Body::Static(b"normal"))
    }
    fn error_for_status(&self, status: u16, request: &RecordedRequest) -> Response {
        let body = format!("stub {status} {}", request.path);
        Response::json_bytes(status, Body::Owned(body.into_bytes()))
    }
    fn error_for_code(&self, code: &str, request: &RecordedRequest) -> Option<Response> {
        let body = format!("stub {code} {}", request.path);
        (code != "UNKNOWN").then(|| Response::json_bytes(418, Body::Owned(body.into_bytes())))
    }
    fn refusal(&self, refusal: Refusal) -> Response {
        Response::json_bytes(refusal.status(), Body::Static(b"refused"))
    }
    fn malformed_body(&self) -> &'static [u8] {
        b"{\"stub\": ["
    }
}

/// Runs `answer` for a request carrying `fault` (or none) on a real loopback socket.
fn run(fault: Option<&str>) -> Outcome {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let _client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (stream, _) = listener.accept().unwrap();
    let req = RecordedRequest {
        method: "POST".into(),
        path: "/anything".into(),
        query: String::new(),
        headers: fault
            .map(|f| vec![("X-Sandbox-Fault".to_owned(), f.to_owned())])
            .unwrap_or_default(),
        body: Vec::new(),
    };
    answer(&req, &stream, &ServerState::new(false), &Stub)
}

fn answered(outcome: Outcome) -> (Response, bool) {
    match outcome {
        Outcome::Answer { response, truncate } => (response, truncate),
        Outcome::Close => panic!("closed instead of answering"),
    }
}

#[test]
fn status_fault_body_comes_from_the_family() {
    let (r, truncate) = answered(run(Some("status=503;retry-after=7")));
    assert_eq!(r.status, 503);
    assert_eq!(r.body.as_bytes(), b"stub 503 /anything");
    assert_eq!(r.headers, [("Retry-After", "7".to_owned())]);
    assert!(!truncate);
}

#[test]
fn error_fault_body_comes_from_the_family_and_unknown_codes_are_ignored() {
    let (r, _) = answered(run(Some("error=ITEM_LOCKED;retry-after=3")));
    assert_eq!(r.status, 418);
    assert_eq!(r.body.as_bytes(), b"stub ITEM_LOCKED /anything");
    assert_eq!(r.headers, [("Retry-After", "3".to_owned())]);
    let (r, _) = answered(run(Some("error=UNKNOWN")));
    assert_eq!((r.status, r.body.as_bytes()), (200, &b"normal"[..]));
}

#[test]
fn malformed_fault_sends_the_family_body_with_200() {
    let (r, _) = answered(run(Some("malformed")));
    assert_eq!(r.status, 200);
    assert_eq!(r.body.as_bytes(), b"{\"stub\": [");
}

#[test]
fn no_fault_and_truncate_use_the_normal_answer() {
    let (r, truncate) = answered(run(None));
    assert_eq!((r.body.as_bytes(), truncate), (&b"normal"[..], false));
    let (r, truncate) = answered(run(Some("truncate")));
    assert_eq!((r.body.as_bytes(), truncate), (&b"normal"[..], true));
}

#[test]
fn html_and_redirect_are_plain_http() {
    let (r, _) = answered(run(Some("html=504")));
    assert_eq!((r.status, r.content_type), (504, "text/html"));
    assert!(String::from_utf8_lossy(r.body.as_bytes()).contains("504 Gateway Timeout"));
    let (r, _) = answered(run(Some("redirect=http://elsewhere/")));
    assert_eq!(r.status, 302);
    assert_eq!(r.headers, [("Location", "http://elsewhere/".to_owned())]);
}

#[test]
fn reset_closes_without_an_answer() {
    assert!(matches!(run(Some("reset")), Outcome::Close));
}
