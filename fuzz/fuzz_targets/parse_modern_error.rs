//! `plaid_core::modern::error_from_response`, which every modern parser
//! calls on a status that is not 2xx.
//!
//! Status: `100 + raw % 500`, and a 2xx status `s` is moved to `s + 200`
//! (400..=499), so a seed for a non-2xx status is encoded like for the other
//! targets and 1xx/3xx stay reachable.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use plaid_core::modern::error_from_response;

fuzz_target!(|data: &[u8]| {
    let Some((raw, body)) = common::split(data) else { return };
    let mut status = common::status_of(raw);
    if (200..300).contains(&status) {
        status += 200;
    }
    let error = error_from_response(common::response(status, body));
    common::check_error(&error, status, body);
    common::check_modern_request_id(&error);
    // error_from_response always keeps the raw body, and finds a
    // PlaidError only in an object.
    assert_eq!(error.body(), Some(body), "error_from_response dropped the body");
    assert!(error.plaid().is_none() || common::starts_an_object(body));
    assert!(error.is_api() && !error.is_decode(), "{error:?}");
});
