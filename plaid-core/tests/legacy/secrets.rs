//! No secret ever shows up in `{:?}`, `{:#?}` or `{}` of any public type
//! that can hold one, and no personal data or bank number in `{:?}` of a
//! response or in any error. Each value is a unique string, so a leak names
//! itself.

use crate::support::leaks::{Markers, assert_newtypes_redacted};
use crate::support::response;
use plaid_core::legacy::endpoints::{
    Add, Auth, Balance, Connect, Delete, ExchangeToken, Get, Info, Risk, Step, Update, Upgrade,
    UpgradeStep,
};
use plaid_core::legacy::models::{Date, DeviceType, Product};
use plaid_core::legacy::{
    AddOptions, Client, Config, Environment, GetOptions, InstitutionType, Login, MfaAnswer,
    StepOptions,
};
use plaid_core::secret::{
    AccessToken, BankAccountToken, ClientId, ClientSecret, MfaSecret, Password, Pin, PublicToken,
    Username,
};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{Credentials, Endpoint, Error};

const CLIENT_ID: &str = "SECRET-client-id-51c2";
const CLIENT_SECRET: &str = "SECRET-client-secret-7f3a";
const ACCESS_TOKEN: &str = "SECRET-access-token-9b1e";
const PUBLIC_TOKEN: &str = "SECRET-public-token-2d8c";
const USERNAME: &str = "SECRET-username-4a6f";
const PASSWORD: &str = "SECRET-password-8e0b";
const PIN: &str = "SECRET-pin-3c9d";
const ANSWER: &str = "SECRET-mfa-answer-6b2a";
const CODE: &str = "SECRET-mfa-code-1f7e";
const SELECTION_ONE: &str = "SECRET-selection-one-5d4c";
const SELECTION_TWO: &str = "SECRET-selection-two-0a9b";
const BANK_TOKEN: &str = "SECRET-bank-token-7c3f";
const ECHOED_TOKEN: &str = "SECRET-echoed-token-e4d1";
const URL_PASSWORD: &str = "SECRET-url-password-0c5e";
// Personal data and bank numbers, as an Auth or Info response carries them.
const ACCOUNT_NUMBER: &str = "SECRET-account-number-40213377";
const ROUTING_NUMBER: &str = "SECRET-routing-number-51000017";
const NAME: &str = "SECRET-name-Alberta-Charleson";
const EMAIL: &str = "SECRET-email-alberta@example.com";
const PHONE: &str = "SECRET-phone-4673956022";
const STREET: &str = "SECRET-street-2992-Cameron-Road";

const SECRETS: [&str; 20] = [
    CLIENT_ID,
    CLIENT_SECRET,
    ACCESS_TOKEN,
    PUBLIC_TOKEN,
    USERNAME,
    PASSWORD,
    PIN,
    ANSWER,
    CODE,
    SELECTION_ONE,
    SELECTION_TWO,
    BANK_TOKEN,
    ECHOED_TOKEN,
    URL_PASSWORD,
    ACCOUNT_NUMBER,
    ROUTING_NUMBER,
    NAME,
    EMAIL,
    PHONE,
    STREET,
];

/// The scanner over [`SECRETS`].
const SCAN: Markers = Markers(&SECRETS);

fn config() -> Config {
    Config::new(
        Environment::Custom("http://127.0.0.1:8080".into()),
        Credentials::new(CLIENT_ID, CLIENT_SECRET),
    )
    .unwrap()
    .with_access_token(ACCESS_TOKEN)
}

fn login() -> Login {
    Login::new(USERNAME, PASSWORD).with_pin(PIN)
}

fn answers() -> Vec<MfaAnswer> {
    vec![
        MfaAnswer::answer(ANSWER),
        MfaAnswer::code(CODE),
        MfaAnswer::selections([SELECTION_ONE, SELECTION_TWO]),
        MfaAnswer::send_to(DeviceType::Phone),
        MfaAnswer::send_to_mask("xxx-xxx-5309"),
    ]
}

fn token() -> AccessToken {
    AccessToken::new(ACCESS_TOKEN)
}

fn canned(
    status: u16,
    body: &'static str,
) -> impl Fn(HttpRequest) -> Result<HttpResponse, TransportError> {
    move |_| Ok(response(status, body))
}

#[test]
fn the_scanner_detects_a_secret_in_plain_types() {
    // Proof that the helpers would catch a leak.
    assert_eq!(
        SCAN.debug_leaks(&String::from(CLIENT_SECRET)),
        [CLIENT_SECRET; 2]
    );
    #[derive(Debug)]
    #[allow(dead_code)]
    struct Careless {
        token: String,
    }
    let careless = Careless {
        token: ACCESS_TOKEN.to_owned(),
    };
    assert_eq!(SCAN.debug_leaks(&careless), [ACCESS_TOKEN; 2]);
    // `{}` of a plain String shows it too.
    let plain = String::from(PIN);
    let display = plain.to_string();
    assert_eq!(SCAN.leaks(&display), [PIN]);
    let caught =
        std::panic::catch_unwind(|| SCAN.assert_debug_clean("a String", &PASSWORD.to_owned()));
    assert!(caught.is_err(), "assert_debug_clean must fail on a leak");
}

#[test]
fn secret_newtypes_print_redacted() {
    assert_newtypes_redacted!(
        SCAN;
        AccessToken => ACCESS_TOKEN,
        PublicToken => PUBLIC_TOKEN,
        ClientSecret => CLIENT_SECRET,
        ClientId => CLIENT_ID,
        Username => USERNAME,
        Password => PASSWORD,
        Pin => PIN,
        MfaSecret => ANSWER,
        BankAccountToken => BANK_TOKEN,
    );
}

#[test]
fn config_credentials_login_and_answers_hide_their_secrets() {
    SCAN.assert_debug_clean("Config", &config());
    SCAN.assert_debug_clean("Credentials", &Credentials::new(CLIENT_ID, CLIENT_SECRET));
    SCAN.assert_debug_clean("Login", &login());
    for answer in answers() {
        SCAN.assert_debug_clean("MfaAnswer", &answer);
    }
    let mut step_options = StepOptions::default();
    step_options.webhook = Some("https://example.com/hook".into());
    SCAN.assert_debug_clean("StepOptions", &step_options);
}

#[test]
fn every_endpoint_descriptor_hides_its_secrets() {
    let bofa = InstitutionType::new("bofa").unwrap();
    let add = Add::<Connect>::new(bofa, login())
        .with_options(AddOptions::new().start_date(Date::new(2014, 1, 1).unwrap()));
    SCAN.assert_debug_clean("Add", &add);
    for answer in answers() {
        SCAN.assert_debug_clean("Step", &Step::<Auth>::new(token(), answer.clone()));
        SCAN.assert_debug_clean(
            "Step (update)",
            &Step::<Info>::update(token(), answer.clone()),
        );
        SCAN.assert_debug_clean(
            "UpgradeStep",
            &UpgradeStep {
                access_token: token(),
                product: Product::Info,
                answer,
            },
        );
    }
    SCAN.assert_debug_clean("Update", &Update::<Risk>::new(token(), login()));
    SCAN.assert_debug_clean(
        "Get",
        &Get::<Connect>::new(token()).with_options(GetOptions::new().pending(true)),
    );
    SCAN.assert_debug_clean("Delete", &Delete::<Connect>::new(token()));
    SCAN.assert_debug_clean("Balance", &Balance::new(token()));
    SCAN.assert_debug_clean("Upgrade", &Upgrade::new(token(), Product::Info));
    SCAN.assert_debug_clean(
        "ExchangeToken",
        &ExchangeToken {
            public_token: PUBLIC_TOKEN.into(),
            account_id: Some("QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK".into()),
        },
    );
}

#[test]
fn clients_and_calls_hide_their_secrets() {
    let client = Client::new(config(), canned(200, "{}"));
    SCAN.assert_debug_clean("Client", &client);
    SCAN.assert_debug_clean("Client (suppressed)", &client.suppress_http_errors());
    SCAN.assert_debug_clean("Call (add)", &client.connect("bofa", login()));
    for answer in answers() {
        SCAN.assert_debug_clean("Call (step)", &client.connect_step(answer));
    }
    SCAN.assert_debug_clean("Call (update)", &client.auth_update(login()));
    SCAN.assert_debug_clean("Call (exchange)", &client.exchange_token(PUBLIC_TOKEN));
    SCAN.assert_debug_clean("Call (raw)", &client.balance().raw());
    let no_token = Client::new(config().without_access_token(), canned(200, "{}"));
    SCAN.assert_debug_clean("Call (failed)", &no_token.balance());
}

const CHALLENGE: &str = r#"{"type":"device","mfa":{"message":"Code sent to xxx-xxx-5309"},"access_token":"SECRET-access-token-9b1e"}"#;
const CONNECTED: &str = r#"{"accounts":[{"_id":"a","balance":{"available":1,"current":2},"type":"depository"}],"transactions":[],"access_token":"SECRET-access-token-9b1e"}"#;
const EXCHANGED: &str = r#"{"access_token":"SECRET-access-token-9b1e","stripe_bank_account_token":"SECRET-bank-token-7c3f","account_id":"a"}"#;
const ECHO: &str = r#"{"code":1105,"message":"bad access_token","resolve":"This access_token appears to be corrupted.","access_token":"SECRET-echoed-token-e4d1"}"#;

#[test]
fn responses_and_outcomes_hide_tokens() {
    let challenged = Add::<Connect>::parse_response(response(201, CHALLENGE)).unwrap();
    SCAN.assert_debug_clean("Outcome (MFA)", &challenged);
    SCAN.assert_debug_clean("MfaChallenge", &challenged.mfa_required().unwrap());
    let connected = Add::<Connect>::parse_response(response(200, CONNECTED)).unwrap();
    SCAN.assert_debug_clean("Outcome (connected)", &connected);
    SCAN.assert_debug_clean("ConnectResponse", &connected.connected().unwrap());
    let exchanged = ExchangeToken::parse_response(response(200, EXCHANGED)).unwrap();
    SCAN.assert_debug_clean("ExchangeResponse", &exchanged);
    assert_eq!(
        exchanged.stripe_bank_account_token.unwrap().expose_secret(),
        BANK_TOKEN
    );
}

#[test]
fn raw_responses_hide_their_body() {
    let client = Client::new(config(), canned(201, CHALLENGE)).suppress_http_errors();
    let raw = client.connect("bofa", login()).send().unwrap();
    SCAN.assert_debug_clean("RawResponse", &raw);
    // The body is still there for whoever asks for it by name.
    assert_eq!(
        SCAN.leaks(&String::from_utf8_lossy(raw.body())),
        [ACCESS_TOKEN]
    );
}

#[test]
fn api_errors_hide_the_echoed_token() {
    let error = Get::<Connect>::parse_response(response(401, ECHO)).unwrap_err();
    SCAN.assert_all_clean("Error (1105)", &error);
    SCAN.assert_debug_clean("ApiError", error.api_error().unwrap());
    let echoed = error.legacy().and_then(|api| api.access_token.as_ref());
    assert_eq!(echoed.unwrap().expose_secret(), ECHOED_TOKEN);
    let via_client = Client::new(config(), canned(402, ECHO))
        .connect_step(MfaAnswer::answer(ANSWER))
        .send()
        .unwrap_err();
    SCAN.assert_all_clean("Error (from a step)", &via_client);
}

#[test]
fn decode_errors_hide_the_body() {
    let body = CONNECTED.replace(r#""current":2"#, r#""current":"two""#);
    let error = Get::<Connect>::parse_response(response(200, &body)).unwrap_err();
    assert!(error.is_decode());
    SCAN.assert_all_clean("Error (decode)", &error);
    let challenge = CHALLENGE.replace(r#"{"message":"Code sent to xxx-xxx-5309"}"#, "42");
    let error = Add::<Connect>::parse_response(response(201, &challenge)).unwrap_err();
    assert!(error.is_decode());
    SCAN.assert_all_clean("Error (decode of a challenge)", &error);
    let error = Client::new(config(), canned(200, CHALLENGE))
        .suppress_http_errors()
        .balance()
        .send()
        .unwrap()
        .json::<Vec<u8>>()
        .unwrap_err();
    SCAN.assert_all_clean("Error (raw json)", &error);
}

#[test]
fn transport_and_input_errors_hide_secrets() {
    let refused = |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        Err(TransportError::connect("connection refused"))
    };
    let client = Client::new(config(), refused);
    let error = client.connect("bofa", login()).send().unwrap_err();
    assert!(error.is_transport());
    SCAN.assert_all_clean("Error (transport)", &error);
    SCAN.assert_all_clean(
        "TransportError",
        &TransportError::timeout("deadline elapsed"),
    );

    let mut errors: Vec<Error> = vec![
        client
            .with_config(config().without_access_token())
            .balance()
            .send()
            .unwrap_err(),
        client
            .connect("bofa", Login::new(USERNAME, ""))
            .send()
            .unwrap_err(),
        client
            .connect("bofa", Login::new("", PASSWORD))
            .send()
            .unwrap_err(),
        client
            .connect("bofa", Login::new(USERNAME, PASSWORD).with_pin(""))
            .send()
            .unwrap_err(),
        client.connect("bo fa", login()).send().unwrap_err(),
        client
            .connect_step(MfaAnswer::answer(""))
            .send()
            .unwrap_err(),
        client
            .connect_step(MfaAnswer::selections([SELECTION_ONE, ""]))
            .send()
            .unwrap_err(),
        client
            .exchange_token_for_account(PUBLIC_TOKEN, "")
            .send()
            .unwrap_err(),
    ];
    let insecure = Config::new(
        Environment::Custom("http://plaid.example.com".into()),
        Credentials::new(CLIENT_ID, CLIENT_SECRET),
    )
    .unwrap()
    .with_access_token(ACCESS_TOKEN);
    errors.push(Balance::new(token()).to_request(&insecure).unwrap_err());
    errors.push(
        Client::new(insecure, refused)
            .exchange_token(PUBLIC_TOKEN)
            .send()
            .unwrap_err(),
    );
    for error in &errors {
        assert!(error.is_invalid_input(), "{error}");
        SCAN.assert_all_clean("Error (input)", error);
    }
}

/// An Auth body with numbers and an Info body with identity data, each with
/// one unique marker per value.
fn auth_body() -> String {
    format!(
        r#"{{"accounts":[{{"_id":"a","balance":{{"available":1,"current":2}},"type":"depository",
            "numbers":{{"account":"{ACCOUNT_NUMBER}","routing":"{ROUTING_NUMBER}","wireRouting":"{ROUTING_NUMBER}"}}}}],
            "access_token":"{ACCESS_TOKEN}"}}"#
    )
}

fn info_body() -> String {
    format!(
        r#"{{"accounts":[],"access_token":"{ACCESS_TOKEN}","info":{{
            "names":["{NAME}"],
            "emails":[{{"primary":true,"type":"personal","data":"{EMAIL}"}}],
            "phone_numbers":[{{"primary":true,"type":"home","data":"{PHONE}"}}],
            "addresses":[{{"primary":true,"data":{{"street":"{STREET}","city":"{NAME}","state":"CA","zip":"94114"}}}}]}}}}"#
    )
}

#[test]
fn bank_numbers_and_identity_data_are_readable_but_print_redacted() {
    let auth = Get::<Auth>::parse_response(response(200, &auth_body())).unwrap();
    let numbers = auth.accounts[0].numbers.as_ref().unwrap();
    assert_eq!(numbers.account.as_deref(), Some(ACCOUNT_NUMBER));
    assert_eq!(numbers.routing.as_deref(), Some(ROUTING_NUMBER));
    SCAN.assert_debug_clean("AuthResponse", &auth);
    // A statement-style hint survives: the last four characters.
    assert!(format!("{numbers:?}").contains("3377"), "{numbers:?}");

    let info = Get::<Info>::parse_response(response(200, &info_body())).unwrap();
    assert_eq!(info.info.names[0], NAME);
    assert_eq!(*info.info.emails[0].data, EMAIL);
    assert_eq!(*info.info.phone_numbers[0].data, PHONE);
    assert_eq!(info.info.addresses[0].data.street.as_deref(), Some(STREET));
    SCAN.assert_debug_clean("InfoResponse", &info);
}

#[test]
fn decode_errors_never_quote_the_value_that_failed() {
    // Personal values where the model expects other types: serde's own
    // message would quote each of them.
    let bodies = [
        auth_body().replace(r#""current":2"#, &format!(r#""current":"{NAME}""#)),
        info_body().replace(
            r#""primary":true,"type":"home""#,
            &format!(r#""primary":"{PHONE}","type":"home""#),
        ),
        auth_body().replace(
            r#""type":"depository""#,
            &format!(r#""type":{{"{EMAIL}":1}}"#),
        ),
        format!(r#"["{STREET}"]"#),
    ];
    for body in &bodies {
        let auth = Get::<Auth>::parse_response(response(200, body));
        let info = Get::<Info>::parse_response(response(200, body));
        for error in [auth.err(), info.err()].into_iter().flatten() {
            assert!(error.is_decode(), "{error}");
            SCAN.assert_error_clean("Error (decode of personal data)", &error);
        }
    }
}

#[test]
fn a_base_url_with_a_password_is_refused_without_quoting_it() {
    for url in [
        format!("https://user:{URL_PASSWORD}@plaid.example.com"),
        format!("https://{URL_PASSWORD}@plaid.example.com/prefix"),
    ] {
        let error = Config::new(
            Environment::Custom(url),
            Credentials::new(CLIENT_ID, CLIENT_SECRET),
        )
        .unwrap_err();
        assert!(error.is_invalid_input(), "{error}");
        SCAN.assert_all_clean("Error (base URL with user info)", &error);
    }
}
