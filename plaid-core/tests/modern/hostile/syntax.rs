//! Hostile bytes: bodies that are not the JSON asked for. Malformed and
//! truncated bodies, empty objects, a content type that does not match,
//! invalid UTF-8, 10k-deep nesting, bodies of many mebibytes and duplicate
//! keys. Empty bodies and HTML pages from proxies, which every parser of
//! either family reads alike, are in `support::hostile_common`.

use super::*;
use plaid_core::ErrorKind as K;
use plaid_core::modern::endpoints::AccountsGetResponse;

/// [`everything`] cut just after the first institution's `"oauth":`: the
/// two list parsers fail in that institution, every other parser while
/// skipping or reading the list.
fn truncated_in_institutions() -> Vec<u8> {
    let text = String::from_utf8(everything_bytes()).unwrap();
    let list = text.find(r#""institutions":["#).unwrap();
    let cut = list + text[list..].find(r#""oauth":"#).unwrap() + r#""oauth":"#.len();
    text.as_bytes()[..cut].to_vec()
}

fn eight_mib_whitespace_then_json() -> Vec<u8> {
    let mut body = vec![b' '; 8 << 20];
    body.extend_from_slice(&everything_bytes());
    body.extend_from_slice(b"\n\t\r ");
    body
}

fn nested(open: u8, close: u8, depth: usize) -> Vec<u8> {
    let mut body = vec![open; depth];
    body.extend(std::iter::repeat_n(close, depth));
    body
}

fn deeply_nested_unread_field() -> Vec<u8> {
    set_bytes(UNREAD, &nested(b'[', b']', 10_000))
}

/// `[0]` ten times.
macro_rules! ten_zeros {
    () => {
        "[0][0][0][0][0][0][0][0][0][0]"
    };
}

/// Where decoding 10k nested arrays in an Item error's `causes` stops:
/// serde_json's recursion limit is 128 levels, and `causes` is the fourth
/// (the body, `item`, `error`, `causes`), so 124 `[0]` deep.
const CAUSES_AT_THE_LIMIT: &str = concat!(
    "item.error.causes",
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    ten_zeros!(),
    "[0][0][0][0]"
);

/// An Item error whose `causes` (kept as untyped JSON) nest 10k deep.
fn deeply_nested_causes() -> Vec<u8> {
    let mut error = plaid_error("ITEM_ERROR", "ITEM_LOGIN_REQUIRED");
    error["causes"] = json!("@@causes@@");
    let nesting = String::from_utf8(nested(b'[', b']', 10_000)).unwrap();
    let error = error.to_string().replacen(r#""@@causes@@""#, &nesting, 1);
    set("/item/error", &error)
}

fn deeply_nested_error() -> Vec<u8> {
    let mut body = br#"{"error_type":"INVALID_INPUT","error_code":"X","error_message":"#.to_vec();
    body.extend(std::iter::repeat_n(b'{', 10_000));
    body
}

fn eight_mib_account_name() -> Vec<u8> {
    set("/accounts/0/name", &format!("\"{}\"", "x".repeat(8 << 20)))
}

fn many_accounts() -> Vec<u8> {
    let mut body = everything();
    let account = body["accounts"][0].clone();
    body["accounts"] = Value::Array(vec![account; 5_000]);
    body.to_string().into_bytes()
}

fn eight_mib_error_message() -> Vec<u8> {
    error_with("/error_message", &format!("\"{}\"", "m".repeat(8 << 20)))
}

pub(super) static CASES: &[Case] = &[
    // ---- malformed and truncated JSON ----
    Case {
        name: "malformed json (trailing comma)",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"request_id":"r",}"#),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "malformed json (single quotes)",
        status: 200,
        content_type: JSON,
        body: Body::B(b"{'request_id':'r'}"),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "malformed json (unquoted key)",
        status: 200,
        content_type: JSON,
        body: Body::B(b"{request_id:\"r\"}"),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "truncated body mid-object",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"accounts":[{"account_id":"a1","balances":{"avail"#),
        parsers: ACCOUNTS,
        expect: decode(Some("accounts[0].balances.?")),
    },
    Case {
        name: "truncated body after a complete value",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"request_id":"r""#),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "answer truncated in a listed institution",
        status: 200,
        content_type: JSON,
        body: Body::Gen(truncated_in_institutions),
        parsers: INSTITUTIONS,
        expect: decode(Some("institutions[0].oauth")),
    },
    Case {
        name: "answer truncated in a list the call skips or reads first",
        status: 200,
        content_type: JSON,
        body: Body::Gen(truncated_in_institutions),
        parsers: Parsers::Where(|p| !p.reads_institutions()),
        expect: decode(Some("institutions")),
    },
    Case {
        name: "trailing garbage after a valid answer",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            let mut body = everything_bytes();
            body.extend_from_slice(b" trailing");
            body
        }),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "two answers back to back",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| [everything_bytes(), everything_bytes()].concat()),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "truncated error body on 400",
        status: 400,
        content_type: JSON,
        body: Body::B(br#"{"error_type":"INVALID_INPUT","error_code":"INVALID_ACCESS_TOK"#),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
    // ---- empty bodies ----
    Case {
        name: "empty object 200",
        status: 200,
        content_type: JSON,
        body: Body::B(b"{}"),
        parsers: REQUIRES,
        expect: decode(None),
    },
    Case {
        name: "empty object 200 is a whole /item/remove or /transactions/refresh answer",
        status: 200,
        content_type: JSON,
        body: Body::B(b"{}"),
        parsers: NOTHING,
        expect: Expect::Ok(|p| nothing_request_id(p) == Some("")),
    },
    // ---- the content type is not consulted ----
    Case {
        name: "valid answer, text/html content type (tolerated)",
        status: 200,
        content_type: HTML,
        body: Body::Gen(everything_bytes),
        parsers: ALL,
        expect: Expect::Ok(|_| true),
    },
    Case {
        name: "valid answer, no content type (tolerated)",
        status: 200,
        content_type: None,
        body: Body::Gen(everything_bytes),
        parsers: ACCOUNTS,
        expect: Expect::Ok(|p| balances(p).is_some_and(|b| b.current.is_some())),
    },
    Case {
        name: "valid error body, text/plain content type",
        status: 400,
        content_type: Some("text/plain"),
        body: Body::Gen(|| {
            plaid_error("INVALID_INPUT", "INVALID_ACCESS_TOKEN")
                .to_string()
                .into_bytes()
        }),
        parsers: ALL,
        expect: api(K::ClientError, "INVALID_ACCESS_TOKEN"),
    },
    // ---- invalid UTF-8 and bad escapes ----
    Case {
        name: "invalid utf-8 inside a string on 200",
        status: 200,
        content_type: JSON,
        body: Body::B(b"{\"request_id\":\"req\xff\xfeid\"}"),
        parsers: ALL,
        expect: decode(Some("request_id")),
    },
    Case {
        name: "invalid utf-8 in an account name",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set_bytes("/accounts/0/name", b"\"Plaid \xff Checking\"")),
        parsers: ACCOUNTS,
        expect: decode(Some("accounts[0].name")),
    },
    Case {
        name: "invalid utf-8 in a field nobody reads",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set_bytes(UNREAD, b"\"note \xc3\x28\"")),
        parsers: ALL,
        expect: Expect::Ok(|_| true),
    },
    Case {
        name: "invalid utf-8 error body on 400",
        status: 400,
        content_type: JSON,
        body: Body::B(
            b"{\"error_type\":\"INVALID_INPUT\",\"error_code\":\"X\",\"error_message\":\"\xc3\x28\"}",
        ),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
    Case {
        name: "lone surrogate escape in a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/link_token", r#""link-\ud800-x""#)),
        parsers: Parsers::Shape(Success::LinkToken),
        expect: decode(Some("link_token")),
    },
    Case {
        name: "raw control character in a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/public_token", "\"public\u{1}sandbox\"")),
        parsers: Parsers::Shape(Success::PublicToken),
        expect: decode(Some("public_token")),
    },
    Case {
        name: "byte order mark before json",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| [b"\xef\xbb\xbf".to_vec(), everything_bytes()].concat()),
        parsers: ALL,
        expect: decode(None),
    },
    // ---- deep nesting ----
    Case {
        name: "10k nested arrays on 200",
        status: 200,
        content_type: JSON,
        body: Body::Gen(deeply_nested_arrays),
        parsers: ALL,
        expect: decode(None),
    },
    Case {
        name: "10k nested arrays in a field nobody reads are skipped",
        status: 200,
        content_type: JSON,
        body: Body::Gen(deeply_nested_unread_field),
        parsers: ALL,
        expect: Expect::Ok(|_| true),
    },
    Case {
        name: "10k nested arrays in an item error's causes",
        status: 200,
        content_type: JSON,
        body: Body::Gen(deeply_nested_causes),
        parsers: ITEM,
        expect: decode(Some(CAUSES_AT_THE_LIMIT)),
    },
    Case {
        name: "10k nested arrays in an error body's causes",
        status: 400,
        content_type: JSON,
        body: Body::Gen(|| {
            let nesting = String::from_utf8(nested(b'[', b']', 10_000)).unwrap();
            error_with("/causes", &nesting)
        }),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
    Case {
        name: "10k nested objects in an error body",
        status: 400,
        content_type: JSON,
        body: Body::Gen(deeply_nested_error),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
    // ---- large bodies ----
    Case {
        name: "8 MiB of whitespace then a valid answer",
        status: 200,
        content_type: JSON,
        body: Body::Gen(eight_mib_whitespace_then_json),
        parsers: Parsers::Named(&["AccountsGet", "ItemRemove", "LinkTokenCreate"]),
        expect: Expect::Ok(|_| true),
    },
    Case {
        name: "8 MiB account name",
        status: 200,
        content_type: JSON,
        body: Body::Gen(eight_mib_account_name),
        parsers: Parsers::Shape(Success::Accounts),
        expect: Expect::Ok(|p| {
            p.downcast_ref::<AccountsGetResponse>()
                .is_some_and(|r| r.accounts[0].name.len() == 8 << 20)
        }),
    },
    Case {
        name: "5k accounts",
        status: 200,
        content_type: JSON,
        body: Body::Gen(many_accounts),
        parsers: Parsers::Shape(Success::Accounts),
        expect: Expect::Ok(|p| {
            p.downcast_ref::<AccountsGetResponse>()
                .is_some_and(|r| r.accounts.len() == 5_000)
        }),
    },
    Case {
        name: "8 MiB error message on 400",
        status: 400,
        content_type: JSON,
        body: Body::Gen(eight_mib_error_message),
        parsers: ALL,
        expect: api(K::ClientError, "INVALID_ACCESS_TOKEN"),
    },
    Case {
        name: "8 MiB whitespace on 503",
        status: 503,
        content_type: JSON,
        body: Body::Gen(eight_mib_whitespace_then_json),
        parsers: ALL,
        expect: no_api(K::ServerError),
    },
    // ---- duplicate keys ----
    Case {
        name: "duplicate request_id",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"request_id":"a","request_id":"b"}"#),
        parsers: NOTHING,
        expect: decode(None),
    },
    Case {
        name: "duplicate money field",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/accounts/0/balances/current", r#"110,"current":999"#)),
        parsers: ACCOUNTS,
        expect: decode(Some("accounts[0].balances")),
    },
    Case {
        name: "duplicate access_token",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/access_token", r#""access-sandbox-1","access_token":"x""#)),
        parsers: Parsers::Shape(Success::Exchange),
        expect: decode(None),
    },
    Case {
        name: "duplicate unknown field is ignored",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set(UNREAD, r#""n","x":1,"x":2"#)),
        parsers: ITEM,
        expect: Expect::Ok(|p| {
            item_of(p).is_some_and(|i| i.item_id == "DWVAAPWq4RHGlEaNyGKRTAnPLaEmo8Cvq7na6")
        }),
    },
    Case {
        name: "duplicate error_code in an error body",
        status: 400,
        content_type: JSON,
        body: Body::Gen(|| error_with("/error_code", r#""INVALID_ACCESS_TOKEN","error_code":"X""#)),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
];
