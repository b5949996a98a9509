//! Two checks every endpoint's request test makes on a call before it is
//! sent: that input it cannot send is refused, and whether a retry may
//! repeat it.
#![allow(dead_code)]

use plaid_core::{Call, Endpoint, ErrorKind, ResponseMode};

/// Asserts that building `call` is refused as invalid input, saying
/// `message` (which names the field; the refused value is never quoted).
#[track_caller]
pub(crate) fn assert_refused<T, E: Endpoint, M: ResponseMode>(
    call: Call<'_, T, E, M>,
    message: &str,
) {
    let error = call.to_request().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
    assert!(error.to_string().contains(message), "{error}");
}

/// Whether the retry policy may send `call` again.
pub(crate) fn is_idempotent<T, E: Endpoint, M: ResponseMode>(call: &Call<'_, T, E, M>) -> bool {
    call.endpoint().unwrap().is_idempotent()
}
