//! # plaid-peer
//!
//! An internal crate (not published) around the official python legacy
//! client (`plaid-python-legacy==1.5.1`).
//!
//! ## The library: the python side, shared by two tools
//!
//! The peer test below and the `plaid-bench` benchmark both run the python
//! client, so both get it from here:
//!
//! - [`venv`]: the virtualenv under the workspace `target/` directory with
//!   the client installed, its interpreter choice, its staleness stamp and
//!   its error messages (one policy, described there);
//! - [`command`]: running a child process with a time limit, keeping all it
//!   printed for the error;
//! - [`paths`]: the workspace root and the cargo target directory.
//!
//! ## The test: the python client as a peer
//!
//! `tests/python_peer/` uses the python client as a peer:
//!
//! 1. it makes the virtualenv ready ([`venv::Venv::ensure`]);
//! 2. it starts a `plaid_sandbox::Sandbox` and runs `peer/seed_flows.py`
//!    against it, which drives every flow of the seed README with the python
//!    client and checks the results;
//! 3. for every call the script made it builds the same call with plaid-rs
//!    (`Call::to_request`) and compares it with the python request the
//!    sandbox recorded: method, path, `Content-Type` and the decoded form
//!    fields. The only differences allowed are the deliberate ones listed in
//!    the test's `DELIBERATE` table, and each of them must still occur.
//!
//! Run it with `cargo test -p plaid-peer`. It needs a CPython 3.7+ with the
//! `venv` module (`python3.11`, `python3.12`, `python3` or `python` on
//! `PATH`, or one named by `PLAID_PEER_PYTHON`) and PyPI the first time; it
//! fails, never skips, when either is missing.

pub mod command;
pub mod paths;
pub mod venv;

#[cfg(test)]
mod test_support;
