//! The route table of the modern family: each path with its request schema (the field names
//! of the spec's `…Request` and `…RequestOptions`), whether it needs client keys, and its
//! handler; and the dispatch every request goes through.
//!
//! Order of the checks, the same on every route: the route (`NOT_FOUND`, for an unknown path
//! or a method other than `POST`: every route of the modern API is a `POST`), the body
//! (`INVALID_BODY`), the client keys (`MISSING_FIELDS`/`INVALID_API_KEYS`), the schema
//! (`UNKNOWN_FIELDS`, then `MISSING_FIELDS`), then the handler's own checks. A trailing `/` and
//! a query string are ignored.

use serde_json::Value;

use crate::modern::Modern;
use crate::modern::auth;
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::fields::{Body, Fields, Schema};
use crate::modern::handlers::{
    institutions, investments, items, link, meta, products, transactions,
};
use crate::server::RecordedRequest;

/// A handler: the request's fields in, the response body without `request_id` out.
pub(crate) type Handler = fn(&Modern, Fields<'_>) -> ApiResult<Value>;

/// One route.
pub(crate) struct Route {
    /// The path, e.g. `/item/get`.
    pub(crate) path: &'static str,
    /// Whether the client keys are checked (all but `/categories/get`).
    pub(crate) auth: bool,
    /// The request schema.
    pub(crate) schema: Schema,
    /// What answers it.
    pub(crate) handler: Handler,
}

const ACCOUNT_IDS: &[&str] = &["account_ids"];
const TOKEN: &[&str] = &["access_token"];
const OPTIONS: &[&str] = &["options"];
const DATES: &[&str] = &["access_token", "start_date", "end_date"];

/// A route that needs the client keys.
const fn route(
    path: &'static str,
    required: &'static [&'static str],
    optional: &'static [&'static str],
    options: &'static [&'static str],
    handler: Handler,
) -> Route {
    Route {
        path,
        auth: true,
        schema: Schema {
            required,
            optional,
            options,
        },
        handler,
    }
}

/// Every route of the modern family.
pub(crate) static ROUTES: &[Route] = &[
    route(
        "/sandbox/public_token/create",
        &["institution_id", "initial_products"],
        &["options", "user_token", "user_id"],
        &[
            "webhook",
            "override_username",
            "override_password",
            "transactions",
            "statements",
            "income_verification",
        ],
        items::sandbox_public_token_create,
    ),
    route(
        "/item/public_token/exchange",
        &["public_token"],
        &[],
        &[],
        items::public_token_exchange,
    ),
    route("/item/get", TOKEN, &[], &[], items::item_get),
    route(
        "/item/remove",
        TOKEN,
        &["reason_code", "reason_note"],
        &[],
        items::item_remove,
    ),
    route(
        "/item/webhook/update",
        TOKEN,
        &["webhook"],
        &[],
        items::webhook_update,
    ),
    route(
        "/sandbox/item/reset_login",
        TOKEN,
        &[],
        &[],
        items::reset_login,
    ),
    route(
        "/sandbox/item/fire_webhook",
        &["access_token", "webhook_code"],
        &["webhook_type"],
        &[],
        items::fire_webhook,
    ),
    route(
        "/accounts/get",
        TOKEN,
        OPTIONS,
        ACCOUNT_IDS,
        products::accounts_get,
    ),
    route(
        "/accounts/balance/get",
        TOKEN,
        OPTIONS,
        &["account_ids", "min_last_updated_datetime"],
        products::balance_get,
    ),
    route("/auth/get", TOKEN, OPTIONS, ACCOUNT_IDS, products::auth_get),
    route(
        "/identity/get",
        TOKEN,
        OPTIONS,
        ACCOUNT_IDS,
        products::identity_get,
    ),
    route(
        "/institutions/get",
        &["count", "offset", "country_codes"],
        &["options"],
        &[
            "products",
            "routing_numbers",
            "oauth",
            "include_optional_metadata",
            "include_auth_metadata",
            "include_payment_initiation_metadata",
        ],
        institutions::get,
    ),
    route(
        "/institutions/get_by_id",
        &["institution_id", "country_codes"],
        &["options"],
        &[
            "include_optional_metadata",
            "include_status",
            "include_auth_metadata",
            "include_payment_initiation_metadata",
        ],
        institutions::get_by_id,
    ),
    route(
        "/institutions/search",
        &["query", "country_codes"],
        &["products", "options"],
        &[
            "oauth",
            "include_optional_metadata",
            "include_auth_metadata",
            "include_payment_initiation_metadata",
            "payment_initiation",
        ],
        institutions::search,
    ),
    Route {
        path: "/categories/get",
        auth: false,
        schema: Schema {
            required: &[],
            optional: &[],
            options: &[],
        },
        handler: meta::categories_get,
    },
    route(
        "/webhook_verification_key/get",
        &["key_id"],
        &[],
        &[],
        meta::webhook_verification_key_get,
    ),
    route(
        "/transactions/sync",
        TOKEN,
        &["cursor", "count", "options"],
        &[
            "include_original_description",
            "include_personal_finance_category",
            "include_logo_and_counterparty_beta",
            "personal_finance_category_version",
            "days_requested",
            "account_id",
        ],
        transactions::sync,
    ),
    route(
        "/transactions/get",
        DATES,
        OPTIONS,
        &[
            "account_ids",
            "count",
            "offset",
            "include_original_description",
            "include_personal_finance_category_beta",
            "include_personal_finance_category",
            "include_logo_and_counterparty_beta",
            "personal_finance_category_version",
            "days_requested",
        ],
        transactions::get,
    ),
    route(
        "/transactions/refresh",
        TOKEN,
        &[],
        &[],
        transactions::refresh,
    ),
    route(
        "/transactions/recurring/get",
        TOKEN,
        &["options", "account_ids"],
        &[
            "include_personal_finance_category",
            "personal_finance_category_version",
        ],
        transactions::recurring_get,
    ),
    route(
        "/investments/holdings/get",
        TOKEN,
        OPTIONS,
        ACCOUNT_IDS,
        investments::holdings_get,
    ),
    route(
        "/investments/transactions/get",
        DATES,
        OPTIONS,
        &["account_ids", "count", "offset", "async_update"],
        investments::transactions_get,
    ),
    route(
        "/liabilities/get",
        TOKEN,
        OPTIONS,
        ACCOUNT_IDS,
        products::liabilities_get,
    ),
    route(
        "/link/token/create",
        link::REQUIRED,
        link::OPTIONAL,
        &[],
        link::link_token_create,
    ),
];

/// The route of `path` (a trailing `/` ignored).
pub(crate) fn find(path: &str) -> Option<&'static Route> {
    let path = match path.trim_end_matches('/') {
        "" => "/",
        trimmed => trimmed,
    };
    ROUTES.iter().find(|r| r.path == path)
}

/// Answers one request: the success body without `request_id`, or the error.
pub(crate) fn dispatch(modern: &Modern, request: &RecordedRequest) -> ApiResult<Value> {
    let route = find(&request.path)
        .filter(|_| request.method == "POST")
        .ok_or_else(|| {
            PlaidError::with_message(
                "NOT_FOUND",
                format!("unknown route: {} {}", request.method, request.path),
            )
        })?;
    let body = Body::parse(&request.body)?;
    let fields = body.fields();
    if route.auth {
        auth::check(request, &fields)?;
    }
    body.check(&route.schema)?;
    (route.handler)(modern, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_found_with_a_trailing_slash() {
        for (i, r) in ROUTES.iter().enumerate() {
            assert!(
                ROUTES[i + 1..].iter().all(|o| o.path != r.path),
                "{}",
                r.path
            );
            assert!(std::ptr::eq(find(&format!("{}/", r.path)).unwrap(), r));
        }
        assert!(find("/nope").is_none());
        assert!(find("/").is_none());
    }

    #[test]
    fn only_categories_go_without_keys() {
        let open: Vec<&str> = ROUTES.iter().filter(|r| !r.auth).map(|r| r.path).collect();
        assert_eq!(open, ["/categories/get"]);
    }
}
