//! API errors for every code of the legacy table, odd error bodies, the
//! suppressed mode, and each kind of transport driving a call end to end.

use std::future::{Future, IntoFuture};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use crate::support::*;
use plaid_core::endpoints::{Balance, Categories, Connect, Get};
use plaid_core::http::{Response, StatusCode};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{Client, DynAsyncTransport, Endpoint, ErrorCode, ErrorKind, Login, MfaAnswer};
use serde_json::{Value, json};

/// The kind each documented status maps to.
fn kind_for(status: u16) -> ErrorKind {
    match status {
        400 => ErrorKind::BadRequest,
        401 => ErrorKind::Unauthorized,
        402 => ErrorKind::RequestFailed,
        404 => ErrorKind::NotFound,
        429 => ErrorKind::RateLimited,
        500 => ErrorKind::ServerError,
        501 => ErrorKind::ExtractorError,
        502 => ErrorKind::ExtractorRetry,
        503 => ErrorKind::Maintenance,
        other => panic!("status {other} is not in the table"),
    }
}

#[test]
fn every_documented_code_parses_into_its_kind_with_all_details() {
    assert_eq!(ErrorCode::ALL.len(), 62);
    for &code in ErrorCode::ALL {
        let status = code.documented_status().unwrap();
        let message = code.documented_message().unwrap();
        let resolve = format!("Resolve text for {}.", code.code());
        let body = json!({"code": code.code(), "message": message, "resolve": resolve}).to_string();
        let error = assert_kind(
            Balance::parse_response(response(status, &body)),
            kind_for(status),
        );
        assert_eq!(error.code(), Some(code), "{code:?}");
        assert_eq!(error.message(), Some(message), "{code:?}");
        assert_eq!(error.resolve(), Some(resolve.as_str()), "{code:?}");
        assert_eq!(error.status(), Some(StatusCode::from_u16(status).unwrap()));
        assert_eq!(error.request_id(), Some(REQUEST_ID));
        assert_eq!(error.body(), Some(body.as_bytes()));
        assert!(error.is_api(), "{code:?}");
        assert!(error.access_token().is_none());
        assert_eq!(error.api_error().unwrap().code, code);
        assert_eq!(
            error.is_retryable(),
            matches!(status, 429 | 502 | 503),
            "{code:?}"
        );
    }
}

#[test]
fn the_access_token_echo_of_1105_and_1203_is_kept_but_never_printed() {
    for (status, code) in [(401, 1105), (402, 1203)] {
        let body = json!({
            "code": code, "message": "echo", "resolve": "Echoes the token.",
            "access_token": "test_zoba_echoed_token"
        })
        .to_string();
        let error = Get::<Connect>::parse_response(response(status, &body)).unwrap_err();
        assert_eq!(error.code(), Some(ErrorCode::from_code(code)));
        assert_eq!(
            error.access_token().unwrap().expose_secret(),
            "test_zoba_echoed_token"
        );
        for text in [
            format!("{error}"),
            format!("{error:?}"),
            format!("{error:#?}"),
        ] {
            assert!(!text.contains("test_zoba_echoed_token"), "{text}");
        }
    }
}

#[test]
fn an_unknown_code_is_kept_as_a_number() {
    let body = r#"{"code": 9999, "message": "new thing", "resolve": "Something new."}"#;
    let error = assert_kind(
        Balance::parse_response(response(402, body)),
        ErrorKind::RequestFailed,
    );
    assert_eq!(error.code(), Some(ErrorCode::Unknown(9999)));
    assert_eq!(error.message(), Some("new thing"));
}

#[test]
fn an_error_body_without_a_code_keeps_the_status_kind_and_the_body() {
    let body = r#"{"message": "invalid credentials", "resolve": "Try again."}"#;
    let error = assert_kind(
        Balance::parse_response(response(402, body)),
        ErrorKind::RequestFailed,
    );
    assert!(error.api_error().is_none());
    assert_eq!(error.code(), None);
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert!(error.is_api());
}

#[test]
fn an_html_502_page_is_an_extractor_retry_without_api_error() {
    let body = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let response = Response::builder()
        .status(502)
        .header("content-type", "text/html")
        .body(body.as_bytes().to_vec())
        .unwrap();
    let error = assert_kind(
        Categories::parse_response(response),
        ErrorKind::ExtractorRetry,
    );
    assert!(error.api_error().is_none());
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.request_id(), None);
    assert!(error.is_retryable());
}

#[test]
fn a_proxy_403_is_an_unexpected_status() {
    let error = assert_kind(
        Categories::parse_response(response(403, "Forbidden")),
        ErrorKind::UnexpectedStatus,
    );
    assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(error.body(), Some(&b"Forbidden"[..]));
    for status in [405, 409, 504] {
        assert_kind(
            Categories::parse_response(response(status, "{}")),
            ErrorKind::UnexpectedStatus,
        );
    }
}

#[test]
fn display_reads_like_status_code_message_resolve_and_request_id() {
    let body = r#"{"code": 1205, "message": "account locked", "resolve": "The account is locked. Prompt the user to visit the issuing institution's site and unlock their account."}"#;
    let error = Balance::parse_response(response(402, body)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "402 Payment Required: 1205 account locked (The account is locked. Prompt the user \
         to visit the issuing institution's site and unlock their account.) \
         [request 05c9a53cf91e47ef8938db0672e41913]"
    );
    let rate = Balance::parse_response(response(
        429,
        r#"{"code":1113,"message":"rate limit exceeded","resolve":""}"#,
    ))
    .unwrap_err();
    assert_eq!(
        rate.to_string(),
        "429 Too Many Requests: 1113 rate limit exceeded [request 05c9a53cf91e47ef8938db0672e41913]"
    );
}

#[test]
fn errors_reach_the_caller_through_a_client() {
    let (transport, seen) = recorder(
        402,
        r#"{"code":1200,"message":"invalid credentials","resolve":"The username or password provided were not correct."}"#,
    );
    let client = Client::new(config(), transport);
    let error = client
        .connect("bofa", Login::new("plaid_test", "wrong"))
        .send()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RequestFailed);
    assert_eq!(error.code(), Some(ErrorCode::InvalidCredentials));
    assert_eq!(seen.lock().unwrap().len(), 1);
}

// ---- the suppressed mode ----

const LOCKED: &str =
    r#"{"code":1205,"message":"account locked","resolve":"The account is locked."}"#;

#[test]
fn a_suppressed_client_returns_4xx_responses_as_is() {
    let (transport, _) = recorder(402, LOCKED);
    let client = Client::new(config(), transport)
        .with_access_token("test_bofa")
        .suppress_http_errors();
    let raw = client
        .balance()
        .send()
        .expect("no error in suppressed mode");
    assert!(!raw.is_success());
    assert_eq!(raw.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(raw.request_id().as_deref(), Some(REQUEST_ID));
    assert_eq!(raw.body(), LOCKED.as_bytes());
    assert_eq!(raw.headers()["x-request-id"], REQUEST_ID);
    let json: Value = raw.json().unwrap();
    assert_eq!(json["code"], 1205);
    let error = raw.parse().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RequestFailed);
    assert_eq!(error.code(), Some(ErrorCode::AccountLocked));
    // And back to typed.
    let error = client.typed().balance().send().unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::AccountLocked));
}

#[test]
fn a_raw_call_returns_the_response_and_parses_on_demand() {
    let (transport, _) = recorder(
        404,
        r#"{"code":1501,"message":"unable to find category","resolve":"Double-check the provided category ID."}"#,
    );
    let client = Client::new(config(), transport);
    let raw = client.category("99999999").raw().send().unwrap();
    assert!(!raw.is_success());
    assert_eq!(raw.status().as_u16(), 404);
    let json: Value = raw.json().unwrap();
    assert_eq!(json["message"], "unable to find category");
    assert_eq!(raw.parse().unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn a_raw_success_parses_into_the_typed_result() {
    let (transport, _) = recorder(
        200,
        r#"[{"id":"13001000","hierarchy":["Food and Drink","Bar"],"type":"place"}]"#,
    );
    let client = Client::new(config(), transport).suppress_http_errors();
    let raw = client.categories().send().unwrap();
    assert!(raw.is_success());
    let categories = raw.parse().unwrap();
    assert_eq!(categories[0].id, "13001000");
    let http = client.categories().send().unwrap().into_http();
    assert_eq!(http.status(), 200);
}

#[test]
fn suppression_does_not_hide_input_or_transport_errors() {
    let client = Client::new(
        config(),
        |_: HttpRequest| -> Result<HttpResponse, TransportError> {
            Err(TransportError::connect("connection refused"))
        },
    )
    .suppress_http_errors();
    assert_kind(client.categories().send(), ErrorKind::Connect);
    assert_kind(client.balance().send(), ErrorKind::InvalidInput);
}

// ---- transports ----

#[test]
fn a_transport_error_keeps_its_kind_and_source() {
    let client = Client::new(
        config(),
        |_: HttpRequest| -> Result<HttpResponse, TransportError> {
            Err(TransportError::timeout("deadline elapsed"))
        },
    );
    let error = assert_kind(client.categories().send(), ErrorKind::Timeout);
    assert!(error.is_timeout() && error.is_transport());
    assert!(error.status().is_none());
    assert!(std::error::Error::source(&error).is_some());
    assert!(error.to_string().contains("deadline elapsed"), "{error}");
}

/// A minimal executor: polls on this thread, parks until woken.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}

/// Yields once (and wakes itself) so the executor really loops.
async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await;
}

const CATEGORIES: &str =
    r#"[{"id":"13001000","hierarchy":["Food and Drink","Bar"],"type":"place"}]"#;

#[test]
fn a_blocking_closure_transport_drives_a_call() {
    let (transport, seen) = recorder(200, CATEGORIES);
    let categories = Client::new(config(), transport)
        .categories()
        .send()
        .unwrap();
    assert_eq!(categories[0].hierarchy, ["Food and Drink", "Bar"]);
    assert_eq!(seen.lock().unwrap()[0].uri().path(), "/categories");
}

#[test]
fn an_async_closure_transport_drives_a_call() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let transport = move |request: HttpRequest| {
        let log = Arc::clone(&log);
        async move {
            yield_once().await;
            log.lock().unwrap().push(request.uri().to_string());
            Ok::<_, TransportError>(response(
                201,
                r#"{"type":"questions","mfa":[{"question":"You say tomato, I say...?"}],"access_token":"test_bofa"}"#,
            ))
        }
    };
    let client = Client::new(config(), transport);
    let outcome = block_on(async {
        client
            .connect("bofa", Login::new("plaid_test", "plaid_good"))
            .await
    })
    .unwrap();
    assert!(outcome.is_mfa_required());
    assert_eq!(outcome.access_token().expose_secret(), "test_bofa");
    assert_eq!(*seen.lock().unwrap(), [url("/connect")]);

    // Errors come back through the async path too.
    let client = client.with_access_token("test_bofa");
    let result = block_on(client.connect_step(MfaAnswer::answer("")).into_future());
    assert_kind(result, ErrorKind::InvalidInput);
}

#[test]
fn an_arc_dyn_async_transport_drives_a_call() {
    let transport: Arc<dyn DynAsyncTransport> = Arc::new(|request: HttpRequest| async move {
        assert_eq!(request.uri().path(), "/categories");
        Ok::<_, TransportError>(response(200, CATEGORIES))
    });
    let client = Client::new(config(), transport);
    let categories = block_on(client.categories().into_future()).unwrap();
    assert_eq!(categories.len(), 1);
    let raw = block_on(client.categories().raw().into_future()).unwrap();
    assert!(raw.is_success());
}

#[test]
fn an_async_transport_error_becomes_the_matching_kind() {
    let transport: Box<dyn DynAsyncTransport> = Box::new(|_: HttpRequest| async {
        Err::<HttpResponse, _>(TransportError::io("connection reset"))
    });
    let client = Client::new(config(), transport);
    assert_kind(block_on(client.categories().into_future()), ErrorKind::Io);
}
