//! Product data parsers (get for each product, balance, delete, exchange)
//! on one arbitrary response.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use plaid_core::Endpoint;
use plaid_core::legacy::endpoints::{
    Auth, Balance, Connect, Delete, ExchangeToken, Get, Income, Info, Risk,
};

fuzz_target!(|data: &[u8]| {
    let Some((raw, body)) = common::split(data) else { return };
    let status = common::status_of(raw);
    if let Some(v) = common::run(status, body, Get::<Connect>::parse_response) {
        let _ = format!("{v:?}");
    }
    if let Some(v) = common::run(status, body, Get::<Auth>::parse_response) {
        let _ = format!("{v:?}");
    }
    if let Some(v) = common::run(status, body, Get::<Info>::parse_response) {
        let _ = format!("{v:?}");
    }
    if let Some(v) = common::run(status, body, Get::<Income>::parse_response) {
        let _ = format!("{v:?}");
    }
    if let Some(v) = common::run(status, body, Get::<Risk>::parse_response) {
        let _ = format!("{v:?}");
    }
    if let Some(v) = common::run(status, body, Balance::parse_response) {
        let _ = format!("{v:?}");
    }
    if let Some(v) = common::run(status, body, Delete::<Connect>::parse_response) {
        let _ = format!("{v:?}");
    }
    if let Some(v) = common::run(status, body, ExchangeToken::parse_response) {
        let _ = format!("{v:?}");
    }
});
