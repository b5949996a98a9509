//! Assertion helpers: they take the result of a call and check what every
//! backend must give back, so that the checks are written once and a test
//! states only what is particular to it.

use plaid_core::legacy::models::{Account, Mfa, MfaChallenge, Outcome};
use plaid_core::legacy::{ErrorCode, PythonException};
use plaid_core::secret::AccessToken;
use plaid_core::{Error, ErrorKind};

use crate::fixtures::{ACCOUNT_IDS, QUESTION};

/// The product data of a call that must connect straight away (HTTP 200).
///
/// # Panics
///
/// If the call failed or answered with an MFA challenge.
pub fn connected<D>(result: Result<Outcome<D>, Error>) -> D {
    match result {
        Ok(Outcome::Connected(data)) => data,
        Ok(Outcome::MfaRequired(challenge)) => {
            panic!(
                "expected the product data, got a {} challenge",
                challenge.mfa.kind()
            )
        }
        Err(error) => panic!("expected the product data, got {error}"),
    }
}

/// The MFA challenge of a call that must answer 201.
///
/// # Panics
///
/// If the call failed or connected without MFA.
pub fn challenge<D>(result: Result<Outcome<D>, Error>) -> MfaChallenge {
    match result {
        Ok(Outcome::MfaRequired(challenge)) => challenge,
        Ok(Outcome::Connected(_)) => panic!("expected an MFA challenge, got the product data"),
        Err(error) => panic!("expected an MFA challenge, got {error}"),
    }
}

/// The error of a call that must fail with a legacy API error: checks the
/// exception class python raises for it (`None` for statuses python returns
/// silently, such as 429), the code, the HTTP status the legacy table
/// documents for the code and the error kind of that status, the message
/// and resolve text, and that a request id and the raw body were kept.
///
/// # Panics
///
/// If the call succeeded or failed in any other way.
pub fn api_error<T>(
    result: Result<T, Error>,
    class: impl Into<Option<PythonException>>,
    code: ErrorCode,
) -> Error {
    let class = class.into();
    let error = match result {
        Ok(_) => panic!("expected {class:?} / {code}, but the call succeeded"),
        Err(error) => error,
    };
    assert_eq!(PythonException::of(&error), class, "{error}");
    assert_eq!(error.legacy_code(), Some(code), "{error}");
    let status = error.status().map(|s| s.as_u16());
    assert_eq!(status, code.documented_status(), "{error}");
    let expected_kind = error.status().and_then(ErrorKind::from_status);
    assert_eq!(Some(error.kind()), expected_kind, "{error}");
    let api = error.legacy().expect("a legacy error body");
    assert_eq!(
        Some(api.message.as_str()),
        code.documented_message(),
        "{error}"
    );
    assert!(!api.resolve.is_empty(), "{error}");
    assert!(
        error.request_id().is_some_and(|id| !id.is_empty()),
        "{error}"
    );
    assert!(error.body().is_some_and(|body| !body.is_empty()), "{error}");
    error
}

/// Asserts an access token's value (tokens have no `PartialEq` on purpose).
///
/// # Panics
///
/// If the token is not `expected`.
pub fn assert_token(token: Option<&AccessToken>, expected: &str) {
    assert_eq!(token.map(AccessToken::expose_secret), Some(expected));
}

/// Asserts that `accounts` are the four sandbox accounts, in order.
///
/// # Panics
///
/// If they are not.
pub fn assert_sandbox_accounts(accounts: &[Account]) {
    let ids: Vec<&str> = accounts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ACCOUNT_IDS);
}

/// Asserts a `questions` challenge with the sandbox question, for `token`.
///
/// # Panics
///
/// If the challenge is anything else.
pub fn assert_questions(challenge: &MfaChallenge, token: &str) {
    match &challenge.mfa {
        Mfa::Questions(questions) => {
            let texts: Vec<&str> = questions.iter().map(|q| q.question.as_str()).collect();
            assert_eq!(texts, [QUESTION]);
        }
        other => panic!("expected questions, got {other:?}"),
    }
    assert_token(Some(&challenge.access_token), token);
}

/// Asserts a `device` challenge saying where the code went, for `token`.
///
/// # Panics
///
/// If the challenge is anything else.
pub fn assert_code_sent(challenge: &MfaChallenge, mask: &str, token: &str) {
    match &challenge.mfa {
        Mfa::Device { message } => assert_eq!(message, &format!("Code sent to {mask}")),
        other => panic!("expected a device challenge, got {other:?}"),
    }
    assert_token(Some(&challenge.access_token), token);
}
