//! Hostile values: well-formed JSON whose values are huge, too precise,
//! of the wrong type, null, zone-less, unknown or missing, in the fields
//! every family of answers shares (accounts, the Item, institutions, keys,
//! tokens). Money has its own table (`money`), the product answers' own
//! fields theirs (`transactions`, `investments`).

use super::*;
use plaid_core::DateTime;
use plaid_core::modern::endpoints::{
    InstitutionsGetResponse, LinkTokenCreateResponse, WebhookVerificationKeyGetResponse,
};
use plaid_core::modern::models::{AccountSubtype, AccountType, Product};
use plaid_core::modern::{ErrorCode, ErrorType};

/// The link token answer's expiration, as text.
fn expiration(parsed: &dyn Any) -> Option<String> {
    let answer = parsed.downcast_ref::<LinkTokenCreateResponse>()?;
    Some(answer.expiration.to_string())
}

pub(super) static CASES: &[Case] = &[
    // ---- the base body, and what a changed account leaves alone ----
    Case {
        name: "the base body is an answer to every call",
        status: 200,
        content_type: JSON,
        body: Body::Gen(everything_bytes),
        parsers: ALL,
        expect: Expect::Ok(|_| true),
    },
    Case {
        name: "a broken balance does not concern calls that ignore accounts",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set(AVAILABLE, "1e400")),
        parsers: NOT_ACCOUNTS,
        expect: Expect::Ok(|_| true),
    },
    Case {
        name: "missing balances",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| remove("/accounts/0/balances")),
        parsers: ACCOUNTS,
        expect: decode(Some("accounts[0]")),
    },
    // ---- date-times ----
    Case {
        name: "date-time without a zone",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/expiration", r#""2026-11-30T12:34:56""#)),
        parsers: Parsers::Shape(Success::LinkToken),
        expect: decode(Some("expiration")),
    },
    Case {
        name: "date-time with a space for T",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/expiration", r#""2026-11-30 12:34:56Z""#)),
        parsers: Parsers::Shape(Success::LinkToken),
        expect: decode(Some("expiration")),
    },
    Case {
        name: "date-time as unix seconds",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/expiration", "1796038496")),
        parsers: Parsers::Shape(Success::LinkToken),
        expect: decode(Some("expiration")),
    },
    Case {
        name: "date-time with a leap second off 23:59 UTC",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/expiration", r#""2026-11-30T12:34:60Z""#)),
        parsers: Parsers::Shape(Success::LinkToken),
        expect: decode(Some("expiration")),
    },
    Case {
        name: "date-time on February 30th",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/expiration", r#""2026-02-30T00:00:00Z""#)),
        parsers: Parsers::Shape(Success::LinkToken),
        expect: decode(Some("expiration")),
    },
    Case {
        name: "date-time with twelve fraction digits keeps nanoseconds",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/expiration", r#""2026-11-30T12:34:56.123456789999+01:00""#)),
        parsers: Parsers::Shape(Success::LinkToken),
        expect: Expect::Ok(|p| {
            expiration(p).as_deref() == Some("2026-11-30T12:34:56.123456789+01:00")
        }),
    },
    Case {
        name: "nullable date-time without a zone in the item",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/item/consent_expiration_time", r#""2026-11-30T12:34:56""#)),
        parsers: ITEM,
        expect: decode(Some("item.consent_expiration_time")),
    },
    Case {
        name: "nullable date-time with a zone in the item",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/item/consent_expiration_time", r#""2026-11-30T12:34:56Z""#)),
        parsers: ITEM,
        expect: Expect::Ok(|p| {
            item_of(p).is_some_and(|i| {
                i.consent_expiration_time == "2026-11-30T12:34:56Z".parse::<DateTime>().ok()
            })
        }),
    },
    // ---- integers out of range ----
    Case {
        name: "total 2^32",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total", "4294967296")),
        parsers: Parsers::Shape(Success::InstitutionPage),
        expect: decode(Some("total")),
    },
    Case {
        name: "total -1",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total", "-1")),
        parsers: Parsers::Shape(Success::InstitutionPage),
        expect: decode(Some("total")),
    },
    Case {
        name: "total 2^32-1 (fits)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total", "4294967295")),
        parsers: Parsers::Shape(Success::InstitutionPage),
        expect: Expect::Ok(|p| {
            p.downcast_ref::<InstitutionsGetResponse>()
                .is_some_and(|r| r.total == u32::MAX)
        }),
    },
    Case {
        name: "key created_at 2^63",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/key/created_at", "9223372036854775808")),
        parsers: Parsers::Shape(Success::Key),
        expect: decode(Some("key.created_at")),
    },
    Case {
        name: "key created_at with a fraction",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/key/created_at", "1560466143.5")),
        parsers: Parsers::Shape(Success::Key),
        expect: decode(Some("key.created_at")),
    },
    Case {
        name: "key expired_at -2^63 (fits)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/key/expired_at", "-9223372036854775808")),
        parsers: Parsers::Shape(Success::Key),
        expect: Expect::Ok(|p| {
            p.downcast_ref::<WebhookVerificationKeyGetResponse>()
                .is_some_and(|r| r.key.expired_at == Some(i64::MIN) && r.key.is_expired())
        }),
    },
    // ---- wrong JSON types, one per field kind ----
    Case {
        name: "string field given a number (access_token)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/access_token", "42")),
        parsers: Parsers::Shape(Success::Exchange),
        expect: decode(Some("access_token")),
    },
    Case {
        name: "required string given null (public_token)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/public_token", "null")),
        parsers: Parsers::Shape(Success::PublicToken),
        expect: decode(Some("public_token")),
    },
    Case {
        name: "bool field given a string (reset_login)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/reset_login", r#""true""#)),
        parsers: Parsers::Shape(Success::ResetLogin),
        expect: decode(Some("reset_login")),
    },
    Case {
        name: "bool field given null (webhook_fired)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/webhook_fired", "null")),
        parsers: Parsers::Shape(Success::WebhookFired),
        expect: decode(Some("webhook_fired")),
    },
    Case {
        name: "array field given an object (accounts)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/accounts", "{}")),
        parsers: ACCOUNTS,
        expect: decode(Some("accounts")),
    },
    Case {
        name: "object field given an array (item)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/item", "[]")),
        parsers: ITEM,
        expect: decode(Some("item")),
    },
    Case {
        name: "object field given a string (institution)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/institution", r#""ins_109508""#)),
        parsers: Parsers::Shape(Success::Institution),
        expect: decode(Some("institution")),
    },
    Case {
        name: "enum field given a number (account type)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/accounts/0/type", "1")),
        parsers: ACCOUNTS,
        expect: decode(Some("accounts[0].type")),
    },
    Case {
        name: "list of strings given a string (hierarchy)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/categories/0/hierarchy", r#""Bank Fees""#)),
        parsers: Parsers::Shape(Success::Categories),
        expect: decode(Some("categories[0].hierarchy")),
    },
    Case {
        name: "bank number given a number",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/numbers/ach/0/account", "1111222233330000")),
        parsers: Parsers::Shape(Success::Auth),
        expect: decode(Some("numbers.ach[0].account")),
    },
    Case {
        name: "owner names given a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/accounts/0/owners/0/names", r#""Alberta""#)),
        parsers: Parsers::Shape(Success::Identity),
        expect: decode(Some("accounts[0].owners[0].names")),
    },
    Case {
        name: "institution oauth given a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/institutions/0/oauth", r#""false""#)),
        parsers: INSTITUTIONS,
        expect: decode(Some("institutions[0].oauth")),
    },
    // ---- null and missing ----
    Case {
        name: "a number for a body",
        status: 200,
        content_type: JSON,
        body: Body::B(b"42"),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "a string for a body",
        status: 200,
        content_type: JSON,
        body: Body::B(br#""ok""#),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "an empty array for a body",
        status: 200,
        content_type: JSON,
        body: Body::B(b"[]"),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "an array of the answer's values for a body",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"["link-sandbox-1","2026-11-30T12:34:56Z"]"#),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "missing expiration",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| remove("/expiration")),
        parsers: Parsers::Shape(Success::LinkToken),
        expect: decode(None),
    },
    Case {
        name: "missing Auth network list",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| remove("/numbers/bacs")),
        parsers: Parsers::Shape(Success::Auth),
        expect: decode(Some("numbers")),
    },
    Case {
        name: "null item error is no error",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/item/error", "null")),
        parsers: ITEM,
        expect: Expect::Ok(|p| item_of(p).is_some_and(|i| i.error.is_none())),
    },
    // ---- in-band errors and unknown values are kept ----
    Case {
        name: "an item error is read as a PlaidError on a 200",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            let error = plaid_error("ITEM_ERROR", "ITEM_LOGIN_REQUIRED").to_string();
            set("/item/error", &error)
        }),
        parsers: ITEM,
        expect: Expect::Ok(|p| {
            item_of(p).is_some_and(|i| {
                i.error.as_ref().is_some_and(|e| {
                    e.is_item_login_required() && e.error_type == ErrorType::ItemError
                })
            })
        }),
    },
    Case {
        name: "an item error of an unknown type and code is kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            let error = plaid_error("BRAND_NEW_ERROR", "BRAND_NEW_CODE").to_string();
            set("/item/error", &error)
        }),
        parsers: ITEM,
        expect: Expect::Ok(|p| {
            item_of(p).and_then(|i| i.error.as_ref()).is_some_and(|e| {
                e.error_type == ErrorType::Unknown("BRAND_NEW_ERROR".into())
                    && e.error_code == ErrorCode::new("BRAND_NEW_CODE")
            })
        }),
    },
    Case {
        name: "an item error without error_code",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/item/error",
                r#"{"error_type":"ITEM_ERROR","error_message":"m"}"#,
            )
        }),
        parsers: ITEM,
        expect: decode(Some("item.error")),
    },
    Case {
        name: "unknown account type and subtype are kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            let mut body = everything();
            body["accounts"][0]["type"] = json!("crypto");
            body["accounts"][0]["subtype"] = json!("cold wallet");
            body.to_string().into_bytes()
        }),
        parsers: Parsers::Shape(Success::Accounts),
        expect: Expect::Ok(|p| {
            p.downcast_ref::<AccountsGetResponse>().is_some_and(|r| {
                r.accounts[0].account_type == AccountType::Unknown("crypto".into())
                    && r.accounts[0].subtype == Some(AccountSubtype::Unknown("cold wallet".into()))
            })
        }),
    },
    Case {
        name: "unknown product is kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/item/billed_products", r#"["auth","telepathy"]"#)),
        parsers: ITEM,
        expect: Expect::Ok(|p| {
            item_of(p).is_some_and(|i| {
                i.billed_products == [Product::Auth, Product::Unknown("telepathy".into())]
            })
        }),
    },
];
