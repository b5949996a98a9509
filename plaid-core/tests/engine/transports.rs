//! Each kind of transport driving a call end to end: a blocking closure, an
//! async closure on a minimal executor, `Arc`/`Box<dyn DynAsyncTransport>`,
//! and transport errors keeping their kind and source.

use std::future::IntoFuture;
use std::sync::{Arc, Mutex};
use std::task::Poll;

use crate::support::*;
use plaid_core::legacy::{Client, Login, MfaAnswer};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{DynAsyncTransport, ErrorKind};

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
