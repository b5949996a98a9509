//! Modern API, a real app: keeps an Item's transactions in a SQLite
//! database with `/transactions/sync`, so that a crash never loses a change
//! or applies one twice, and each run pulls only what changed since the
//! last.
//!
//! ```text
//! cargo run -p examples --bin sync_to_sqlite -- --db FILE [OPTIONS]
//! ```
//!
//! The first run links an Item (the sandbox's stand-in for Link, as
//! `--user`) and stores its access token and id in the database; later runs
//! reuse it. Each run syncs from the stored cursor: the first one the whole
//! history, the next ones only the changes since.
//!
//! # Where it runs
//!
//! - **Embedded** (the default): a modern `plaid-sandbox` inside the
//!   process. It is gone when the process exits, and the Item with it, so
//!   every run links a new Item and syncs its whole history (the database
//!   drops the old Item's rows in the same transaction that stores the
//!   new Item).
//! - **A running server**, `--base-url URL` or `PLAID_BASE_URL=URL` (keys
//!   `PLAID_CLIENT_ID` / `PLAID_SECRET`, default `test_id` / `test_secret`):
//!   e.g. `cargo run -p plaid-sandbox -- --api modern`. The Item outlives the
//!   run, and the second run pulls only what changed; with `--refresh` (for
//!   the default `user_transactions_dynamic`) there are changes to pull. A
//!   database belongs to one server: pointed at another, it refuses.
//!
//! # Why a staging table
//!
//! The sync loop hands out a cursor only with its last page
//! ([`SyncEvent::Finished`]): an intermediate cursor never leaves it, and a
//! `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION` voids every page read so
//! far ([`SyncEvent::Restarted`]). So no page can be committed with "its"
//! cursor; the honest unit of commit is the whole sync. Two ways to get it:
//!
//! - One SQLite transaction open from the first page to the last. Simple,
//!   but it holds SQLite's single write lock across every network round
//!   trip: a long sync would block every other writer of the app (a
//!   webhook handler, a user's edit) for minutes.
//! - **Staging** (what this example does): each page is appended to the
//!   `staged` table in a short transaction of its own, so memory stays at
//!   one page and the lock is never held while waiting for Plaid. On
//!   `Finished`, **one** transaction applies every staged change in page
//!   order (upsert `added` and `modified` by `transaction_id`, delete
//!   `removed`), stores the new cursor and empties `staged`. On `Restarted`
//!   the staged pages are deleted.
//!
//! A crash (or `kill -9`) at any point leaves the database in the state of
//! its last complete sync: the transactions and the cursor that goes with
//! them, plus perhaps some staged pages, which have no cursor and cannot be
//! resumed. The next run deletes them and syncs again from the stored
//! cursor; the upserts make replaying a change harmless.
//!
//! Two more things a production sync must not get wrong: when the server
//! refuses the stored cursor, dropping just the cursor would lose every
//! removal since it, so the example forgets the Item's transactions with
//! it (one transaction) and syncs the whole history again; when the server
//! no longer knows the Item (`ITEM_NOT_FOUND`, `INVALID_ACCESS_TOKEN`), it
//! says so and leaves the database as it was.
//!
//! The access token is a secret: it is stored in the database (a file
//! readable by its owner only) and never printed. A production app would
//! rather encrypt it or keep it in a secret store.
//!
//! Progress goes to stderr (at most once a second), the summary to stdout.

mod store;

use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use examples::Target;
use examples::steps::FIRST_PLATYPUS;
use plaid_core::http::HeaderValue;
use plaid_core::modern::models::Product;
use plaid_core::modern::sync::{Restart, SyncEvent, SyncPage};
use plaid_core::modern::{Client, ErrorCode};
use plaid_core::transport::{HttpRequest, HttpResponse};
use plaid_core::{Transport, TransportError};
use plaid_ureq::UreqTransport;
use store::{EMBEDDED, Store, StoredItem, Tally};

const USAGE: &str = "\
sync_to_sqlite: sync an Item's transactions into a SQLite database

USAGE:
    sync_to_sqlite --db FILE [--base-url URL] [--user NAME] [--refresh]
                   [--count N] [--fault SPEC]

OPTIONS:
    --db FILE        the database (created if missing)
    --base-url URL   the modern server (wins over PLAID_BASE_URL); default: an
                     embedded plaid-sandbox, which forgets its Items on exit
    --user NAME      the sandbox user of a new Item (default
                     user_transactions_dynamic; user_bulk_N for N transactions);
                     ignored when the database already has its Item
    --refresh        call /transactions/refresh before syncing, so that a
                     user_transactions_dynamic Item has changes to pull
    --count N        transactions per page, 1 to 500 (default 500)
    --fault SPEC     emulator only, for tests: send `X-Sandbox-Fault: SPEC` with
                     every /transactions/sync request
    -h, --help       print this help
";

/// How long to keep syncing an Item whose transactions are not ready.
const NOT_READY_PATIENCE: Duration = Duration::from_secs(60);

/// The command line.
#[derive(Debug)]
struct Args {
    db: PathBuf,
    base_url: Option<String>,
    user: String,
    refresh: bool,
    count: u32,
    fault: Option<String>,
}

impl Args {
    /// Parses the arguments after the program name; `Ok(None)` for `--help`.
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
        let (mut db, mut base_url, mut fault) = (None, None, None);
        let (mut user, mut refresh, mut count) =
            ("user_transactions_dynamic".to_owned(), false, 500);
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or(format!("{arg} needs a value"));
            match arg.as_str() {
                "--db" => db = Some(PathBuf::from(value()?)),
                "--base-url" => base_url = Some(value()?),
                "--user" => user = value()?,
                "--refresh" => refresh = true,
                "--count" => {
                    count = value()?
                        .parse()
                        .ok()
                        .filter(|n| (1..=500).contains(n))
                        .ok_or("--count takes a number from 1 to 500")?;
                }
                "--fault" => fault = Some(value()?),
                "-h" | "--help" => return Ok(None),
                other => return Err(format!("unknown argument {other}")),
            }
        }
        let db = db.ok_or("--db FILE is required")?;
        Ok(Some(Args {
            db,
            base_url,
            user,
            refresh,
            count,
            fault,
        }))
    }
}

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("sync_to_sqlite: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sync_to_sqlite: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), Box<dyn Error>> {
    let target = Target::modern_at(args.base_url.clone())?;
    println!("server: {}", target.describe());
    let client = Client::new(
        target.config.clone(),
        SyncFaults::new(args.fault.as_deref())?,
    );
    let mut store = Store::open(&args.db)?;

    let item = item(&client, &mut store, &target, args)?;
    if args.refresh {
        let refreshed = client.transactions_refresh(&item.access_token).send();
        refreshed.map_err(|e| explain(&e).unwrap_or_else(|| e.into()))?;
        println!("refresh: asked the institution for new transactions");
    }
    let synced = sync(&client, &mut store, &item, args.count)?;
    println!(
        "synced: {} added, {} modified, {} removed in {} page(s), attempt {}",
        synced.tally.added,
        synced.tally.modified,
        synced.tally.removed,
        synced.pages,
        synced.attempt
    );
    println!("stored: {} transactions and the new cursor", synced.stored);
    Ok(())
}

/// The Item the database syncs: the stored one when its server still has
/// it, else a new one (made with `--user`).
fn item<T: Transport>(
    client: &Client<T>,
    store: &mut Store,
    target: &Target<plaid_core::modern::Modern>,
    args: &Args,
) -> Result<StoredItem, Box<dyn Error>> {
    let server = if target.is_embedded() {
        EMBEDDED.to_owned()
    } else {
        target.config.base_url().to_owned()
    };
    let previous = store.item()?;
    if let Some(stored) = previous.as_ref().filter(|s| s.server != EMBEDDED) {
        if stored.server != server {
            return Err(format!(
                "{} syncs an Item of {}, not of this server: use another --db",
                args.db.display(),
                stored.server
            )
            .into());
        }
    }
    if let Some(stored) = previous.filter(|s| s.server == server && server != EMBEDDED) {
        println!("item: {} (from the database)", stored.item_id);
        return Ok(stored);
    }

    // `/sandbox/public_token/create` stands in for Link: in an app, the
    // public token comes from Link in the user's browser.
    let created = client
        .sandbox_public_token_create(FIRST_PLATYPUS, [Product::Transactions])
        .with(|r| {
            r.override_username(args.user.as_str())
                .override_password("pass_good")
        })
        .send()?;
    let exchanged = client
        .item_public_token_exchange(created.public_token)
        .send()?;
    let item = StoredItem {
        item_id: exchanged.item_id,
        access_token: exchanged.access_token,
        server,
        cursor: None,
    };
    // Stored before anything else happens with it: a lost access token is
    // an Item nobody can reach or remove.
    let dropped = store.replace_item(&item)?;
    println!("item: {} (linked now)", item.item_id);
    if dropped > 0 {
        println!(
            "dropped: {dropped} transactions of the previous run's Item, gone with its embedded server"
        );
    }
    Ok(item)
}

/// A complete sync, as stored.
#[derive(Debug)]
struct Synced {
    tally: Tally,
    pages: u32,
    attempt: u32,
    stored: u64,
}

/// How one sync loop ended, when it did not fail.
enum Outcome {
    /// Complete, and stored.
    Synced(Synced),
    /// The Item's transactions are not ready yet: nothing stored.
    NotReady,
    /// The server refused the stored cursor: nothing stored.
    CursorRefused,
}

/// Syncs the Item from its stored cursor into the database, waiting (a
/// minute at most) while its transactions are not ready.
fn sync<T: Transport>(
    client: &Client<T>,
    store: &mut Store,
    item: &StoredItem,
    count: u32,
) -> Result<Synced, Box<dyn Error>> {
    let started = Instant::now();
    let mut wait = Duration::from_secs(1);
    let mut cursor = item.cursor.clone();
    loop {
        match sync_once(client, store, item, cursor.as_deref(), count)? {
            Outcome::Synced(synced) => return Ok(synced),
            Outcome::CursorRefused => {
                // Dropping only the cursor would lose every removal since
                // it: start over from nothing, in one transaction. Only a
                // stored cursor can be refused, so this happens once.
                let dropped = store.forget(&item.item_id)?;
                eprintln!(
                    "cursor: the server refused the stored cursor; dropped the {dropped} \
                     transactions stored with it, syncing the whole history again"
                );
                cursor = None;
            }
            Outcome::NotReady => {
                if started.elapsed() + wait > NOT_READY_PATIENCE {
                    return Err("the Item's transactions are still not ready; run again \
                                later (the stored cursor is unchanged)"
                        .into());
                }
                eprintln!(
                    "not ready: the Item's transactions are not ready yet; syncing again in {}s",
                    wait.as_secs()
                );
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_secs(10));
            }
        }
    }
}

/// One sync loop from `cursor`.
fn sync_once<T: Transport>(
    client: &Client<T>,
    store: &mut Store,
    item: &StoredItem,
    cursor: Option<&str>,
    count: u32,
) -> Result<Outcome, Box<dyn Error>> {
    let id = item.item_id.as_str();
    let stale = store.clear_staged(id)?;
    if stale > 0 {
        eprintln!(
            "staged: dropped {stale} changes of an interrupted sync (they have no cursor); \
             syncing again from the stored cursor"
        );
    }
    let mut pages = client
        .transactions_sync_pages(&item.access_token, cursor)
        .with(|r| r.count(count));
    let mut progress = Progress::new();
    let outcome = loop {
        let event = match pages.next_page().send() {
            Ok(Some(event)) => event,
            Ok(None) => break Err("the sync ended without its last page".into()),
            Err(error) if error.is_cursor_refused() => break Ok(Outcome::CursorRefused),
            Err(error) => break Err(explain(error.error()).unwrap_or_else(|| error.into())),
        };
        match event {
            SyncEvent::Page(page) => {
                store.stage(id, &page)?;
                progress.page(&page);
            }
            SyncEvent::Restarted(restart) => {
                store.clear_staged(id)?;
                progress.restart(&restart);
            }
            SyncEvent::Finished(last) => {
                let stored = store.finish(id, &last)?;
                progress.tally.count(&last.page);
                break Ok(Outcome::Synced(Synced {
                    tally: progress.tally,
                    pages: last.page.index + 1,
                    attempt: last.page.attempt,
                    stored,
                }));
            }
            SyncEvent::NotReady(_) => break Ok(Outcome::NotReady),
        }
    };
    if let Ok(Outcome::Synced(_)) = outcome {
        return outcome;
    }
    // Not complete: the staged pages are void. Should this delete fail
    // too, the next run deletes them before it syncs.
    if store.clear_staged(id).is_err() {
        eprintln!("staged: could not drop this sync's staged pages; the next run will");
    }
    if outcome.is_err() {
        eprintln!("sync failed: the database keeps its last complete sync and its cursor");
    }
    outcome
}

/// A clearer error for an Item the server no longer knows: the database's
/// Item cannot be synced again, whatever the run does.
fn explain(error: &plaid_core::Error) -> Option<Box<dyn Error>> {
    let code = error.plaid_code().filter(|code| {
        [ErrorCode::ITEM_NOT_FOUND, ErrorCode::INVALID_ACCESS_TOKEN].contains(code)
    })?;
    Some(
        format!(
            "the server no longer knows the database's Item ({code}): use a new --db to link \
             another"
        )
        .into(),
    )
}

/// The progress of a sync on stderr: the first page, then at most a line a
/// second, so that a sync of a million transactions prints a few lines.
struct Progress {
    started: Instant,
    printed: Option<Instant>,
    pages: u32,
    tally: Tally,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            started: Instant::now(),
            printed: None,
            pages: 0,
            tally: Tally::default(),
        }
    }

    fn page(&mut self, page: &SyncPage) {
        self.pages += 1;
        self.tally.count(page);
        if self
            .printed
            .is_none_or(|at| at.elapsed() >= Duration::from_secs(1))
        {
            eprintln!(
                "progress: page {} of attempt {}, {} changes staged ({} added, {} modified, \
                 {} removed) in {:.1}s",
                self.pages,
                page.attempt,
                self.tally.total(),
                self.tally.added,
                self.tally.modified,
                self.tally.removed,
                self.started.elapsed().as_secs_f64()
            );
            self.printed = Some(Instant::now());
        }
    }

    fn restart(&mut self, restart: &Restart) {
        eprintln!(
            "restart: the data changed during the sync; dropped the {} staged page(s) of \
             attempt {}, attempt {} starts again from the stored cursor",
            restart.pages_discarded, restart.discarded_attempt, restart.attempt
        );
        self.pages = 0;
        self.tally = Tally::default();
        self.printed = None;
    }
}

/// The example's transport: ureq, plus the emulator's fault header on every
/// `/transactions/sync` request when `--fault` asks for one, so that tests
/// can make a sync restart.
struct SyncFaults {
    inner: UreqTransport,
    fault: Option<HeaderValue>,
}

impl SyncFaults {
    fn new(fault: Option<&str>) -> Result<SyncFaults, Box<dyn Error>> {
        Ok(SyncFaults {
            inner: UreqTransport::new(),
            fault: fault.map(HeaderValue::from_str).transpose()?,
        })
    }
}

impl Transport for SyncFaults {
    fn send(&self, mut request: HttpRequest) -> Result<HttpResponse, TransportError> {
        if let Some(fault) = &self.fault {
            if request.uri().path().ends_with("/transactions/sync") {
                request
                    .headers_mut()
                    .insert(plaid_sandbox::FAULT_HEADER, fault.clone());
            }
        }
        self.inner.send(request)
    }
}
