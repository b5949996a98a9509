//! `plaid_core::legacy::error_from_response` on 4xx/5xx responses.
//!
//! Status: `100 + raw % 500`, and a status below 400 is moved into 400..=599
//! as `400 + s % 200` (so a seed for a 4xx/5xx status `s` is encoded like
//! for the other targets).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use plaid_core::legacy::error_from_response;

fuzz_target!(|data: &[u8]| {
    let Some((raw, body)) = common::split(data) else { return };
    let mut status = common::status_of(raw);
    if status < 400 {
        status = 400 + status % 200;
    }
    let error = error_from_response(common::response(status, body));
    common::check_error(&error, status, body);
    // error_from_response always keeps the raw body.
    assert_eq!(error.body(), Some(body), "error_from_response dropped the body");
    assert_eq!(error.request_id(), Some(common::REQUEST_ID));
});
