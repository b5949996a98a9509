//! The SQLite side of the example: the schema, and the few transactions
//! that keep it consistent whenever the process stops.
//!
//! | table | holds |
//! |---|---|
//! | `item` | the one Item the database syncs: its id, its access token (a secret), the server it belongs to, and the cursor of its last complete sync (`NULL` before the first) |
//! | `transactions` | the Item's transactions, one row per `transaction_id` |
//! | `accounts` | the Item's accounts, as the last complete sync saw them |
//! | `staged` | the changes of the sync in progress, in page order; void until its last page |
//!
//! Every change reaches `transactions` in the same SQLite transaction as
//! the cursor that follows it ([`Store::finish`]), so the database is always
//! in the state of some complete sync. `staged` may hold the pages of a
//! sync that was interrupted; they have no cursor and cannot be resumed, so
//! the next run throws them away ([`Store::clear_staged`]) and syncs again
//! from the stored cursor.
//!
//! Amounts are stored as exact decimal text (`12.50`, as the API sent
//! them), never as `REAL`: a binary float cannot hold most cent values.
//! Dates are ISO 8601 text (`2024-03-01`), which sorts as dates do.

use std::path::Path;

use plaid_core::modern::models::{Account, Transaction};
use plaid_core::modern::sync::{SyncFinished, SyncPage};
use plaid_core::secret::AccessToken;
use rusqlite::{Connection, OptionalExtension, Transaction as SqlTransaction, params};

/// A row's columns after its `transaction_id`: (name, SQL type, whether a
/// stored transaction always has it). One list for both `transactions`
/// and `staged`, so the two tables cannot drift apart.
const COLUMNS: [(&str, &str, bool); 14] = [
    ("item_id", "TEXT", true),
    ("account_id", "TEXT", true),
    // Exact decimal text, as sent: never REAL.
    ("amount", "TEXT", true),
    ("iso_currency_code", "TEXT", false),
    ("unofficial_currency_code", "TEXT", false),
    ("date", "TEXT", true),
    ("authorized_date", "TEXT", false),
    ("name", "TEXT", false),
    ("merchant_name", "TEXT", false),
    ("pending", "INTEGER", true),
    ("pending_transaction_id", "TEXT", false),
    ("category", "TEXT", false),
    ("payment_channel", "TEXT", true),
    // The whole transaction as the API sent it, for the fields without a
    // column of their own.
    ("json", "TEXT", true),
];

/// The Item a database syncs.
#[derive(Debug)]
pub(crate) struct StoredItem {
    /// Its id (not a secret).
    pub(crate) item_id: String,
    /// Its access token: stored, never printed (its `Debug` is redacted).
    pub(crate) access_token: AccessToken,
    /// The server that issued it: its base URL, or [`EMBEDDED`].
    pub(crate) server: String,
    /// The cursor of the last complete sync; `None` before the first.
    pub(crate) cursor: Option<String>,
}

/// The `server` of an Item made by an embedded emulator, which is gone
/// once the process that ran it has exited.
pub(crate) const EMBEDDED: &str = "embedded";

/// What one complete sync changed, as the database applied it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Transactions in `added`.
    pub(crate) added: u64,
    /// Transactions in `modified`.
    pub(crate) modified: u64,
    /// Transactions in `removed`.
    pub(crate) removed: u64,
}

impl Tally {
    /// Counts one page's changes in.
    pub(crate) fn count(&mut self, page: &SyncPage) {
        self.added += len(&page.added);
        self.modified += len(&page.modified);
        self.removed += len(&page.removed);
    }

    /// All changes counted.
    pub(crate) fn total(&self) -> u64 {
        self.added + self.modified + self.removed
    }
}

fn len<T>(list: &[T]) -> u64 {
    u64::try_from(list.len()).unwrap_or(u64::MAX)
}

/// The example's database.
#[derive(Debug)]
pub(crate) struct Store {
    db: Connection,
}

impl Store {
    /// Opens (or creates) the database at `path` and its tables.
    ///
    /// The file holds an access token, so a new one is made readable by its
    /// owner only (on Unix). WAL lets readers (the app's screens) read the
    /// last complete sync while a sync writes; `synchronous = FULL` makes a
    /// committed cursor survive a power cut too, not only a crash.
    pub(crate) fn open(path: &Path) -> Result<Store, Box<dyn std::error::Error>> {
        create_private(path)?;
        let db = Connection::open(path)?;
        db.busy_timeout(std::time::Duration::from_secs(5))?;
        db.pragma_update(None, "journal_mode", "WAL")?;
        db.pragma_update(None, "synchronous", "NORMAL")?;
        db.execute_batch(&schema())?;
        Ok(Store { db })
    }

    /// The Item the database syncs, if it has one.
    pub(crate) fn item(&self) -> rusqlite::Result<Option<StoredItem>> {
        self.db
            .query_row(
                "SELECT item_id, access_token, server, cursor FROM item LIMIT 1",
                [],
                |row| {
                    Ok(StoredItem {
                        item_id: row.get(0)?,
                        access_token: AccessToken::new(row.get::<_, String>(1)?),
                        server: row.get(2)?,
                        cursor: row.get(3)?,
                    })
                },
            )
            .optional()
    }

    /// Makes `item` the database's Item, dropping whatever the previous one
    /// left (transactions, accounts, staged pages), in one transaction.
    /// Returns how many transactions were dropped.
    pub(crate) fn replace_item(&mut self, item: &StoredItem) -> rusqlite::Result<u64> {
        let tx = self.db.transaction()?;
        let dropped = tx.execute("DELETE FROM transactions", [])?;
        tx.execute_batch("DELETE FROM accounts; DELETE FROM staged; DELETE FROM item;")?;
        tx.execute(
            "INSERT INTO item (item_id, access_token, server, cursor) VALUES (?1, ?2, ?3, ?4)",
            params![
                item.item_id,
                item.access_token.expose_secret(),
                item.server,
                item.cursor
            ],
        )?;
        tx.commit()?;
        Ok(u64::try_from(dropped).unwrap_or(u64::MAX))
    }

    /// Forgets what was synced for `item_id` (transactions, accounts,
    /// staged pages) and its cursor, in one transaction, so that the next
    /// sync starts from nothing. Returns how many transactions were dropped.
    pub(crate) fn forget(&mut self, item_id: &str) -> rusqlite::Result<u64> {
        let tx = self.db.transaction()?;
        let dropped = tx.execute("DELETE FROM transactions WHERE item_id = ?1", [item_id])?;
        tx.execute("DELETE FROM accounts WHERE item_id = ?1", [item_id])?;
        tx.execute("DELETE FROM staged WHERE item_id = ?1", [item_id])?;
        tx.execute(
            "UPDATE item SET cursor = NULL, synced_at = NULL WHERE item_id = ?1",
            [item_id],
        )?;
        tx.commit()?;
        Ok(u64::try_from(dropped).unwrap_or(u64::MAX))
    }

    /// Throws away the staged pages of `item_id`: those of an interrupted
    /// run, or of an attempt the sync abandoned. Returns how many changes
    /// were dropped.
    pub(crate) fn clear_staged(&self, item_id: &str) -> rusqlite::Result<u64> {
        let dropped = self
            .db
            .execute("DELETE FROM staged WHERE item_id = ?1", [item_id])?;
        Ok(u64::try_from(dropped).unwrap_or(u64::MAX))
    }

    /// Stages one page, in a transaction of its own: a crash keeps the
    /// pages staged so far, which the next run discards, and the write
    /// lock is never held while waiting for the network.
    pub(crate) fn stage(&mut self, item_id: &str, page: &SyncPage) -> rusqlite::Result<()> {
        let tx = self.db.transaction()?;
        stage_page(&tx, item_id, page)?;
        tx.commit()
    }

    /// The end of a complete sync, in **one** transaction: stages the last
    /// page, applies every staged change in page order (the last change of
    /// a transaction wins), stores the accounts and the new cursor, and
    /// empties the staging table. Returns how many transactions the Item
    /// has now.
    pub(crate) fn finish(&mut self, item_id: &str, last: &SyncFinished) -> rusqlite::Result<u64> {
        let tx = self.db.transaction()?;
        stage_page(&tx, item_id, &last.page)?;
        apply_staged(&tx, item_id)?;
        for account in &last.page.accounts {
            upsert_account(&tx, item_id, account)?;
        }
        tx.execute(
            "UPDATE item SET cursor = ?2, synced_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') \
             WHERE item_id = ?1",
            params![item_id, last.cursor],
        )?;
        let stored = count(&tx, item_id)?;
        tx.commit()?;
        Ok(stored)
    }
}

/// The schema, created when missing.
fn schema() -> String {
    let stored: Vec<String> = COLUMNS
        .iter()
        .map(|(name, kind, required)| {
            let null = if *required { " NOT NULL" } else { "" };
            format!("{name} {kind}{null}")
        })
        .collect();
    // A removal is staged with only its ids: every other column may be NULL.
    let staged: Vec<String> = COLUMNS
        .iter()
        .map(|(name, kind, _)| format!("{name} {kind}"))
        .collect();
    format!(
        "CREATE TABLE IF NOT EXISTS item (
             item_id TEXT PRIMARY KEY,
             access_token TEXT NOT NULL, -- a secret: never printed
             server TEXT NOT NULL,
             cursor TEXT,                -- NULL until the first complete sync
             synced_at TEXT
         );
         CREATE TABLE IF NOT EXISTS transactions (
             transaction_id TEXT PRIMARY KEY,
             {stored}
         );
         CREATE INDEX IF NOT EXISTS transactions_by_date ON transactions (item_id, date);
         CREATE TABLE IF NOT EXISTS accounts (
             account_id TEXT PRIMARY KEY,
             item_id TEXT NOT NULL,
             name TEXT NOT NULL,
             mask TEXT,
             type TEXT NOT NULL,
             subtype TEXT,
             current TEXT,               -- exact decimal text
             available TEXT,
             iso_currency_code TEXT
         );
         CREATE TABLE IF NOT EXISTS staged (
             seq INTEGER PRIMARY KEY,    -- page order
             op TEXT NOT NULL CHECK (op IN ('upsert', 'remove')),
             transaction_id TEXT NOT NULL,
             {staged}
         );
         CREATE INDEX IF NOT EXISTS staged_by_transaction
             ON staged (item_id, transaction_id, seq);",
        stored = stored.join(",\n             "),
        staged = staged.join(",\n             "),
    )
}

/// Appends a page's changes to `staged`, in the page's order: added,
/// modified, then removed.
fn stage_page(tx: &SqlTransaction<'_>, item_id: &str, page: &SyncPage) -> rusqlite::Result<()> {
    let names: Vec<&str> = COLUMNS.iter().map(|(name, _, _)| *name).collect();
    // ?1 is the transaction id, ?2… the columns in `COLUMNS` order.
    let slots: Vec<String> = (2..COLUMNS.len() + 2).map(|i| format!("?{i}")).collect();
    let mut upsert = tx.prepare_cached(&format!(
        "INSERT INTO staged (op, transaction_id, {}) VALUES ('upsert', ?1, {})",
        names.join(", "),
        slots.join(", "),
    ))?;
    for transaction in page.added.iter().chain(&page.modified) {
        let json = serde_json::to_string(transaction)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let row = Row::of(transaction, json);
        // In `COLUMNS` order.
        upsert.execute(params![
            transaction.transaction_id,
            item_id,
            transaction.account_id,
            row.amount,
            transaction.iso_currency_code,
            transaction.unofficial_currency_code,
            row.date,
            row.authorized_date,
            transaction.name,
            transaction.merchant_name,
            transaction.pending,
            transaction.pending_transaction_id,
            row.category,
            transaction.payment_channel.as_str(),
            row.json,
        ])?;
    }
    let mut remove = tx.prepare_cached(
        "INSERT INTO staged (op, transaction_id, item_id, account_id) \
         VALUES ('remove', ?1, ?2, ?3)",
    )?;
    for removed in &page.removed {
        remove.execute(params![removed.transaction_id, item_id, removed.account_id])?;
    }
    Ok(())
}

/// The columns of a transaction that need converting to text.
struct Row {
    amount: String,
    date: String,
    authorized_date: Option<String>,
    category: Option<String>,
    json: String,
}

impl Row {
    fn of(transaction: &Transaction, json: String) -> Row {
        Row {
            amount: transaction.amount.to_string(),
            date: transaction.date.to_string(),
            authorized_date: transaction.authorized_date.map(|d| d.to_string()),
            category: transaction
                .personal_finance_category
                .as_ref()
                .map(|c| c.detailed.clone()),
            json,
        }
    }
}

/// Applies every staged change of `item_id` to `transactions`, then empties
/// `staged`. Only the last staged change of each transaction counts: a
/// transaction added on one page and removed on a later one ends removed.
fn apply_staged(tx: &SqlTransaction<'_>, item_id: &str) -> rusqlite::Result<()> {
    const LAST: &str = "s.seq = (SELECT max(l.seq) FROM staged l \
                        WHERE l.item_id = s.item_id AND l.transaction_id = s.transaction_id)";
    tx.execute(
        &format!(
            "DELETE FROM transactions WHERE transaction_id IN \
             (SELECT s.transaction_id FROM staged s WHERE s.item_id = ?1 AND s.op = 'remove' AND {LAST})"
        ),
        [item_id],
    )?;
    let names: Vec<&str> = COLUMNS.iter().map(|(name, _, _)| *name).collect();
    let updates: Vec<String> = names
        .iter()
        .map(|name| format!("{name} = excluded.{name}"))
        .collect();
    tx.execute(
        &format!(
            "INSERT INTO transactions (transaction_id, {columns}) \
             SELECT s.transaction_id, {selected} FROM staged s \
             WHERE s.item_id = ?1 AND s.op = 'upsert' AND {LAST} \
             ON CONFLICT (transaction_id) DO UPDATE SET {updates}",
            columns = names.join(", "),
            selected = names
                .iter()
                .map(|name| format!("s.{name}"))
                .collect::<Vec<_>>()
                .join(", "),
            updates = updates.join(", "),
        ),
        [item_id],
    )?;
    tx.execute("DELETE FROM staged WHERE item_id = ?1", [item_id])?;
    Ok(())
}

fn upsert_account(
    tx: &SqlTransaction<'_>,
    item_id: &str,
    account: &Account,
) -> rusqlite::Result<()> {
    let balances = &account.balances;
    tx.prepare_cached(
        "INSERT INTO accounts (account_id, item_id, name, mask, type, subtype, current, available, \
                               iso_currency_code) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT (account_id) DO UPDATE SET item_id = excluded.item_id, name = excluded.name, \
             mask = excluded.mask, type = excluded.type, subtype = excluded.subtype, \
             current = excluded.current, available = excluded.available, \
             iso_currency_code = excluded.iso_currency_code",
    )?
    .execute(params![
        account.account_id,
        item_id,
        account.name,
        account.mask,
        account.account_type.as_str(),
        account.subtype.as_ref().map(|s| s.as_str()),
        balances.current.map(|a| a.to_string()),
        balances.available.map(|a| a.to_string()),
        balances.iso_currency_code,
    ])?;
    Ok(())
}

fn count(db: &Connection, item_id: &str) -> rusqlite::Result<u64> {
    let count: i64 = db.query_row(
        "SELECT count(*) FROM transactions WHERE item_id = ?1",
        [item_id],
        |row| row.get(0),
    )?;
    // `count(*)` is never negative.
    Ok(u64::try_from(count).unwrap_or_default())
}

/// Creates the database file, readable and writable by its owner only, if
/// it does not exist yet. SQLite gives its `-wal` and `-shm` files the
/// same permissions.
#[cfg(unix)]
fn create_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
fn create_private(_path: &Path) -> std::io::Result<()> {
    Ok(())
}
