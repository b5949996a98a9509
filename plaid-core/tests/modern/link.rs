//! Link: creating a Link token, for a new Item and in update mode, with
//! the user's personal data kept out of `Debug`.

use plaid_core::modern::ErrorCode;
use plaid_core::modern::endpoints::LinkTokenCreate;
use plaid_core::modern::models::{CountryCode, IdNumberType, LinkTokenUser, Product, UserAddress};
use plaid_core::{Date, Endpoint, ErrorKind};
use serde_json::json;

use crate::calls::{assert_refused, is_idempotent};
use crate::support::REQUEST_ID;
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

const LINK_TOKEN: &str = "link-sandbox-af1a0311-da53-4636-b754-dd15cc058176";
const USER_TOKEN: &str = "user-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d";

/// Every personal value the full user carries.
const PERSONAL: [&str; 12] = [
    "Alberta Bobbeth Charleson",
    "Alberta",
    "Charleson",
    "+14155550011",
    "alberta@example.com",
    "453-50-8956",
    "1975-01-18",
    "2992 Cameron Road",
    "Apt 4",
    "Malakoff",
    "14236",
    "123-45-6789",
];

/// A user with every field set.
fn full_user() -> LinkTokenUser {
    LinkTokenUser::new("user-4242")
        .legal_name("Alberta Bobbeth Charleson")
        .name("Alberta", "Charleson")
        .phone_number("+14155550011")
        .phone_number_verified_time("2020-01-01T00:00:00Z".parse().unwrap())
        .email_address("alberta@example.com")
        .email_address_verified_time("2020-01-02T12:30:00+01:00".parse().unwrap())
        .ssn("453-50-8956")
        .date_of_birth(Date::new(1975, 1, 18).unwrap())
        .address(
            UserAddress::new("US")
                .street("2992 Cameron Road")
                .street2("Apt 4")
                .city("Malakoff")
                .region("NY")
                .postal_code("14236"),
        )
        .id_number("123-45-6789", IdNumberType::UsSsn)
}

#[test]
fn link_token_create_request() {
    let client = client();
    let call = client.link_token_create(
        "Plaid Test App",
        "en",
        [CountryCode::Us],
        LinkTokenUser::new("user-4242"),
    );
    assert!(!is_idempotent(&call));
    assert_request(
        &call.to_request().unwrap(),
        "/link/token/create",
        true,
        json!({
            "client_name": "Plaid Test App",
            "language": "en",
            "country_codes": ["US"],
            "user": { "client_user_id": "user-4242" },
        }),
    );
}

#[test]
fn link_token_create_request_with_every_option() {
    let client = client();
    let call = client
        .link_token_create(
            "Plaid Test App",
            "fr",
            [CountryCode::Fr, CountryCode::Be],
            full_user(),
        )
        .with(|request| {
            request
                .products([Product::Auth, Product::Transactions])
                .required_if_supported_products([Product::Identity])
                .optional_products([Product::Signal])
                .additional_consented_products([Product::Unknown("brand_new".into())])
                .webhook("https://example.com/webhook")
                .access_token(TOKEN)
                .redirect_uri("https://example.com/oauth")
                .android_package_name("com.example.app")
                .account_filters(json!({"depository": {"account_subtypes": ["checking"]}}))
                .link_customization_name("default")
                .transactions_days_requested(730)
                .user_token(USER_TOKEN)
        });
    assert_request(
        &call.to_request().unwrap(),
        "/link/token/create",
        true,
        json!({
            "client_name": "Plaid Test App",
            "language": "fr",
            "country_codes": ["FR", "BE"],
            "user": {
                "client_user_id": "user-4242",
                "legal_name": "Alberta Bobbeth Charleson",
                "name": { "given_name": "Alberta", "family_name": "Charleson" },
                "phone_number": "+14155550011",
                "phone_number_verified_time": "2020-01-01T00:00:00Z",
                "email_address": "alberta@example.com",
                "email_address_verified_time": "2020-01-02T12:30:00+01:00",
                "ssn": "453-50-8956",
                "date_of_birth": "1975-01-18",
                "address": {
                    "street": "2992 Cameron Road",
                    "street2": "Apt 4",
                    "city": "Malakoff",
                    "region": "NY",
                    "postal_code": "14236",
                    "country": "US",
                },
                "id_number": { "value": "123-45-6789", "type": "us_ssn" },
            },
            "products": ["auth", "transactions"],
            "required_if_supported_products": ["identity"],
            "optional_products": ["signal"],
            "additional_consented_products": ["brand_new"],
            "webhook": "https://example.com/webhook",
            "access_token": TOKEN,
            "redirect_uri": "https://example.com/oauth",
            "android_package_name": "com.example.app",
            "account_filters": { "depository": { "account_subtypes": ["checking"] } },
            "link_customization_name": "default",
            "transactions": { "days_requested": 730 },
            "user_token": USER_TOKEN,
        }),
    );

    // Neither a token nor anything personal shows in Debug, of the
    // descriptor or of the call.
    let shown = format!("{:?} {call:?}", call.endpoint().unwrap());
    for value in PERSONAL.iter().chain(&[TOKEN, USER_TOKEN]) {
        assert!(!shown.contains(value), "{value} in {shown}");
    }
    assert!(shown.contains("user-4242") && shown.contains("Plaid Test App"));
}

#[test]
fn link_token_create_refuses_what_it_cannot_send() {
    let client = client();
    let user = || LinkTokenUser::new("user-4242");
    let us = [CountryCode::Us];
    assert_refused(
        client.link_token_create("", "en", us.clone(), user()),
        "the client name is empty",
    );
    assert_refused(
        client.link_token_create("App", "", us.clone(), user()),
        "the language is empty",
    );
    assert_refused(
        client.link_token_create("App", "en", [], user()),
        "the list of country codes is empty",
    );
    assert_refused(
        client.link_token_create("App", "en", us.clone(), LinkTokenUser::new("")),
        "the user's client_user_id is empty",
    );
    assert_refused(
        client
            .link_token_create("App", "en", us.clone(), user())
            .with(|request| request.access_token("")),
        "the access token is empty",
    );
    assert_refused(
        client
            .link_token_create("App", "en", us, user())
            .with(|request| request.user_token("")),
        "the user token is empty",
    );
}

#[test]
fn link_token_create_response() {
    let body = json!({
        "link_token": LINK_TOKEN,
        "expiration": "2020-03-27T12:56:34Z",
        "request_id": "XQVgFigpGHXkb0b",
    })
    .to_string();
    let created = LinkTokenCreate::parse_response(answer(200, &body)).unwrap();
    assert_eq!(created.link_token.expose_secret(), LINK_TOKEN);
    assert_eq!(created.expiration.unix_timestamp(), 1_585_313_794);
    assert_eq!(created.expiration.to_string(), "2020-03-27T12:56:34Z");
    assert_eq!(created.hosted_link_url, None);
    assert_eq!(created.user_id, None);
    assert_eq!(created.request_id, "XQVgFigpGHXkb0b");
    assert!(!format!("{created:?}").contains(LINK_TOKEN));

    let hosted = json!({
        "link_token": LINK_TOKEN,
        "expiration": "2020-03-27T08:56:34.123-04:00",
        "hosted_link_url": "https://secure.plaid.com/hl/abc",
        "user_id": "usr_9nSp2KuZ2x4JDw",
        "request_id": REQUEST_ID,
    })
    .to_string();
    let hosted = LinkTokenCreate::parse_response(answer(200, &hosted)).unwrap();
    assert_eq!(hosted.expiration.unix_timestamp(), 1_585_313_794);
    assert_eq!(
        hosted.hosted_link_url.as_deref(),
        Some("https://secure.plaid.com/hl/abc")
    );
    assert_eq!(hosted.user_id.as_deref(), Some("usr_9nSp2KuZ2x4JDw"));

    // A date-time without a zone is not one.
    let zoneless = body.replace("12:56:34Z", "12:56:34");
    let error = LinkTokenCreate::parse_response(answer(200, &zoneless)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);

    let error = LinkTokenCreate::parse_response(answer(
        400,
        &plaid_error("INVALID_REQUEST", "MISSING_FIELDS"),
    ))
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ClientError);
    assert_eq!(error.plaid_code(), Some(&ErrorCode::MISSING_FIELDS));
}
