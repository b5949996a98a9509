//! # plaid-sandbox
//!
//! A local emulator of the Plaid **legacy** (tartan) sandbox: a real HTTP/1.1 server on
//! loopback that speaks the wire protocol of `legacy-api.md`, byte-compatible with the official
//! python client `plaid-python-legacy==1.5.1` (form bodies on every method, JSON-in-form
//! `credentials`/`options`, `X-Request-Id` and `{code, message, resolve}` on every error).
//!
//! ```no_run
//! let sandbox = plaid_sandbox::Sandbox::start()?;
//! println!("point your client at {}", sandbox.url());
//! // ... requests ...
//! sandbox.shutdown();
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! ## Sandbox data
//! - Client credentials `test_id` / `test_secret`.
//! - Users `plaid_test` (alias `user_good`) and `plaid_selections`; passwords `plaid_good`
//!   (alias `pass_good`), `plaid_locked` (402/1205), anything else 402/1200. USAA needs
//!   `pin=1234`.
//! - MFA answers: `tomato` (questions), `again` (another round), `1234` (device code),
//!   `["tomato","ketchup"]` (selections); send methods `email`/`phone`/`card` or their masks.
//! - Access tokens `test_<type>` (stateless, valid on every token route without an add);
//!   public tokens `test,<type>,connected`.
//! - Institutions: the fourteen sandbox banks of legacy-api.md §4 (`bofa`, `chase`, `wells`,
//!   …), plus nine long-tail institutions recorded from tartan (numeric ids such as `15184`)
//!   that searches find after the core banks, whose `colors` carry `primary`, `darker`, `dark`
//!   and `light` where the core banks carry `primary`, `darker` and `gradient`.
//! - Benchmark tokens `test_bulk_<N>` (1 ≤ N ≤ 200000): like `test_chase`, but `/connect/get`
//!   returns N generated, deterministic transactions (serialised once per N).
//!
//! ## Fault injection: the `X-Sandbox-Fault` request header
//! `;`-separated directives (unknown ones are ignored):
//! - `latency=<ms>`: wait, then answer normally (or apply the other directives).
//! - `stall`: never answer; the socket stays open until the client leaves or the server stops.
//! - `status=<code>`: that status with the error body of its code (429→1113, 500→1702,
//!   501→1700, 502→1701, 503→1800); `retry-after=<s>` adds `Retry-After`.
//! - `error=<CODE>`: the family's documented error for that code, with its own status (legacy:
//!   a numeric code of the error table, e.g. `error=1205` → 402; a code the family does not
//!   know is ignored).
//! - `truncate`: Content-Length larger than the bytes sent, then close.
//! - `malformed`: 200 with a body that is not JSON.
//! - `reset`: reset the connection without answering (a TCP RST: `SO_LINGER` 0, then close).
//! - `redirect=<url>`: 302 with `Location`.
//! - `html=<code>`: an nginx-style HTML error page (`text/html`).
//! - `times=<n>;key=<id>`: apply only to the first `n` requests carrying that key (default key:
//!   the whole header), e.g. `status=503;times=2;key=t1` fails twice, then succeeds.
//!
//! The header name is [`FAULT_HEADER`].
//!
//! ## Layout
//! The crate is an HTTP layer that knows nothing of Plaid (`server`: sockets, parsing,
//! keep-alive, response writing; `faults`: the header above) driving one API family per
//! sandbox behind a small trait (`family`). The legacy API is the module `legacy` (routes,
//! handlers, error table, parameters, data). Outside users see only [`Sandbox`],
//! [`RecordedRequest`], [`FAULT_HEADER`] and the data in [`fixtures`].

#![deny(missing_docs)]

mod cache;
mod credentials;
mod family;
mod faults;
pub mod fixtures;
mod legacy;
mod lock;
mod mix;
mod modern;
mod sandbox;
mod server;

pub use faults::HEADER as FAULT_HEADER;
pub use sandbox::Sandbox;
pub use server::RecordedRequest;
