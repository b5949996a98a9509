//! The errors the API answers with: login errors, access token errors, the
//! wire-level errors the typed client cannot provoke, the server statuses
//! the sandbox fakes on request (`X-Sandbox-Fault`), and the raw-response
//! mode that returns error responses as they are.

use plaid_core::http::Request;
use plaid_core::legacy::error_from_response;
use plaid_core::legacy::models::Product;
use plaid_core::legacy::{Config, Environment, ErrorCode, Login, MfaAnswer, PythonException};
use plaid_core::{Credentials, Error, ErrorKind};

use crate::{
    Backend, COFFEE_SHOP_ID, api_error, assert_questions, assert_token, challenge, good_login,
};

/// USAA with the right PIN gets past the login to MFA.
pub fn usaa_with_the_right_pin_reaches_mfa(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let login = good_login().with_pin("1234");
    let challenge = challenge(backend.send(client.connect("usaa", login)));
    assert_questions(&challenge, "test_usaa");
}

/// USAA without a PIN is `BadRequest` / `CredentialsMissing`.
pub fn usaa_without_a_pin_is_credentials_missing(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    api_error(
        backend.send(client.connect("usaa", good_login())),
        PythonException::BadRequestError,
        ErrorCode::CredentialsMissing,
    );
}

/// USAA with a wrong PIN is `RequestFailed` / `InvalidPin`.
pub fn usaa_with_a_wrong_pin_is_invalid_pin(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    api_error(
        backend.send(client.connect("usaa", good_login().with_pin("0000"))),
        PythonException::RequestFailedError,
        ErrorCode::InvalidPin,
    );
}

/// A locked account is `RequestFailed` / `AccountLocked`.
pub fn locked_account_is_account_locked(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    api_error(
        backend.send(client.connect("wells", Login::new("plaid_test", "plaid_locked"))),
        PythonException::RequestFailedError,
        ErrorCode::AccountLocked,
    );
}

/// A wrong password or username is `RequestFailed` / `InvalidCredentials`.
pub fn wrong_password_or_username_is_invalid_credentials(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    for login in [
        Login::new("plaid_test", "plaid_bad"),
        Login::new("someone", "plaid_good"),
    ] {
        api_error(
            backend.send(client.connect("wells", login)),
            PythonException::RequestFailedError,
            ErrorCode::InvalidCredentials,
        );
    }
}

/// Wrong client keys are `Unauthorized` / `InvalidClientCredentials`.
pub fn wrong_client_keys_are_unauthorized(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let config = Config::new(
        Environment::Custom(sandbox.url()),
        Credentials::new("test_id", "not_the_secret"),
    )
    .expect("config");
    let client = backend.client(config);

    api_error(
        backend.send(client.connect("wells", good_login())),
        PythonException::UnauthorizedError,
        ErrorCode::InvalidClientCredentials,
    );
}

/// Adding at an unknown institution type is `NotFound` / `InstitutionNotFound`.
pub fn unknown_institution_type_on_add_is_not_found(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    api_error(
        backend.send(client.connect("notpnc", good_login())),
        PythonException::ResourceNotFoundError,
        ErrorCode::InstitutionNotFound,
    );
}

/// A bad access token is `Unauthorized` / `BadAccessToken` on every route, and
/// the error keeps it.
pub fn bad_access_token_is_unauthorized_and_echoed(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let zoba = client.with_access_token("test_zoba");

    let (kind, code) = (
        PythonException::UnauthorizedError,
        ErrorCode::BadAccessToken,
    );
    let errors = [
        api_error(backend.send(zoba.connect_get()), kind, code),
        api_error(backend.send(zoba.balance()), kind, code),
        api_error(
            backend.send(zoba.connect_step(MfaAnswer::answer("tomato"))),
            kind,
            code,
        ),
    ];
    for error in &errors {
        assert_token(
            error.legacy().and_then(|api| api.access_token.as_ref()),
            "test_zoba",
        );
    }
}

/// Item calls without an access token fail as invalid input before anything is
/// sent.
pub fn item_calls_without_a_token_are_refused_before_sending(backend: &impl Backend) {
    let (sandbox, client) = backend.sandbox_client();

    let results: [Result<(), Error>; 6] = [
        backend.send(client.connect_get()).map(drop),
        backend.send(client.balance()).map(drop),
        backend
            .send(client.connect_step(MfaAnswer::answer("tomato")))
            .map(drop),
        backend.send(client.auth_update(good_login())).map(drop),
        backend.send(client.upgrade(Product::Info)).map(drop),
        backend.send(client.connect_delete()).map(drop),
    ];
    for result in results {
        let error = result.expect_err("no access token");
        assert!(error.is_invalid_input(), "{error}");
    }
    assert!(sandbox.recorded_requests().is_empty(), "nothing was sent");
}

/// Requests the typed client cannot make get the sandbox's documented codes and
/// statuses.
pub fn wire_level_errors_have_their_codes(backend: &impl Backend) {
    let (sandbox, client) = backend.sandbox_client();
    let transport = client.transport().clone();
    let keys = "client_id=test_id&secret=test_secret";
    let wells = "type=wells&credentials=%7B%22username%22%3A%22plaid_test%22%2C%22password%22%3A%22plaid_good%22%7D";

    // One request per line: a table reads better than rustfmt's layout.
    #[rustfmt::skip]
    let cases = [
        ("POST", "/connect/get", keys.to_owned(), ErrorCode::AccessTokenMissing),
        ("POST", "/connect", keys.to_owned(), ErrorCode::TypeMissing),
        ("POST", "/connect", format!("{keys}&access_token=test_bofa&{wells}"), ErrorCode::AccessTokenDisallowed),
        ("POST", "/connect", format!("{keys}&{wells}&options=nope"), ErrorCode::InvalidOptionsFormat),
        ("POST", "/connect", format!("{keys}&type=wells&credentials=nope"), ErrorCode::InvalidCredentialsFormat),
        ("POST", "/connect", format!("{keys}&type=wells&credentials=%7B%7D"), ErrorCode::CredentialsMissing),
        ("POST", "/upgrade", format!("{keys}&access_token=test_bofa"), ErrorCode::UpgradeToRequired),
        ("POST", "/connect/get", "secret=test_secret".to_owned(), ErrorCode::ClientIdMissing),
        ("POST", "/connect/get", "client_id=test_id".to_owned(), ErrorCode::SecretMissing),
        ("POST", "/exchange_token", keys.to_owned(), ErrorCode::MissingPublicToken),
        ("POST", "/institutions/all", format!("{keys}&count=0"), ErrorCode::InvalidInstitutionPaging),
        ("GET", "/institutions/search", String::new(), ErrorCode::InvalidInstitutionQuery),
        ("POST", "/connect/get", format!("{keys}&access_token=test_chase&options=%7B%22gte%22%3A%222014-13-01%22%7D"), ErrorCode::InvalidDate),
        ("GET", "/nope", String::new(), ErrorCode::ProductNotFound),
    ];
    for (method, path, body, code) in cases {
        let request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", sandbox.url()))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.into_bytes())
            .expect("request");
        let response = backend
            .send_request(&transport, request)
            .expect("a response");
        let error = error_from_response(response);
        assert_eq!(error.legacy_code(), Some(code), "{method} {path}: {error}");
        assert_eq!(
            error.status().map(|s| s.as_u16()),
            code.documented_status(),
            "{method} {path}"
        );
    }
}

/// A 429 is `RateLimited` / `RateLimitExceeded`, retryable, with its
/// `Retry-After`.
pub fn rate_limit_is_rate_limited_with_retry_after(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let limited = backend
        .fault_client(&sandbox, "status=429;retry-after=3")
        .with_access_token("test_chase");

    // python returns a 429 silently: no exception class.
    let error = api_error(
        backend.send(limited.balance()),
        None,
        ErrorCode::RateLimitExceeded,
    );
    assert_eq!(error.kind(), ErrorKind::RateLimited, "{error}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(429));
    assert!(error.is_retryable());
    let raw = backend.send(limited.balance().raw()).expect("raw response");
    assert_eq!(
        raw.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("3")
    );
}

/// 500, 501, 502 and 503 map to python's classes and their codes; all but 501
/// ("extractor error", a fault of the bank integration) are retryable.
pub fn server_error_statuses_map_to_their_kinds(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();

    for (status, kind, code, retryable) in [
        (
            500,
            PythonException::PlaidServerError,
            ErrorCode::PlaidError,
            true,
        ),
        (
            501,
            PythonException::ExtractorError,
            ErrorCode::ExtractorError,
            false,
        ),
        (
            502,
            PythonException::ExtractorRetryError,
            ErrorCode::ExtractorErrorRetry,
            true,
        ),
        (
            503,
            PythonException::MaintainanceError,
            ErrorCode::PlannedMaintenance,
            true,
        ),
    ] {
        let failing = backend
            .fault_client(&sandbox, &format!("status={status}"))
            .with_access_token("test_chase");
        let error = api_error(backend.send(failing.connect_get()), kind, code);
        assert_eq!(error.is_retryable(), retryable, "{status}");
    }
}

/// A malformed 200 body is a decode error that keeps the body.
pub fn malformed_body_is_a_decode_error_that_keeps_the_body(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let malformed = backend
        .fault_client(&sandbox, "malformed")
        .with_access_token("test_chase");

    let error = backend.send(malformed.balance()).expect_err("not JSON");
    assert_eq!(error.kind(), ErrorKind::Decode, "{error}");
    assert!(error.is_decode() && !error.is_api());
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
    assert!(error.api_error().is_none());
    let body = error.body().expect("body kept");
    assert!(
        body.starts_with(b"{\n  \"accounts\": ["),
        "{}",
        String::from_utf8_lossy(body)
    );
}

/// A proxy's HTML 502 page is `ExtractorRetry` without an API error, and keeps
/// the page.
pub fn html_error_page_is_extractor_retry_without_api_error(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let proxied = backend
        .fault_client(&sandbox, "html=502")
        .with_access_token("test_chase");

    let error = backend.send(proxied.connect_get()).expect_err("a 502 page");
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::ExtractorRetryError),
        "{error}"
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert!(error.api_error().is_none() && error.legacy_code().is_none());
    let body = String::from_utf8_lossy(error.body().expect("body kept")).into_owned();
    assert!(body.contains("<title>502 Bad Gateway</title>"), "{body}");
}

/// A `suppress_http_errors` client returns error and success responses as they
/// are.
pub fn suppressed_client_returns_error_responses(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let raw = backend
        .send(client.suppress_http_errors().category("nope"))
        .expect("raw response");
    assert_eq!(raw.status().as_u16(), 404);
    assert!(!raw.is_success());
    assert!(raw.request_id().is_some());
    let json: serde_json::Value = raw.json().expect("json body");
    assert_eq!(json["code"], 1501);

    // Success responses come through the same way.
    let raw = backend
        .send(client.suppress_http_errors().category(COFFEE_SHOP_ID))
        .expect("raw response");
    assert!(raw.is_success());
    assert_eq!(raw.parse().expect("typed").id, COFFEE_SHOP_ID);
}

/// A `raw()` call returns an error response as it is.
pub fn raw_call_returns_error_responses(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let raw = backend
        .send(client.category("nope").raw())
        .expect("raw response");
    assert_eq!(raw.status().as_u16(), 404);
    assert!(!raw.is_success());
    let json: serde_json::Value = raw.json().expect("json body");
    assert_eq!(json["code"], 1501);
}
