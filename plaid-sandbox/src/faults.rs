//! Fault injection, asked for per request with the `X-Sandbox-Fault` header.
//!
//! Grammar: `;`-separated directives, each `name` or `name=value`, whitespace around them
//! ignored, unknown directives ignored:
//!
//! | directive | effect |
//! |---|---|
//! | `latency=<ms>` | wait, then go on (with the other directives, or a normal answer) |
//! | `stall` | read the request, never answer; the socket stays open until the client leaves or the server stops |
//! | `status=<code>` | answer that status with the error body of its code (429→1113, 500→1702, 501→1700, 502→1701, 503→1800) |
//! | `retry-after=<s>` | add `Retry-After: <s>` to the answer |
//! | `truncate` | the normal answer, but declare a Content-Length larger than the bytes sent, then close |
//! | `malformed` | 200 with a body that is not valid JSON |
//! | `reset` | close the connection without answering (see [`Action::Reset`]) |
//! | `redirect=<url>` | 302 with `Location: <url>` |
//! | `html=<code>` | an HTML error page with that status and `text/html`, like a proxy's |
//! | `times=<n>` | apply the fault only to the first `n` requests with the same key |
//! | `key=<id>` | the counter key for `times` (default: the whole header value) |
//!
//! Example: `status=503;retry-after=2;times=2;key=retry-test-1` answers 503 twice, then
//! normally.

use std::time::Duration;

use crate::state::State;

/// The header that carries fault directives.
pub const HEADER: &str = "x-sandbox-fault";

/// What to do instead of (or to) the normal answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Never answer.
    Stall,
    /// Answer this status with its error body.
    Status(u16),
    /// Send a short body under a larger Content-Length, then close.
    Truncate,
    /// 200 with invalid JSON.
    Malformed,
    /// Reset the connection without answering: `SO_LINGER` 0, then close, so the client
    /// sees a TCP RST ("connection reset by peer").
    Reset,
    /// 302 to this URL.
    Redirect(String),
    /// An HTML error page with this status.
    Html(u16),
}

/// A parsed `X-Sandbox-Fault` header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fault {
    /// Delay before answering.
    pub latency: Option<Duration>,
    /// The fault proper.
    pub action: Option<Action>,
    /// `Retry-After` header value.
    pub retry_after: Option<String>,
    /// Apply only to the first `times` requests with this key.
    pub times: Option<u64>,
    /// The counter key.
    pub key: Option<String>,
}

impl Fault {
    /// Parses the header value. Never fails: malformed directives are ignored.
    pub fn parse(header: &str) -> Fault {
        let mut f = Fault::default();
        for directive in header.split(';') {
            let directive = directive.trim();
            let (name, value) = match directive.split_once('=') {
                Some((n, v)) => (n.trim(), Some(v.trim())),
                None => (directive, None),
            };
            let num = value.and_then(|v| v.parse::<u64>().ok());
            match name.to_ascii_lowercase().as_str() {
                "latency" => f.latency = num.map(Duration::from_millis),
                "stall" => f.action = Some(Action::Stall),
                "status" => {
                    if let Some(code) = num
                        .and_then(|n| u16::try_from(n).ok())
                        .filter(|c| (100..=999).contains(c))
                    {
                        f.action = Some(Action::Status(code));
                    }
                }
                "retry-after" => f.retry_after = value.filter(|v| !v.is_empty()).map(str::to_owned),
                "truncate" => f.action = Some(Action::Truncate),
                "malformed" => f.action = Some(Action::Malformed),
                "reset" => f.action = Some(Action::Reset),
                "redirect" => {
                    if let Some(url) = value.filter(|v| !v.is_empty()) {
                        f.action = Some(Action::Redirect(url.to_owned()));
                    }
                }
                "html" => {
                    let code = num
                        .and_then(|n| u16::try_from(n).ok())
                        .filter(|c| (100..=999).contains(c));
                    f.action = Some(Action::Html(code.unwrap_or(502)));
                }
                "times" => f.times = num,
                "key" => f.key = value.map(str::to_owned),
                _ => {}
            }
        }
        f
    }

    /// Whether the fault applies to this request: always without `times`, otherwise only for
    /// the first `times` requests with the same key (each call counts one request).
    pub fn applies(&self, state: &State, header: &str) -> bool {
        match self.times {
            None => true,
            Some(times) => {
                let key = self.key.as_deref().unwrap_or(header);
                state.bump_fault(key) <= times
            }
        }
    }
}

/// The HTML page of the `html=<code>` fault (nginx's look).
pub fn html_page(status: u16) -> Vec<u8> {
    let title = format!("{status} {}", crate::http::reason(status));
    format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(Fault::parse("bogus;=;status=abc"), Fault::default());
    }

    #[test]
    fn times_counts_per_key() {
        let state = State::new(false);
        let f = Fault::parse("status=500;times=2;key=k");
        assert!(f.applies(&state, "h"));
        assert!(f.applies(&state, "h"));
        assert!(!f.applies(&state, "h"));
    }
}
