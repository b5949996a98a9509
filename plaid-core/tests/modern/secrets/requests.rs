//! What goes out: the keys in the configuration and in the
//! `PLAID-CLIENT-ID` / `PLAID-SECRET` headers, the tokens and the sandbox
//! test login in every request descriptor and call, and the Link user's
//! personal data.

use std::fmt::Debug;

use plaid_core::modern::endpoints::{
    AccountsBalanceGet, AccountsGet, AuthGet, CategoriesGet, IdentityGet, InstitutionsGet,
    InstitutionsGetById, InstitutionsSearch, ItemGet, ItemPublicTokenExchange, ItemRemove,
    ItemRemoveReasonCode, ItemWebhookUpdate, LinkTokenCreate, SandboxItemFireWebhook,
    SandboxItemResetLogin, SandboxPublicTokenCreate, SandboxWebhookCode, WebhookVerificationKeyGet,
};
use plaid_core::modern::models::{CountryCode, Product};
use plaid_core::modern::{CLIENT_ID_HEADER, Modern, SECRET_HEADER};
use plaid_core::secret::{ClientId, ClientSecret, LinkToken, Password, UserToken, Username};
use plaid_core::{AccessToken, Credentials, Endpoint};

use super::*;
use crate::support::leaks::assert_newtypes_redacted;

/// Asserts that `endpoint` and the request it builds under [`config`]
/// show no marker, and that the request carries the keys (when the call is
/// authenticated) as headers that print as `Sensitive`.
#[track_caller]
pub(super) fn assert_descriptor_clean<E: Endpoint<Api = Modern> + Debug>(what: &str, endpoint: &E) {
    SCAN.assert_debug_clean(what, endpoint);
    let request = endpoint.to_request(&config()).unwrap();
    SCAN.assert_debug_clean(what, &request);
    let headers = request.headers();
    if headers.contains_key(SECRET_HEADER) {
        // The values are there for the transport, marked sensitive, and
        // that is what `http` prints for them.
        assert_eq!(headers[CLIENT_ID_HEADER], CLIENT_ID);
        assert_eq!(headers[SECRET_HEADER], CLIENT_SECRET);
        assert!(headers[CLIENT_ID_HEADER].is_sensitive() && headers[SECRET_HEADER].is_sensitive());
        let shown = format!("{request:?}");
        for header in [CLIENT_ID_HEADER, SECRET_HEADER] {
            assert!(
                shown.contains(&format!("{header:?}: Sensitive")),
                "{what}: {shown}"
            );
        }
    }
}

#[test]
fn secret_newtypes_print_redacted() {
    assert_newtypes_redacted!(
        SCAN;
        ClientId => CLIENT_ID,
        ClientSecret => CLIENT_SECRET,
        AccessToken => ACCESS_TOKEN,
        UserToken => USER_TOKEN,
        LinkToken => ANSWER_LINK_TOKEN,
        Username => OVERRIDE_USERNAME,
        Password => OVERRIDE_PASSWORD,
    );
}

#[test]
fn configs_credentials_and_the_link_user_hide_their_secrets() {
    SCAN.assert_debug_clean("Config", &config());
    SCAN.assert_debug_clean("Credentials", &Credentials::new(CLIENT_ID, CLIENT_SECRET));
    let user = user();
    SCAN.assert_debug_clean("LinkTokenUser", &user);
    // Still there for whoever asks by name.
    assert_eq!(user.ssn.as_deref().map(String::as_str), Some(SSN));
    assert_eq!(
        user.date_of_birth
            .as_deref()
            .map(ToString::to_string)
            .as_deref(),
        Some(DATE_OF_BIRTH)
    );
}

#[test]
fn every_request_descriptor_and_its_request_hide_their_secrets() {
    let us = [CountryCode::Us];
    assert_descriptor_clean(
        "SandboxPublicTokenCreate",
        &SandboxPublicTokenCreate::new("ins_109508", [Product::Auth])
            .webhook("https://example.com/webhook")
            .override_username(OVERRIDE_USERNAME)
            .override_password(OVERRIDE_PASSWORD)
            .user_token(USER_TOKEN),
    );
    assert_descriptor_clean(
        "ItemPublicTokenExchange",
        &ItemPublicTokenExchange::new(PUBLIC_TOKEN),
    );
    assert_descriptor_clean("ItemGet", &ItemGet::new(ACCESS_TOKEN));
    assert_descriptor_clean(
        "ItemRemove",
        &ItemRemove::new(ACCESS_TOKEN)
            .reason_code(ItemRemoveReasonCode::ConnectionIsNonFunctional)
            .reason_note("closed"),
    );
    assert_descriptor_clean(
        "ItemWebhookUpdate",
        &ItemWebhookUpdate::new(ACCESS_TOKEN, "https://example.com/webhook"),
    );
    assert_descriptor_clean(
        "ItemWebhookUpdate (remove)",
        &ItemWebhookUpdate::remove_webhook(ACCESS_TOKEN),
    );
    assert_descriptor_clean(
        "AccountsGet",
        &AccountsGet::new(ACCESS_TOKEN).account_ids(["a1"]),
    );
    assert_descriptor_clean(
        "AccountsBalanceGet",
        &AccountsBalanceGet::new(ACCESS_TOKEN)
            .account_ids(["a1"])
            .min_last_updated_datetime("2026-11-30T12:34:56Z".parse().unwrap()),
    );
    assert_descriptor_clean("AuthGet", &AuthGet::new(ACCESS_TOKEN));
    assert_descriptor_clean("IdentityGet", &IdentityGet::new(ACCESS_TOKEN));
    assert_descriptor_clean("InstitutionsGet", &InstitutionsGet::new(10, 0, us.clone()));
    assert_descriptor_clean(
        "InstitutionsGetById",
        &InstitutionsGetById::new("ins_109508", us.clone()),
    );
    assert_descriptor_clean(
        "InstitutionsSearch",
        &InstitutionsSearch::new("Platypus", us.clone()),
    );
    assert_descriptor_clean("CategoriesGet", &CategoriesGet::new());
    assert_descriptor_clean(
        "WebhookVerificationKeyGet",
        &WebhookVerificationKeyGet::new("6c5516e1-92dc-479e-a8ff-5a51992e0001"),
    );
    assert_descriptor_clean(
        "LinkTokenCreate",
        &LinkTokenCreate::new("Plaid Test App", "en", us, user())
            .access_token(ACCESS_TOKEN)
            .user_token(USER_TOKEN)
            .webhook("https://example.com/webhook"),
    );
    assert_descriptor_clean(
        "SandboxItemResetLogin",
        &SandboxItemResetLogin::new(ACCESS_TOKEN),
    );
    assert_descriptor_clean(
        "SandboxItemFireWebhook",
        &SandboxItemFireWebhook::new(ACCESS_TOKEN, SandboxWebhookCode::DefaultUpdate),
    );
}

#[test]
fn a_request_carries_its_secrets_only_where_the_api_reads_them() {
    // The body of a built request is JSON the API must read, tokens and
    // all; `http` prints a `Vec<u8>` body as numbers, so `{:?}` of the
    // request shows no marker, but the bytes decode to it: never log a
    // request body.
    let request = ItemPublicTokenExchange::new(PUBLIC_TOKEN)
        .to_request(&config())
        .unwrap();
    let body = String::from_utf8(request.body().clone()).unwrap();
    assert_eq!(SCAN.leaks(&body), [PUBLIC_TOKEN]);
    assert!(SCAN.leaks(&format!("{request:?}")).is_empty());
    // The keys travel only in the headers, never in the body or the URL.
    assert!(!body.contains(CLIENT_ID) && !body.contains(CLIENT_SECRET));
    assert!(SCAN.leaks(&request.uri().to_string()).is_empty());
    // An unauthenticated call sends no key at all.
    let categories = CategoriesGet::new().to_request(&config()).unwrap();
    assert!(!categories.headers().contains_key(CLIENT_ID_HEADER));
    assert!(!categories.headers().contains_key(SECRET_HEADER));
}

#[test]
fn clients_and_calls_hide_their_secrets() {
    let client = client();
    SCAN.assert_debug_clean("Client", &client);
    SCAN.assert_debug_clean("Client (suppressed)", &client.suppress_http_errors());
    SCAN.assert_debug_clean(
        "Call (sandbox_public_token_create)",
        &client
            .sandbox_public_token_create("ins_109508", [Product::Auth])
            .with(|request| {
                request
                    .override_username(OVERRIDE_USERNAME)
                    .override_password(OVERRIDE_PASSWORD)
                    .user_token(USER_TOKEN)
            }),
    );
    SCAN.assert_debug_clean(
        "Call (item_public_token_exchange)",
        &client.item_public_token_exchange(PUBLIC_TOKEN),
    );
    SCAN.assert_debug_clean("Call (item_get)", &client.item_get(ACCESS_TOKEN));
    SCAN.assert_debug_clean("Call (item_remove)", &client.item_remove(ACCESS_TOKEN));
    SCAN.assert_debug_clean(
        "Call (item_webhook_update)",
        &client.item_webhook_update(ACCESS_TOKEN, "https://example.com/webhook"),
    );
    SCAN.assert_debug_clean("Call (accounts_get)", &client.accounts_get(ACCESS_TOKEN));
    SCAN.assert_debug_clean(
        "Call (accounts_balance_get)",
        &client.accounts_balance_get(ACCESS_TOKEN),
    );
    SCAN.assert_debug_clean("Call (auth_get)", &client.auth_get(ACCESS_TOKEN));
    SCAN.assert_debug_clean("Call (identity_get)", &client.identity_get(ACCESS_TOKEN));
    SCAN.assert_debug_clean(
        "Call (link_token_create)",
        &client
            .link_token_create("Plaid Test App", "en", [CountryCode::Us], user())
            .with(|request| request.access_token(ACCESS_TOKEN).user_token(USER_TOKEN)),
    );
    SCAN.assert_debug_clean(
        "Call (sandbox_item_reset_login)",
        &client.sandbox_item_reset_login(ACCESS_TOKEN),
    );
    SCAN.assert_debug_clean(
        "Call (sandbox_item_fire_webhook)",
        &client.sandbox_item_fire_webhook(ACCESS_TOKEN, SandboxWebhookCode::DefaultUpdate),
    );
    SCAN.assert_debug_clean("Call (raw)", &client.auth_get(ACCESS_TOKEN).raw());
    SCAN.assert_debug_clean("Call (refused)", &client.auth_get(""));
}
