//! The axum side: the route, the webhook handler, and the layer that keeps
//! a panicking handler from taking the server down. The README shows this
//! file from its first `use` on; `examples/tests/webhook_receiver.rs`
//! checks that it still does.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use plaid_core::modern::Client;
use plaid_core::modern::webhook::{KeyCache, Webhook, WebhookErrorKind};
use plaid_reqwest::ReqwestTransport;

use crate::items::{Items, sync};

/// Plaid's webhooks are a few KiB; a larger body is not one of them.
const MAX_BODY: usize = 64 * 1024;

/// What every request shares: one client, one key cache, the Items.
pub(crate) struct App {
    pub(crate) client: Client<ReqwestTransport>,
    pub(crate) keys: KeyCache,
    pub(crate) items: Items,
}

/// `POST /webhook`, behind the layer that turns a panic into a 503.
pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/webhook", post(webhook))
        .layer(middleware::from_fn(survive_panics))
        .with_state(app)
}

/// Verifies the webhook, then reads it, then acts on it: 200, 400 with the
/// reason, or 503 when it cannot tell now.
async fn webhook(State(app): State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    // The bytes exactly as received: the signature covers them, not their JSON.
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        println!("webhook refused (400): BodyTooLarge");
        return answer(
            StatusCode::BAD_REQUEST,
            "BodyTooLarge: a webhook is a few KiB",
        );
    };
    if let Err(error) = app.client.verify_webhook(&app.keys, &headers, &body).await {
        let kind = error.kind();
        // Plaid's key endpoint failed: the webhook may be fine. Not a 500,
        // but not a 2xx either, so Plaid delivers it again later.
        let status = match kind {
            WebhookErrorKind::KeyFetch => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::BAD_REQUEST,
        };
        println!("webhook refused ({}): {kind:?}, {kind}", status.as_u16());
        return answer(status, &format!("{kind:?}: {kind}"));
    }
    match Webhook::from_slice(&body) {
        Ok(webhook) => {
            let (webhook_type, code) = (webhook.webhook_type(), webhook.webhook_code());
            let item = webhook.item_id().unwrap_or("-");
            println!("webhook {webhook_type} {code} item {item}: verified");
            if let Webhook::SyncUpdatesAvailable(update) = webhook {
                // Answer now, sync after: Plaid waits only seconds for the answer.
                tokio::spawn(async move { sync(&app, &update.item_id, "webhook").await });
            }
        }
        // From Plaid, but not a shape this version reads: a redelivery
        // would not read better, so it is taken, and logged.
        Err(error) => println!("webhook verified, but its payload is not understood: {error}"),
    }
    StatusCode::OK.into_response()
}

/// Runs the rest of the stack in a task of its own, so that a panic ends
/// that task only, and answers 503 for it (the default would be a dropped
/// connection): a bug here must not lose the webhook for good.
pub(crate) async fn survive_panics(request: Request, next: Next) -> Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        Err(_) => answer(
            StatusCode::SERVICE_UNAVAILABLE,
            "the receiver failed; retry",
        ),
    }
}

fn answer(status: StatusCode, reason: &str) -> Response {
    (status, format!("{reason}\n")).into_response()
}
