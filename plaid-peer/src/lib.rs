//! # plaid-peer
//!
//! An internal test crate (not published). Its one test,
//! `tests/python_peer.rs`, uses the official python legacy client
//! (`plaid-python-legacy==1.5.1`) as a peer:
//!
//! 1. it creates (once) a virtualenv under the workspace `target/` directory
//!    and installs `peer/requirements.txt` into it;
//! 2. it starts a `plaid_sandbox::Sandbox` and runs `peer/seed_flows.py`
//!    against it, which drives every flow of the seed README with the python
//!    client and checks the results;
//! 3. for every call the script made it builds the same call with plaid-rs
//!    (`Call::to_request`) and compares it with the python request the
//!    sandbox recorded: method, path, `Content-Type` and the decoded form
//!    fields. The only differences allowed are the deliberate ones listed in
//!    the test's `DELIBERATE` table, and each of them must still occur.
//!
//! Run it with `cargo test -p plaid-peer`. It needs a CPython 3 on `PATH`
//! (`python3.11`, `python3.12` or `python3`; or set `PLAID_PEER_PYTHON`) and
//! PyPI the first time; it fails, never skips, when either is missing.
