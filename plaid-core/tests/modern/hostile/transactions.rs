//! Hostile values in the transactions answers: a transaction's dates and
//! date-times, its open enums, an incomplete `personal_finance_category`,
//! wrongly typed counterparties and payment details, once for a sync
//! page's `added` and once for a transactions page (`transaction_cases!`,
//! both read the same `Transaction`); then what only a sync page has (the
//! cursor, `has_more`, the update status, removals, a huge page), a
//! transactions page's total, and the recurring streams.
//!
//! Decisions the cases pin:
//! - a transaction whose required field (`date`, `pending`, `amount`…) is
//!   missing or unreadable fails the whole page at its path: a page read
//!   without one of its transactions would let the sync loop move its
//!   cursor past a change it never handed out;
//! - `personal_finance_category` needs both `primary` and `detailed` (the
//!   spec requires them); `null` is no category;
//! - `counterparties` must be a list: the spec does not make it nullable,
//!   so `null` is refused like any other wrong type (absent is empty);
//! - unknown enum values (payment channel, codes, confidence levels,
//!   counterparty types, update status, frequencies) are kept as
//!   `Unknown`, never refused;
//! - `next_cursor` must be a string; an empty one parses (the sync loop,
//!   not the parser, reads it as "not ready") and a long one is kept whole.

use super::fields::{NEXT_CURSOR, TRANSACTION_ID, added, inflow, listed, sync_page};
use super::*;
use plaid_core::DateTime;
use plaid_core::modern::endpoints::{TransactionsGetResponse, TransactionsRecurringGetResponse};
use plaid_core::modern::models::{
    ConfidenceLevel, CounterpartyType, PaymentChannel, PersonalFinanceCategoryVersion,
    RecurringTransactionFrequency, TransactionCode, TransactionStreamStatus, TransactionType,
    TransactionsUpdateStatus,
};
use std::sync::OnceLock;

/// Whether `text` is the date-time `parsed` holds.
fn is(parsed: Option<DateTime>, text: &str) -> bool {
    parsed.is_some_and(|at| at.to_string() == text)
}

/// The cases of one list's first transaction: `$site` ends each name,
/// `$at` is its JSON pointer, `$path` its decode path, `$parsers` the
/// parser that reads it and `$read` what that parser returned there.
macro_rules! transaction_cases {
    ($site:literal, $at:literal, $path:literal, $parsers:expr, $read:path) => {
        [
            // ---- dates and date-times ----
            Case {
                name: concat!("date with a time", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/date"), r#""2023-09-24T11:01:01Z""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".date"))),
            },
            Case {
                name: concat!("date on February 30th", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/date"), r#""2023-02-30""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".date"))),
            },
            Case {
                name: concat!("date without zero padding", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/date"), r#""2023-9-24""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".date"))),
            },
            Case {
                name: concat!("date as a number", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/date"), "20230924")),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".date"))),
            },
            Case {
                name: concat!("date null where required", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/date"), "null")),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".date"))),
            },
            Case {
                name: concat!("authorized_date in US order", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/authorized_date"), r#""09/22/2023""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".authorized_date"))),
            },
            Case {
                name: concat!("authorized_date null is no date", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/authorized_date"), "null")),
                parsers: $parsers,
                expect: Expect::Ok(|p| $read(p).is_some_and(|t| t.authorized_date.is_none())),
            },
            Case {
                name: concat!("datetime without a zone", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/datetime"), r#""2023-09-24T11:01:01""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".datetime"))),
            },
            Case {
                name: concat!("datetime as a date", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/datetime"), r#""2023-09-24""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".datetime"))),
            },
            Case {
                name: concat!("datetime null is no time", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/datetime"), "null")),
                parsers: $parsers,
                expect: Expect::Ok(|p| $read(p).is_some_and(|t| t.datetime.is_none())),
            },
            Case {
                name: concat!("datetime with an offset keeps it", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| {
                    set(concat!($at, "/datetime"), r#""2023-09-24T04:01:01-07:00""#)
                }),
                parsers: $parsers,
                expect: Expect::Ok(|p| {
                    $read(p).is_some_and(|t| is(t.datetime, "2023-09-24T04:01:01-07:00"))
                }),
            },
            Case {
                name: concat!(
                    "authorized_datetime on February 29th of a common year",
                    $site
                ),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| {
                    set(
                        concat!($at, "/authorized_datetime"),
                        r#""2023-02-29T10:00:00Z""#,
                    )
                }),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".authorized_datetime"))),
            },
            // ---- open enums ----
            Case {
                name: concat!("unknown payment channel, code and type are kept", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| {
                    with_values(&[
                        (concat!($at, "/payment_channel"), json!("hologram")),
                        (concat!($at, "/transaction_code"), json!("teleport")),
                        (concat!($at, "/transaction_type"), json!("telepathic")),
                    ])
                }),
                parsers: $parsers,
                expect: Expect::Ok(|p| {
                    $read(p).is_some_and(|t| {
                        t.payment_channel == PaymentChannel::Unknown("hologram".into())
                            && t.transaction_code
                                == Some(TransactionCode::Unknown("teleport".into()))
                            && t.transaction_type
                                == Some(TransactionType::Unknown("telepathic".into()))
                    })
                }),
            },
            Case {
                name: concat!("payment channel as a number", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/payment_channel"), "2")),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".payment_channel"))),
            },
            // ---- personal_finance_category ----
            Case {
                name: concat!("personal_finance_category without detailed", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| {
                    set(
                        concat!($at, "/personal_finance_category"),
                        r#"{"primary":"FOOD_AND_DRINK"}"#,
                    )
                }),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".personal_finance_category"))),
            },
            Case {
                name: concat!("personal_finance_category empty", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/personal_finance_category"), "{}")),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".personal_finance_category"))),
            },
            Case {
                name: concat!("personal_finance_category detailed as a number", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/personal_finance_category/detailed"), "17")),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".personal_finance_category.detailed"))),
            },
            Case {
                name: concat!("personal_finance_category null is no category", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/personal_finance_category"), "null")),
                parsers: $parsers,
                expect: Expect::Ok(|p| {
                    $read(p).is_some_and(|t| t.personal_finance_category.is_none())
                }),
            },
            Case {
                name: concat!("personal_finance_category with only its two names", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| {
                    set(
                        concat!($at, "/personal_finance_category"),
                        r#"{"primary":"INCOME","detailed":"INCOME_WAGES"}"#,
                    )
                }),
                parsers: $parsers,
                expect: Expect::Ok(|p| {
                    $read(p)
                        .and_then(|t| t.personal_finance_category.as_ref())
                        .is_some_and(|c| {
                            c.detailed == "INCOME_WAGES"
                                && c.confidence_level.is_none()
                                && c.version.is_none()
                        })
                }),
            },
            Case {
                name: concat!("unknown category confidence and version are kept", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| {
                    with_values(&[
                        (
                            concat!($at, "/personal_finance_category/confidence_level"),
                            json!("CERTAIN"),
                        ),
                        (
                            concat!($at, "/personal_finance_category/version"),
                            json!("v9"),
                        ),
                    ])
                }),
                parsers: $parsers,
                expect: Expect::Ok(|p| {
                    $read(p)
                        .and_then(|t| t.personal_finance_category.as_ref())
                        .is_some_and(|c| {
                            c.confidence_level == Some(ConfidenceLevel::Unknown("CERTAIN".into()))
                                && c.version
                                    == Some(PersonalFinanceCategoryVersion::Unknown("v9".into()))
                        })
                }),
            },
            // ---- counterparties ----
            Case {
                name: concat!("counterparties given an object", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/counterparties"), r#"{"name":"Walmart"}"#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".counterparties"))),
            },
            Case {
                name: concat!("counterparties null (not nullable in the spec)", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/counterparties"), "null")),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".counterparties"))),
            },
            Case {
                name: concat!("a counterparty given a string", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/counterparties/0"), r#""Walmart""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".counterparties[0]"))),
            },
            Case {
                name: concat!("counterparty name as a number", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/counterparties/0/name"), "1700")),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".counterparties[0].name"))),
            },
            Case {
                name: concat!("counterparty type as a list", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/counterparties/0/type"), r#"["merchant"]"#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".counterparties[0].type"))),
            },
            Case {
                name: concat!("counterparty account number as a number", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| {
                    set(
                        concat!($at, "/counterparties/0/account_numbers/bacs/account"),
                        "31926819",
                    )
                }),
                parsers: $parsers,
                expect: decode(Some(concat!(
                    $path,
                    ".counterparties[0].account_numbers.bacs.account"
                ))),
            },
            Case {
                name: concat!("unknown counterparty type and confidence are kept", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| {
                    with_values(&[
                        (concat!($at, "/counterparties/0/type"), json!("charity")),
                        (
                            concat!($at, "/counterparties/0/confidence_level"),
                            json!("CERTAIN"),
                        ),
                        (
                            concat!($at, "/counterparties/0/account_numbers"),
                            Value::Null,
                        ),
                    ])
                }),
                parsers: $parsers,
                expect: Expect::Ok(|p| {
                    $read(p)
                        .and_then(|t| t.counterparties.first())
                        .is_some_and(|c| {
                            c.counterparty_type == CounterpartyType::Unknown("charity".into())
                                && c.confidence_level
                                    == Some(ConfidenceLevel::Unknown("CERTAIN".into()))
                                && c.account_numbers.is_none()
                        })
                }),
            },
            // ---- other fields of the wrong type ----
            Case {
                name: concat!("pending as a string", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/pending"), r#""false""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".pending"))),
            },
            Case {
                name: concat!("payer as a number", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/payment_meta/payer"), "42")),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".payment_meta.payer"))),
            },
            Case {
                name: concat!("location latitude as a string", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/location/lat"), r#""32.959068""#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".location.lat"))),
            },
            Case {
                name: concat!("account owner as an object", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set(concat!($at, "/account_owner"), r#"{"name":"x"}"#)),
                parsers: $parsers,
                expect: decode(Some(concat!($path, ".account_owner"))),
            },
            Case {
                name: concat!("missing transaction_id", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| remove(concat!($at, "/transaction_id"))),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
        ]
    };
}

/// 5,000 added transactions on one page, built once: the runner asks for
/// the body once per parser.
fn five_thousand_added() -> Vec<u8> {
    static BODY: OnceLock<Vec<u8>> = OnceLock::new();
    let body = BODY.get_or_init(|| {
        let mut body = everything();
        let purchase = body["added"][0].clone();
        body["added"] = Value::Array(vec![purchase; 5_000]);
        body.to_string().into_bytes()
    });
    body.clone()
}

/// A cursor of 10 KiB, far over the 256 characters the spec documents.
fn long_cursor() -> String {
    "c".repeat(10 << 10)
}

static ADDED: &[Case] = &transaction_cases!(" (sync added)", "/added/0", "added[0]", SYNC, added);
static LISTED: &[Case] = &transaction_cases!(
    " (transactions page)",
    "/transactions/0",
    "transactions[0]",
    GET,
    listed
);

static PAGES: &[Case] = &[
    // ---- both lists ----
    Case {
        name: "fields a transaction gains later are ignored",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            let mut body = everything();
            for list in ["added", "modified", "transactions"] {
                body[list][0]["carbon_footprint"] = json!({"kg": 1.5, "source": [1, 2]});
            }
            body.to_string().into_bytes()
        }),
        parsers: TRANSACTIONS,
        expect: Expect::Ok(|p| {
            added(p)
                .or_else(|| listed(p))
                .is_some_and(|t| t.transaction_id == TRANSACTION_ID)
        }),
    },
    // ---- a sync page: the cursor and has_more ----
    Case {
        name: "has_more as a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/has_more", r#""true""#)),
        parsers: SYNC,
        expect: decode(Some("has_more")),
    },
    Case {
        name: "has_more null",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/has_more", "null")),
        parsers: SYNC,
        expect: decode(Some("has_more")),
    },
    Case {
        name: "next_cursor null",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/next_cursor", "null")),
        parsers: SYNC,
        expect: decode(Some("next_cursor")),
    },
    Case {
        name: "next_cursor as a number",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/next_cursor", "1234")),
        parsers: SYNC,
        expect: decode(Some("next_cursor")),
    },
    Case {
        name: "missing next_cursor",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| remove("/next_cursor")),
        parsers: SYNC,
        expect: decode(None),
    },
    Case {
        name: "an empty next_cursor parses (the loop reads it as not ready)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/next_cursor", r#""""#)),
        parsers: SYNC,
        expect: Expect::Ok(|p| sync_page(p).is_some_and(|s| s.next_cursor.is_empty())),
    },
    Case {
        name: "a 10 KiB next_cursor is kept whole",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/next_cursor", &json!(long_cursor()).to_string())),
        parsers: SYNC,
        expect: Expect::Ok(|p| sync_page(p).is_some_and(|s| s.next_cursor == long_cursor())),
    },
    Case {
        name: "the base sync page reads whole",
        status: 200,
        content_type: JSON,
        body: Body::Gen(everything_bytes),
        parsers: SYNC,
        expect: Expect::Ok(|p| {
            sync_page(p).is_some_and(|s| {
                s.next_cursor == NEXT_CURSOR
                    && !s.has_more
                    && s.added[0].transaction_id == TRANSACTION_ID
                    && s.modified.len() == 1
                    && s.removed.len() == 1
                    && s.transactions_update_status
                        == TransactionsUpdateStatus::HistoricalUpdateComplete
            })
        }),
    },
    Case {
        name: "unknown transactions_update_status is kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/transactions_update_status", r#""PARTIALLY_PULLED""#)),
        parsers: SYNC,
        expect: Expect::Ok(|p| {
            sync_page(p).is_some_and(|s| {
                s.transactions_update_status
                    == TransactionsUpdateStatus::Unknown("PARTIALLY_PULLED".into())
            })
        }),
    },
    Case {
        name: "transactions_update_status as a number",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/transactions_update_status", "3")),
        parsers: SYNC,
        expect: decode(Some("transactions_update_status")),
    },
    Case {
        name: "a removal without its account",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| remove("/removed/0/account_id")),
        parsers: SYNC,
        expect: decode(Some("removed[0]")),
    },
    Case {
        name: "removed given an object",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/removed", r#"{"transaction_id":"t1"}"#)),
        parsers: SYNC,
        expect: decode(Some("removed")),
    },
    Case {
        name: "a broken modified transaction fails the page",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/modified/0/date", r#""yesterday""#)),
        parsers: SYNC,
        expect: decode(Some("modified[0].date")),
    },
    Case {
        name: "5k added transactions",
        status: 200,
        content_type: JSON,
        body: Body::Gen(five_thousand_added),
        parsers: SYNC,
        expect: Expect::Ok(|p| {
            sync_page(p).is_some_and(|s| {
                s.added.len() == 5_000 && s.added.iter().all(|t| t.transaction_id == TRANSACTION_ID)
            })
        }),
    },
    // ---- a transactions page's total ----
    Case {
        name: "total_transactions -1",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total_transactions", "-1")),
        parsers: GET,
        expect: decode(Some("total_transactions")),
    },
    Case {
        name: "total_transactions 2^64",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total_transactions", "18446744073709551616")),
        parsers: GET,
        expect: decode(Some("total_transactions")),
    },
    Case {
        name: "total_transactions 2^64-1 (fits)",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total_transactions", "18446744073709551615")),
        parsers: GET,
        expect: Expect::Ok(|p| {
            p.downcast_ref::<TransactionsGetResponse>()
                .is_some_and(|r| r.total_transactions == u64::MAX)
        }),
    },
    Case {
        name: "total_transactions as a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total_transactions", r#""1""#)),
        parsers: GET,
        expect: decode(Some("total_transactions")),
    },
    Case {
        name: "transactions given an object",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/transactions", "{}")),
        parsers: GET,
        expect: decode(Some("transactions")),
    },
    // ---- recurring streams ----
    Case {
        name: "updated_datetime without a zone",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/updated_datetime", r#""2023-05-01T12:30:00""#)),
        parsers: STREAMS,
        expect: decode(Some("updated_datetime")),
    },
    Case {
        name: "updated_datetime null where required",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/updated_datetime", "null")),
        parsers: STREAMS,
        expect: decode(Some("updated_datetime")),
    },
    Case {
        name: "stream first_date with a time",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/inflow_streams/0/first_date", r#""2022-02-28T00:00:00Z""#)),
        parsers: STREAMS,
        expect: decode(Some("inflow_streams[0].first_date")),
    },
    Case {
        name: "stream predicted_next_date null is no date",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/inflow_streams/0/predicted_next_date", "null")),
        parsers: STREAMS,
        expect: Expect::Ok(|p| inflow(p).is_some_and(|s| s.predicted_next_date.is_none())),
    },
    Case {
        name: "unknown stream frequency, status and taxonomy are kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            with_values(&[
                ("/inflow_streams/0/frequency", json!("FORTNIGHTLY_ISH")),
                ("/inflow_streams/0/status", json!("DORMANT")),
                ("/personal_finance_category_version", json!("v9")),
            ])
        }),
        parsers: STREAMS,
        expect: Expect::Ok(|p| {
            let answer = p.downcast_ref::<TransactionsRecurringGetResponse>();
            answer.is_some_and(|r| {
                let stream = &r.inflow_streams[0];
                stream.frequency == RecurringTransactionFrequency::Unknown("FORTNIGHTLY_ISH".into())
                    && stream.status == TransactionStreamStatus::Unknown("DORMANT".into())
                    && r.personal_finance_category_version
                        == Some(PersonalFinanceCategoryVersion::Unknown("v9".into()))
            })
        }),
    },
    Case {
        name: "stream transaction_ids given a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/inflow_streams/0/transaction_ids", r#""t1""#)),
        parsers: STREAMS,
        expect: decode(Some("inflow_streams[0].transaction_ids")),
    },
    Case {
        name: "stream average_amount given a number",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/inflow_streams/0/average_amount", "-800.25")),
        parsers: STREAMS,
        expect: decode(Some("inflow_streams[0].average_amount")),
    },
    Case {
        name: "stream is_active as a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/outflow_streams/0/is_active", r#""yes""#)),
        parsers: STREAMS,
        expect: decode(Some("outflow_streams[0].is_active")),
    },
    Case {
        name: "inflow_streams null",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/inflow_streams", "null")),
        parsers: STREAMS,
        expect: decode(Some("inflow_streams")),
    },
];

/// Every case of this file.
pub(super) static CASES: &[&[Case]] = &[ADDED, LISTED, PAGES];
