//! Categories and Category parsers on one arbitrary response.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use plaid_core::Endpoint;
use plaid_core::legacy::endpoints::{Categories, Category};

fuzz_target!(|data: &[u8]| {
    let Some((raw, body)) = common::split(data) else { return };
    let status = common::status_of(raw);
    if let Some(list) = common::run(status, body, Categories::parse_response) {
        let _ = format!("{list:?}");
    }
    if let Some(one) = common::run(status, body, Category::parse_response) {
        let _ = format!("{one:?}");
    }
});
