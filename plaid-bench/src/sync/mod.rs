//! `--sync`: the `/transactions/sync` loop, measured. Two questions, each
//! its own module:
//!
//! - [`memory`]: does streaming a long history
//!   (`client.transactions_sync_pages`, each page dropped once processed)
//!   hold about two pages at a time, while collecting it
//!   (`client.transactions_sync_all`) grows with the history? Each way runs
//!   in a child process of its own, whose peak RSS (`VmHWM`) is then its
//!   own alone.
//! - [`e2e`]: how fast is the whole loop on each backend, beside the
//!   official modern python client (`plaid-python==46.0.0`,
//!   `bench/python_sync.py`) and beside a bare client that decodes nothing
//!   (the emulator's own ceiling), in interleaved rounds of one run?
//!
//! Both read the emulator's benchmark users `user_bulk_<N>` (a history of
//! exactly N transactions), 500 a page (the API's largest), from
//! `plaid-sandbox --api modern` in a process of its own ([`emulator`]):
//! its memory is not the client's, and its CPU time is read apart from the
//! client's, since it builds and serialises every page.

pub(crate) mod e2e;
pub(crate) mod emulator;
pub(crate) mod memory;

use plaid_core::modern;
use plaid_core::modern::models::{Product, Transaction};
use plaid_core::modern::sync::{SyncChanges, SyncEvent};
use plaid_core::secret::AccessToken;
use plaid_core::{AsyncTransport, Transport};

use crate::cpu::cpu_model;
use crate::emulators::MODERN_INSTITUTION;
use crate::options::{Opts, SyncParts};

use self::emulator::External;

/// Transactions a page: the most `/transactions/sync` serves.
pub(crate) const PAGE_COUNT: u32 = 500;

/// Runs the sync measurements of `parts` and prints their report
/// (markdown) on stdout.
pub(crate) fn run(parts: SyncParts, opts: &Opts) {
    let load_before = load_average();
    let emulator = External::start();
    println!(
        "## plaid-bench --sync: {} CPUs ({}), emulator `{}` (pid {})\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model(),
        emulator.url(),
        emulator.pid()
    );
    if parts.memory {
        let figures: Vec<_> = opts
            .memory_n
            .iter()
            .flat_map(|&n| memory::measure(&emulator, n))
            .collect();
        memory::report(&figures);
    }
    if parts.e2e {
        for &n in &opts.sync_n {
            e2e::report(&e2e::measure(&emulator, n, opts));
        }
    }
    println!(
        "Load average (1, 5, 15 min) before: {load_before}; after: {}.",
        load_average()
    );
    emulator.stop();
}

/// The name of the emulator's benchmark user with `n` transactions.
pub(crate) fn bulk_user(n: u64) -> String {
    format!("user_bulk_{n}")
}

/// A new Item of `user_bulk_<n>` (any password), made through `client`.
pub(crate) fn bulk_item<T: Transport>(client: &modern::Client<T>, n: u64) -> AccessToken {
    let created = client
        .sandbox_public_token_create(MODERN_INSTITUTION, [Product::Transactions])
        .with(|r| r.override_username(bulk_user(n)).override_password("any"))
        .send()
        .expect("sandbox_public_token_create");
    client
        .item_public_token_exchange(created.public_token)
        .send()
        .expect("item_public_token_exchange")
        .access_token
}

/// What "processing" a page does here, the same on every side: count the
/// transactions and add up their amounts in cents, so that each is read
/// and nothing is kept.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Transactions seen.
    pub(crate) transactions: u64,
    /// The sum of their amounts, in cents (wrapping).
    pub(crate) cents: i64,
}

impl Tally {
    /// Adds `transactions`.
    pub(crate) fn add(&mut self, transactions: &[Transaction]) {
        self.transactions += transactions.len() as u64;
        for t in transactions {
            self.cents = self
                .cents
                .wrapping_add(t.amount.minor_units(2).unwrap_or_default());
        }
    }
}

/// What a whole sync read: the tally of its `added` transactions and its
/// pages.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(crate) struct Synced {
    /// The transactions, processed.
    pub(crate) tally: Tally,
    /// The pages of the attempt that finished.
    pub(crate) pages: u32,
}

impl Synced {
    /// What a collected sync returned.
    fn of(changes: &SyncChanges) -> Synced {
        assert!(!changes.not_ready, "the bulk Item was not ready");
        let mut tally = Tally::default();
        tally.add(&changes.added);
        Synced {
            tally,
            pages: changes.pages,
        }
    }
}

/// The whole history of `token`, collected
/// (`client.transactions_sync_all`), then processed.
pub(crate) fn collect<T: Transport>(client: &modern::Client<T>, token: &AccessToken) -> Synced {
    Synced::of(&collect_changes(client, token))
}

/// The whole history of `token`, collected.
pub(crate) fn collect_changes<T: Transport>(
    client: &modern::Client<T>,
    token: &AccessToken,
) -> SyncChanges {
    client
        .transactions_sync_all(token, None)
        .with(|r| r.count(PAGE_COUNT))
        .send()
        .expect("transactions_sync_all")
}

/// [`collect`] on an async backend.
pub(crate) async fn collect_async<T: AsyncTransport>(
    client: &modern::Client<T>,
    token: &AccessToken,
) -> Synced {
    let changes = client
        .transactions_sync_all(token, None)
        .with(|r| r.count(PAGE_COUNT))
        .await
        .expect("transactions_sync_all");
    Synced::of(&changes)
}

/// The whole history of `token`, streamed
/// (`client.transactions_sync_pages`): each page processed and dropped
/// before the next is read, as the sync module's docs say to.
pub(crate) fn stream<T: Transport>(client: &modern::Client<T>, token: &AccessToken) -> Synced {
    let mut pages = client
        .transactions_sync_pages(token, None)
        .with(|r| r.count(PAGE_COUNT));
    let mut synced = Synced::default();
    while let Some(event) = pages.next_page().send().expect("transactions_sync_pages") {
        match event {
            SyncEvent::Page(page) => {
                synced.tally.add(&page.added);
                synced.pages += 1;
            }
            SyncEvent::Finished(last) => {
                synced.tally.add(&last.page.added);
                synced.pages += 1;
            }
            // What was read is void; the loop starts over.
            SyncEvent::Restarted(_) => synced = Synced::default(),
            SyncEvent::NotReady(_) => panic!("the bulk Item was not ready"),
        }
    }
    synced
}

/// The 1, 5 and 15 minute load averages (`/proc/loadavg`), for the report:
/// the machine is shared, and the figures mean little without them.
pub(crate) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(", "))
        .unwrap_or_else(|_| "unknown".into())
}
