//! No secret ever shows up in `{:?}`, `{:#?}` or `{}` of a modern type
//! that can hold one: configurations, clients and calls, every request
//! descriptor and the `http::Request` it builds, the answers that carry a
//! token, a bank number or identity data, and every kind of error (API,
//! decode, input, transport). Each value is a unique marker string, so a
//! leak names itself.
//!
//! `requests` covers what goes out (the keys, the tokens, the sandbox test
//! login and the Link user's personal data); `answers` what comes back and
//! the errors; `products` both for the transactions, investments and
//! liabilities calls and the sync loop (the payer, payee and account owner
//! of a transaction, a counterparty's numbers, a mortgaged property's
//! address, loan numbers).

mod answers;
mod products;
mod requests;

use plaid_core::Credentials;
use plaid_core::modern::models::{IdNumberType, LinkTokenUser, UserAddress};
use plaid_core::modern::{Client, Config, Environment};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};

use crate::support::leaks::Markers;
use crate::wire::answer;

const CLIENT_ID: &str = "SECRET-client-id-51c2";
const CLIENT_SECRET: &str = "SECRET-client-secret-7f3a";
const ACCESS_TOKEN: &str = "SECRET-access-token-9b1e";
const PUBLIC_TOKEN: &str = "SECRET-public-token-2d8c";
const USER_TOKEN: &str = "SECRET-user-token-0e6f";
const OVERRIDE_USERNAME: &str = "SECRET-override-username-4a6f";
const OVERRIDE_PASSWORD: &str = "SECRET-override-password-8e0b";
const URL_PASSWORD: &str = "SECRET-url-password-0c5e";
// What a Link token is created for: the user's personal data.
const LEGAL_NAME: &str = "SECRET-legal-name-Alberta-Charleson";
const GIVEN_NAME: &str = "SECRET-given-name-Alberta";
const FAMILY_NAME: &str = "SECRET-family-name-Charleson";
const USER_PHONE: &str = "SECRET-user-phone-+14155550011";
const USER_EMAIL: &str = "SECRET-user-email-alberta@example.com";
const SSN: &str = "SECRET-ssn-453-12-0088";
/// A date of birth is a `Date`, so its marker is a date no other value
/// uses.
const DATE_OF_BIRTH: &str = "1937-05-13";
const USER_STREET: &str = "SECRET-user-street-2992-Cameron-Road";
const USER_STREET2: &str = "SECRET-user-street2-Apt-4";
const USER_CITY: &str = "SECRET-user-city-Malakoff";
const USER_REGION: &str = "SECRET-user-region-NY";
const USER_POSTAL_CODE: &str = "SECRET-user-postal-14236";
const ID_NUMBER: &str = "SECRET-id-number-9876543210";
// What answers carry: tokens, bank numbers and identity data.
const ANSWER_ACCESS_TOKEN: &str = "SECRET-answer-access-token-3f9a";
const ANSWER_PUBLIC_TOKEN: &str = "SECRET-answer-public-token-7b21";
const ANSWER_LINK_TOKEN: &str = "SECRET-answer-link-token-c4d8";
const ECHOED_TOKEN: &str = "SECRET-echoed-token-e4d1";
const ACH_ACCOUNT: &str = "SECRET-ach-account-9900009606";
const ACH_ROUTING: &str = "SECRET-ach-routing-011401533";
const WIRE_ROUTING: &str = "SECRET-wire-routing-021000021";
const EFT_ACCOUNT: &str = "SECRET-eft-account-111122223333";
const EFT_INSTITUTION: &str = "SECRET-eft-institution-0021";
const EFT_BRANCH: &str = "SECRET-eft-branch-01140";
const IBAN: &str = "SECRET-iban-GB29NWBK60161331926819";
const BIC: &str = "SECRET-bic-NWBKGB21";
const BACS_ACCOUNT: &str = "SECRET-bacs-account-31926819";
const SORT_CODE: &str = "SECRET-sort-code-601613";
const VERIFICATION_NAME: &str = "SECRET-verification-name-Jane";
const OWNER_NAME: &str = "SECRET-owner-name-Alberta-Bobbeth";
const OWNER_PHONE: &str = "SECRET-owner-phone-1112223333";
const OWNER_EMAIL: &str = "SECRET-owner-email-accountholder0@example.com";
const OWNER_STREET: &str = "SECRET-owner-street-2992-Cameron-Road";
const OWNER_CITY: &str = "SECRET-owner-city-Malakoff";
const OWNER_REGION: &str = "SECRET-owner-region-NY";
const OWNER_POSTAL_CODE: &str = "SECRET-owner-postal-14236";
const OWNER_COUNTRY: &str = "SECRET-owner-country-US";
// What the product answers carry: the parties to a payment and the
// sub-account owner (often people), a counterparty's numbers, a mortgaged
// property's address and loan numbers.
const PAYER: &str = "SECRET-payer-Jane-Doe";
const PAYEE: &str = "SECRET-payee-John-Roe";
const BY_ORDER_OF: &str = "SECRET-by-order-of-Acme-Trust";
const ACCOUNT_OWNER: &str = "SECRET-account-owner-Alberta";
const COUNTERPARTY_ACCOUNT: &str = "SECRET-counterparty-account-31926819";
const COUNTERPARTY_SORT_CODE: &str = "SECRET-counterparty-sort-code-601613";
const COUNTERPARTY_IBAN: &str = "SECRET-counterparty-iban-GB29NWBK6016";
const MORTGAGE_ACCOUNT: &str = "SECRET-mortgage-account-3120194154";
const PROPERTY_STREET: &str = "SECRET-property-street-2992-Cameron-Road";
const PROPERTY_CITY: &str = "SECRET-property-city-Malakoff";
const PROPERTY_POSTAL_CODE: &str = "SECRET-property-postal-14236";
const LOAN_ACCOUNT: &str = "SECRET-loan-account-4277075694";
const LOAN_REFERENCE: &str = "SECRET-loan-reference-4277075695";

const SECRETS: &[&str] = &[
    CLIENT_ID,
    CLIENT_SECRET,
    ACCESS_TOKEN,
    PUBLIC_TOKEN,
    USER_TOKEN,
    OVERRIDE_USERNAME,
    OVERRIDE_PASSWORD,
    URL_PASSWORD,
    LEGAL_NAME,
    GIVEN_NAME,
    FAMILY_NAME,
    USER_PHONE,
    USER_EMAIL,
    SSN,
    DATE_OF_BIRTH,
    USER_STREET,
    USER_STREET2,
    USER_CITY,
    USER_REGION,
    USER_POSTAL_CODE,
    ID_NUMBER,
    ANSWER_ACCESS_TOKEN,
    ANSWER_PUBLIC_TOKEN,
    ANSWER_LINK_TOKEN,
    ECHOED_TOKEN,
    ACH_ACCOUNT,
    ACH_ROUTING,
    WIRE_ROUTING,
    EFT_ACCOUNT,
    EFT_INSTITUTION,
    EFT_BRANCH,
    IBAN,
    BIC,
    BACS_ACCOUNT,
    SORT_CODE,
    VERIFICATION_NAME,
    OWNER_NAME,
    OWNER_PHONE,
    OWNER_EMAIL,
    OWNER_STREET,
    OWNER_CITY,
    OWNER_REGION,
    OWNER_POSTAL_CODE,
    OWNER_COUNTRY,
    PAYER,
    PAYEE,
    BY_ORDER_OF,
    ACCOUNT_OWNER,
    COUNTERPARTY_ACCOUNT,
    COUNTERPARTY_SORT_CODE,
    COUNTERPARTY_IBAN,
    MORTGAGE_ACCOUNT,
    PROPERTY_STREET,
    PROPERTY_CITY,
    PROPERTY_POSTAL_CODE,
    LOAN_ACCOUNT,
    LOAN_REFERENCE,
];

/// The scanner over [`SECRETS`].
const SCAN: Markers = Markers(SECRETS);

/// A loopback emulator config with the secret keys and a default access
/// token.
fn config() -> Config {
    Config::new(
        Environment::Custom("http://127.0.0.1:8080".into()),
        Credentials::new(CLIENT_ID, CLIENT_SECRET),
    )
    .unwrap()
    .with_access_token(ACCESS_TOKEN)
}

/// A transport that answers every request with `status` and `body`.
fn canned(
    status: u16,
    body: &'static str,
) -> impl Fn(HttpRequest) -> Result<HttpResponse, TransportError> {
    move |_| Ok(answer(status, body))
}

/// A client of [`config`] over a transport that answers `{}`.
fn client() -> Client<impl Fn(HttpRequest) -> Result<HttpResponse, TransportError>> {
    Client::new(config(), canned(200, "{}"))
}

/// The Link user with every piece of personal data set.
fn user() -> LinkTokenUser {
    LinkTokenUser::new("user-4242")
        .legal_name(LEGAL_NAME)
        .name(GIVEN_NAME, FAMILY_NAME)
        .phone_number(USER_PHONE)
        .email_address(USER_EMAIL)
        .ssn(SSN)
        .date_of_birth(DATE_OF_BIRTH.parse().unwrap())
        .address(
            UserAddress::new("US")
                .street(USER_STREET)
                .street2(USER_STREET2)
                .city(USER_CITY)
                .region(USER_REGION)
                .postal_code(USER_POSTAL_CODE),
        )
        .id_number(ID_NUMBER, IdNumberType::UsSsn)
}

#[test]
fn every_marker_is_unique_and_the_scanner_finds_each() {
    // Proof that a leak would name itself: no marker contains another, and
    // each is found in a text that holds it.
    for (i, marker) in SECRETS.iter().enumerate() {
        for (j, other) in SECRETS.iter().enumerate() {
            assert!(
                i == j || !other.contains(marker),
                "{other} contains {marker}"
            );
        }
        assert_eq!(SCAN.leaks(&format!("a {marker} b")), [*marker]);
        assert_eq!(SCAN.debug_leaks(&marker.to_string()), [*marker; 2]);
    }
    let caught = std::panic::catch_unwind(|| SCAN.assert_debug_clean("a String", &SSN.to_owned()));
    assert!(caught.is_err(), "assert_debug_clean must fail on a leak");
}
