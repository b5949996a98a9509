//! The deliberate differences between the python client and plaid-rs.
//!
//! [`DELIBERATE`] is the one table of what may differ, with the reason for
//! each entry; `plaid_peer::compare::report` holds the comparison to it both
//! ways: a difference not in the table fails the test, and so does an entry
//! that no longer occurs, so the table stays exact.

use plaid_peer::compare::{Deliberate, HeadDiff, Matches};

use crate::compare::{Diff, Place};

/// One kind of difference between a python request and the plaid-rs request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// python uses the first method, plaid-rs the second.
    Method(&'static str, &'static str),
    /// python sends this field (in the body), plaid-rs does not.
    OnlyPython(&'static str),
    /// python sends the request; plaid-rs refuses the call before sending.
    RustRefuses,
}

/// Every difference between the python client and plaid-rs. Nothing else may
/// differ, and each entry must occur at least once in the flows.
pub(crate) const DELIBERATE: &[Deliberate<Expect>] = &[
    Deliberate {
        calls: &["balance"],
        expect: Expect::Method("GET", "POST"),
        reason: "python sends GET /balance with a form body; bodies on GET are dropped by many \
                 proxies and HTTP stacks, and the API documents POST /balance, so plaid-rs \
                 sends the same form with POST",
    },
    Deliberate {
        calls: &[
            "connect_step",
            "auth_step",
            "info_step",
            "income_step",
            "risk_step",
            "connect_update_step",
            "auth_update_step",
        ],
        expect: Expect::OnlyPython("type"),
        reason: "python repeats the institution `type` on MFA steps; the server takes the \
                 institution from the access token and ignores it, so plaid-rs does not ask \
                 for it",
    },
    Deliberate {
        calls: &[
            "connect_get",
            "auth_get",
            "info_get",
            "income_get",
            "risk_get",
            "balance",
            "connect_delete",
            "auth_delete",
            "upgrade",
            "connect_update",
            "auth_update",
        ],
        expect: Expect::RustRefuses,
        reason: "python's client-side access_token check is dead code, so it sends a token \
                 call without `access_token` (the server answers 400/1000); plaid-rs refuses \
                 the call before sending (invalid input)",
    },
];

impl Matches<Expect> for Diff {
    fn matches(&self, expect: &Expect) -> bool {
        match (self, *expect) {
            (Diff::Head(HeadDiff::Method { python, rust }), Expect::Method(p, r)) => {
                python == p && rust == r
            }
            (Diff::OnlyPython((Place::Body, key, _)), Expect::OnlyPython(k)) => key == k,
            (Diff::RustRefuses(_), Expect::RustRefuses) => true,
            _ => false,
        }
    }
}
