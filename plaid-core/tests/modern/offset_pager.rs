//! The `count`/`offset` pager, driven with canned pages and no I/O: the
//! offsets it asks for, and what it does when the list changes between
//! pages.

use plaid_core::modern::endpoints::{
    InvestmentsTransactionsGet, InvestmentsTransactionsGetResponse, TransactionsGet,
    TransactionsGetResponse,
};
use plaid_core::modern::sync::{
    Collector, OffsetEvent, OffsetPager, OffsetResponse, PagedCollector, RestartReason,
};
use plaid_core::{Date, Endpoint, ErrorKind};
use serde_json::json;

use crate::bodies::{item, success};
use crate::txn_bodies::{get_answer, get_body, ids, ids_of};
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn pager() -> OffsetPager<TransactionsGet> {
    OffsetPager::new(TransactionsGet::new(
        TOKEN,
        date("2024-01-01"),
        date("2024-12-31"),
    ))
}

/// A scripted page: items `from..to` of `total`.
struct Page(u64, u64, u64);

/// What a run shows: the `(offset, count)` of every request and one line
/// per event.
fn run(mut pager: OffsetPager<TransactionsGet>, pages: &[Page]) -> (Vec<(u32, u32)>, Vec<String>) {
    let mut sent = Vec::new();
    let mut events = Vec::new();
    let mut pages = pages.iter();
    while let Some(request) = pager.next_request() {
        let options = request.options.as_ref().unwrap();
        sent.push((options.offset.unwrap(), options.count.unwrap()));
        let Page(from, to, total) = pages
            .next()
            .expect("the pager asked for more than the script");
        let describe = |response: &TransactionsGetResponse| {
            let ids = ids_of(&response.transactions);
            ids.join(",")
        };
        events.push(
            match pager.advance(get_answer(&get_body(&ids(*from, *to), *total))) {
                Ok(OffsetEvent::Page(page)) => format!(
                    "page a{} #{} @{} {}",
                    page.attempt,
                    page.index,
                    page.offset,
                    describe(&page.response)
                ),
                Ok(OffsetEvent::Restarted(restart)) => format!(
                    "restart a{} ({} pages void): {:?}",
                    restart.attempt, restart.pages_discarded, restart.reason
                ),
                Ok(OffsetEvent::Finished(end)) => format!(
                    "finished a{} @{} {} complete={} {}/{}",
                    end.page.attempt,
                    end.page.offset,
                    describe(&end.page.response),
                    end.complete,
                    end.returned,
                    end.total
                ),
                Err(error) => format!("error {error}"),
            },
        );
    }
    assert!(pages.next().is_none(), "the pager ended before the script");
    (sent, events)
}

#[test]
fn the_pager_follows_the_total() {
    struct Case {
        name: &'static str,
        count: Option<u32>,
        attempts: u32,
        pages: Vec<Page>,
        sent: Vec<(u32, u32)>,
        events: Vec<String>,
    }
    let s = |text: &str| text.to_owned();
    let cases = [
        Case {
            name: "pages of 500 until the offset reaches the total",
            count: None,
            attempts: 3,
            pages: vec![Page(0, 2, 5), Page(2, 4, 5), Page(4, 5, 5)],
            sent: vec![(0, 500), (2, 500), (4, 500)],
            events: vec![
                s("page a1 #0 @0 t0,t1"),
                s("page a1 #1 @2 t2,t3"),
                s("finished a1 @4 t4 complete=true 5/5"),
            ],
        },
        Case {
            name: "the count set on the request is every page's",
            count: Some(2),
            attempts: 3,
            pages: vec![Page(0, 2, 4), Page(2, 4, 4)],
            sent: vec![(0, 2), (2, 2)],
            events: vec![
                s("page a1 #0 @0 t0,t1"),
                s("finished a1 @2 t2,t3 complete=true 4/4"),
            ],
        },
        Case {
            name: "nothing at all",
            count: None,
            attempts: 3,
            pages: vec![Page(0, 0, 0)],
            sent: vec![(0, 500)],
            events: vec![s("finished a1 @0  complete=true 0/0")],
        },
        Case {
            name: "a total that grows restarts from the first offset",
            count: Some(2),
            attempts: 3,
            pages: vec![
                Page(0, 2, 4),
                Page(1, 3, 5),
                Page(0, 2, 5),
                Page(2, 4, 5),
                Page(4, 5, 5),
            ],
            sent: vec![(0, 2), (2, 2), (0, 2), (2, 2), (4, 2)],
            events: vec![
                s("page a1 #0 @0 t0,t1"),
                s("restart a2 (1 pages void): TotalChanged { was: 4, now: 5 }"),
                s("page a2 #0 @0 t0,t1"),
                s("page a2 #1 @2 t2,t3"),
                s("finished a2 @4 t4 complete=true 5/5"),
            ],
        },
        Case {
            name: "a total that shrinks restarts too",
            count: Some(2),
            attempts: 3,
            pages: vec![Page(0, 2, 4), Page(3, 4, 3), Page(0, 2, 3), Page(2, 3, 3)],
            sent: vec![(0, 2), (2, 2), (0, 2), (2, 2)],
            events: vec![
                s("page a1 #0 @0 t0,t1"),
                s("restart a2 (1 pages void): TotalChanged { was: 4, now: 3 }"),
                s("page a2 #0 @0 t0,t1"),
                s("finished a2 @2 t2 complete=true 3/3"),
            ],
        },
        Case {
            name: "a repeated item is dropped, and the attempt that does not add up restarts",
            count: Some(2),
            attempts: 3,
            pages: vec![Page(0, 2, 4), Page(1, 3, 4), Page(0, 2, 4), Page(2, 4, 4)],
            sent: vec![(0, 2), (2, 2), (0, 2), (2, 2)],
            events: vec![
                s("page a1 #0 @0 t0,t1"),
                s("restart a2 (1 pages void): Incomplete { returned: 3, total: 4 }"),
                s("page a2 #0 @0 t0,t1"),
                s("finished a2 @2 t2,t3 complete=true 4/4"),
            ],
        },
        Case {
            name: "an empty page before the total ends the attempt",
            count: Some(2),
            attempts: 2,
            pages: vec![Page(0, 2, 9), Page(2, 2, 9), Page(0, 2, 9), Page(2, 2, 9)],
            sent: vec![(0, 2), (2, 2), (0, 2), (2, 2)],
            events: vec![
                s("page a1 #0 @0 t0,t1"),
                s("restart a2 (1 pages void): Incomplete { returned: 2, total: 9 }"),
                s("page a2 #0 @0 t0,t1"),
                s("finished a2 @2  complete=false 2/9"),
            ],
        },
        Case {
            name: "when the attempts run out the last one ends, flagged",
            count: Some(2),
            attempts: 1,
            pages: vec![Page(0, 2, 4), Page(1, 3, 5), Page(3, 5, 5)],
            sent: vec![(0, 2), (2, 2), (4, 2)],
            events: vec![
                s("page a1 #0 @0 t0,t1"),
                s("page a1 #1 @2 t2"),
                s("finished a1 @4 t3,t4 complete=false 5/5"),
            ],
        },
    ];
    for case in cases {
        let pager = match case.count {
            Some(count) => pager().with(|r| r.count(count)),
            None => pager(),
        }
        .max_attempts(case.attempts);
        let (sent, events) = run(pager, &case.pages);
        assert_eq!(sent, case.sent, "{}: offsets sent", case.name);
        assert_eq!(events, case.events, "{}: events", case.name);
    }
}

/// The request's options go out on every page, and an offset set on it is
/// where each attempt starts.
#[test]
fn options_and_start_offset_are_kept() {
    let mut pager = pager().with(|r| {
        r.account_ids(["acc-1"])
            .offset(10)
            .count(2)
            .days_requested(30)
    });
    let first = client()
        .call(pager.next_request().unwrap())
        .to_request()
        .unwrap();
    assert_request(
        &first,
        "/transactions/get",
        true,
        json!({
            "access_token": TOKEN,
            "start_date": "2024-01-01",
            "end_date": "2024-12-31",
            "options": {"account_ids": ["acc-1"], "offset": 10, "count": 2, "days_requested": 30}
        }),
    );
    pager
        .advance(get_answer(&get_body(&ids(10, 12), 13)))
        .unwrap();
    let second = pager.next_request().unwrap();
    assert_eq!(second.options.as_ref().unwrap().offset, Some(12));
    assert_eq!(
        second.options.as_ref().unwrap().account_ids.as_deref(),
        Some(&["acc-1".to_owned()][..])
    );
    let OffsetEvent::Finished(end) = pager
        .advance(get_answer(&get_body(&ids(12, 13), 13)))
        .unwrap()
    else {
        panic!("the end");
    };
    assert!(end.complete);
    assert_eq!(end.returned, 3);
}

/// An error ends the pager and is returned as it came; afterwards it
/// refuses to go on.
#[test]
fn an_error_ends_the_pager() {
    let mut pager = pager();
    pager
        .advance(get_answer(&get_body(&ids(0, 500), 900)))
        .unwrap();
    let not_ready = TransactionsGet::parse_response(answer(
        400,
        &plaid_error("ITEM_ERROR", "PRODUCT_NOT_READY"),
    ));
    let error = pager.advance(not_ready).unwrap_err();
    assert!(error.plaid().unwrap().is_product_not_ready());
    assert!(pager.is_ended() && pager.next_request().is_none());
    let again = pager
        .advance(get_answer(&get_body(&ids(500, 900), 900)))
        .unwrap_err();
    assert_eq!(again.kind(), ErrorKind::InvalidInput);
}

/// A restart empties what the collector gathered; the result is the last
/// attempt's items, in order.
#[test]
fn the_collector_merges_the_last_attempt() {
    let mut pager = pager().with(|r| r.count(2));
    let mut collector = PagedCollector::default();
    let mut out = None;
    for (from, to, total) in [(0, 2, 3), (1, 3, 4), (0, 2, 4), (2, 4, 4)] {
        out = collector.absorb(
            pager
                .advance(get_answer(&get_body(&ids(from, to), total)))
                .unwrap(),
        );
    }
    let paged = out.unwrap();
    let got = ids_of(&paged.response.transactions);
    assert_eq!(got, ["t0", "t1", "t2", "t3"]);
    assert_eq!(paged.response.total_transactions, 4);
    assert!(paged.complete);
    assert_eq!((paged.attempts, paged.pages), (2, 2));
}

fn investments_page(
    ids: &[&str],
    securities: &[&str],
    total: u64,
) -> InvestmentsTransactionsGetResponse {
    let transactions: Vec<_> = ids
        .iter()
        .map(|id| {
            json!({
                "investment_transaction_id": id, "account_id": "acc-inv", "security_id": "sec-1",
                "date": "2024-03-01", "name": "BUY Plaid Fund", "quantity": 1.5, "amount": 15.03,
                "price": 10.02, "fees": 0, "type": "buy", "subtype": "buy",
                "iso_currency_code": "USD", "unofficial_currency_code": null
            })
        })
        .collect();
    let securities: Vec<_> = securities
        .iter()
        .map(|id| crate::investments::security(id))
        .collect();
    let body = success(json!({
        "accounts": [], "securities": securities, "investment_transactions": transactions,
        "total_investment_transactions": total, "item": item(),
    }));
    InvestmentsTransactionsGet::parse_response(answer(200, &body)).unwrap()
}

/// Investment pages merge their securities without duplicates.
#[test]
fn investment_pages_merge_their_securities() {
    let mut first = investments_page(&["i1", "i2"], &["sec-1", "sec-2"], 3);
    first.absorb(investments_page(&["i3"], &["sec-2", "sec-3"], 3));
    let txns: Vec<_> = first
        .investment_transactions
        .iter()
        .map(|t| t.investment_transaction_id.as_str())
        .collect();
    assert_eq!(txns, ["i1", "i2", "i3"]);
    let securities: Vec<_> = first
        .securities
        .iter()
        .map(|s| s.security_id.as_str())
        .collect();
    assert_eq!(securities, ["sec-1", "sec-2", "sec-3"]);

    let request = InvestmentsTransactionsGet::new(TOKEN, date("2024-01-01"), date("2024-12-31"))
        .account_ids(["acc-inv"]);
    let mut pager = OffsetPager::new(request).with(|r| r.count(2));
    let sent = client()
        .call(pager.next_request().unwrap())
        .to_request()
        .unwrap();
    assert_request(
        &sent,
        "/investments/transactions/get",
        true,
        json!({
            "access_token": TOKEN, "start_date": "2024-01-01", "end_date": "2024-12-31",
            "options": {"account_ids": ["acc-inv"], "count": 2, "offset": 0}
        }),
    );
    let event = pager
        .advance(Ok(investments_page(&["i1", "i1", "i2"], &["sec-1"], 2)))
        .unwrap();
    let OffsetEvent::Finished(end) = event else {
        panic!("the end")
    };
    assert_eq!(
        end.page.response.investment_transactions.len(),
        2,
        "the repeated id is dropped"
    );
    assert!(end.complete);
}

/// The restart reasons compare by value, so callers can log or match them.
#[test]
fn restart_reasons_are_plain_values() {
    assert_ne!(
        RestartReason::TotalChanged { was: 1, now: 2 },
        RestartReason::Incomplete {
            returned: 1,
            total: 2
        }
    );
}
