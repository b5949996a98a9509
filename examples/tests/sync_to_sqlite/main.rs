//! `sync_to_sqlite`, run as a user runs it (a process) against a modern
//! sandbox started here: a second run pulls only what changed, a sync killed
//! in the middle leaves the database in the state of its last complete sync
//! and the next run completes it, and a sync that the data changes under
//! restarts and still ends consistent. Every database is checked against a
//! fresh full sync of the same Item made here with plaid-core.
//!
//! The waits are on the example's stderr lines, never on sleeps; where a
//! process must be killed mid-sync deterministically, the emulator's
//! `stall` fault holds one of its pages.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod database;
mod process;

use std::process::Command;
use std::time::Duration;

use database::{assert_complete, snapshot, staged, sync_cursors};
use plaid_core::modern::Config;
use plaid_sandbox::{ModernOptions, Sandbox};
use process::{BIN, Running, TempDb, run};
use rusqlite::Connection;

const MUTATION: &str = "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION";

fn modern() -> Sandbox {
    Sandbox::start_modern().unwrap()
}

#[test]
fn the_first_run_fills_the_database_and_the_second_pulls_only_what_changed() {
    let sandbox = modern();
    let url = sandbox.url();
    let db = TempDb::new("two-runs");

    let first = run(&db, Some(&url), &[]).succeeded();
    assert!(
        first.stdout.contains("(from --base-url)"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("(linked now)"), "{}", first.stdout);
    assert_eq!(
        sync_cursors(&sandbox),
        [None],
        "the first sync starts from nothing"
    );
    let before = assert_complete(&db, &url);
    first.printed_no_secret(&before.access_token);
    let [added, modified, removed, _, attempt] = first.synced();
    assert_eq!(
        (added, modified, removed, attempt),
        (before.rows.len() as u64, 0, 0, 1)
    );
    assert!(
        first
            .stdout
            .contains(&format!("stored: {added} transactions"))
    );

    sandbox.clear_recorded_requests();
    let second = run(&db, Some(&url), &["--refresh"]).succeeded();
    second.printed_no_secret(&before.access_token);
    assert!(
        second
            .stdout
            .contains(&format!("item: {} (from the database)", before.item_id)),
        "{}",
        second.stdout
    );
    assert_eq!(
        sync_cursors(&sandbox),
        std::slice::from_ref(&before.cursor),
        "one page, from the stored cursor"
    );
    let after = assert_complete(&db, &url);
    assert_ne!(after.cursor, before.cursor);
    // Exactly the refresh's changes, each counted once.
    let new = after
        .rows
        .keys()
        .filter(|id| !before.rows.contains_key(*id));
    let gone = before
        .rows
        .keys()
        .filter(|id| !after.rows.contains_key(*id));
    let changed = after
        .rows
        .iter()
        .filter(|(id, row)| before.rows.get(*id).is_some_and(|old| old != *row));
    let expected = [new.count(), changed.count(), gone.count()].map(|n| n as u64);
    let [added, modified, removed, pages, attempt] = second.synced();
    assert_eq!([added, modified, removed], expected);
    assert!(added > 0 && modified > 0 && removed > 0, "{expected:?}");
    assert_eq!((pages, attempt), (1, 1));

    sandbox.clear_recorded_requests();
    let third = run(&db, Some(&url), &[]).succeeded();
    assert_eq!(third.synced(), [0, 0, 0, 1, 1], "nothing changed since");
    assert_eq!(sync_cursors(&sandbox), std::slice::from_ref(&after.cursor));
    assert_eq!(snapshot(&db), after);
}

#[test]
fn a_long_sync_killed_midway_stores_nothing_and_the_next_run_completes_it() {
    let sandbox = modern();
    let url = sandbox.url();
    let db = TempDb::new("killed-bulk");

    // 10,000 transactions in pages of 50: 200 pages, the kill comes after
    // the first.
    let mut long = Running::start(&db, &url, &["--user", "user_bulk_10000", "--count", "50"]);
    let line = long.wait_for("progress: ");
    assert!(
        line.starts_with("progress: page 1 of attempt 1, 50 changes staged"),
        "{line}"
    );
    let stdout = long.kill();
    assert!(stdout.contains("(linked now)"), "{stdout}");

    let killed = snapshot(&db);
    assert_eq!(killed.cursor, None, "no cursor without its changes");
    assert!(killed.rows.is_empty(), "no change without its cursor");
    let stale = staged(&db);
    assert!(stale >= 50, "the kill came mid-sync: {stale} staged");

    let next = run(&db, Some(&url), &[]).succeeded();
    next.printed_no_secret(&killed.access_token);
    assert!(
        next.stderr.contains(&format!(
            "staged: dropped {stale} changes of an interrupted sync"
        )),
        "{}",
        next.stderr
    );
    assert!(
        next.stdout.contains("(from the database)"),
        "{}",
        next.stdout
    );
    let done = assert_complete(&db, &url);
    assert_eq!(done.item_id, killed.item_id);
    assert_eq!(done.rows.len(), 10_000);
    assert_eq!(next.synced()[..3], [10_000, 0, 0]);
}

#[test]
fn a_sync_of_changes_killed_midway_keeps_the_last_complete_sync_and_its_cursor() {
    let sandbox = modern();
    let url = sandbox.url();
    let db = TempDb::new("killed-changes");
    run(&db, Some(&url), &[]).succeeded();
    let before = assert_complete(&db, &url);

    // The refresh's changes in pages of 2; the second page never answers,
    // so the process is surely mid-sync when it is killed.
    let stall = "stall;after=1;times=1;key=killed-changes";
    let args = ["--refresh", "--count", "2", "--fault", stall];
    let mut sync = Running::start(&db, &url, &args);
    let line = sync.wait_for("progress: ");
    assert!(
        line.starts_with("progress: page 1 of attempt 1, 2 changes staged"),
        "{line}"
    );
    sync.kill();
    assert_eq!(snapshot(&db), before, "the old state, with the old cursor");
    assert_eq!(staged(&db), 2, "the first page, staged and void");

    let next = run(&db, Some(&url), &["--count", "2"]).succeeded();
    assert!(
        next.stderr.contains("staged: dropped 2 changes"),
        "{}",
        next.stderr
    );
    let after = assert_complete(&db, &url);
    assert_ne!(after.rows, before.rows, "the refresh's changes arrived");
    let [added, modified, removed, pages, _] = next.synced();
    assert!(pages > 1 && added > 0 && modified > 0 && removed > 0);
}

#[test]
fn a_mutation_during_the_sync_restarts_it_and_the_database_ends_consistent() {
    let sandbox = modern();
    let url = sandbox.url();
    let db = TempDb::new("mutation");
    let fault = format!("error={MUTATION};after=2;times=1;key=mutation");

    let mut sync = Running::start(&db, &url, &["--count", "50", "--fault", &fault]);
    let line = sync.wait_for("restart: ");
    assert!(
        line.contains("dropped the 2 staged page(s) of attempt 1, attempt 2 starts again"),
        "{line}"
    );
    let line = sync.wait_for("progress: ");
    assert!(line.starts_with("progress: page 1 of attempt 2"), "{line}");
    let status = sync.child.wait().unwrap();
    assert!(status.success(), "{status}");

    let done = assert_complete(&db, &url);
    // Every transaction once: the first attempt's pages were dropped.
    assert!(
        done.rows.len() > 100,
        "more than two pages: {}",
        done.rows.len()
    );
}

#[test]
fn a_real_mutation_during_the_sync_voids_the_staged_pages() {
    let sandbox = modern();
    let url = sandbox.url();
    let db = TempDb::new("real-mutation");
    run(&db, Some(&url), &[]).succeeded();
    let stored = snapshot(&db);
    let token = stored.access_token.as_str();
    let client = plaid_ureq::client(Config::emulator(&url).unwrap());
    client.transactions_refresh(token).send().unwrap();
    // The changes since the stored cursor, read here (reading moves no
    // cursor): the example's first page gets all but one of them, among
    // them the pending purchases the refresh brought.
    let changes = client
        .transactions_sync_all(token, stored.cursor.as_deref())
        .send()
        .unwrap();
    let total = changes.added.len() + changes.modified.len() + changes.removed.len();
    assert!(total >= 3, "{total} changes");
    let count = (total - 1).to_string();

    // The second page is answered 5 s late, after a second refresh that
    // posts those pending purchases: the loop restarts, and its net window
    // no longer has them.
    let late = "latency=5000;after=1;times=1;key=real-mutation";
    let mut sync = Running::start(&db, &url, &["--count", &count, "--fault", late]);
    sync.wait_for("progress: page 1 of attempt 1");
    let conn = Connection::open(db.path()).unwrap();
    let staged_ids: Vec<String> = conn
        .prepare("SELECT transaction_id FROM staged WHERE op = 'upsert'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    client.transactions_refresh(token).send().unwrap();
    let line = sync.wait_for("restart: ");
    assert!(
        line.contains("dropped the 1 staged page(s) of attempt 1"),
        "{line}"
    );
    let status = sync.child.wait().unwrap();
    assert!(status.success(), "{status}");

    let done = assert_complete(&db, &url);
    // Had the first attempt's page been kept, these would be in the
    // database for good.
    let void: Vec<&String> = staged_ids
        .iter()
        .filter(|id| !done.rows.contains_key(*id))
        .collect();
    assert!(
        !void.is_empty(),
        "the first attempt staged only rows still current"
    );
}

#[test]
fn a_sync_that_keeps_failing_leaves_the_database_as_it_was() {
    let sandbox = modern();
    let url = sandbox.url();
    let db = TempDb::new("failing");
    run(&db, Some(&url), &[]).succeeded();
    let before = assert_complete(&db, &url);

    // Every page after the first fails: the loop gives up after its last
    // attempt.
    let fault = format!("error={MUTATION};after=1;times=100;key=failing");
    let failed = run(
        &db,
        Some(&url),
        &["--refresh", "--count", "2", "--fault", &fault],
    );
    assert!(!failed.status.success());
    failed.printed_no_secret(&before.access_token);
    assert!(
        failed
            .stderr
            .contains("sync failed: the database keeps its last complete sync"),
        "{}",
        failed.stderr
    );
    assert!(failed.stderr.contains(MUTATION), "{}", failed.stderr);
    assert_eq!(
        failed.stderr.matches("restart: ").count(),
        2,
        "{}",
        failed.stderr
    );
    assert_eq!(snapshot(&db), before);
    assert_eq!(staged(&db), 0);

    run(&db, Some(&url), &[]).succeeded();
    assert_complete(&db, &url);
}

#[test]
fn a_refused_cursor_drops_what_was_stored_with_it_and_syncs_everything_again() {
    let sandbox = modern();
    let url = sandbox.url();
    let db = TempDb::new("refused-cursor");
    run(&db, Some(&url), &[]).succeeded();
    let before = assert_complete(&db, &url);
    // A cursor the server never issued (of another Item, or garbled).
    Connection::open(db.path())
        .unwrap()
        .execute("UPDATE item SET cursor = 'AAAAAAAAAAAAAAAA'", [])
        .unwrap();

    let next = run(&db, Some(&url), &[]).succeeded();
    assert!(
        next.stderr.contains(&format!(
            "cursor: the server refused the stored cursor; dropped the {} transactions",
            before.rows.len()
        )),
        "{}",
        next.stderr
    );
    let after = assert_complete(&db, &url);
    assert_eq!(
        next.synced()[0],
        after.rows.len() as u64,
        "the whole history"
    );
    assert_eq!(after.rows, before.rows);
}

#[test]
fn an_item_the_server_no_longer_knows_is_reported_and_the_database_kept() {
    let sandbox = modern();
    let url = sandbox.url();
    let db = TempDb::new("removed-item");
    run(&db, Some(&url), &[]).succeeded();
    let before = assert_complete(&db, &url);
    let client = plaid_ureq::client(Config::emulator(&url).unwrap());
    client
        .item_remove(before.access_token.as_str())
        .send()
        .unwrap();

    for args in [&[][..], &["--refresh"]] {
        let failed = run(&db, Some(&url), args);
        assert_eq!(failed.status.code(), Some(1), "{args:?}");
        failed.printed_no_secret(&before.access_token);
        assert!(
            failed
                .stderr
                .contains("the server no longer knows the database's Item (ITEM_NOT_FOUND)"),
            "{args:?}: {}",
            failed.stderr
        );
        assert_eq!(snapshot(&db), before);
    }
}

#[test]
fn an_item_not_ready_yet_is_synced_once_it_is() {
    let options = ModernOptions::new().with_transactions_delay(Duration::from_millis(500));
    let sandbox = Sandbox::start_modern_with(options).unwrap();
    let db = TempDb::new("not-ready");
    let ran = run(&db, Some(&sandbox.url()), &[]).succeeded();
    assert!(ran.stderr.contains("not ready: "), "{}", ran.stderr);
    let stored = snapshot(&db);
    assert!(stored.cursor.as_deref().is_some_and(|c| !c.is_empty()));
    assert_eq!(ran.synced()[0], stored.rows.len() as u64);
    assert!(!stored.rows.is_empty());
}

#[test]
fn the_embedded_server_links_a_new_item_on_every_run() {
    let db = TempDb::new("embedded");
    let first = run(&db, None, &[]).succeeded();
    assert!(
        first.stdout.contains("embedded plaid-sandbox"),
        "{}",
        first.stdout
    );
    let one = snapshot(&db);
    first.printed_no_secret(&one.access_token);
    assert_eq!(first.synced()[0], one.rows.len() as u64);

    let second = run(&db, None, &[]).succeeded();
    let two = snapshot(&db);
    assert_ne!(two.item_id, one.item_id);
    assert!(second.stdout.contains("(linked now)"), "{}", second.stdout);
    assert!(
        second.stdout.contains(&format!(
            "dropped: {} transactions of the previous run's Item",
            one.rows.len()
        )),
        "{}",
        second.stdout
    );
    assert_eq!(second.synced()[0], two.rows.len() as u64);
}

#[test]
fn a_database_belongs_to_the_server_that_issued_its_item() {
    let (one, other) = (modern(), modern());
    let db = TempDb::new("one-server");
    run(&db, Some(&one.url()), &[]).succeeded();
    let before = snapshot(&db);

    let refused = run(&db, Some(&other.url()), &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        refused.stderr.contains(&format!(
            "syncs an Item of {}, not of this server",
            one.url()
        )),
        "{}",
        refused.stderr
    );
    let embedded = run(&db, None, &[]);
    assert_eq!(embedded.status.code(), Some(1), "{}", embedded.stdout);
    assert_eq!(snapshot(&db), before);
}

#[test]
fn bad_arguments_exit_2_with_the_usage() {
    let db = TempDb::new("args");
    for args in [
        &["--count", "0"][..],
        &["--count", "501"],
        &["--frobnicate"],
        &["--base-url"],
    ] {
        let out = run(&db, None, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stderr.contains("USAGE:"), "{args:?}: {}", out.stderr);
    }
    let out = Command::new(BIN).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--db FILE is required"));
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--refresh"));
    assert!(!db.path().exists(), "no database for bad arguments");
}
