//! The `/transactions/sync` state machine, driven with canned answers and no
//! I/O: which cursor each request carries, what each answer becomes, and
//! which cursor the loop ends with.

use plaid_core::modern::ErrorCode;
use plaid_core::modern::endpoints::TransactionsSync;
use plaid_core::modern::models::{PersonalFinanceCategoryVersion, TransactionsUpdateStatus};
use plaid_core::modern::sync::{
    Collector, RestartReason, SyncCollector, SyncError, SyncEvent, SyncLoop,
};
use plaid_core::{Amount, ErrorKind};
use serde_json::json;

use crate::txn_bodies::{ids_of, mutation_body, not_ready_page, sync_answer, sync_body, sync_page};
use crate::wire::{TOKEN, assert_request, client, plaid_error};

/// One scripted answer.
enum Answer {
    /// A page adding `ids`, then `cursor`, `has_more`.
    Page(&'static [&'static str], &'static str, bool),
    /// The mutation error.
    Mutation,
    /// An error of `error_type` / `error_code` with `status`.
    Error(u16, &'static str, &'static str),
    /// The not-ready page.
    NotReady,
}

use Answer::{Error, Mutation, NotReady, Page};

impl Answer {
    fn read(
        &self,
    ) -> Result<plaid_core::modern::endpoints::TransactionsSyncResponse, plaid_core::Error> {
        match self {
            Page(ids, cursor, more) => sync_answer(200, &sync_page(ids, cursor, *more)),
            Mutation => sync_answer(400, &mutation_body()),
            Error(status, kind, code) => sync_answer(*status, &plaid_error(kind, code)),
            NotReady => sync_answer(200, &not_ready_page()),
        }
    }
}

/// What a run of the machine shows: the cursor of every request, one line
/// per event, and the end.
#[derive(Debug, PartialEq)]
struct Run {
    sent: Vec<Option<String>>,
    events: Vec<String>,
}

/// Runs `sync` over `answers`, as a driver would.
fn run(mut sync: SyncLoop, answers: &[Answer]) -> Run {
    let mut sent = Vec::new();
    let mut events = Vec::new();
    let mut answers = answers.iter();
    while let Some(request) = sync.next_request() {
        sent.push(request.cursor.clone());
        let answer = answers
            .next()
            .expect("the loop asked for more than the script");
        events.push(match sync.advance(answer.read()) {
            Ok(SyncEvent::Page(page)) => {
                let ids = ids_of(&page.added);
                format!("page a{} #{} {}", page.attempt, page.index, ids.join(","))
            }
            Ok(SyncEvent::Restarted(restart)) => format!(
                "restart a{} (void a{}, {} pages)",
                restart.attempt, restart.discarded_attempt, restart.pages_discarded
            ),
            Ok(SyncEvent::Finished(last)) => {
                let ids = ids_of(&last.page.added);
                format!(
                    "finished a{} #{} {} -> {}",
                    last.page.attempt,
                    last.page.index,
                    ids.join(","),
                    last.cursor
                )
            }
            Ok(SyncEvent::NotReady(not_ready)) => format!(
                "not ready a{} (void {} pages) keep {:?}",
                not_ready.attempt, not_ready.pages_discarded, not_ready.cursor
            ),
            Err(error) => format!(
                "error {} a{} (void {} pages) keep {:?}",
                error.error().plaid_code().map_or("-", ErrorCode::as_str),
                error.attempts(),
                error.pages_discarded(),
                error.cursor()
            ),
        });
    }
    assert!(answers.next().is_none(), "the loop ended before the script");
    assert!(sync.is_ended());
    Run { sent, events }
}

fn cursors(sent: &[Option<&str>]) -> Vec<Option<String>> {
    sent.iter().map(|c| c.map(str::to_owned)).collect()
}

/// The table: start cursor, attempts allowed, script, the cursors sent,
/// and the events.
#[test]
fn the_loop_follows_the_sync_rules() {
    struct Case {
        name: &'static str,
        start: Option<&'static str>,
        attempts: u32,
        answers: Vec<Answer>,
        sent: Vec<Option<&'static str>>,
        events: Vec<&'static str>,
    }
    let cases = [
        Case {
            name: "pages until has_more is false",
            start: None,
            attempts: 3,
            answers: vec![
                Page(&["a", "b"], "c1", true),
                Page(&["c"], "c2", true),
                Page(&["d"], "c3", false),
            ],
            sent: vec![None, Some("c1"), Some("c2")],
            events: vec!["page a1 #0 a,b", "page a1 #1 c", "finished a1 #2 d -> c3"],
        },
        Case {
            name: "an empty history ends at once with a cursor",
            start: None,
            attempts: 3,
            answers: vec![Page(&[], "c-empty", false)],
            sent: vec![None],
            events: vec!["finished a1 #0  -> c-empty"],
        },
        Case {
            name: "a mutation mid-loop restarts from the first cursor",
            start: Some("c0"),
            attempts: 3,
            answers: vec![
                Page(&["a"], "c1", true),
                Mutation,
                Page(&["a2"], "d1", true),
                Page(&["b2"], "d2", false),
            ],
            sent: vec![Some("c0"), Some("c1"), Some("c0"), Some("d1")],
            events: vec![
                "page a1 #0 a",
                "restart a2 (void a1, 1 pages)",
                "page a2 #0 a2",
                "finished a2 #1 b2 -> d2",
            ],
        },
        Case {
            name: "a mutation at the last page restarts the whole loop",
            start: Some("c0"),
            attempts: 3,
            answers: vec![
                Page(&["a"], "c1", true),
                Page(&["b"], "c2", true),
                Mutation,
                Page(&["a", "b", "c"], "d1", false),
            ],
            sent: vec![Some("c0"), Some("c1"), Some("c2"), Some("c0")],
            events: vec![
                "page a1 #0 a",
                "page a1 #1 b",
                "restart a2 (void a1, 2 pages)",
                "finished a2 #0 a,b,c -> d1",
            ],
        },
        Case {
            name: "a mutation on the first page restarts it",
            start: None,
            attempts: 3,
            answers: vec![Mutation, Page(&["a"], "c1", false)],
            sent: vec![None, None],
            events: vec!["restart a2 (void a1, 0 pages)", "finished a2 #0 a -> c1"],
        },
        Case {
            name: "restarts are bounded: the last mutation is the error",
            start: Some("c0"),
            attempts: 2,
            answers: vec![
                Page(&["a"], "c1", true),
                Mutation,
                Page(&["a"], "d1", true),
                Mutation,
            ],
            sent: vec![Some("c0"), Some("c1"), Some("c0"), Some("d1")],
            events: vec![
                "page a1 #0 a",
                "restart a2 (void a1, 1 pages)",
                "page a2 #0 a",
                "error TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION a2 (void 1 pages) keep Some(\"c0\")",
            ],
        },
        Case {
            name: "one attempt only: the first mutation is the error",
            start: None,
            attempts: 1,
            answers: vec![Mutation],
            sent: vec![None],
            events: vec![
                "error TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION a1 (void 0 pages) keep None",
            ],
        },
        Case {
            name: "an error mid-loop keeps the first cursor, not the one reached",
            start: Some("c0"),
            attempts: 3,
            answers: vec![
                Page(&["a"], "c1", true),
                Page(&["b"], "c2", true),
                Error(500, "API_ERROR", "INTERNAL_SERVER_ERROR"),
            ],
            sent: vec![Some("c0"), Some("c1"), Some("c2")],
            events: vec![
                "page a1 #0 a",
                "page a1 #1 b",
                "error INTERNAL_SERVER_ERROR a1 (void 2 pages) keep Some(\"c0\")",
            ],
        },
        Case {
            name: "a refused cursor ends the loop with it",
            start: Some("stale"),
            attempts: 3,
            answers: vec![Error(400, "INVALID_REQUEST", "INVALID_FIELD")],
            sent: vec![Some("stale")],
            events: vec!["error INVALID_FIELD a1 (void 0 pages) keep Some(\"stale\")"],
        },
        Case {
            name: "not ready keeps the original cursor (none)",
            start: None,
            attempts: 3,
            answers: vec![NotReady],
            sent: vec![None],
            events: vec!["not ready a1 (void 0 pages) keep None"],
        },
        Case {
            name: "not ready keeps the original cursor (stored)",
            start: Some("c0"),
            attempts: 3,
            answers: vec![NotReady],
            sent: vec![Some("c0")],
            events: vec!["not ready a1 (void 0 pages) keep Some(\"c0\")"],
        },
        Case {
            name: "not ready mid-loop voids the pages handed out",
            start: Some("c0"),
            attempts: 3,
            answers: vec![Page(&["a"], "c1", true), NotReady],
            sent: vec![Some("c0"), Some("c1")],
            events: vec![
                "page a1 #0 a",
                "not ready a1 (void 1 pages) keep Some(\"c0\")",
            ],
        },
        Case {
            name: "an empty stored cursor is no cursor, and never comes back",
            start: Some(""),
            attempts: 3,
            answers: vec![NotReady],
            sent: vec![None],
            events: vec!["not ready a1 (void 0 pages) keep None"],
        },
    ];
    for case in cases {
        let sync = SyncLoop::new(TOKEN, case.start).max_attempts(case.attempts);
        let run = run(sync, &case.answers);
        assert_eq!(run.sent, cursors(&case.sent), "{}: cursors sent", case.name);
        assert_eq!(run.events, case.events, "{}: events", case.name);
    }
}

/// `count` and every option go out on every page, restarts included.
#[test]
fn count_and_options_are_sent_on_every_page() {
    let mut sync = SyncLoop::new(TOKEN, Some("c0")).with(|r| {
        r.count(250)
            .account_id("acc-1")
            .include_original_description(true)
            .days_requested(730)
            .personal_finance_category_version(PersonalFinanceCategoryVersion::V2)
    });
    let answers = [
        Page(&["a"], "c1", true),
        Mutation,
        Page(&["a"], "d1", true),
        Page(&["b"], "d2", false),
    ];
    let expected_cursors = ["c0", "c1", "c0", "d1"];
    for (answer, cursor) in answers.iter().zip(expected_cursors) {
        let request = sync.next_request().unwrap();
        let built = client().call(request).to_request().unwrap();
        assert_request(
            &built,
            "/transactions/sync",
            true,
            json!({
                "access_token": TOKEN,
                "cursor": cursor,
                "count": 250,
                "options": {
                    "account_id": "acc-1",
                    "include_original_description": true,
                    "days_requested": 730,
                    "personal_finance_category_version": "v2"
                }
            }),
        );
        sync.advance(answer.read()).unwrap();
    }
    assert!(sync.next_request().is_none());
}

/// No event before the end carries a cursor, and the end's cursor is the
/// last page's: a consumer cannot store an advanced cursor for a partial
/// result.
#[test]
fn no_cursor_leaves_the_loop_before_its_end() {
    let mut sync = SyncLoop::new(TOKEN, Some("c0"));
    let first = sync.advance(Page(&["a"], "c1", true).read()).unwrap();
    assert!(matches!(first, SyncEvent::Page(_)));
    // The machine went on from c1, but says c0 is the cursor to keep.
    assert_eq!(sync.next_request().unwrap().cursor.as_deref(), Some("c1"));
    assert_eq!(sync.first_cursor(), Some("c0"));
    let failed: SyncError = sync
        .advance(Error(503, "API_ERROR", "PLANNED_MAINTENANCE").read())
        .unwrap_err();
    assert_eq!(failed.cursor(), Some("c0"));
    assert_eq!(failed.error().kind(), ErrorKind::ServerError);
    assert!(!failed.is_cursor_refused());
    let plain: plaid_core::Error = failed.into();
    assert_eq!(plain.kind(), ErrorKind::ServerError);
}

/// A page's changes are typed as the spec says, whatever page they are on.
#[test]
fn pages_carry_their_changes() {
    let mut sync = SyncLoop::new(TOKEN, None);
    let body = sync_body(
        &["t1"],
        &["t2"],
        &["t3"],
        "c1",
        false,
        "INITIAL_UPDATE_COMPLETE",
    );
    let SyncEvent::Finished(last) = sync.advance(sync_answer(200, &body)).unwrap() else {
        panic!("a finished loop");
    };
    let page = &last.page;
    assert_eq!(page.added[0].transaction_id, "t1");
    assert_eq!(page.added[0].amount, "1.01".parse::<Amount>().unwrap());
    assert_eq!(page.modified[0].transaction_id, "t2");
    assert_eq!(page.removed[0].transaction_id, "t3");
    assert_eq!(page.accounts.len(), 1);
    assert_eq!(
        page.transactions_update_status,
        TransactionsUpdateStatus::InitialUpdateComplete
    );
    assert_eq!(page.request_id, crate::support::REQUEST_ID);
    assert_eq!(last.cursor, "c1");
}

/// After its end the machine sends nothing and refuses more answers.
#[test]
fn an_ended_loop_stays_ended() {
    let mut sync = SyncLoop::new(TOKEN, Some("c0"));
    sync.advance(Page(&[], "c1", false).read()).unwrap();
    assert!(sync.is_ended());
    assert!(sync.next_request().is_none());
    let again = sync.advance(Page(&[], "c2", false).read()).unwrap_err();
    assert_eq!(again.error().kind(), ErrorKind::InvalidInput);
    assert_eq!(again.cursor(), Some("c0"));
}

/// A refused stored cursor is reported as such; a refusal of a loop that
/// had no cursor is not about a cursor.
#[test]
fn a_refused_cursor_is_recognised() {
    let refused = |start: Option<&str>| {
        SyncLoop::new(TOKEN, start)
            .advance(Error(400, "INVALID_REQUEST", "INVALID_FIELD").read())
            .unwrap_err()
    };
    let stale = refused(Some("cursor-of-another-item"));
    assert!(stale.is_cursor_refused());
    assert_eq!(stale.cursor(), Some("cursor-of-another-item"));
    assert_eq!(stale.error().plaid_code(), Some(&ErrorCode::INVALID_FIELD));
    assert!(!refused(None).is_cursor_refused());
}

/// The restart names the request that reported the mutation.
#[test]
fn a_restart_says_why() {
    let mut sync = SyncLoop::new(TOKEN, None);
    let SyncEvent::Restarted(restart) = sync.advance(Mutation.read()).unwrap() else {
        panic!("a restart");
    };
    assert_eq!(
        restart.reason,
        RestartReason::SyncMutation {
            request_id: Some(crate::support::REQUEST_ID.to_owned())
        }
    );
    assert_eq!(sync.attempt(), 2);
}

/// Collecting: a restart drops what the void attempt gathered; the end
/// gives every change of the last attempt and its cursor.
#[test]
fn the_collector_keeps_only_the_last_attempt() {
    let mut sync = SyncLoop::new(TOKEN, Some("c0"));
    let mut collector = SyncCollector::default();
    let answers = [
        Page(&["void"], "c1", true),
        Mutation,
        Page(&["a", "b"], "d1", true),
        Page(&["c"], "d2", false),
    ];
    let mut out = None;
    for answer in &answers {
        out = collector.absorb(sync.advance(answer.read()).unwrap());
    }
    let changes = out.expect("the end gives the changes");
    let ids = ids_of(&changes.added);
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(changes.cursor.as_deref(), Some("d2"));
    assert_eq!(changes.attempts, 2);
    assert_eq!(changes.pages, 2);
    assert!(!changes.not_ready);

    let mut not_ready = SyncLoop::new(TOKEN, Some("c0"));
    let mut collector = SyncCollector::default();
    assert!(
        collector
            .absorb(not_ready.advance(Page(&["x"], "c1", true).read()).unwrap())
            .is_none()
    );
    let changes = collector
        .absorb(not_ready.advance(NotReady.read()).unwrap())
        .unwrap();
    assert!(changes.not_ready && changes.added.is_empty());
    assert_eq!(changes.cursor.as_deref(), Some("c0"));
    assert_eq!(
        changes.transactions_update_status,
        TransactionsUpdateStatus::NotReady
    );
}

/// A loop built from a request keeps its settings; `max_attempts(0)` still
/// allows one attempt.
#[test]
fn a_loop_from_a_request() {
    let request = TransactionsSync::new(TOKEN).cursor("c0").count(500);
    let sync = SyncLoop::from_request(request).max_attempts(0);
    let next = sync.next_request().unwrap();
    assert_eq!(next.count, Some(500));
    assert_eq!(next.cursor.as_deref(), Some("c0"));
    let run = run(sync, &[Mutation]);
    assert_eq!(
        run.events,
        ["error TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION a1 (void 0 pages) keep Some(\"c0\")"]
    );
}

/// A server that says "more" but hands back the cursor it was sent would
/// keep the loop asking forever: the loop ends with an error instead, and
/// keeps the stored cursor.
#[test]
fn a_page_pointing_back_at_itself_ends_the_loop() {
    for (start, script) in [
        (Some("c0"), vec![Page(&["t1"], "c0", true)]),
        (
            None,
            vec![Page(&["t1"], "c1", true), Page(&["t2"], "c1", true)],
        ),
    ] {
        let mut sync = SyncLoop::new(TOKEN, start);
        let mut last = None;
        for answer in &script {
            assert!(sync.next_request().is_some());
            last = Some(sync.advance(answer.read()));
        }
        let error = last.unwrap().unwrap_err();
        assert_eq!(error.error().kind(), ErrorKind::Decode, "{}", error.error());
        assert_eq!(error.cursor(), start);
        assert!(sync.is_ended());
        assert!(sync.next_request().is_none());
    }
}
