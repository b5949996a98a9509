//! The hostile cases that know nothing of a family's wire format: empty
//! bodies, proxy and captive-portal pages, bytes that are not UTF-8, deep
//! nesting on an error status, a bare `null`, and statuses no API sends.
//! Every parser of either family must read each the same way, so the cases
//! are written once, generic over the registry, and each family chains
//! them to its own tables (`static COMMON: [Case; COUNT] = cases();`).
//!
//! A case whose body or expectation is the family's own (an error body, a
//! truncated answer, a decode path) stays in the family's table, even when
//! its name is the same in both.

use plaid_core::ErrorKind as K;

use super::hostile::{Body, Case, HTML, JSON, Parser, Parsers, decode, no_api};

/// How many cases [`cases`] returns.
pub(crate) const COUNT: usize = 17;

/// 10k nested arrays, opened and closed: past serde_json's recursion limit.
pub(crate) fn deeply_nested_arrays() -> Vec<u8> {
    let mut body = vec![b'['; 10_000];
    body.extend(std::iter::repeat_n(b']', 10_000));
    body
}

/// The family-neutral cases, each for every parser of `P`'s registry.
pub(crate) const fn cases<P: Parser>() -> [Case<P>; COUNT] {
    [
        // ---- empty bodies ----
        Case {
            name: "empty body 200",
            status: 200,
            content_type: JSON,
            body: Body::B(b""),
            parsers: Parsers::ALL,
            expect: decode(None),
        },
        Case {
            name: "whitespace body 200",
            status: 200,
            content_type: JSON,
            body: Body::B(b" \r\n\t "),
            parsers: Parsers::ALL,
            expect: decode(None),
        },
        Case {
            name: "empty body 201",
            status: 201,
            content_type: JSON,
            body: Body::B(b""),
            parsers: Parsers::ALL,
            expect: decode(None),
        },
        Case {
            name: "empty body 204",
            status: 204,
            content_type: None,
            body: Body::B(b""),
            parsers: Parsers::ALL,
            expect: decode(None),
        },
        Case {
            name: "empty body 400",
            status: 400,
            content_type: JSON,
            body: Body::B(b""),
            parsers: Parsers::ALL,
            expect: no_api(K::ClientError),
        },
        Case {
            name: "empty body 500",
            status: 500,
            content_type: None,
            body: Body::B(b""),
            parsers: Parsers::ALL,
            expect: no_api(K::ServerError),
        },
        // ---- HTML pages from proxies ----
        Case {
            name: "html 400 from a proxy",
            status: 400,
            content_type: HTML,
            body: Body::B(b"<html><body><h1>400 Bad Request</h1></body></html>"),
            parsers: Parsers::ALL,
            expect: no_api(K::ClientError),
        },
        Case {
            name: "html 403 from a firewall",
            status: 403,
            content_type: HTML,
            body: Body::B(b"<!DOCTYPE html><html><title>Access denied</title></html>"),
            parsers: Parsers::ALL,
            expect: no_api(K::ClientError),
        },
        Case {
            name: "html 429 from a proxy",
            status: 429,
            content_type: HTML,
            body: Body::B(b"<html><body>Too Many Requests</body></html>"),
            parsers: Parsers::ALL,
            expect: no_api(K::RateLimited),
        },
        Case {
            name: "html 502 from a proxy",
            status: 502,
            content_type: HTML,
            body: Body::B(b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
            parsers: Parsers::ALL,
            expect: no_api(K::ServerError),
        },
        Case {
            name: "html 503 from a proxy",
            status: 503,
            content_type: HTML,
            body: Body::B(b"<html><body>Service Unavailable</body></html>"),
            parsers: Parsers::ALL,
            expect: no_api(K::ServerError),
        },
        Case {
            name: "html 504 from a proxy",
            status: 504,
            content_type: HTML,
            body: Body::B(b"<html>Gateway Timeout</html>"),
            parsers: Parsers::ALL,
            expect: no_api(K::ServerError),
        },
        Case {
            name: "html 200 from a captive portal",
            status: 200,
            content_type: HTML,
            body: Body::B(b"<html>Please log in</html>"),
            parsers: Parsers::ALL,
            expect: decode(None),
        },
        // ---- bytes that are not JSON, or not an answer ----
        Case {
            name: "invalid utf-8 outside json on 200",
            status: 200,
            content_type: JSON,
            body: Body::B(b"\xff\xfe\x00{}"),
            parsers: Parsers::ALL,
            expect: decode(None),
        },
        Case {
            name: "10k nested arrays on 500",
            status: 500,
            content_type: JSON,
            body: Body::Gen(deeply_nested_arrays),
            parsers: Parsers::ALL,
            expect: no_api(K::ServerError),
        },
        Case {
            name: "null body",
            status: 200,
            content_type: JSON,
            body: Body::B(b"null"),
            parsers: Parsers::ALL,
            expect: decode(None),
        },
        // ---- odd statuses ----
        Case {
            name: "100 continue",
            status: 100,
            content_type: None,
            body: Body::B(b""),
            parsers: Parsers::ALL,
            expect: no_api(K::UnexpectedStatus),
        },
    ]
}
