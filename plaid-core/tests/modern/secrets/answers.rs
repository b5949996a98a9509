//! What comes back, and every error: the answers that carry a token, a
//! bank number or identity data print none of them (a bank number shows
//! its last four characters, as a statement does); API, decode, input and
//! transport errors quote no secret and no personal value.

use std::fmt::Debug;

use plaid_core::modern::endpoints::{
    AccountsGet, AuthGet, IdentityGet, ItemGet, ItemPublicTokenExchange, LinkTokenCreate,
    SandboxPublicTokenCreate,
};
use plaid_core::modern::models::{CountryCode, Product};
use plaid_core::{Credentials, Endpoint, Error};
use serde_json::{Value, json};

use super::*;
use crate::bodies::{checking, item, success};

/// The sandbox checking account with a verification name.
fn account() -> Value {
    let mut account = checking();
    account["verification_name"] = json!(VERIFICATION_NAME);
    account["verification_status"] = json!("database_matched");
    account
}

/// An `/auth/get` answer with a number of each network.
fn auth_body() -> String {
    success(json!({
        "accounts": [account()],
        "numbers": {
            "ach": [{"account_id": "a", "account": ACH_ACCOUNT, "routing": ACH_ROUTING,
                "wire_routing": WIRE_ROUTING}],
            "eft": [{"account_id": "a", "account": EFT_ACCOUNT, "institution": EFT_INSTITUTION,
                "branch": EFT_BRANCH}],
            "international": [{"account_id": "a", "iban": IBAN, "bic": BIC}],
            "bacs": [{"account_id": "a", "account": BACS_ACCOUNT, "sort_code": SORT_CODE}]
        },
        "item": item()
    }))
}

/// An `/identity/get` answer with one owner holding every kind of data.
fn identity_body() -> String {
    let mut account = account();
    account["owners"] = json!([{
        "names": [OWNER_NAME],
        "phone_numbers": [{"data": OWNER_PHONE, "primary": true, "type": "home"}],
        "emails": [{"data": OWNER_EMAIL, "primary": true, "type": "primary"}],
        "addresses": [{"data": {"street": OWNER_STREET, "city": OWNER_CITY,
            "region": OWNER_REGION, "postal_code": OWNER_POSTAL_CODE,
            "country": OWNER_COUNTRY}, "primary": true}]
    }]);
    success(json!({"accounts": [account], "item": item()}))
}

/// A `PlaidError` that echoes the tokens of the request in fields the
/// model does not have.
fn echoing_error() -> String {
    json!({
        "error_type": "INVALID_INPUT",
        "error_code": "INVALID_ACCESS_TOKEN",
        "error_message": "provided access token is in an invalid format",
        "display_message": null,
        "request_id": "r",
        "access_token": ECHOED_TOKEN,
        "public_token": ECHOED_TOKEN,
        "client_id": CLIENT_ID,
        "secret": CLIENT_SECRET
    })
    .to_string()
}

/// `E`'s answer to `body` on a 200, after asserting that `{:?}` and
/// `{:#?}` of it show no marker.
#[track_caller]
fn clean_answer<E: Endpoint>(body: &str) -> E::Output
where
    E::Output: Debug,
{
    let parsed = E::parse_response(answer(200, body)).unwrap();
    SCAN.assert_debug_clean(std::any::type_name::<E::Output>(), &parsed);
    parsed
}

#[test]
fn token_answers_hide_their_tokens() {
    let body = success(json!({"public_token": ANSWER_PUBLIC_TOKEN}));
    let created = clean_answer::<SandboxPublicTokenCreate>(&body);
    assert_eq!(created.public_token.expose_secret(), ANSWER_PUBLIC_TOKEN);

    let body = success(json!({"access_token": ANSWER_ACCESS_TOKEN, "item_id": "i"}));
    let exchanged = clean_answer::<ItemPublicTokenExchange>(&body);
    assert_eq!(exchanged.access_token.expose_secret(), ANSWER_ACCESS_TOKEN);

    let body =
        success(json!({"link_token": ANSWER_LINK_TOKEN, "expiration": "2026-11-30T12:34:56Z"}));
    let link = clean_answer::<LinkTokenCreate>(&body);
    assert_eq!(link.link_token.expose_secret(), ANSWER_LINK_TOKEN);
}

#[test]
fn bank_numbers_and_identity_data_are_readable_but_print_redacted() {
    let auth = clean_answer::<AuthGet>(&auth_body());
    let numbers = &auth.numbers;
    assert_eq!(numbers.ach[0].account, ACH_ACCOUNT);
    assert_eq!(numbers.ach[0].wire_routing.as_deref(), Some(WIRE_ROUTING));
    assert_eq!(numbers.eft[0].institution, EFT_INSTITUTION);
    assert_eq!(numbers.international[0].iban, IBAN);
    assert_eq!(numbers.bacs[0].sort_code, SORT_CODE);
    // A statement-style hint survives: the last four characters.
    assert!(format!("{numbers:?}").contains("BankNumber(…9606)"));
    assert_eq!(
        auth.accounts[0]
            .verification_name
            .as_deref()
            .map(String::as_str),
        Some(VERIFICATION_NAME)
    );

    let identity = clean_answer::<IdentityGet>(&identity_body());
    let owner = &identity.accounts[0].owners[0];
    assert_eq!(owner.names[0], OWNER_NAME);
    assert_eq!(owner.phone_numbers[0].data, OWNER_PHONE);
    assert_eq!(owner.emails[0].data, OWNER_EMAIL);
    assert_eq!(owner.addresses[0].data.street, OWNER_STREET);
    assert_eq!(
        owner.addresses[0].data.country.as_deref(),
        Some(OWNER_COUNTRY)
    );

    clean_answer::<AccountsGet>(&auth_body());
}

#[test]
fn raw_responses_hide_their_body() {
    let transport =
        |_: HttpRequest| -> Result<HttpResponse, TransportError> { Ok(answer(200, &auth_body())) };
    let client = Client::new(config(), transport).suppress_http_errors();
    let raw = client.auth_get(ACCESS_TOKEN).send().unwrap();
    SCAN.assert_debug_clean("RawResponse", &raw);
    // The body is still there for whoever asks for it by name.
    assert!(
        SCAN.leaks(&String::from_utf8_lossy(raw.body()))
            .contains(&ACH_ACCOUNT)
    );
    let error = raw.json::<Vec<u8>>().unwrap_err();
    SCAN.assert_error_clean("Error (raw json)", &error);
}

#[test]
fn api_errors_show_no_echoed_secret() {
    for status in [400, 401, 429, 500] {
        let error = AuthGet::parse_response(answer(status, &echoing_error())).unwrap_err();
        assert_eq!(error.api_code().as_deref(), Some("INVALID_ACCESS_TOKEN"));
        SCAN.assert_error_clean("Error (echoing PlaidError)", &error);
        SCAN.assert_debug_clean("PlaidError", error.plaid().unwrap());
        // The body keeps the echo for whoever asks for it by name.
        assert!(
            SCAN.leaks(&String::from_utf8_lossy(error.body().unwrap()))
                .contains(&ECHOED_TOKEN)
        );
    }
    // Through a client whose call carries every secret.
    let error = Client::new(config(), canned(400, "{\"error_type\":\"INVALID_INPUT\"}"))
        .link_token_create("App", "en", [CountryCode::Us], user())
        .with(|request| request.access_token(ACCESS_TOKEN).user_token(USER_TOKEN))
        .send()
        .unwrap_err();
    assert!(error.plaid().is_none());
    SCAN.assert_error_clean("Error (from a call with every secret)", &error);
}

#[test]
fn decode_errors_never_quote_the_value_that_failed() {
    // Secret and personal values where the model expects other types:
    // serde's own messages would quote each of them.
    let auth = auth_body();
    let identity = identity_body();
    let bodies = [
        auth.replace(r#""current":110"#, &format!(r#""current":"{OWNER_NAME}""#)),
        auth.replace(
            r#""type":"depository""#,
            &format!(r#""type":{{"{OWNER_EMAIL}":1}}"#),
        ),
        auth.replace(
            &format!(r#""{ACH_ACCOUNT}""#),
            &format!(r#"{{"{ACH_ACCOUNT}":1}}"#),
        ),
        identity.replace(
            r#""primary":true,"type":"home""#,
            &format!(r#""primary":"{OWNER_PHONE}","type":"home""#),
        ),
        identity.replace(
            &format!(r#"["{OWNER_NAME}"]"#),
            &format!(r#""{OWNER_NAME}""#),
        ),
        format!(r#"["{OWNER_STREET}"]"#),
        format!(r#""{SSN}""#),
        success(json!({"link_token": ANSWER_LINK_TOKEN, "expiration": USER_EMAIL})),
        success(json!({"access_token": {ANSWER_ACCESS_TOKEN: true}, "item_id": "i"})),
        success(json!({"public_token": [ANSWER_PUBLIC_TOKEN]})),
    ];
    for body in &bodies {
        let errors = [
            AuthGet::parse_response(answer(200, body)).err(),
            IdentityGet::parse_response(answer(200, body)).err(),
            LinkTokenCreate::parse_response(answer(200, body)).err(),
            ItemPublicTokenExchange::parse_response(answer(200, body)).err(),
            SandboxPublicTokenCreate::parse_response(answer(200, body)).err(),
        ];
        let errors: Vec<Error> = errors.into_iter().flatten().collect();
        assert!(!errors.is_empty(), "nothing failed on {body}");
        for error in &errors {
            assert!(error.is_decode(), "{error}");
            SCAN.assert_error_clean("Error (decode)", error);
        }
    }
}

#[test]
fn input_errors_hide_the_secrets_of_the_call() {
    let client = client();
    let refused: Vec<Error> = vec![
        client.auth_get("").send().unwrap_err(),
        client.item_public_token_exchange("").send().unwrap_err(),
        client
            .link_token_create("", "en", [CountryCode::Us], user())
            .with(|request| request.access_token(ACCESS_TOKEN).user_token(USER_TOKEN))
            .send()
            .unwrap_err(),
        client
            .link_token_create("App", "en", [CountryCode::Us], user())
            .with(|request| request.user_token(""))
            .send()
            .unwrap_err(),
        client
            .sandbox_public_token_create("", [Product::Auth])
            .with(|request| {
                request
                    .override_username(OVERRIDE_USERNAME)
                    .override_password(OVERRIDE_PASSWORD)
            })
            .send()
            .unwrap_err(),
    ];
    // Keys an HTTP header cannot carry are refused without quoting them.
    let unsendable = |id: &str, secret: &str| {
        let config = Config::new(
            Environment::Custom("http://127.0.0.1:8080".into()),
            Credentials::new(id, secret),
        )
        .unwrap();
        ItemGet::new(ACCESS_TOKEN).to_request(&config).unwrap_err()
    };
    let mut errors = refused;
    errors.push(unsendable(&format!("{CLIENT_ID}\n"), CLIENT_SECRET));
    errors.push(unsendable(CLIENT_ID, &format!("{CLIENT_SECRET}\r\n")));
    // Credentials over plain http to a host that is not loopback.
    let insecure = Config::new(
        Environment::Custom("http://plaid.example.com".into()),
        Credentials::new(CLIENT_ID, CLIENT_SECRET),
    )
    .unwrap();
    errors.push(
        Client::new(insecure, canned(200, "{}"))
            .item_public_token_exchange(PUBLIC_TOKEN)
            .send()
            .unwrap_err(),
    );
    // A base URL with a password.
    for url in [
        format!("https://user:{URL_PASSWORD}@plaid.example.com"),
        format!("https://{URL_PASSWORD}@plaid.example.com/prefix"),
    ] {
        errors.push(
            Config::new(
                Environment::Custom(url),
                Credentials::new(CLIENT_ID, CLIENT_SECRET),
            )
            .unwrap_err(),
        );
    }
    for error in &errors {
        assert!(error.is_invalid_input(), "{error}");
        SCAN.assert_error_clean("Error (input)", error);
    }
}

#[test]
fn transport_errors_hide_the_secrets_of_the_call() {
    let refused = |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        Err(TransportError::connect("connection refused"))
    };
    let client = Client::new(config(), refused);
    let errors = [
        client
            .sandbox_public_token_create("ins_109508", [Product::Auth])
            .with(|request| {
                request
                    .override_username(OVERRIDE_USERNAME)
                    .override_password(OVERRIDE_PASSWORD)
            })
            .send()
            .unwrap_err(),
        client
            .link_token_create("App", "en", [CountryCode::Us], user())
            .with(|request| request.access_token(ACCESS_TOKEN).user_token(USER_TOKEN))
            .send()
            .unwrap_err(),
        client
            .item_public_token_exchange(PUBLIC_TOKEN)
            .send()
            .unwrap_err(),
    ];
    for error in &errors {
        assert!(error.is_transport(), "{error}");
        SCAN.assert_error_clean("Error (transport)", error);
    }
    SCAN.assert_all_clean(
        "TransportError",
        &TransportError::timeout("deadline elapsed"),
    );
}
