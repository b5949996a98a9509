//! The five products' add / step / update / get / delete requests, one
//! generated module per product (`connect`, `auth`, `info`, `income`,
//! `risk`): every MFA answer shape, every option, and the refusal of item
//! calls without an access token.

use crate::form::*;
use crate::support::*;
use plaid_core::http::Method;
use plaid_core::legacy::endpoints::{
    Add, Auth, Connect, Delete, Get, Income, Info, Risk, Step, Update,
};
use plaid_core::legacy::models::DeviceType;
use plaid_core::legacy::{AddOptions, InstitutionType, MfaAnswer, StepOptions};
use plaid_core::transport::HttpRequest;
use plaid_core::{Endpoint, ErrorKind};
use serde_json::{Value, json};

use super::{client_fields, date, item_fields, login};

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

            /// This product's step route.
            const STEP: &str = concat!($path, "/step");

            /// Asserts an add: posted to this product's route with the
            /// sandbox keys, the institution type, `credentials` and
            /// `options`.
            #[track_caller]
            fn assert_add(request: &HttpRequest, institution: &str, credentials: Value, options: Value) {
                let expected = client_fields(&[
                    ("type", t(institution)),
                    ("credentials", j(credentials)),
                    ("options", j(options)),
                ]);
                assert_request(request, Method::POST, &url($path), &expected);
            }

            /// Asserts an item call: `method` on `route`, with the sandbox
            /// keys, the access token and `extra`.
            #[track_caller]
            fn assert_item_call(request: &HttpRequest, method: Method, route: &str, extra: &[(&'static str, V)]) {
                assert_request(request, method, &url(route), &item_fields(extra));
            }

            /// Asserts that stepping with `answer` posts `extra` beside the
            /// access token.
            #[track_caller]
            fn assert_step(answer: MfaAnswer, extra: &[(&'static str, V)]) {
                let request = item_client().$step(answer).to_request().unwrap();
                assert_item_call(&request, Method::POST, STEP, extra);
            }

            #[test]
            fn add_sends_type_credentials_json_and_list_true_options() {
                let request = public_client().$add("bofa", login()).to_request().unwrap();
                assert_add(
                    &request,
                    "bofa",
                    json!({"username": "plaid_test", "password": "plaid_good"}),
                    json!({"list": true}),
                );
            }

            #[test]
            fn add_with_a_pin_puts_the_pin_in_the_credentials() {
                let request = public_client()
                    .$add("usaa", login().with_pin("1234"))
                    .to_request()
                    .unwrap();
                assert_add(
                    &request,
                    "usaa",
                    json!({"username": "plaid_test", "password": "plaid_good", "pin": "1234"}),
                    json!({"list": true}),
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
                assert_add(
                    &request,
                    "chase",
                    json!({"username": "plaid_test", "password": "plaid_good"}),
                    json!({
                        "webhook": "https://example.com/hook",
                        "pending": true,
                        "login_only": true,
                        "list": true,
                        "start_date": "2014-01-01",
                        "end_date": "2014-06-30",
                    }),
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
                assert_step(
                    MfaAnswer::answer("tomato"),
                    &[("mfa", t("tomato")), ("options", j(json!({})))],
                );
            }

            #[test]
            fn step_with_a_code_sends_the_code() {
                assert_step(
                    MfaAnswer::code("1234"),
                    &[("mfa", t("1234")), ("options", j(json!({})))],
                );
            }

            #[test]
            fn step_with_selections_sends_a_json_array_in_question_order() {
                assert_step(
                    MfaAnswer::selections(["tomato", "ketchup"]),
                    &[("mfa", j(json!(["tomato", "ketchup"]))), ("options", j(json!({})))],
                );
            }

            #[test]
            fn step_with_a_send_method_by_type_sends_no_mfa_field() {
                assert_step(
                    MfaAnswer::send_to(DeviceType::Phone),
                    &[("options", j(json!({"send_method": {"type": "phone"}})))],
                );
            }

            #[test]
            fn step_with_a_send_method_by_mask_sends_the_mask() {
                assert_step(
                    MfaAnswer::send_to_mask("xxx-xxx-5309"),
                    &[("options", j(json!({"send_method": {"mask": "xxx-xxx-5309"}})))],
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
                assert_item_call(
                    &request,
                    Method::POST,
                    STEP,
                    &[(
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
                    )],
                );
            }

            #[test]
            fn update_patches_with_the_login_flattened() {
                let request = item_client()
                    .$update(login().with_pin("1234"))
                    .to_request()
                    .unwrap();
                assert_item_call(
                    &request,
                    Method::PATCH,
                    $path,
                    &[
                        ("username", t("plaid_test")),
                        ("password", t("plaid_good")),
                        ("pin", t("1234")),
                    ],
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
                assert_item_call(
                    &request,
                    Method::PATCH,
                    STEP,
                    &[("mfa", t("1234")), ("options", j(json!({})))],
                );
                let descriptor: Step<$product> = Step::update(token(), MfaAnswer::code("1234"));
                assert_eq!(descriptor.to_request(&config()).unwrap().method(), Method::PATCH);
            }

            #[test]
            fn get_posts_to_the_get_route() {
                let request = item_client().$get().to_request().unwrap();
                assert_item_call(&request, Method::POST, concat!($path, "/get"), &$get_extra);
                assert!(Get::<$product>::new(token()).is_idempotent());
            }

            #[test]
            fn delete_sends_a_form_body_on_delete() {
                let request = item_client().$delete().to_request().unwrap();
                assert_item_call(&request, Method::DELETE, $path, &[]);
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
