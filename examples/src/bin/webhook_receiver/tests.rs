//! The panic layer, on a real server: the process test cannot make the
//! receiver's own handler panic, so a router with a handler that does
//! stands in for it.

use std::net::Ipv4Addr;

use axum::Router;
use axum::middleware;
use axum::routing::get;
use plaid_core::AsyncTransport;
use plaid_core::http::{Request, StatusCode};
use plaid_reqwest::ReqwestTransport;

use crate::handler::survive_panics;

async fn panics() -> &'static str {
    panic!("a bug in a handler")
}

#[test]
fn a_panicking_handler_costs_its_request_a_503_and_the_server_goes_on() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let router = Router::new()
            .route("/panics", get(panics))
            .route("/works", get(|| async { "works" }))
            .layer(middleware::from_fn(survive_panics));
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(axum::serve(listener, router).into_future());

        let transport = ReqwestTransport::new();
        let get = |path: &str| {
            let url = format!("http://{address}{path}");
            Request::get(url).body(Vec::new()).unwrap()
        };
        for _ in 0..2 {
            let answer = transport.send(get("/panics")).await.unwrap();
            assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(answer.body(), b"the receiver failed; retry\n");
            let answer = transport.send(get("/works")).await.unwrap();
            assert_eq!(answer.status(), StatusCode::OK);
            assert_eq!(answer.body(), b"works");
        }
    });
}
