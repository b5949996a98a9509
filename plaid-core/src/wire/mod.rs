//! What every API family shares on the wire, and no endpoint: the one
//! request finisher, JSON decoding that reports the failing path without
//! quoting values, and form encoding.

mod decode;
mod finish;
pub(crate) mod form;

pub(crate) use decode::{DecodeProblem, decode_body, decode_json, decode_json_slice, request_id};
pub(crate) use finish::{Outgoing, finish};

/// The `User-Agent` header plaid-rs sends with every request.
pub const USER_AGENT: &str = concat!("plaid-rs/", env!("CARGO_PKG_VERSION"));
