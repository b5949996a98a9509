//! Institutions: listing a page, reading one by id (with its status and
//! metadata), searching by name.

use plaid_core::modern::ErrorCode;
use plaid_core::modern::endpoints::{InstitutionsGet, InstitutionsGetById, InstitutionsSearch};
use plaid_core::modern::models::{
    ConnectionAvailability, CountryCode, HealthStatus, IncidentStatus, PaymentScheduleInterval,
    Product, RefreshInterval,
};
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

use crate::calls::{assert_refused, is_idempotent};
use crate::support::REQUEST_ID;
use crate::wire::{answer, assert_request, client, plaid_error};

#[test]
fn institutions_get_request() {
    let client = client();
    let call = client.institutions_get(50, 100, [CountryCode::Us, CountryCode::Ca]);
    assert!(is_idempotent(&call));
    assert_request(
        &call.to_request().unwrap(),
        "/institutions/get",
        true,
        json!({ "count": 50, "offset": 100, "country_codes": ["US", "CA"] }),
    );

    let filtered = client
        .institutions_get(10, 0, [CountryCode::Gb])
        .with(|request| {
            request
                .products([Product::Auth, Product::Unknown("brand_new".into())])
                .routing_numbers(["011000138"])
                .oauth(true)
                .include_optional_metadata(true)
                .include_auth_metadata(false)
                .include_payment_initiation_metadata(true)
        });
    assert_request(
        &filtered.to_request().unwrap(),
        "/institutions/get",
        true,
        json!({
            "count": 10,
            "offset": 0,
            "country_codes": ["GB"],
            "options": {
                "products": ["auth", "brand_new"],
                "routing_numbers": ["011000138"],
                "oauth": true,
                "include_optional_metadata": true,
                "include_auth_metadata": false,
                "include_payment_initiation_metadata": true,
            },
        }),
    );

    assert_refused(
        client.institutions_get(10, 0, []),
        "the list of country codes is empty",
    );
    assert_refused(
        client.institutions_get(0, 0, [CountryCode::Us]),
        "the count is zero",
    );
}

#[test]
fn institutions_get_response() {
    let body = json!({
        "institutions": [
            {
                "institution_id": "ins_109508",
                "name": "First Platypus Bank",
                "products": ["assets", "auth", "balance", "transactions", "a_product_added_later"],
                "country_codes": ["US"],
                "routing_numbers": ["011401533", "021200339"],
                "dtc_numbers": [],
                "oauth": false,
                "connection_availability": "SUPPORTED",
                "url": "https://www.plaid.com",
                "primary_color": "#1f1f1f",
                "logo": null,
                "a_field_added_later": {"x": 1},
            },
            {
                "institution_id": "ins_117515",
                "name": "Ruitjes Bank",
                "products": ["auth", "payment_initiation"],
                "country_codes": ["NL", "XK"],
                "routing_numbers": [],
                "oauth": true,
            },
        ],
        "total": 11954,
        "request_id": REQUEST_ID,
    })
    .to_string();
    let page = InstitutionsGet::parse_response(answer(200, &body)).unwrap();
    assert_eq!(page.total, 11954);
    assert_eq!(page.request_id, REQUEST_ID);
    let [platypus, ruitjes] = &page.institutions[..] else {
        panic!("two institutions: {page:?}");
    };
    assert_eq!(platypus.institution_id, "ins_109508");
    assert_eq!(platypus.name, "First Platypus Bank");
    assert_eq!(
        platypus.products,
        [
            Product::Assets,
            Product::Auth,
            Product::Balance,
            Product::Transactions,
            Product::Unknown("a_product_added_later".into()),
        ]
    );
    assert_eq!(platypus.country_codes, [CountryCode::Us]);
    assert_eq!(platypus.routing_numbers, ["011401533", "021200339"]);
    assert!(!platypus.oauth);
    assert_eq!(
        platypus.connection_availability,
        Some(ConnectionAvailability::Supported)
    );
    assert_eq!(platypus.url.as_deref(), Some("https://www.plaid.com"));
    assert_eq!(platypus.primary_color.as_deref(), Some("#1f1f1f"));
    assert_eq!(platypus.logo, None);
    assert!(platypus.status.is_none() && platypus.auth_metadata.is_none());

    // Without the optional metadata, and from an older API revision.
    assert_eq!(
        ruitjes.country_codes,
        [CountryCode::Nl, CountryCode::Unknown("XK".into())]
    );
    assert!(ruitjes.oauth);
    assert!(ruitjes.dtc_numbers.is_empty());
    assert_eq!(ruitjes.connection_availability, None);
    assert_eq!(ruitjes.url, None);

    let error = InstitutionsGet::parse_response(answer(
        400,
        &plaid_error("INVALID_REQUEST", "INVALID_FIELD"),
    ))
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ClientError);
    assert_eq!(error.plaid_code(), Some(&ErrorCode::INVALID_FIELD));
}

#[test]
fn institutions_get_by_id_request() {
    let client = client();
    let call = client.institutions_get_by_id("ins_109512", [CountryCode::Us]);
    assert!(is_idempotent(&call));
    assert_request(
        &call.to_request().unwrap(),
        "/institutions/get_by_id",
        true,
        json!({ "institution_id": "ins_109512", "country_codes": ["US"] }),
    );

    let detailed = client
        .institutions_get_by_id("ins_109512", [CountryCode::Us])
        .with(|request| {
            request
                .include_optional_metadata(true)
                .include_status(true)
                .include_auth_metadata(true)
                .include_payment_initiation_metadata(false)
        });
    assert_request(
        &detailed.to_request().unwrap(),
        "/institutions/get_by_id",
        true,
        json!({
            "institution_id": "ins_109512",
            "country_codes": ["US"],
            "options": {
                "include_optional_metadata": true,
                "include_status": true,
                "include_auth_metadata": true,
                "include_payment_initiation_metadata": false,
            },
        }),
    );

    assert_refused(
        client.institutions_get_by_id("", [CountryCode::Us]),
        "the institution id is empty",
    );
}

/// The spec's example of `/institutions/get_by_id` with `include_status`,
/// plus an incident and both metadata objects.
fn houndstooth() -> String {
    let breakdown =
        |success: f64| json!({"success": success, "error_plaid": 0.01, "error_institution": 0.09});
    json!({
        "institution": {
            "country_codes": ["US"],
            "institution_id": "ins_109512",
            "name": "Houndstooth Bank",
            "products": ["auth", "balance", "identity", "transactions"],
            "routing_numbers": ["011000138", "011200365", "011400495"],
            "dtc_numbers": ["2236", "0955", "1367"],
            "oauth": false,
            "connection_availability": "A_NEW_AVAILABILITY",
            "status": {
                "item_logins": {
                    "status": "HEALTHY",
                    "last_status_change": "2019-02-15T15:53:00Z",
                    "breakdown": breakdown(0.9),
                },
                "transactions_updates": {
                    "status": "HEALTHY",
                    "last_status_change": "2019-02-12T08:22:00Z",
                    "breakdown": {
                        "success": 0.95, "error_plaid": 0.02, "error_institution": 0.03,
                        "refresh_interval": "DELAYED",
                    },
                },
                "auth": null,
                "identity": {
                    "status": "DEGRADED",
                    "last_status_change": "2019-02-15T15:50:00-05:00",
                    "breakdown": breakdown(0.42),
                },
                "investments": {
                    "status": "UNDER_REVIEW",
                    "last_status_change": "2019-02-15T15:53:00Z",
                    "breakdown": breakdown(0.89),
                },
                "health_incidents": [{
                    "start_date": "2019-02-15T15:50:00Z",
                    "end_date": null,
                    "title": "Identity data delayed",
                    "incident_updates": [{
                        "description": "We are looking into it.",
                        "status": "INVESTIGATING",
                        "updated_date": "2019-02-15T15:55:00Z",
                    }],
                }],
            },
            "primary_color": "#004966",
            "url": "https://plaid.com",
            "logo": "iVBORw0KGgo=",
            "payment_initiation_metadata": {
                "supports_international_payments": true,
                "supports_sepa_instant": false,
                "maximum_payment_amount": {"GBP": "10000"},
                "supports_refund_details": true,
                "standing_order_metadata": {
                    "supports_standing_order_end_date": true,
                    "supports_standing_order_negative_execution_days": false,
                    "valid_standing_order_intervals": ["WEEKLY", "MONTHLY", "FORTNIGHTLY"],
                },
                "supports_payment_consents": false,
            },
            "auth_metadata": {
                "supported_methods": {
                    "instant_auth": true,
                    "instant_match": false,
                    "automated_micro_deposits": true,
                    "instant_micro_deposits": false,
                },
            },
        },
        "request_id": "m8MDnv9okwxFNBV",
    })
    .to_string()
}

#[test]
fn institutions_get_by_id_response() {
    let found = InstitutionsGetById::parse_response(answer(200, &houndstooth())).unwrap();
    assert_eq!(found.request_id, "m8MDnv9okwxFNBV");
    let bank = &found.institution;
    assert_eq!(bank.name, "Houndstooth Bank");
    assert_eq!(bank.dtc_numbers, ["2236", "0955", "1367"]);
    assert_eq!(bank.logo.as_deref(), Some("iVBORw0KGgo="));
    assert_eq!(
        bank.connection_availability,
        Some(ConnectionAvailability::Unknown("A_NEW_AVAILABILITY".into()))
    );

    let status = bank.status.as_ref().expect("the status");
    let logins = status.item_logins.as_ref().unwrap();
    assert_eq!(logins.status, HealthStatus::Healthy);
    assert_eq!(logins.last_status_change.unix_timestamp(), 1_550_245_980);
    assert_eq!(logins.breakdown.success, 0.9);
    assert_eq!(logins.breakdown.refresh_interval, None);
    let updates = status.transactions_updates.as_ref().unwrap();
    assert_eq!(
        updates.breakdown.refresh_interval,
        Some(RefreshInterval::Delayed)
    );
    assert!(status.auth.is_none() && status.liabilities.is_none());
    let identity = status.identity.as_ref().unwrap();
    assert_eq!(identity.status, HealthStatus::Degraded);
    assert_eq!(
        identity.last_status_change.to_string(),
        "2019-02-15T15:50:00-05:00"
    );
    assert_eq!(
        status.investments.as_ref().unwrap().status,
        HealthStatus::Unknown("UNDER_REVIEW".into())
    );
    let incidents = status.health_incidents.as_deref().unwrap();
    assert_eq!(incidents.len(), 1);
    assert_eq!(incidents[0].title, "Identity data delayed");
    assert!(incidents[0].end_date.is_none());
    assert_eq!(
        incidents[0].incident_updates[0].status,
        Some(IncidentStatus::Investigating)
    );

    let payments = bank.payment_initiation_metadata.as_ref().unwrap();
    assert!(payments.supports_international_payments && !payments.supports_sepa_instant);
    assert_eq!(payments.maximum_payment_amount["GBP"], "10000");
    let orders = payments.standing_order_metadata.as_ref().unwrap();
    assert_eq!(
        orders.valid_standing_order_intervals,
        [
            PaymentScheduleInterval::Weekly,
            PaymentScheduleInterval::Monthly,
            PaymentScheduleInterval::Unknown("FORTNIGHTLY".into()),
        ]
    );
    let methods = bank
        .auth_metadata
        .as_ref()
        .and_then(|auth| auth.supported_methods.as_ref())
        .unwrap();
    assert!(methods.instant_auth && !methods.instant_match);
    assert!(methods.automated_micro_deposits && !methods.instant_micro_deposits);

    let unknown = InstitutionsGetById::parse_response(answer(
        400,
        &plaid_error("INVALID_INPUT", "INVALID_INSTITUTION"),
    ))
    .unwrap_err();
    assert_eq!(unknown.plaid_code(), Some(&ErrorCode::INVALID_INSTITUTION));
    assert_eq!(unknown.request_id(), Some(REQUEST_ID));
}

#[test]
fn institutions_search_request() {
    let client = client();
    let call = client.institutions_search("platypus", [CountryCode::Us]);
    assert!(is_idempotent(&call));
    assert_request(
        &call.to_request().unwrap(),
        "/institutions/search",
        true,
        json!({ "query": "platypus", "country_codes": ["US"] }),
    );

    let filtered = client
        .institutions_search("tweed", [CountryCode::Gb, CountryCode::Ie])
        .with(|request| {
            request
                .products([Product::PaymentInitiation])
                .oauth(true)
                .include_optional_metadata(true)
                .include_auth_metadata(false)
                .include_payment_initiation_metadata(true)
                .payment_id("payment-id-sandbox-feca8a7a")
                .consent_id("consent-id-sandbox-2b1a0c1e")
        });
    assert_request(
        &filtered.to_request().unwrap(),
        "/institutions/search",
        true,
        json!({
            "query": "tweed",
            "products": ["payment_initiation"],
            "country_codes": ["GB", "IE"],
            "options": {
                "oauth": true,
                "include_optional_metadata": true,
                "include_auth_metadata": false,
                "include_payment_initiation_metadata": true,
                "payment_initiation": {
                    "payment_id": "payment-id-sandbox-feca8a7a",
                    "consent_id": "consent-id-sandbox-2b1a0c1e",
                },
            },
        }),
    );

    assert_refused(
        client.institutions_search("", [CountryCode::Us]),
        "the query is empty",
    );
    assert_refused(
        client
            .institutions_search("platypus", [CountryCode::Us])
            .with(|request| request.products([])),
        "the list of products is empty",
    );
}

#[test]
fn institutions_search_response() {
    let body = json!({
        "institutions": [{
            "institution_id": "ins_117511",
            "name": "Harris Tweed Bank",
            "products": ["auth", "balance", "identity", "transactions", "payment_initiation"],
            "country_codes": ["GB"],
            "routing_numbers": [],
            "oauth": true,
            "connection_availability": "NOT_SUPPORTED",
        }],
        "request_id": REQUEST_ID,
    })
    .to_string();
    let found = InstitutionsSearch::parse_response(answer(200, &body)).unwrap();
    assert_eq!(found.request_id, REQUEST_ID);
    assert_eq!(found.institutions.len(), 1);
    assert_eq!(found.institutions[0].institution_id, "ins_117511");
    assert_eq!(
        found.institutions[0].products[4],
        Product::PaymentInitiation
    );
    assert_eq!(
        found.institutions[0].connection_availability,
        Some(ConnectionAvailability::NotSupported)
    );

    // A required key missing is an error, not a default.
    let broken = json!({"institutions": [{"institution_id": "ins_1", "name": "n"}],
        "request_id": REQUEST_ID})
    .to_string();
    let error = InstitutionsSearch::parse_response(answer(200, &broken)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);

    let limited = InstitutionsSearch::parse_response(answer(
        429,
        &plaid_error("RATE_LIMIT_EXCEEDED", "INSTITUTIONS_SEARCH_LIMIT"),
    ))
    .unwrap_err();
    assert_eq!(limited.kind(), ErrorKind::RateLimited);
    assert_eq!(
        limited.plaid_code().map(ErrorCode::as_str),
        Some("INSTITUTIONS_SEARCH_LIMIT")
    );
}
