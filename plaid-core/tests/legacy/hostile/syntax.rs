//! Hostile bytes: bodies that are not the JSON asked for. Malformed and
//! truncated bodies, a content type that does not match, invalid UTF-8,
//! 10k-deep nesting and bodies of many mebibytes. Empty bodies and proxy
//! pages, which no legacy parser reads differently from a modern one, are
//! in `support::hostile_common`.

use super::*;
use plaid_core::ErrorKind as K;
use plaid_core::legacy::models::DeleteResponse;

/// One account JSON array from its balance, type and subtype literals.
macro_rules! account {
    ($balance:literal, $type:literal, $subtype:literal) => {
        concat!(
            r#"[{"_id":"a1","balance":"#,
            $balance,
            r#","type":"#,
            $type,
            r#","subtype":"#,
            $subtype,
            "}]"
        )
    };
}

const GOOD_ACCOUNTS: &str = account!(
    r#"{"available":1.5,"current":2.5}"#,
    r#""depository""#,
    r#""checking""#
);

const TX: &str = r#"{"_id":"t1","_account":"a1","amount":12.5,"date":"2014-04-11","name":"Coffee","pending":false,"category":["Food and Drink"]}"#;

fn eight_mib_whitespace_then_json() -> Vec<u8> {
    let mut body = vec![b' '; 8 << 20];
    body.extend_from_slice(good_connect!("[]"));
    body.extend_from_slice(b"\n\t\r ");
    body
}

fn deeply_nested_mfa() -> Vec<u8> {
    let mut body = br#"{"type":"retina","access_token":"t","mfa":"#.to_vec();
    body.extend(std::iter::repeat_n(b'[', 10_000));
    body.extend(std::iter::repeat_n(b']', 10_000));
    body.push(b'}');
    body
}

fn deeply_nested_error() -> Vec<u8> {
    let mut body = br#"{"code":1205,"message":"#.to_vec();
    body.extend(std::iter::repeat_n(b'{', 10_000));
    body
}

fn eight_mib_string_field() -> Vec<u8> {
    let name = "x".repeat(8 << 20);
    format!(
        r#"{{"accounts":{GOOD_ACCOUNTS},"transactions":[{{"_id":"t","_account":"a1","amount":1,"date":"2014-04-11","name":"{name}"}}],"access_token":"t"}}"#
    )
    .into_bytes()
}

fn many_transactions() -> Vec<u8> {
    let list = vec![TX; 20_000].join(",");
    format!(r#"{{"accounts":{GOOD_ACCOUNTS},"transactions":[{list}],"access_token":"t"}}"#)
        .into_bytes()
}

pub(super) static CASES: &[Case] = &[
    // ---- malformed and truncated JSON ----
    Case {
        name: "malformed json (trailing comma)",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"accounts":[],"access_token":"t",}"#),
        parsers: OBJECTS,
        expect: decode(None),
    },
    Case {
        name: "malformed json (single quotes)",
        status: 200,
        content_type: JSON,
        body: Body::B(b"{'message':'ok'}"),
        parsers: OBJECTS,
        expect: decode(None),
    },
    Case {
        name: "truncated body mid-object",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"accounts":[{"_id":"a1","balance":{"avail"#),
        parsers: PLAIN_ITEM,
        expect: decode(Some("accounts[0].balance.?")),
    },
    Case {
        name: "truncated body after a complete value",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"message":"success""#),
        parsers: MESSAGE,
        expect: decode(None),
    },
    Case {
        name: "trailing garbage after valid json",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"message":"success"} trailing"#),
        parsers: MESSAGE,
        expect: decode(None),
    },
    Case {
        name: "truncated error body on 402",
        status: 402,
        content_type: JSON,
        body: Body::B(br#"{"code":1200,"message":"invalid cred"#),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
    // ---- content type is not consulted ----
    Case {
        name: "valid body, text/html content type (tolerated)",
        status: 200,
        content_type: HTML,
        body: Body::B(br#"{"message":"success"}"#),
        parsers: MESSAGE,
        expect: Expect::Ok(|p| {
            p.downcast_ref::<DeleteResponse>()
                .is_some_and(|d| d.message == "success")
        }),
    },
    Case {
        name: "valid body, no content type (tolerated)",
        status: 200,
        content_type: None,
        body: Body::B(good_connect!("[]")),
        parsers: ITEM,
        expect: Expect::Ok(|_| true),
    },
    Case {
        name: "valid error body, text/plain content type",
        status: 402,
        content_type: Some("text/plain"),
        body: Body::B(br#"{"code":1205,"message":"account locked","resolve":"call"}"#),
        parsers: ALL,
        expect: api(K::ClientError, 1205),
    },
    // ---- invalid UTF-8 ----
    Case {
        name: "invalid utf-8 inside a string on 200",
        status: 200,
        content_type: JSON,
        body: Body::B(b"{\"message\":\"succ\xff\xfeess\"}"),
        parsers: MESSAGE,
        expect: decode(Some("message")),
    },
    Case {
        name: "invalid utf-8 error body on 400",
        status: 400,
        content_type: JSON,
        body: Body::B(b"{\"code\":1000,\"message\":\"\xc3\x28\"}"),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
    // ---- deep nesting ----
    Case {
        name: "10k nested arrays on 200",
        status: 200,
        content_type: JSON,
        body: Body::Gen(deeply_nested_arrays),
        parsers: Parsers::Where(Parser::is_flat_object),
        expect: decode(Some("[0]")),
    },
    Case {
        name: "10k nested arrays in an unknown mfa",
        status: 201,
        content_type: JSON,
        body: Body::Gen(deeply_nested_mfa),
        parsers: MFA,
        // `mfa` is decoded after its `type` is known, so the error names
        // the field in its message rather than in a path.
        expect: decode(None),
    },
    Case {
        name: "10k nested objects in an error body",
        status: 402,
        content_type: JSON,
        body: Body::Gen(deeply_nested_error),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
    // ---- large bodies ----
    Case {
        name: "8 MiB of whitespace then valid json",
        status: 200,
        content_type: JSON,
        body: Body::Gen(eight_mib_whitespace_then_json),
        parsers: Parsers::Named(&["Get<Connect>", "Add<Connect>"]),
        expect: Expect::Ok(|p| connect_ok(p).is_some_and(|d| d.accounts.len() == 1)),
    },
    Case {
        name: "8 MiB string field",
        status: 200,
        content_type: JSON,
        body: Body::Gen(eight_mib_string_field),
        parsers: PLAIN_TRANSACTIONS,
        expect: Expect::Ok(|p| {
            connect_ok(p).is_some_and(|d| d.transactions.as_ref().unwrap()[0].name.len() == 8 << 20)
        }),
    },
    Case {
        name: "20k transactions",
        status: 200,
        content_type: JSON,
        body: Body::Gen(many_transactions),
        parsers: PLAIN_TRANSACTIONS,
        expect: Expect::Ok(|p| {
            connect_ok(p).is_some_and(|d| d.transactions.as_ref().unwrap().len() == 20_000)
        }),
    },
    Case {
        name: "8 MiB whitespace on 503",
        status: 503,
        content_type: JSON,
        body: Body::Gen(eight_mib_whitespace_then_json),
        parsers: ALL,
        expect: no_api(K::ServerError),
    },
];
