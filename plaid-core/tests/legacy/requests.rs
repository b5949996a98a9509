//! Request snapshots: every endpoint descriptor and option, built offline
//! and compared field by field (JSON-in-form fields compared as JSON).

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::form::*;
use crate::support::*;
use plaid_core::endpoints::{
    Add, Auth, Balance, Categories, Category, Connect, CoreInstitution, Delete, ExchangeToken, Get,
    Income, Info, Institution, InstitutionSearch, Institutions, InstitutionsAll,
    InstitutionsLongtail, Risk, SearchQuery, Step, Update, Upgrade, UpgradeStep,
};
use plaid_core::http::Method;
use plaid_core::models::{Date, DeviceType, Product};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{
    AccessToken, AddOptions, Client, Config, Endpoint, ErrorKind, GetOptions, InstitutionType,
    Login, MfaAnswer, StepOptions,
};
use serde_json::json;

fn login() -> Login {
    Login::new("plaid_test", "plaid_good")
}

fn date(year: u16, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap()
}

/// `keys`, `access_token=test_bofa` and `extra`.
fn item_fields(extra: &[(&'static str, V)]) -> Vec<(&'static str, V)> {
    let mut all: Vec<(&str, V)> = keys().to_vec();
    all.push(("access_token", t("test_bofa")));
    all.extend(extra.iter().cloned());
    all
}

fn client_fields(extra: &[(&'static str, V)]) -> Vec<(&'static str, V)> {
    let mut all: Vec<(&str, V)> = keys().to_vec();
    all.extend(extra.iter().cloned());
    all
}

/// Generates the add / step / update / get / delete snapshots of one product.
macro_rules! product_requests {
    (
        $module:ident, $path:literal, $product:ty,
        $add:ident, $add_with:ident, $step:ident, $step_with:ident,
        $update:ident, $update_step:ident, $get:ident, $delete:ident,
        get_extra: $get_extra:expr
    ) => {
        mod $module {
            use super::*;

            #[test]
            fn add_sends_type_credentials_json_and_list_true_options() {
                let request = public_client().$add("bofa", login()).to_request().unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url($path),
                    &client_fields(&[
                        ("type", t("bofa")),
                        ("credentials", j(json!({"username": "plaid_test", "password": "plaid_good"}))),
                        ("options", j(json!({"list": true}))),
                    ]),
                );
            }

            #[test]
            fn add_with_a_pin_puts_the_pin_in_the_credentials() {
                let request = public_client()
                    .$add("usaa", login().with_pin("1234"))
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url($path),
                    &client_fields(&[
                        ("type", t("usaa")),
                        (
                            "credentials",
                            j(json!({"username": "plaid_test", "password": "plaid_good", "pin": "1234"})),
                        ),
                        ("options", j(json!({"list": true}))),
                    ]),
                );
            }

            #[test]
            fn add_with_options_sends_every_option_with_iso_dates() {
                let options = AddOptions::new()
                    .webhook("https://example.com/hook")
                    .pending(true)
                    .login_only(true)
                    .start_date(date(2014, 1, 1))
                    .end_date(date(2014, 6, 30));
                let request = public_client()
                    .$add_with("chase", login(), options)
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url($path),
                    &client_fields(&[
                        ("type", t("chase")),
                        ("credentials", j(json!({"username": "plaid_test", "password": "plaid_good"}))),
                        (
                            "options",
                            j(json!({
                                "webhook": "https://example.com/hook",
                                "pending": true,
                                "login_only": true,
                                "list": true,
                                "start_date": "2014-01-01",
                                "end_date": "2014-06-30",
                            })),
                        ),
                    ]),
                );
            }

            #[test]
            fn add_keeps_an_explicit_list_false() {
                let request = public_client()
                    .$add_with("chase", login(), AddOptions::new().list(false))
                    .to_request()
                    .unwrap();
                let fields = decoded_fields(request.body());
                assert!(fields.contains(&("options".to_owned(), j(json!({"list": false})))));
            }

            #[test]
            fn add_descriptor_builds_the_same_request_as_the_client() {
                let descriptor: Add<$product> =
                    Add::new(InstitutionType::new("bofa").unwrap(), login());
                let direct = descriptor.to_request(&config()).unwrap();
                let via_client = public_client().$add("bofa", login()).to_request().unwrap();
                assert_eq!(direct.uri(), via_client.uri());
                assert_eq!(direct.body(), via_client.body());
                assert!(!descriptor.is_idempotent());
            }

            #[test]
            fn step_with_an_answer_sends_the_text_and_empty_options() {
                let request = item_client()
                    .$step(MfaAnswer::answer("tomato"))
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url(concat!($path, "/step")),
                    &item_fields(&[("mfa", t("tomato")), ("options", j(json!({})))]),
                );
            }

            #[test]
            fn step_with_a_code_sends_the_code() {
                let request = item_client().$step(MfaAnswer::code("1234")).to_request().unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url(concat!($path, "/step")),
                    &item_fields(&[("mfa", t("1234")), ("options", j(json!({})))]),
                );
            }

            #[test]
            fn step_with_selections_sends_a_json_array_in_question_order() {
                let request = item_client()
                    .$step(MfaAnswer::selections(["tomato", "ketchup"]))
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url(concat!($path, "/step")),
                    &item_fields(&[
                        ("mfa", j(json!(["tomato", "ketchup"]))),
                        ("options", j(json!({}))),
                    ]),
                );
            }

            #[test]
            fn step_with_a_send_method_by_type_sends_no_mfa_field() {
                let request = item_client()
                    .$step(MfaAnswer::send_to(DeviceType::Phone))
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url(concat!($path, "/step")),
                    &item_fields(&[("options", j(json!({"send_method": {"type": "phone"}})))]),
                );
            }

            #[test]
            fn step_with_a_send_method_by_mask_sends_the_mask() {
                let request = item_client()
                    .$step(MfaAnswer::send_to_mask("xxx-xxx-5309"))
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url(concat!($path, "/step")),
                    &item_fields(&[(
                        "options",
                        j(json!({"send_method": {"mask": "xxx-xxx-5309"}})),
                    )]),
                );
            }

            #[test]
            fn step_with_options_sends_them_beside_the_send_method() {
                let mut options = StepOptions::default();
                options.webhook = Some("https://example.com/hook".into());
                options.pending = Some(true);
                options.login_only = Some(false);
                options.list = Some(true);
                options.start_date = Some(date(2014, 2, 3));
                options.end_date = Some(date(2014, 12, 31));
                let request = item_client()
                    .$step_with(MfaAnswer::send_to(DeviceType::Email), options)
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url(concat!($path, "/step")),
                    &item_fields(&[(
                        "options",
                        j(json!({
                            "webhook": "https://example.com/hook",
                            "pending": true,
                            "login_only": false,
                            "list": true,
                            "start_date": "2014-02-03",
                            "end_date": "2014-12-31",
                            "send_method": {"type": "email"},
                        })),
                    )]),
                );
            }

            #[test]
            fn update_patches_with_the_login_flattened() {
                let request = item_client()
                    .$update(login().with_pin("1234"))
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::PATCH,
                    &url($path),
                    &item_fields(&[
                        ("username", t("plaid_test")),
                        ("password", t("plaid_good")),
                        ("pin", t("1234")),
                    ]),
                );
                let descriptor: Update<$product> = Update::new(token(), login());
                assert!(!descriptor.is_idempotent());
            }

            #[test]
            fn update_step_patches_the_step_route() {
                let request = item_client()
                    .$update_step(MfaAnswer::code("1234"))
                    .to_request()
                    .unwrap();
                assert_request(
                    &request,
                    Method::PATCH,
                    &url(concat!($path, "/step")),
                    &item_fields(&[("mfa", t("1234")), ("options", j(json!({})))]),
                );
                let descriptor: Step<$product> = Step::update(token(), MfaAnswer::code("1234"));
                assert_eq!(descriptor.to_request(&config()).unwrap().method(), Method::PATCH);
            }

            #[test]
            fn get_posts_to_the_get_route() {
                let request = item_client().$get().to_request().unwrap();
                assert_request(
                    &request,
                    Method::POST,
                    &url(concat!($path, "/get")),
                    &item_fields(&$get_extra),
                );
                assert!(Get::<$product>::new(token()).is_idempotent());
            }

            #[test]
            fn delete_sends_a_form_body_on_delete() {
                let request = item_client().$delete().to_request().unwrap();
                assert_request(&request, Method::DELETE, &url($path), &item_fields(&[]));
                assert!(!Delete::<$product>::new(token()).is_idempotent());
            }

            #[test]
            fn item_calls_without_an_access_token_are_refused() {
                let client = public_client();
                assert_kind(client.$step(MfaAnswer::answer("tomato")).to_request(), ErrorKind::InvalidInput);
                assert_kind(
                    client.$step_with(MfaAnswer::answer("tomato"), StepOptions::default()).to_request(),
                    ErrorKind::InvalidInput,
                );
                assert_kind(client.$update(login()).to_request(), ErrorKind::InvalidInput);
                assert_kind(client.$update_step(MfaAnswer::code("1")).to_request(), ErrorKind::InvalidInput);
                assert_kind(client.$get().to_request(), ErrorKind::InvalidInput);
                assert_kind(client.$delete().to_request(), ErrorKind::InvalidInput);
            }
        }
    };
}

product_requests!(
    connect, "/connect", Connect,
    connect, connect_with_options, connect_step, connect_step_with_options,
    connect_update, connect_update_step, connect_get, connect_delete,
    get_extra: [("options", j(json!({})))]
);
product_requests!(
    auth, "/auth", Auth,
    auth, auth_with_options, auth_step, auth_step_with_options,
    auth_update, auth_update_step, auth_get, auth_delete,
    get_extra: []
);
product_requests!(
    info, "/info", Info,
    info, info_with_options, info_step, info_step_with_options,
    info_update, info_update_step, info_get, info_delete,
    get_extra: []
);
product_requests!(
    income, "/income", Income,
    income, income_with_options, income_step, income_step_with_options,
    income_update, income_update_step, income_get, income_delete,
    get_extra: []
);
product_requests!(
    risk, "/risk", Risk,
    risk, risk_with_options, risk_step, risk_step_with_options,
    risk_update, risk_update_step, risk_get, risk_delete,
    get_extra: []
);

// ---- connect_get filters ----

#[test]
fn connect_get_with_options_sends_pending_account_and_date_bounds() {
    let options = GetOptions::new()
        .pending(true)
        .account("QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK")
        .gte(date(2012, 1, 1))
        .lte(date(2016, 1, 1));
    let request = item_client()
        .connect_get_with_options(options)
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/connect/get"),
        &item_fields(&[(
            "options",
            j(json!({
                "pending": true,
                "account": "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK",
                "gte": "2012-01-01",
                "lte": "2016-01-01",
            })),
        )]),
    );
}

#[test]
fn connect_get_refuses_an_empty_account_or_reversed_dates() {
    let client = item_client();
    assert_kind(
        client
            .connect_get_with_options(GetOptions::new().account(""))
            .to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client
            .connect_get_with_options(
                GetOptions::new()
                    .gte(date(2016, 1, 2))
                    .lte(date(2016, 1, 1)),
            )
            .to_request(),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn get_of_other_products_never_sends_transaction_filters() {
    let descriptor = Get::<Auth>::new(token()).with_options(GetOptions::new().pending(true));
    let request = descriptor.to_request(&config()).unwrap();
    assert_request(&request, Method::POST, &url("/auth/get"), &item_fields(&[]));
}

// ---- balance, upgrade, exchange ----

#[test]
fn balance_posts_the_item_keys() {
    // A deliberate difference: python sends `GET /balance` with a body.
    let request = item_client().balance().to_request().unwrap();
    assert_request(&request, Method::POST, &url("/balance"), &item_fields(&[]));
    assert!(Balance::new(token()).is_idempotent());
}

#[test]
fn upgrade_sends_upgrade_to() {
    let request = item_client().upgrade(Product::Info).to_request().unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/upgrade"),
        &item_fields(&[("upgrade_to", t("info"))]),
    );
}

#[test]
fn upgrade_with_a_webhook_sends_it_in_options() {
    let mut upgrade = Upgrade::new(token(), Product::Connect);
    upgrade.webhook = Some("https://example.com/hook".into());
    let request = upgrade.to_request(&config()).unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/upgrade"),
        &item_fields(&[
            ("upgrade_to", t("connect")),
            ("options", j(json!({"webhook": "https://example.com/hook"}))),
        ]),
    );
    assert!(!upgrade.is_idempotent());
}

#[test]
fn upgrade_to_an_empty_product_is_refused() {
    let upgrade = Upgrade::new(token(), Product::Unknown(String::new()));
    assert_kind(upgrade.to_request(&config()), ErrorKind::InvalidInput);
}

#[test]
fn upgrade_step_posts_the_answer_and_the_product() {
    let request = item_client()
        .upgrade_step(Product::Info, MfaAnswer::answer("tomato"))
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/upgrade/step"),
        &item_fields(&[
            ("mfa", t("tomato")),
            ("options", j(json!({}))),
            ("upgrade_to", t("info")),
        ]),
    );
    let descriptor = UpgradeStep {
        access_token: token(),
        product: Product::Auth,
        answer: MfaAnswer::send_to(DeviceType::Card),
    };
    let request = descriptor.to_request(&config()).unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/upgrade/step"),
        &item_fields(&[
            ("options", j(json!({"send_method": {"type": "card"}}))),
            ("upgrade_to", t("auth")),
        ]),
    );
}

#[test]
fn exchange_token_sends_the_public_token_without_an_access_token() {
    // Even a client holding an access token sends only the public token.
    let request = item_client()
        .exchange_token("test,chase,connected")
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/exchange_token"),
        &client_fields(&[("public_token", t("test,chase,connected"))]),
    );
}

#[test]
fn exchange_token_for_an_account_sends_the_account_id() {
    let request = public_client()
        .exchange_token_for_account(
            "test,chase,connected",
            "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK",
        )
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/exchange_token"),
        &client_fields(&[
            ("public_token", t("test,chase,connected")),
            ("account_id", t("QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK")),
        ]),
    );
}

#[test]
fn exchange_token_refuses_empty_tokens_and_account_ids() {
    let client = public_client();
    assert_kind(
        client.exchange_token("").to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client
            .exchange_token_for_account("test,chase,connected", "")
            .to_request(),
        ErrorKind::InvalidInput,
    );
    let descriptor = ExchangeToken {
        public_token: "test,chase,connected".into(),
        account_id: None,
    };
    assert!(!descriptor.is_idempotent());
}

// ---- institutions and categories ----

#[test]
fn institutions_is_a_public_get_without_body() {
    let request = public_client().institutions().to_request().unwrap();
    assert_request(&request, Method::GET, &url("/institutions"), &[]);
    assert!(Institutions.is_idempotent());
}

#[test]
fn institution_by_id_uses_the_all_route_like_python() {
    let request = public_client()
        .institution("5301a93ac140de84910000e0")
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::GET,
        &url("/institutions/all/5301a93ac140de84910000e0"),
        &[],
    );
}

#[test]
fn core_institution_by_id_uses_the_older_route() {
    let request = public_client()
        .core_institution("5301a93ac140de84910000e0")
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::GET,
        &url("/institutions/5301a93ac140de84910000e0"),
        &[],
    );
}

#[test]
fn ids_are_percent_encoded_and_cannot_change_the_route() {
    let client = public_client();
    let cases = [
        ("../categories", "%2E%2E%2Fcategories"),
        ("a/b", "a%2Fb"),
        ("x?secret=1", "x%3Fsecret%3D1"),
        ("bank of america", "bank%20of%20america"),
        ("a#b", "a%23b"),
        ("ins_100003", "ins_100003"),
    ];
    for (id, encoded) in cases {
        let request = client.institution(id).to_request().unwrap();
        assert_eq!(
            request.uri().path(),
            format!("/institutions/all/{encoded}"),
            "{id:?}"
        );
        assert_eq!(request.uri().query(), None, "{id:?}");
        let request = client.core_institution(id).to_request().unwrap();
        assert_eq!(
            request.uri().path(),
            format!("/institutions/{encoded}"),
            "{id:?}"
        );
        let request = client.category(id).to_request().unwrap();
        assert_eq!(
            request.uri().path(),
            format!("/categories/{encoded}"),
            "{id:?}"
        );
        assert_eq!(request.uri().query(), None, "{id:?}");
    }
}

#[test]
fn empty_and_dot_ids_are_refused() {
    // `%2E%2E` is still `..` to WHATWG URL parsers (reqwest's `url`), so a
    // whole-dot id is refused rather than encoded.
    let client = public_client();
    for id in ["", "   ", ".", ".."] {
        assert_kind(client.institution(id).to_request(), ErrorKind::InvalidInput);
        assert_kind(
            client.core_institution(id).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(client.category(id).to_request(), ErrorKind::InvalidInput);
    }
    assert_kind(
        Institution::new("").to_request(&config()),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        CoreInstitution::new("..").to_request(&config()),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        Category::new("").to_request(&config()),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn categories_and_category_are_public_gets() {
    let client = public_client();
    let request = client.categories().to_request().unwrap();
    assert_request(&request, Method::GET, &url("/categories"), &[]);
    let request = client.category("13005043").to_request().unwrap();
    assert_request(&request, Method::GET, &url("/categories/13005043"), &[]);
    assert!(Categories.is_idempotent());
    assert!(Category::new("1").is_idempotent());
}

#[test]
fn institutions_all_sends_paging_and_repeated_products() {
    let request = item_client()
        .institutions_all(50, 100, &[Product::Auth, Product::Connect])
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/institutions/all"),
        &client_fields(&[
            ("count", t("50")),
            ("offset", t("100")),
            ("products", t("auth")),
            ("products", t("connect")),
        ]),
    );
    let defaults = InstitutionsAll::default();
    assert_eq!((defaults.count, defaults.offset), (50, 0));
    assert!(defaults.products.is_empty());
}

#[test]
fn institutions_all_without_products_sends_none() {
    let request = public_client()
        .institutions_all(10, 0, &[])
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/institutions/all"),
        &client_fields(&[("count", t("10")), ("offset", t("0"))]),
    );
}

#[test]
fn institution_pages_of_zero_are_refused() {
    let client = public_client();
    assert_kind(
        client.institutions_all(0, 0, &[]).to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client.institutions_longtail(0, 0).to_request(),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn institutions_longtail_sends_paging() {
    let request = public_client()
        .institutions_longtail(20, 40)
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/institutions/longtail"),
        &client_fields(&[("count", t("20")), ("offset", t("40"))]),
    );
    assert!(
        InstitutionsLongtail {
            count: 1,
            offset: 0
        }
        .is_idempotent()
    );
}

#[test]
fn institution_search_puts_q_and_p_in_the_query_string() {
    let request = public_client()
        .institution_search(SearchQuery::name("wells fargo").product(Product::Auth))
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::GET,
        &url("/institutions/search?q=wells+fargo&p=auth"),
        &[],
    );
    assert_eq!(
        query_pairs(&request),
        [
            ("q".to_owned(), "wells fargo".to_owned()),
            ("p".to_owned(), "auth".to_owned())
        ]
    );
}

#[test]
fn institution_all_search_by_id_puts_the_id_in_the_query_string() {
    let request = public_client()
        .institution_all_search(SearchQuery::id("ins_100003&q=x"))
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::GET,
        &url("/institutions/all/search?id=ins_100003%26q%3Dx"),
        &[],
    );
    assert_eq!(
        query_pairs(&request),
        [("id".to_owned(), "ins_100003&q=x".to_owned())]
    );
}

#[test]
fn institution_search_without_q_or_id_is_refused() {
    let client = public_client();
    for query in [
        SearchQuery::default(),
        SearchQuery::default().product(Product::Connect),
        SearchQuery::name("  "),
        SearchQuery::id(""),
    ] {
        assert_kind(
            client.institution_search(query.clone()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client.institution_all_search(query).to_request(),
            ErrorKind::InvalidInput,
        );
    }
    let descriptor = InstitutionSearch {
        query: SearchQuery::name("chase"),
        all: true,
    };
    assert!(descriptor.is_idempotent());
}

// ---- input validation ----

#[test]
fn invalid_institution_types_are_refused() {
    let client = public_client();
    for bad in ["", "bank of america", "bofa&secret=x", "bofa/../x", " bofa"] {
        assert_kind(
            client.connect(bad, login()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client
                .auth_with_options(bad, login(), AddOptions::new())
                .to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(InstitutionType::new(bad), ErrorKind::InvalidInput);
    }
}

#[test]
fn empty_usernames_passwords_and_pins_are_refused() {
    let client = item_client();
    for bad in [
        Login::new("", "plaid_good"),
        Login::new("plaid_test", ""),
        Login::new("plaid_test", "plaid_good").with_pin(""),
    ] {
        assert_kind(
            client.connect("bofa", bad.clone()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client.info_update(bad).to_request(),
            ErrorKind::InvalidInput,
        );
    }
}

#[test]
fn empty_mfa_answers_are_refused() {
    let client = item_client();
    for bad in [
        MfaAnswer::answer(""),
        MfaAnswer::answer("   "),
        MfaAnswer::code(""),
        MfaAnswer::selections(Vec::<String>::new()),
        MfaAnswer::selections(["tomato", ""]),
        MfaAnswer::send_to_mask(""),
    ] {
        assert_kind(
            client.connect_step(bad.clone()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client.auth_update_step(bad.clone()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client.upgrade_step(Product::Info, bad).to_request(),
            ErrorKind::InvalidInput,
        );
    }
}

#[test]
fn an_empty_access_token_is_refused() {
    let client = public_client().with_access_token("");
    assert_kind(client.balance().to_request(), ErrorKind::InvalidInput);
    assert_kind(
        Get::<Connect>::new(AccessToken::new("")).to_request(&config()),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn item_calls_without_an_access_token_never_reach_the_transport() {
    let sent = AtomicUsize::new(0);
    let transport = |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        sent.fetch_add(1, Ordering::SeqCst);
        Ok(response(200, "{}"))
    };
    let client = Client::new(config(), &transport);
    let results = [
        client
            .connect_step(MfaAnswer::answer("tomato"))
            .send()
            .err(),
        client.connect_update(login()).send().err(),
        client
            .connect_update_step(MfaAnswer::code("1234"))
            .send()
            .err(),
        client.connect_get().send().err(),
        client
            .connect_get_with_options(GetOptions::new())
            .send()
            .err(),
        client.connect_delete().send().err(),
        client.auth_get().send().err(),
        client.info_get().send().err(),
        client.income_get().send().err(),
        client.risk_get().send().err(),
        client.balance().send().err(),
        client.upgrade(Product::Auth).send().err(),
        client
            .upgrade_step(Product::Info, MfaAnswer::code("1234"))
            .send()
            .err(),
    ];
    for error in results {
        let error = error.expect("the call fails");
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
        assert!(error.status().is_none());
    }
    assert!(client.balance().endpoint().is_err());
    assert_eq!(sent.load(Ordering::SeqCst), 0, "nothing was sent");
}

// ---- plain http, credentials, headers, timeouts ----

#[test]
fn public_endpoints_never_carry_credentials_even_over_plain_http() {
    let config = Config::sandbox("http://plaid.example.com")
        .unwrap()
        .with_access_token("test_bofa");
    let client = Client::new(config, never_sent as Unsent);
    let requests = [
        client.institutions().to_request().unwrap(),
        client
            .institution("5301a93ac140de84910000e0")
            .to_request()
            .unwrap(),
        client
            .core_institution("5301a93ac140de84910000e0")
            .to_request()
            .unwrap(),
        client
            .institution_search(SearchQuery::name("chase"))
            .to_request()
            .unwrap(),
        client
            .institution_all_search(SearchQuery::id("chase"))
            .to_request()
            .unwrap(),
        client.categories().to_request().unwrap(),
        client.category("13005043").to_request().unwrap(),
    ];
    for request in requests {
        assert_eq!(request.method(), Method::GET);
        assert!(request.body().is_empty(), "{}", request.uri());
        let uri = request.uri().to_string();
        for secret in ["test_id", "test_secret", "test_bofa"] {
            assert!(!uri.contains(secret), "{uri}");
        }
        assert!(request.headers().get("content-type").is_none());
    }
}

// ---- the python 1.5.1 wire examples (legacy-api.md §2) ----

/// Our request carries the same decoded fields as python's body, except the
/// keys python sends that the API ignores (`ignored`).
fn assert_same_fields_as_python(ours: &HttpRequest, python: &str, ignored: &[&str]) {
    let python: Vec<(String, V)> = decoded_fields(python.as_bytes())
        .into_iter()
        .filter(|(key, _)| !ignored.contains(&key.as_str()))
        .collect();
    assert_eq!(decoded_fields(ours.body()), python);
}

#[test]
fn connect_add_matches_the_python_wire_example() {
    let ours = public_client()
        .connect("bofa", login())
        .to_request()
        .unwrap();
    assert_eq!(ours.uri().path(), "/connect");
    assert_same_fields_as_python(
        &ours,
        "client_id=test_id&secret=test_secret&type=bofa&credentials=%7B%22username%22%3A+%22plaid_test%22%2C+%22password%22%3A+%22plaid_good%22%7D&options=%7B%22list%22%3A+true%7D",
        &[],
    );
}

#[test]
fn connect_step_matches_the_python_wire_example_less_the_ignored_type() {
    let ours = item_client()
        .connect_step(MfaAnswer::answer("tomato"))
        .to_request()
        .unwrap();
    assert_same_fields_as_python(
        &ours,
        "type=bofa&mfa=tomato&options=%7B%7D&client_id=test_id&secret=test_secret&access_token=test_bofa",
        &["type"],
    );
}

#[test]
fn connect_send_method_step_matches_the_python_wire_example() {
    let ours = public_client()
        .with_access_token("test_chase")
        .connect_step(MfaAnswer::send_to(DeviceType::Phone))
        .to_request()
        .unwrap();
    assert_same_fields_as_python(
        &ours,
        "type=chase&options=%7B%22send_method%22%3A+%7B%22type%22%3A+%22phone%22%7D%7D&client_id=test_id&secret=test_secret&access_token=test_chase",
        &["type"],
    );
}

#[test]
fn connect_update_matches_the_python_wire_example() {
    let ours = public_client()
        .with_access_token("test_amex")
        .connect_update(login())
        .to_request()
        .unwrap();
    assert_eq!(ours.method(), Method::PATCH);
    assert_same_fields_as_python(
        &ours,
        "username=plaid_test&password=plaid_good&client_id=test_id&secret=test_secret&access_token=test_amex",
        &[],
    );
}

#[test]
fn connect_get_matches_the_python_wire_example() {
    let ours = item_client()
        .connect_get_with_options(GetOptions::new().pending(true).gte(date(2014, 5, 1)))
        .to_request()
        .unwrap();
    assert_same_fields_as_python(
        &ours,
        "client_id=test_id&secret=test_secret&access_token=test_bofa&options=%7B%22pending%22%3A+true%2C+%22gte%22%3A+%222014-05-01%22%7D",
        &[],
    );
}

#[test]
fn balance_sends_the_python_fields_with_post_instead_of_get() {
    let ours = item_client().balance().to_request().unwrap();
    assert_eq!(ours.method(), Method::POST);
    assert_same_fields_as_python(
        &ours,
        "client_id=test_id&secret=test_secret&access_token=test_bofa",
        &[],
    );
}

#[test]
fn upgrade_matches_the_python_wire_example() {
    let ours = item_client().upgrade(Product::Info).to_request().unwrap();
    assert_same_fields_as_python(
        &ours,
        "client_id=test_id&secret=test_secret&access_token=test_bofa&upgrade_to=info",
        &[],
    );
}

#[test]
fn exchange_token_matches_the_python_wire_example() {
    let ours = public_client()
        .exchange_token("test,chase,connected")
        .to_request()
        .unwrap();
    let python = "client_id=test_id&secret=test_secret&public_token=test%2Cchase%2Cconnected";
    assert_same_fields_as_python(&ours, python, &[]);
    // Same encoder, same order: byte for byte.
    assert_eq!(ours.body(), python.as_bytes());
}

#[test]
fn institutions_all_matches_the_python_wire_example() {
    let ours = public_client()
        .institutions_all(50, 0, &[Product::Auth, Product::Connect])
        .to_request()
        .unwrap();
    assert_same_fields_as_python(
        &ours,
        "count=50&offset=0&products=auth&products=connect&client_id=test_id&secret=test_secret",
        &[],
    );
}

#[test]
fn update_steps_carry_their_options() {
    let mut options = StepOptions::default();
    options.webhook = Some("https://example.com/hook".into());
    let request = item_client()
        .connect_update_step_with_options(MfaAnswer::code("1234"), options)
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::PATCH,
        &url("/connect/step"),
        &item_fields(&[
            ("mfa", t("1234")),
            ("options", j(json!({"webhook": "https://example.com/hook"}))),
        ]),
    );
}

#[test]
fn a_search_can_carry_a_name_and_an_id() {
    let client = public_client();
    let request = client
        .institution_all_search(SearchQuery::name("wells").with_id("ins_100003"))
        .to_request()
        .unwrap();
    assert_eq!(
        request.uri().query(),
        Some("q=wells&id=ins_100003"),
        "{}",
        request.uri()
    );
}
