//! Modern API, Items: the life of one Item, from the sandbox's stand-in
//! for Link to its removal, with its webhook.
//!
//! 1. `/sandbox/public_token/create` with a webhook URL: a public token,
//!    as Link gives one to the front end (single use, 30 minutes);
//! 2. `/item/public_token/exchange`: the Item's permanent access token;
//! 3. `/item/get`: its institution, products, webhook and in-band error;
//! 4. `/item/webhook/update`: a new webhook URL;
//! 5. `/sandbox/item/fire_webhook`: a `DEFAULT_UPDATE` webhook, which
//!    `/item/get` then reports in `status.last_webhook`;
//! 6. `/webhook_verification_key/get`: the public key a webhook's JWT
//!    names (`kid`), to check its signature with;
//! 7. `/item/remove` with a reason; the token then answers `ITEM_NOT_FOUND`.
//!
//! Modern API: runs against an embedded modern `plaid-sandbox`, or the
//! server in `PLAID_BASE_URL` (keys `PLAID_CLIENT_ID` / `PLAID_SECRET`).

use examples::Target;
use examples::steps::FIRST_PLATYPUS;
use plaid_core::modern::ErrorCode;
use plaid_core::modern::endpoints::{ItemGetResponse, ItemRemoveReasonCode, SandboxWebhookCode};
use plaid_core::modern::models::Product;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::modern()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    let created = client
        .sandbox_public_token_create(FIRST_PLATYPUS, [Product::Transactions])
        .with(|r| r.webhook("https://hooks.example/plaid"))
        .send()?;
    // Tokens are secrets: `{:?}` prints `PublicToken([redacted])`.
    println!("public token: {:?}", created.public_token);

    let exchanged = client
        .item_public_token_exchange(created.public_token)
        .send()?;
    let token = &exchanged.access_token;
    println!("access token: {:?} for item {}", token, exchanged.item_id);

    let got = client.item_get(token).send()?;
    let item = &got.item;
    println!(
        "item_get: {} ({}), billed for {}, webhook {}, error {}",
        item.institution_name.as_deref().unwrap_or("?"),
        item.institution_id.as_deref().unwrap_or("?"),
        list(&item.billed_products),
        item.webhook.as_deref().unwrap_or("none"),
        item.error
            .as_ref()
            .map_or_else(|| "none".to_owned(), |e| e.error_code.to_string()),
    );

    let updated = client
        .item_webhook_update(token, "https://hooks.example/plaid/v2")
        .send()?;
    println!(
        "item_webhook_update: webhook now {}",
        updated.item.webhook.as_deref().unwrap_or("none")
    );

    // The sandbox records the webhook; Plaid's own sandbox POSTs it to
    // the Item's URL.
    let fired = client
        .sandbox_item_fire_webhook(token, SandboxWebhookCode::DefaultUpdate)
        .send()?;
    println!("sandbox_item_fire_webhook: fired {}", fired.webhook_fired);
    println!(
        "item_get: last webhook {}",
        last_webhook(&client.item_get(token).send()?)
    );

    // A real receiver takes the key id from the `kid` of the webhook's
    // `Plaid-Verification` JWT header, and caches the key by it.
    let key_id = plaid_sandbox::fixtures::modern::webhook_key().key_id;
    let key = client.webhook_verification_key_get(key_id).send()?.key;
    println!(
        "webhook_verification_key_get: {} {} key {}, expired {}",
        key.kty,
        key.crv,
        key.kid,
        key.is_expired()
    );

    let removed = client
        .item_remove(token)
        .with(|r| r.reason_code(ItemRemoveReasonCode::ConnectionIsNonFunctional))
        .send()?;
    println!("item_remove: done (request {})", removed.request_id);

    match client.item_get(token).send() {
        Err(error) if error.plaid_code() == Some(&ErrorCode::ITEM_NOT_FOUND) => {
            println!("item_get after removal: {}", ErrorCode::ITEM_NOT_FOUND);
        }
        Err(error) => return Err(error.into()),
        Ok(_) => return Err("a removed Item still answers".into()),
    }
    Ok(())
}

fn list(products: &[Product]) -> String {
    products
        .iter()
        .map(Product::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn last_webhook(got: &ItemGetResponse) -> String {
    let last = got.status.as_ref().and_then(|s| s.last_webhook.as_ref());
    match last.and_then(|w| w.code_sent.as_deref()) {
        Some(code) => code.to_owned(),
        None => "none".to_owned(),
    }
}
