//! Institutions, Institution, InstitutionsAll and InstitutionSearch parsers
//! on one arbitrary response.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use plaid_core::Endpoint;
use plaid_core::legacy::endpoints::{Institution, InstitutionSearch, Institutions, InstitutionsAll};

fuzz_target!(|data: &[u8]| {
    let Some((raw, body)) = common::split(data) else { return };
    let status = common::status_of(raw);
    if let Some(list) = common::run(status, body, Institutions::parse_response) {
        let _ = format!("{list:?}");
    }
    if let Some(one) = common::run(status, body, Institution::parse_response) {
        let _ = format!("{one:?}");
    }
    if let Some(page) = common::run(status, body, InstitutionsAll::parse_response) {
        let _ = format!("{page:?}");
    }
    if let Some(results) = common::run(status, body, InstitutionSearch::parse_response) {
        let _ = format!("{results:?}");
    }
});
