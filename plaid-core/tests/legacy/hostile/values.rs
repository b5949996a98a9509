//! Hostile values: well-formed JSON whose values are huge, of the wrong
//! type, null, unknown or missing, plus the odd shapes the decoder
//! tolerates on purpose.

use super::*;
use plaid_core::ErrorKind as K;
use plaid_core::legacy::models::{
    AccountSubtype, AccountType, InstitutionsPage, Mfa, SearchResults,
};

pub(super) static CASES: &[Case] = &[
    // ---- huge numbers ----
    Case {
        name: "amount 1e400",
        status: 200,
        content_type: JSON,
        body: Body::B(good_connect!(
            r#"[{"_id":"t","_account":"a1","amount":1e400,"date":"2014-04-11","name":"n"}]"#
        )),
        parsers: TRANSACTIONS,
        expect: decode(Some("transactions[0].amount")),
    },
    Case {
        name: "total_count 2^64",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"total_count":18446744073709551616,"results":[]}"#),
        parsers: Parsers::Shape(Success::Page),
        expect: decode(Some("total_count")),
    },
    Case {
        name: "total_count 2^64-1 (fits)",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"total_count":18446744073709551615,"results":[]}"#),
        parsers: Parsers::Shape(Success::Page),
        expect: Expect::Ok(|p| {
            p.downcast_ref::<InstitutionsPage>()
                .is_some_and(|page| page.total_count == u64::MAX)
        }),
    },
    Case {
        name: "income stream count 2^32",
        status: 200,
        content_type: JSON,
        body: Body::B(
            br#"{"accounts":[],"income":{"number_of_income_streams":4294967296},"access_token":"t"}"#,
        ),
        parsers: Parsers::Shape(Success::Item(Data::Income)),
        expect: decode(Some("income.number_of_income_streams")),
    },
    Case {
        name: "error code 2^32 is not an api error",
        status: 402,
        content_type: JSON,
        body: Body::B(br#"{"code":4294967296,"message":"m"}"#),
        parsers: ALL,
        expect: no_api(K::ClientError),
    },
    Case {
        name: "negative total_count",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"total_count":-1,"results":[]}"#),
        parsers: Parsers::Shape(Success::Page),
        expect: decode(Some("total_count")),
    },
    // ---- wrong JSON types, one per field kind ----
    Case {
        name: "string field given a number (account _id)",
        status: 200,
        content_type: JSON,
        body: Body::B(connect!(
            r#"[{"_id":42,"balance":{},"type":"depository"}]"#,
            "[]"
        )),
        parsers: ITEM,
        expect: decode(Some("accounts[0]._id")),
    },
    Case {
        name: "number field given a string (amount)",
        status: 200,
        content_type: JSON,
        body: Body::B(good_connect!(
            r#"[{"_id":"t","_account":"a1","amount":"12.50","date":"2014-04-11","name":"n"}]"#
        )),
        parsers: TRANSACTIONS,
        expect: decode(Some("transactions[0].amount")),
    },
    Case {
        name: "bool field given a string (pending)",
        status: 200,
        content_type: JSON,
        body: Body::B(good_connect!(
            r#"[{"_id":"t","_account":"a1","amount":1,"date":"2014-04-11","name":"n","pending":"false"}]"#
        )),
        parsers: TRANSACTIONS,
        expect: decode(Some("transactions[0].pending")),
    },
    Case {
        name: "array field given an object (accounts)",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"accounts":{},"access_token":"t"}"#),
        parsers: ITEM,
        expect: decode(Some("accounts")),
    },
    Case {
        name: "object field given a string (balance)",
        status: 200,
        content_type: JSON,
        body: Body::B(connect!(
            r#"[{"_id":"a","balance":"1.5","type":"depository"}]"#,
            "[]"
        )),
        parsers: ITEM,
        expect: decode(Some("accounts[0].balance")),
    },
    Case {
        name: "enum field given a bool (account type)",
        status: 200,
        content_type: JSON,
        body: Body::B(connect!(
            r#"[{"_id":"a","balance":{},"type":true}]"#,
            "[]"
        )),
        parsers: ITEM,
        expect: decode(Some("accounts[0].type")),
    },
    Case {
        name: "required string given null (access_token)",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"accounts":[],"access_token":null}"#),
        parsers: ITEM,
        expect: decode(Some("access_token")),
    },
    Case {
        name: "date given a number",
        status: 200,
        content_type: JSON,
        body: Body::B(good_connect!(
            r#"[{"_id":"t","_account":"a1","amount":1,"date":20140411,"name":"n"}]"#
        )),
        parsers: PLAIN_TRANSACTIONS,
        expect: decode(Some("transactions[0].date")),
    },
    Case {
        name: "category hierarchy given a string",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"[{"id":"1","hierarchy":"Food","type":"place"}]"#),
        parsers: Parsers::Shape(Success::Categories),
        expect: decode(Some("[0].hierarchy")),
    },
    // ---- null where an object is expected ----
    Case {
        name: "null balance",
        status: 200,
        content_type: JSON,
        body: Body::B(connect!(
            r#"[{"_id":"a","balance":null,"type":"depository"}]"#,
            "[]"
        )),
        parsers: ITEM,
        expect: decode(Some("accounts[0].balance")),
    },
    Case {
        name: "null optional transactions (tolerated)",
        status: 200,
        content_type: JSON,
        body: Body::B(good_connect!("null")),
        parsers: CONNECT,
        expect: Expect::Ok(|p| connect_ok(p).is_some_and(|d| d.transactions.is_none())),
    },
    // ---- unknown values are kept ----
    Case {
        name: "unknown mfa type is kept",
        status: 201,
        content_type: JSON,
        body: Body::B(br#"{"type":"retina","mfa":{"eye":"left"},"access_token":"t"}"#),
        parsers: MFA,
        expect: Expect::Ok(|p| {
            challenge_of(p).is_some_and(|c| {
                matches!(&c.mfa, Mfa::Unknown { kind, mfa } if kind == "retina" && mfa["eye"] == "left")
            })
        }),
    },
    Case {
        name: "unknown account type and subtype are kept",
        status: 200,
        content_type: JSON,
        body: Body::B(connect!(
            r#"[{"_id":"a","balance":{},"type":"crypto","subtype":"cold wallet"}]"#,
            "[]"
        )),
        parsers: CONNECT,
        expect: Expect::Ok(|p| {
            connect_ok(p).is_some_and(|d| {
                d.accounts[0].account_type == AccountType::Unknown("crypto".into())
                    && d.accounts[0].subtype == Some(AccountSubtype::Unknown("cold wallet".into()))
            })
        }),
    },
    Case {
        name: "unknown error code is kept",
        status: 402,
        content_type: JSON,
        body: Body::B(br#"{"code":4242,"message":"new","resolve":"r"}"#),
        parsers: ALL,
        expect: api(K::ClientError, 4242),
    },
    // ---- missing required fields, extra fields ----
    Case {
        name: "missing access_token",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"accounts":[]}"#),
        parsers: ITEM,
        expect: decode(None),
    },
    Case {
        name: "missing transaction date",
        status: 200,
        content_type: JSON,
        body: Body::B(good_connect!(
            r#"[{"_id":"t","_account":"a1","amount":1,"name":"n"}]"#
        )),
        parsers: PLAIN_TRANSACTIONS,
        expect: decode(Some("transactions[0]")),
    },
    Case {
        name: "extra fields everywhere are ignored",
        status: 200,
        content_type: JSON,
        body: Body::B(
            br#"{"x":1,"accounts":[{"_id":"a","balance":{"current":3,"y":[]},"type":"credit","z":{}}],"transactions":[{"_id":"t","_account":"a","amount":-1.25,"date":"2016-02-29","name":"n","w":null}],"access_token":"t","v":"u"}"#,
        ),
        parsers: CONNECT,
        expect: Expect::Ok(|p| {
            connect_ok(p).is_some_and(|d| {
                let tx = &d.transactions.as_ref().unwrap()[0];
                tx.amount.as_f64() == -1.25 && tx.date.to_string() == "2016-02-29"
            })
        }),
    },
    // ---- tolerant shapes ----
    Case {
        name: "search answered with one object",
        status: 200,
        content_type: JSON,
        body: Body::B(br#"{"id":"5301a93ac140de84910000e0","name":"Chase"}"#),
        parsers: Parsers::Shape(Success::Search),
        expect: Expect::Ok(|p| {
            p.downcast_ref::<SearchResults>()
                .is_some_and(|r| r.len() == 1 && r[0].name == "Chase")
        }),
    },
    Case {
        name: "device challenge as a plain string",
        status: 201,
        content_type: JSON,
        body: Body::B(br#"{"type":"device","mfa":"Code sent","access_token":"t"}"#),
        parsers: MFA,
        expect: Expect::Ok(|p| {
            challenge_of(p).is_some_and(
                |c| matches!(&c.mfa, Mfa::Device { message } if message == "Code sent"),
            )
        }),
    },
    Case {
        name: "questions challenge with wrong mfa shape",
        status: 201,
        content_type: JSON,
        body: Body::B(br#"{"type":"questions","mfa":{"question":"q"},"access_token":"t"}"#),
        parsers: MFA,
        expect: decode(None),
    },
    Case {
        name: "bom before json",
        status: 200,
        content_type: JSON,
        body: Body::B(b"\xef\xbb\xbf{\"message\":\"success\"}"),
        parsers: MESSAGE,
        expect: decode(None),
    },
];
