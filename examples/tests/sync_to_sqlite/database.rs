//! What a database holds, read with rusqlite, and what it must hold: the
//! Item's transactions as a fresh full sync made here with plaid-core reads
//! them.

use std::collections::BTreeMap;

use plaid_core::modern::Config;
use plaid_core::modern::models::Transaction;
use plaid_sandbox::Sandbox;
use rusqlite::Connection;
use serde_json::Value;

use crate::process::TempDb;

/// A stored transaction, as the database has it or as the emulator sends
/// it: the columns a reader uses, and the whole object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    account_id: String,
    amount: String,
    date: String,
    pending: bool,
    json: Value,
}

impl Row {
    fn of(transaction: &Transaction) -> Row {
        Row {
            account_id: transaction.account_id.clone(),
            amount: transaction.amount.to_string(),
            date: transaction.date.to_string(),
            pending: transaction.pending,
            json: serde_json::to_value(transaction).unwrap(),
        }
    }
}

/// What a database holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Snapshot {
    pub(crate) item_id: String,
    pub(crate) access_token: String,
    pub(crate) cursor: Option<String>,
    pub(crate) rows: BTreeMap<String, Row>,
    pub(crate) accounts: u64,
}

/// Reads the database, and checks what must hold whenever no run is
/// writing: one Item, and every row belongs to it.
pub(crate) fn snapshot(db: &TempDb) -> Snapshot {
    let conn = Connection::open(db.path()).unwrap();
    let items: i64 = conn
        .query_row("SELECT count(*) FROM item", [], |r| r.get(0))
        .unwrap();
    assert_eq!(items, 1, "one Item per database");
    let (item_id, access_token, cursor): (String, String, Option<String>) = conn
        .query_row("SELECT item_id, access_token, cursor FROM item", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    let others: i64 = conn
        .query_row(
            "SELECT count(*) FROM transactions WHERE item_id != ?1",
            [&item_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(others, 0, "rows of another Item");
    let mut statement = conn
        .prepare("SELECT transaction_id, account_id, amount, date, pending, json FROM transactions")
        .unwrap();
    let rows = statement
        .query_map([], |r| {
            let json: String = r.get(5)?;
            Ok((
                r.get::<_, String>(0)?,
                Row {
                    account_id: r.get(1)?,
                    amount: r.get(2)?,
                    date: r.get(3)?,
                    pending: r.get(4)?,
                    json: serde_json::from_str(&json).unwrap(),
                },
            ))
        })
        .unwrap()
        .collect::<Result<BTreeMap<_, _>, _>>()
        .unwrap();
    let accounts: i64 = conn
        .query_row("SELECT count(*) FROM accounts", [], |r| r.get(0))
        .unwrap();
    Snapshot {
        item_id,
        access_token,
        cursor,
        rows,
        accounts: accounts.try_into().unwrap(),
    }
}

/// How many changes are staged (void until their sync finishes).
pub(crate) fn staged(db: &TempDb) -> i64 {
    let conn = Connection::open(db.path()).unwrap();
    conn.query_row("SELECT count(*) FROM staged", [], |r| r.get(0))
        .unwrap()
}

/// The Item's transactions and accounts now, by a fresh full sync (no
/// cursor) made here: what a database must equal after a complete sync.
fn fresh_full_sync(url: &str, access_token: &str) -> (BTreeMap<String, Row>, u64) {
    let client = plaid_ureq::client(Config::emulator(url).unwrap());
    let changes = client
        .transactions_sync_all(access_token, None)
        .with(|r| r.count(500))
        .send()
        .unwrap();
    assert!(!changes.not_ready);
    // From the start of the log the changes are net: only additions.
    assert!(changes.modified.is_empty() && changes.removed.is_empty());
    let rows = changes
        .added
        .iter()
        .map(|t| (t.transaction_id.clone(), Row::of(t)))
        .collect::<BTreeMap<_, _>>();
    assert_eq!(rows.len(), changes.added.len(), "no transaction twice");
    (rows, changes.accounts.len().try_into().unwrap())
}

/// Checks that the database holds exactly the Item's transactions now,
/// with a cursor, and nothing staged.
pub(crate) fn assert_complete(db: &TempDb, url: &str) -> Snapshot {
    let snapshot = snapshot(db);
    let (rows, accounts) = fresh_full_sync(url, &snapshot.access_token);
    assert!(!rows.is_empty());
    assert_eq!(
        snapshot.rows.len(),
        rows.len(),
        "the number of transactions"
    );
    assert_eq!(snapshot.rows, rows, "the transactions, field by field");
    assert_eq!(snapshot.accounts, accounts);
    assert!(snapshot.cursor.as_deref().is_some_and(|c| !c.is_empty()));
    assert_eq!(staged(db), 0, "nothing left staged");
    snapshot
}

/// The `cursor` of every `/transactions/sync` request the sandbox has
/// recorded (`None` for a request without one).
pub(crate) fn sync_cursors(sandbox: &Sandbox) -> Vec<Option<String>> {
    sandbox
        .recorded_requests()
        .iter()
        .filter(|r| r.path == "/transactions/sync")
        .map(|r| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            body["cursor"].as_str().map(str::to_owned)
        })
        .collect()
}
