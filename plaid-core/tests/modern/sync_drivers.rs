//! The drivers end to end, over scripted closure transports (blocking and
//! async) and no server: a sync that restarts after a mutation, streamed
//! and collected; a failure keeping the stored cursor; transport failures
//! retried by the client's policy, not by the loop; the offset pagers.

use std::collections::VecDeque;
use std::future::{IntoFuture, Ready};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use plaid_core::modern::Client;
use plaid_core::modern::sync::{OffsetEvent, SyncChanges, SyncEvent};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{Date, ErrorKind, RetryPolicy};
use serde_json::{Value, json};

use crate::bodies::{item, success};
use crate::support::block_on;
use crate::txn_bodies::{get_body, ids, ids_of, mutation_body, not_ready_page, sync_page};
use crate::wire::{TOKEN, answer, modern_config, plaid_error};

/// One scripted answer: a response, or a transport failure.
enum Step {
    Answer(u16, String),
    Broken,
}

/// The answers, in order, and the JSON body of every request.
#[derive(Clone, Default)]
struct Script {
    steps: Arc<Mutex<VecDeque<Step>>>,
    seen: Arc<Mutex<Vec<Value>>>,
}

impl Script {
    fn new(steps: impl IntoIterator<Item = Step>) -> Self {
        Script {
            steps: Arc::new(Mutex::new(steps.into_iter().collect())),
            seen: Arc::default(),
        }
    }

    fn reply(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.seen
            .lock()
            .unwrap()
            .push(serde_json::from_slice(request.body()).unwrap());
        match self.steps.lock().unwrap().pop_front() {
            Some(Step::Answer(status, body)) => Ok(answer(status, &body)),
            Some(Step::Broken) => Err(TransportError::io("connection reset")),
            None => panic!("the driver asked for more than the script"),
        }
    }

    /// The `cursor` of every request (`-` when none was sent).
    fn cursors(&self) -> Vec<String> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .map(|body| body["cursor"].as_str().unwrap_or("-").to_owned())
            .collect()
    }

    fn bodies(&self) -> Vec<Value> {
        self.seen.lock().unwrap().clone()
    }

    fn is_done(&self) -> bool {
        self.steps.lock().unwrap().is_empty()
    }

    fn blocking(
        &self,
    ) -> Client<impl Fn(HttpRequest) -> Result<HttpResponse, TransportError> + use<>> {
        let script = self.clone();
        Client::new(modern_config(), move |request| script.reply(request))
    }

    fn asynchronous(
        &self,
    ) -> Client<
        impl Fn(HttpRequest) -> Ready<Result<HttpResponse, TransportError>> + Send + Sync + use<>,
    > {
        let script = self.clone();
        Client::new(modern_config(), move |request| {
            std::future::ready(script.reply(request))
        })
    }
}

fn page(added: &[&str], cursor: &str, more: bool) -> Step {
    Step::Answer(200, sync_page(added, cursor, more))
}

fn mutation() -> Step {
    Step::Answer(400, mutation_body())
}

/// A loop that restarts once: two pages, a mutation, then two pages again.
fn restarting() -> Script {
    Script::new([
        page(&["void-1"], "c1", true),
        mutation(),
        page(&["a", "b"], "d1", true),
        page(&["c"], "d2", false),
    ])
}

#[test]
fn sync_all_restarts_and_returns_the_last_attempt_blocking() {
    let script = restarting();
    let changes = script
        .blocking()
        .transactions_sync_all(TOKEN, Some("c0"))
        .with(|r| r.count(500).account_id("acc-1"))
        .send()
        .unwrap();
    assert_eq!(ids_of(&changes.added), ["a", "b", "c"]);
    assert_eq!(changes.cursor.as_deref(), Some("d2"));
    assert_eq!((changes.attempts, changes.pages), (2, 2));
    assert_eq!(script.cursors(), ["c0", "c1", "c0", "d1"]);
    for body in script.bodies() {
        assert_eq!(body["count"], 500);
        assert_eq!(body["options"], json!({"account_id": "acc-1"}));
    }
}

#[test]
fn sync_all_restarts_and_returns_the_last_attempt_async() {
    let script = restarting();
    let client = script.asynchronous();
    let changes = block_on(
        client
            .transactions_sync_all(TOKEN, Some("c0"))
            .with(|r| r.count(500))
            .into_future(),
    )
    .unwrap();
    assert_eq!(ids_of(&changes.added), ["a", "b", "c"]);
    assert_eq!(changes.cursor.as_deref(), Some("d2"));
    assert_eq!(script.cursors(), ["c0", "c1", "c0", "d1"]);
}

/// What a streaming consumer sees, as one line per event.
fn describe(event: &SyncEvent) -> String {
    match event {
        SyncEvent::Page(page) => format!("stage a{} {}", page.attempt, page.added.len()),
        SyncEvent::Restarted(restart) => format!("discard a{}", restart.discarded_attempt),
        SyncEvent::Finished(last) => format!(
            "commit a{} {} {}",
            last.page.attempt,
            last.page.added.len(),
            last.cursor
        ),
        SyncEvent::NotReady(not_ready) => format!("keep {:?}", not_ready.cursor),
    }
}

#[test]
fn sync_pages_stream_the_restart_blocking() {
    let script = restarting();
    let client = script.blocking();
    let mut pages = client.transactions_sync_pages(TOKEN, Some("c0"));
    let mut seen = Vec::new();
    while let Some(event) = pages.next_page().send().unwrap() {
        seen.push(describe(&event));
    }
    assert_eq!(
        seen,
        ["stage a1 1", "discard a1", "stage a2 2", "commit a2 1 d2"]
    );
    assert!(pages.machine().is_ended());
    assert!(pages.next_page().send().unwrap().is_none());

    // The same through the iterator.
    let script = restarting();
    let client = script.blocking();
    let events: Vec<String> = client
        .transactions_sync_pages(TOKEN, Some("c0"))
        .map(|event| describe(&event.unwrap()))
        .collect();
    assert_eq!(
        events,
        ["stage a1 1", "discard a1", "stage a2 2", "commit a2 1 d2"]
    );
    assert!(script.is_done());
}

#[test]
fn sync_pages_stream_the_restart_async() {
    let script = restarting();
    let client = script.asynchronous();
    let seen = block_on(async {
        let mut pages = client.transactions_sync_pages(TOKEN, Some("c0"));
        let mut seen = Vec::new();
        while let Some(event) = pages.next_page().await.unwrap() {
            seen.push(describe(&event));
        }
        seen
    });
    assert_eq!(
        seen,
        ["stage a1 1", "discard a1", "stage a2 2", "commit a2 1 d2"]
    );
    assert!(script.is_done());
}

/// A failure after some pages: the error keeps the stored cursor, and `?`
/// gives the plain error.
#[test]
fn a_failed_sync_keeps_the_stored_cursor() {
    let script = Script::new([
        page(&["a"], "c1", true),
        Step::Answer(400, plaid_error("ITEM_ERROR", "ITEM_LOGIN_REQUIRED")),
    ]);
    let failed = script
        .blocking()
        .transactions_sync_all(TOKEN, Some("c0"))
        .send()
        .unwrap_err();
    assert_eq!(failed.cursor(), Some("c0"));
    assert!(failed.error().plaid().unwrap().is_item_login_required());
    assert_eq!(failed.pages_discarded(), 1);

    fn plain(
        client: &Client<impl plaid_core::Transport>,
    ) -> Result<SyncChanges, plaid_core::Error> {
        Ok(client.transactions_sync_all(TOKEN, Some("c0")).send()?)
    }
    let script = Script::new([mutation(), mutation(), mutation()]);
    let exhausted = plain(&script.blocking()).unwrap_err();
    assert_eq!(exhausted.kind(), ErrorKind::ClientError);
    assert!(exhausted.plaid().unwrap().is_sync_mutation());
    assert!(script.is_done(), "three attempts by default");
}

/// A dropped connection is retried by the client's retry policy; the loop
/// only sees the page that came back.
#[test]
fn transport_failures_are_the_retry_policys() {
    let script = Script::new([
        page(&["a"], "c1", true),
        Step::Broken,
        page(&["b"], "c2", false),
    ]);
    let quick = RetryPolicy::new().base_delay(Duration::from_millis(1));
    let changes = script
        .blocking()
        .transactions_sync_all(TOKEN, None)
        .retry(quick)
        .timeout(Duration::from_secs(5))
        .send()
        .unwrap();
    assert_eq!(ids_of(&changes.added), ["a", "b"]);
    assert_eq!(changes.attempts, 1, "no restart for a transport failure");
    assert_eq!(
        script.cursors(),
        ["-", "c1", "c1"],
        "the same page sent again"
    );

    let script = Script::new([page(&["a"], "c1", true), Step::Broken]);
    let client = script.asynchronous();
    let failed = client
        .transactions_sync_all(TOKEN, Some("c0"))
        .retry(RetryPolicy::disabled());
    let failed = block_on(failed.into_future()).unwrap_err();
    assert_eq!(failed.error().kind(), ErrorKind::Io);
    assert_eq!(failed.cursor(), Some("c0"));
}

/// Not ready: nothing to store, the stored cursor comes back.
#[test]
fn a_sync_that_is_not_ready_changes_nothing() {
    let script = Script::new([Step::Answer(200, not_ready_page())]);
    let changes = script
        .blocking()
        .transactions_sync_all(TOKEN, Some("c0"))
        .send()
        .unwrap();
    assert!(changes.not_ready);
    assert!(changes.added.is_empty() && changes.modified.is_empty() && changes.removed.is_empty());
    assert_eq!(changes.cursor.as_deref(), Some("c0"));

    let script = Script::new([Step::Answer(200, not_ready_page())]);
    let client = script.asynchronous();
    let event = block_on(async {
        client
            .transactions_sync_pages(TOKEN, None)
            .next_page()
            .await
    });
    assert_eq!(describe(&event.unwrap().unwrap()), "keep None");
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// `/transactions/get` collected: pages of the count asked for, a restart
/// when the total moves, the last attempt's items merged.
#[test]
fn transactions_get_all_pages_by_the_total() {
    let script = Script::new([
        Step::Answer(200, get_body(&ids(0, 2), 5)),
        Step::Answer(200, get_body(&ids(1, 3), 6)),
        Step::Answer(200, get_body(&ids(0, 2), 6)),
        Step::Answer(200, get_body(&ids(2, 4), 6)),
        Step::Answer(200, get_body(&ids(4, 6), 6)),
    ]);
    let paged = script
        .blocking()
        .transactions_get_all(TOKEN, date("2024-01-01"), date("2024-06-30"))
        .with(|r| r.count(2))
        .send()
        .unwrap();
    let got = ids_of(&paged.response.transactions);
    assert_eq!(got, ["t0", "t1", "t2", "t3", "t4", "t5"]);
    assert!(paged.complete);
    assert_eq!((paged.attempts, paged.pages), (2, 3));
    let offsets: Vec<_> = script
        .bodies()
        .iter()
        .map(|b| b["options"]["offset"].clone())
        .collect();
    assert_eq!(offsets, [0, 2, 0, 2, 4]);
}

/// `/investments/transactions/get` streamed on the async driver.
#[test]
fn investments_transactions_get_pages_async() {
    let body = |ids: &[&str], total: u64| {
        let transactions: Vec<_> = ids
            .iter()
            .map(|id| {
                json!({
                    "investment_transaction_id": id, "account_id": "acc-inv", "security_id": null,
                    "date": "2024-03-01", "name": "CASH DIVIDEND", "quantity": 0, "amount": -1.35,
                    "price": 0, "fees": null, "type": "cash", "subtype": "dividend",
                    "iso_currency_code": "USD", "unofficial_currency_code": null
                })
            })
            .collect();
        success(json!({
            "accounts": [], "securities": [], "investment_transactions": transactions,
            "total_investment_transactions": total, "item": item(),
        }))
    };
    let script = Script::new([
        Step::Answer(200, body(&["i1", "i2"], 3)),
        Step::Answer(200, body(&["i3"], 3)),
    ]);
    let client = script.asynchronous();
    let seen = block_on(async {
        let mut pages = client
            .investments_transactions_get_pages(TOKEN, date("2024-01-01"), date("2024-06-30"))
            .with(|r| r.count(2));
        let mut seen = Vec::new();
        while let Some(event) = pages.next_page().await.unwrap() {
            seen.push(match event {
                OffsetEvent::Page(page) => {
                    format!("page {}", page.response.investment_transactions.len())
                }
                OffsetEvent::Finished(end) => {
                    format!("end {} complete={}", end.returned, end.complete)
                }
                OffsetEvent::Restarted(restart) => format!("restart {}", restart.attempt),
            });
        }
        seen
    });
    assert_eq!(seen, ["page 2", "end 3 complete=true"]);
    assert_eq!(script.cursors().len(), 2);
}
