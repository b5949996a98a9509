//! The deliberate differences between the official modern python client
//! and plaid-rs.
//!
//! [`DELIBERATE`] is the one table of what may differ, with the reason for
//! each entry; `plaid_peer::compare::report` holds the comparison to it both
//! ways: a difference not in the table fails the test, and so does an entry
//! that no longer occurs, so the table stays exact.

use plaid_peer::compare::{Deliberate, Matches};

use serde_json::Value;

use crate::compare::Diff;

/// One kind of difference between a python request and the plaid-rs request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// python sends the body field at this place with this value (JSON
    /// text), plaid-rs sends nothing there.
    OnlyPython(&'static str, &'static str),
}

/// Every difference between the python client and plaid-rs. Nothing else may
/// differ, and each entry must occur at least once in the flows.
pub(crate) const DELIBERATE: &[Deliberate<Expect>] = &[Deliberate {
    calls: &["sandbox_public_token_create"],
    expect: Expect::OnlyPython("options", "{}"),
    reason: "python sends the empty `options` object its caller built; plaid-rs sends \
             `options` only once an option is set (every field of it is optional, and the \
             API reads an empty and a missing `options` alike)",
}];

impl Matches<Expect> for Diff {
    fn matches(&self, expect: &Expect) -> bool {
        match (self, *expect) {
            (
                Diff::Body {
                    at,
                    python: Some(value),
                    rust: None,
                },
                Expect::OnlyPython(place, json),
            ) => at == place && serde_json::from_str::<Value>(json).is_ok_and(|v| *value == v),
            _ => false,
        }
    }
}
