//! # plaid-peer
//!
//! An internal crate (not published) around the official python clients:
//! the legacy one (`plaid-python-legacy==1.5.1`) and the modern one
//! (`plaid-python==46.0.0`).
//!
//! ## The library: the python side, shared by the tools
//!
//! The peer tests below and the `plaid-bench` benchmark all run a python
//! client, so they get it from here:
//!
//! - [`venv`]: one virtualenv per client under the workspace `target/`
//!   directory ([`venv::LEGACY`], [`venv::MODERN`]: both clients install a
//!   module named `plaid`), their interpreter choice, staleness stamps and
//!   error messages (one policy, described there);
//! - [`command`]: running a child process with a time limit, keeping all it
//!   printed for the error, and the environment of a peer script;
//! - [`paths`]: the workspace root and the cargo target directory;
//! - [`compare`]: what both peer tests share to compare python's requests
//!   with plaid-rs's (request heads, the table of rows, the deliberate
//!   differences held both ways).
//!
//! ## The tests: the python clients as peers
//!
//! `tests/python_peer/` uses the legacy client as a peer:
//!
//! 1. it makes the legacy virtualenv ready ([`venv::Venv::ensure`]);
//! 2. it starts a `plaid_sandbox::Sandbox` and runs `peer/seed_flows.py`
//!    against it, which drives every flow of the seed README with the python
//!    client and checks the results;
//! 3. for every call the script made it builds the same call with plaid-rs
//!    (`Call::to_request`) and compares it with the python request the
//!    sandbox recorded: method, path, `Content-Type` and the decoded form
//!    fields. The only differences allowed are the deliberate ones listed in
//!    the test's `DELIBERATE` table, and each of them must still occur.
//!
//! `tests/python_modern_peer/` uses the modern client as a peer: it makes
//! the modern virtualenv ready ([`venv::Venv::ensure_modern`]), runs
//! `peer/modern_flows.py` against `plaid_sandbox::Sandbox::start_modern()`
//! (every route and each documented error, decoded by the client's strict
//! models), and checks from the recorded requests that python sent `POST`,
//! a JSON body, `PLAID-CLIENT-ID`, `PLAID-SECRET` and `Plaid-Version`. Then
//! it builds every call of the official client again with plaid-rs's modern
//! client, from the JSON body python sent, and compares the two requests:
//! method, path, `Content-Type`, the key and version headers, and the body
//! as JSON, with its own table of deliberate differences held the same way.
//!
//! `tests/python_webhooks.rs` judges the modern emulator's webhooks with an
//! independent verifier: `peer/verify_webhooks.py` (PyJWT with
//! `cryptography`, from the same virtualenv) fetches the key with the
//! official client's `webhook_verification_key_get` and checks each
//! delivered webhook's `Plaid-Verification` header and raw body hash as
//! Plaid's guide shows; it must accept every webhook of every trigger and
//! refuse tampered copies.
//!
//! Run them with `cargo test -p plaid-peer`. They need a CPython 3.7+ with
//! the `venv` module (`python3.11`, `python3.12`, `python3` or `python` on
//! `PATH`, or one named by `PLAID_PEER_PYTHON`) and PyPI the first time;
//! they fail, never skip, when either is missing.

pub mod command;
pub mod compare;
pub mod paths;
pub mod venv;

#[cfg(test)]
mod test_support;
