//! # plaid-sandbox
//!
//! A local emulator of the Plaid sandbox: a real HTTP/1.1 server on loopback that speaks one
//! of Plaid's two API families, chosen when it starts.
//!
//! - **Legacy** (tartan, [`Sandbox::start`]): the wire protocol of `legacy-api.md`,
//!   byte-compatible with the official python client `plaid-python-legacy==1.5.1` (form bodies
//!   on every method, JSON-in-form `credentials`/`options`, `X-Request-Id` and
//!   `{code, message, resolve}` on every error).
//! - **Modern** (API version `2020-09-14`, [`Sandbox::start_modern`]): every route a `POST`
//!   with a JSON body, keys in the `PLAID-CLIENT-ID` / `PLAID-SECRET` headers or as body
//!   fields, `PlaidError` bodies, and stateful Items; the official python client
//!   `plaid-python==46.0.0` decodes every answer with its strict generated models.
//!
//! ```no_run
//! let legacy = plaid_sandbox::Sandbox::start()?;
//! let modern = plaid_sandbox::Sandbox::start_modern()?;
//! println!("legacy at {}, modern at {}", legacy.url(), modern.url());
//! // ... requests ...
//! legacy.shutdown();
//! modern.shutdown();
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! ## Legacy sandbox data
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
//! ## Modern sandbox data
//! - Client credentials `test_id` / `test_secret`, in the headers or the body (body fields
//!   win when both are sent). `/categories/get` needs none.
//! - Routes: `/sandbox/public_token/create`, `/item/public_token/exchange`, `/item/get`,
//!   `/item/remove`, `/item/webhook/update`, `/sandbox/item/reset_login`,
//!   `/sandbox/item/fire_webhook`, `/accounts/get`, `/accounts/balance/get`, `/auth/get`,
//!   `/identity/get`, `/transactions/sync`, `/transactions/get`, `/transactions/refresh`,
//!   `/transactions/recurring/get`, `/investments/holdings/get`,
//!   `/investments/transactions/get`, `/liabilities/get`, `/institutions/get`,
//!   `/institutions/get_by_id`, `/institutions/search`, `/categories/get`,
//!   `/webhook_verification_key/get`, `/link/token/create`.
//! - Items: `/sandbox/public_token/create` makes one (`public-sandbox-<uuid>`), the exchange
//!   turns the public token into `access-sandbox-<uuid>` once, within 30 minutes. Test users
//!   `user_good` / `pass_good` (the default), `user_transactions_dynamic` (any password:
//!   transactions that change on every `/transactions/refresh`) and the emulator's benchmark
//!   users `user_bulk_<N>` (any password, 1 ≤ N ≤ 1,000,000: exactly N transactions); a
//!   password `error_<CODE>` (e.g. `error_ITEM_LOCKED`, `error_INSTITUTION_DOWN`,
//!   `error_INTERNAL_SERVER_ERROR`) answers that documented error with its type and status.
//! - Each Item has five accounts (checking, savings, credit card, student loan, 401k), and an
//!   Item linked with `liabilities` also a mortgage, with balances, masks, bank numbers and an
//!   owner derived from its id: the same on every call. Numbers follow the institution's
//!   country (ACH in the US, EFT in Canada, BACS in the UK, IBAN elsewhere).
//! - Transactions: a deterministic history per Item on its checking, savings and card
//!   accounts, `days_requested` days long (`options.transactions.days_requested` at creation,
//!   else the first sync's or get's `options.days_requested`, default 90, at most 730) and
//!   ending on the day the pull started: payroll, rent, bills, subscriptions and transfers on
//!   their schedules (`/transactions/recurring/get` reports them as streams), everyday
//!   purchases with merchants, counterparties, locations, `payment_meta` and
//!   `personal_finance_category`, the last two days' purchases pending, amounts exact to the
//!   cent. `/transactions/sync` pages a change log with cursors (opaque base64, tied to their
//!   Item and `options.account_id`; any other is 400 `INVALID_FIELD` "cursor not associated
//!   with access_token"); `cursor: "now"` skips to the end. If the log grows in the middle of
//!   a loop, the loop's next page is 400 `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`.
//!   `/transactions/refresh` completes a pull still running and, for
//!   `user_transactions_dynamic`, posts the pending purchases (the pending one removed, a
//!   posted one added with `pending_transaction_id`), voids a hold, recategorises a posted
//!   purchase (modified) and adds new transactions, and sends the `TRANSACTIONS` webhooks
//!   Plaid sends for it (see Webhooks below).
//! - `NOT_READY`: for [`ModernOptions::with_transactions_delay`] after a pull starts (zero by
//!   default) `/transactions/sync` answers `NOT_READY`, empty arrays and `next_cursor: ""`,
//!   and `/transactions/get` `PRODUCT_NOT_READY`; then the newest 30 days come
//!   (`INITIAL_UPDATE_COMPLETE`), and as long again later the rest
//!   (`HISTORICAL_UPDATE_COMPLETE`).
//! - Investments: the 401k's holdings (cash, stocks, an ETF, mutual funds, a Treasury bill,
//!   a call option), which add up to its balance, and 24 months of investment transactions.
//!   Liabilities: the credit card, the student loan and the mortgage. Both answer from the
//!   Item's id and creation day.
//! - Institutions: the five test banks `ins_109508` First Platypus Bank … `ins_109512`
//!   Houndstooth Bank first, then 23 invented ones (`ins_1175xx`), 15 countries in all.
//! - After `/sandbox/item/reset_login`, data calls answer 400 `ITEM_LOGIN_REQUIRED` while
//!   `/item/get` reports it in `item.error` with a 200. After `/item/remove`, the access token
//!   answers 400 `ITEM_NOT_FOUND` (the code Plaid documents for a removed Item); a token never
//!   issued, or malformed, answers `INVALID_ACCESS_TOKEN`.
//! - The webhook verification key (`kid` `6c5516e1-92dc-479e-a8ff-5a51992e0001`, the sandbox
//!   key id of the official suites) is [`fixtures::modern::webhook_key`]; any other `kid` is
//!   400 `INVALID_WEBHOOK_VERIFICATION_KEY_ID`.
//! - Errors: every body has all keys of the spec's `PlaidError` (nullable ones as `null`) and
//!   the `request_id` the `X-Request-Id` header repeats.
//!
//! ## Webhooks (modern)
//! The sandbox POSTs each webhook to the Item's URL (`options.webhook` at creation, or
//! `/item/webhook/update`), as Plaid does: the body is the spec's `*Webhook` schema of its
//! code, complete (`webhook_type`, `webhook_code`, `item_id`, `environment: "sandbox"`,
//! `error`: `null` or a `PlaidError` with `status` and without `request_id`, and the code's
//! own fields), pretty-printed; the `Plaid-Verification` header is a compact ES256 JWT
//! (`{"alg":"ES256","kid":…,"typ":"JWT"}`, claims `iat` and `request_body_sha256`, the hex
//! SHA-256 of exactly those bytes) signed with the key `/webhook_verification_key/get` serves.
//!
//! | Trigger | `webhook_type` / `webhook_code` |
//! |---|---|
//! | `/sandbox/item/fire_webhook` | the code asked for (its type from the request, else the code's own); the fields describe the Item as it is, so update codes report no change |
//! | `/item/webhook/update` to a URL | `ITEM` / `WEBHOOK_UPDATE_ACKNOWLEDGED` with `new_webhook_url`, to the new URL |
//! | `/sandbox/item/reset_login` | `ITEM` / `ERROR` with `ITEM_LOGIN_REQUIRED` |
//! | a transactions pull completing (on time, by a timer) | `TRANSACTIONS` / `INITIAL_UPDATE`, `HISTORICAL_UPDATE`, and `SYNC_UPDATES_AVAILABLE` once the Item has called `/transactions/sync` |
//! | `/transactions/refresh` | `TRANSACTIONS` / `SYNC_UPDATES_AVAILABLE`, `DEFAULT_UPDATE`, `TRANSACTIONS_REMOVED` (when the data changed) |
//!
//! Delivery runs on a background thread per sandbox, so it never delays an API answer: an
//! HTTP/1.1 `POST` with a 2 s connect and 5 s read/write timeout, retried on a connection
//! error, a timeout or a non-2xx answer after 100, 200 and 400 ms ([`MAX_ATTEMPTS`] attempts
//! in all). It goes **only to loopback**: an `http://` URL whose host is in `127.0.0.0/8`,
//! `[::1]` or `localhost` (never looked up); any other URL (another host, `https://`) is
//! dropped, logged as [`AttemptOutcome::Dropped`], and never contacted. The log of attempts
//! is [`Sandbox::webhook_attempts`]; [`Sandbox::wait_for_webhook_attempts`] and
//! [`Sandbox::wait_for_webhooks_idle`] wait for it without sleeping, and
//! [`WebhookReceiver`] is a loopback receiver that records what it gets.
//!
//! ## Fault injection: the `X-Sandbox-Fault` request header
//! `;`-separated directives (unknown ones are ignored):
//! - `latency=<ms>`: wait, then answer normally (or apply the other directives).
//! - `stall`: never answer; the socket stays open until the client leaves or the server stops.
//! - `status=<code>`: that status with the family's error body for it; `retry-after=<s>` adds
//!   `Retry-After`. Legacy: 429→1113, 500→1702, 501→1700, 502→1701, 503→1800. Modern: 429 →
//!   `RATE_LIMIT_EXCEEDED` with the route's code (`ACCOUNTS_LIMIT`, `AUTH_LIMIT`,
//!   `ITEM_GET_LIMIT`…, else the generic `RATE_LIMIT`), 503 → `API_ERROR`/
//!   `PLANNED_MAINTENANCE`, 404 → `NOT_FOUND`, 400 → `INVALID_FIELD`, any other status
//!   `API_ERROR`/`INTERNAL_SERVER_ERROR`.
//! - `error=<CODE>`: the family's documented error for that code, with its own status (legacy:
//!   a numeric code of the error table, e.g. `error=1205` → 402; modern: an `error_code`, e.g.
//!   `error=INSTITUTION_DOWN` → 400 `INSTITUTION_ERROR`, `error=PRODUCT_NOT_READY`,
//!   `error=PLANNED_MAINTENANCE` → 503). A code the family does not know is ignored.
//! - `truncate`: Content-Length larger than the bytes sent, then close.
//! - `malformed`: 200 with a body that is not JSON.
//! - `reset`: reset the connection without answering (a TCP RST: `SO_LINGER` 0, then close).
//! - `redirect=<url>`: 302 with `Location`.
//! - `html=<code>`: an nginx-style HTML error page (`text/html`).
//! - `times=<n>;key=<id>`: apply only to the first `n` requests carrying that key (default key:
//!   the whole header), e.g. `status=503;times=2;key=t1` or
//!   `error=INSTITUTION_DOWN;times=2;key=t2` fails twice, then succeeds.
//! - `after=<n>`: let the first `n` requests with the key through first; with `times=<t>`,
//!   requests `n+1` to `n+t` get the fault. Sent on every page of a sync loop,
//!   `error=TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION;after=2;times=1;key=s1` fails the
//!   loop's third page once (the client must restart from the loop's first cursor).
//!
//! The header name is [`FAULT_HEADER`].
//!
//! ## HTTPS (the `tls` feature)
//! (The items named here exist with the feature; docs.rs shows them.)
//!
//! [`Sandbox::builder`]`().tls(&ca)` (or `Sandbox::start_tls`, with a CA of its own) serves
//! either family over HTTPS with a certificate for `127.0.0.1`, `::1` and `localhost` signed by
//! a throwaway CA (`TestCa`, generated in the process, never written anywhere by the
//! library); `Sandbox::ca_certificate_pem` is the root a client must trust. For testing
//! refusals, `Builder::tls_presenting` presents an expired certificate, one for another
//! host, or one from another CA (`ServerCertificate`). Faults work the same over HTTPS:
//! `stall` and `reset` act on the TCP connection under the TLS session (a `reset` is a TCP RST
//! with no `close_notify`), `truncate` ends the session cleanly after half the body. The
//! binary's `--tls` writes its CA certificate to a file and names it on start-up.
//!
//! The feature depends on rustls (ring provider) and rcgen 0.14 (its default features: ring,
//! never aws-lc). rcgen 0.14.10 and later need Rust 1.88, above this crate's 1.85: cargo's
//! MSRV-aware resolver (resolver 3) picks 0.14.7 for Rust 1.85, which is what the workspace's
//! lock file holds. Without the feature the sandbox has neither dependency.
//!
//! ## Layout
//! The crate is an HTTP layer that knows nothing of Plaid (`server`: sockets, parsing,
//! keep-alive, response writing; `faults`: the header above) driving one API family per
//! sandbox behind a small trait (`family`). The legacy API is the module `legacy` (routes,
//! handlers, error table, parameters, data); the modern API is the module `modern` (routes,
//! keys, errors, request fields, the state of Items, handlers by area, data); `tls` makes the
//! certificates of HTTPS sandboxes. Outside users see only [`Sandbox`] and its [`Builder`],
//! [`ModernOptions`], [`RecordedRequest`], [`FAULT_HEADER`], the webhook delivery's
//! [`WebhookAttempt`], [`AttemptOutcome`] and [`WebhookReceiver`], the data in [`fixtures`]
//! and, with `tls`, `TestCa` and `ServerCertificate`. Webhook delivery (`delivery`: the queue,
//! its thread, the loopback check and the `POST`) knows no more of Plaid than the server does;
//! the modern family gives it signed bodies (`modern::webhooks`, `modern::keys`).

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod base64;
mod cache;
mod credentials;
mod deadline;
mod delivery;
mod family;
mod faults;
pub mod fixtures;
mod legacy;
mod lock;
mod mix;
mod modern;
mod options;
mod sandbox;
mod server;
#[cfg(feature = "tls")]
mod tls;

pub use delivery::{AttemptOutcome, FIRST_BACKOFF, LOG_CAPACITY, MAX_ATTEMPTS, WebhookAttempt};
pub use faults::HEADER as FAULT_HEADER;
pub use options::ModernOptions;
pub use sandbox::{Builder, Sandbox};
pub use server::{RecordedRequest, WebhookReceiver};
#[cfg(feature = "tls")]
pub use tls::{OTHER_HOST, SERVER_NAMES, ServerCertificate, TestCa};
