//! `/transactions/refresh`: an on-demand pull. It completes the phases still running (so a
//! refresh right after Link makes the data ready, which is how clients avoid waiting), and on
//! a dynamic feed (`user_transactions_dynamic`) it changes the transactions the way a bank's
//! do between two pulls, as Plaid's docs describe them:
//!
//! - **pending purchases post**: each pending transaction is removed and a posted one added
//!   in its place, dated the refresh's day, with `pending_transaction_id` naming the pending
//!   one and, at a restaurant, a tip added to the amount;
//! - **an authorisation hold is voided**: when two or more purchases are pending, the oldest
//!   is removed without a posted one;
//! - **a posted transaction is recategorised**: the newest posted purchase the refreshes have
//!   not touched yet gets a refined `personal_finance_category` (`modified`);
//! - **new transactions arrive**: two new pending purchases and one posted one.
//!
//! Every change is appended to the log, so the next sync sees it; the webhooks Plaid sends
//! for it (`SYNC_UPDATES_AVAILABLE`, `DEFAULT_UPDATE`, `TRANSACTIONS_REMOVED`) are returned.

use std::time::SystemTime;

use serde_json::json;

use crate::modern::clock;
use crate::modern::data::transactions::Txn;
use crate::modern::feed::{Event, Feed, Notice, Phase};
use crate::modern::ids::{self, ID_LEN, Stream};

/// Salts of the refresh streams.
const NEW_SALT: u64 = 0x4e57;
const NEW_ID_SALT: u64 = 0x4e1d;
const POSTED_SALT: u64 = 0x9057;

/// How far back from the newest transaction a recategorisation looks.
const RECENT: u32 = 400;

impl Feed {
    /// Records an addition, modification (`now` is the new state) or removal (`now` is
    /// `None`) of the transaction `id`.
    fn push(&mut self, id: String, account: usize, base: Option<u32>, now: Option<Txn>) {
        let position = self.log_len();
        if let Some(i) = base {
            self.touched.insert(i);
            if now.is_none() {
                self.removed.insert(i);
            }
        } else if !self.current.contains_key(&id) {
            self.origin.insert(id.clone(), position);
        }
        self.current.insert(id.clone(), now);
        self.events.push(Event { id, account, base });
    }

    /// The pending transactions now: the history's (newest days) then the refresh ones, in
    /// the order they arrived.
    fn pendings(&self) -> Vec<(Option<u32>, Txn)> {
        let from = self.history.first_on(self.history.last_day - 1);
        let mut pending: Vec<(Option<u32>, Txn)> = (from..self.n())
            .filter_map(|i| Some((Some(i), self.base_txn(i)?)))
            .filter(|(_, t)| t.pending)
            .collect();
        let mut added: Vec<(u64, Txn)> = self
            .origin
            .iter()
            .filter_map(|(id, at)| Some((*at, self.current.get(id).cloned().flatten()?)))
            .filter(|(_, t)| t.pending)
            .collect();
        added.sort_by_key(|(at, _)| *at);
        pending.extend(added.into_iter().map(|(_, t)| (None, t)));
        pending
    }

    /// Refreshes the feed at `now`; returns the webhooks it sends.
    pub(crate) fn refresh(&mut self, now: SystemTime) -> Vec<Notice> {
        if self.phase != Phase::Historical {
            // The pull completes now: move the start back so that both phases are due.
            let both = self.delay + self.delay;
            self.started = self.started.min(now.checked_sub(both).unwrap_or(now));
        }
        let mut notices = self.catch_up(now);
        self.updated = self.updated.max(now);
        if !self.dynamic {
            return notices;
        }
        let round = self.refreshes;
        self.refreshes += 1;
        let today = clock::day_of(now).max(self.history.last_day);
        let before = self.log_len();
        let mut removed = Vec::new();
        let mut added = 0usize;

        let pendings = self.pendings();
        let void = pendings.len() >= 2;
        for (n, (base, pending)) in pendings.into_iter().enumerate() {
            removed.push(pending.id.clone());
            self.push(pending.id.clone(), pending.account, base, None);
            if void && n == 0 {
                continue;
            }
            let posted = posted(&pending, today);
            added += 1;
            self.push(posted.id.clone(), posted.account, None, Some(posted));
        }

        let newest = self.n();
        let candidate = (newest.saturating_sub(RECENT)..newest).rev().find(|i| {
            !self.touched.contains(i) && {
                let t = self.history.txn(*i);
                !t.pending && t.leg.is_none() && t.payee.is_card_purchase()
            }
        });
        if let Some(i) = candidate {
            let mut txn = self.history.txn(i);
            txn.recategorized = true;
            self.push(txn.id.clone(), txn.account, Some(i), Some(txn));
        }

        for n in 0..3u64 {
            let id = self
                .history
                .stream(NEW_ID_SALT, round * 8 + n)
                .base62(ID_LEN);
            let mut rng = self.history.stream(NEW_SALT, round * 8 + n);
            let mut txn = self.history.purchase(&mut rng, id, today, true);
            if n < 2 {
                txn.pending = true;
                txn.authorized = Some(today);
            }
            added += 1;
            self.push(txn.id.clone(), txn.account, None, Some(txn));
        }

        if self.log_len() > before {
            notices.extend(self.sync_notice(now));
            notices.push(Notice::new(
                "DEFAULT_UPDATE",
                now,
                json!({ "new_transactions": added }),
            ));
            if !removed.is_empty() {
                notices.push(Notice::new(
                    "TRANSACTIONS_REMOVED",
                    now,
                    json!({ "removed_transactions": removed }),
                ));
            }
        }
        notices
    }
}

/// The posted transaction that replaces `pending` on `today`.
fn posted(pending: &Txn, today: i64) -> Txn {
    let mut rng = Stream::nth(ids::hash(&pending.id), POSTED_SALT);
    let tip = if pending.payee.tip {
        pending.cents * rng.range(15, 22) as i64 / 100
    } else {
        0
    };
    Txn {
        id: rng.base62(ID_LEN),
        cents: pending.cents + tip,
        day: today.max(pending.day),
        authorized: Some(pending.authorized.unwrap_or(pending.day)),
        pending: false,
        pending_id: Some(pending.id.clone()),
        ..pending.clone()
    }
}
