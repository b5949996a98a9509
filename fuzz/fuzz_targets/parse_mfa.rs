//! The MFA / outcome parser (Add<Connect>, Step<Auth>, Upgrade).
//!
//! Status: when the top bit of the 16-bit prefix is set (half the inputs)
//! the status is forced to 201, the MFA challenge status; otherwise it is
//! `100 + raw % 500` as for the other targets.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use plaid_core::Endpoint;
use plaid_core::legacy::endpoints::{Add, Auth, Connect, Step, Upgrade};
use plaid_core::legacy::models::Outcome;

fn check<D: std::fmt::Debug>(status: u16, outcome: Option<Outcome<D>>) {
    let Some(outcome) = outcome else { return };
    // 201 is a challenge, any other 2xx the product data.
    assert_eq!(
        outcome.is_mfa_required(),
        status == 201,
        "status {status} gave the wrong outcome: {outcome:?}"
    );
    if let Outcome::MfaRequired(challenge) = &outcome {
        let _ = challenge.mfa.kind();
    }
    let _ = format!("{outcome:?}");
}

fuzz_target!(|data: &[u8]| {
    let Some((raw, body)) = common::split(data) else { return };
    let status = if raw & 0x8000 != 0 { 201 } else { common::status_of(raw) };
    check(status, common::run(status, body, Add::<Connect>::parse_response));
    check(status, common::run(status, body, Step::<Auth>::parse_response));
    check(status, common::run(status, body, Upgrade::parse_response));
});
