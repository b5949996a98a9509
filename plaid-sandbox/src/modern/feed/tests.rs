//! Unit tests of the change log on a still clock: the phases and their webhooks, a phase
//! landing in the middle of a loop, net windows after refreshes, deterministic refreshes,
//! and `/transactions/get` paging against a brute-force reading of the log.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, UNIX_EPOCH};

use super::*;
use crate::modern::clock;
use crate::modern::data::transactions::{Place, Size};

const SECOND: Duration = Duration::from_secs(1);

fn start() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_709_294_400)
}

fn feed(item: &str, days: u32, delay: Duration, dynamic: bool) -> Feed {
    let place = Place {
        accounts: ["checking".into(), "savings".into(), "card".into()],
        currency: "USD",
        country: "US",
    };
    let history = History::new(item, place, clock::day_of(start()), days, Size::Standard);
    Feed::new(history, start(), delay, dynamic)
}

/// Runs a whole loop from `cursor` with pages of `count`: (added ids, modified ids, removed
/// ids, final cursor).
fn drain(
    feed: &Feed,
    cursor: Option<Cursor>,
    count: usize,
) -> (Vec<String>, Vec<String>, Vec<String>, Cursor) {
    let (mut added, mut modified, mut removed) = (Vec::new(), Vec::new(), Vec::new());
    let mut cursor = cursor;
    loop {
        let page = feed.sync(cursor, count, None).unwrap();
        added.extend(page.added.into_iter().map(|t| t.id));
        modified.extend(page.modified.into_iter().map(|t| t.id));
        removed.extend(page.removed.into_iter().map(|(id, _)| id));
        cursor = Some(page.next);
        if !page.has_more {
            return (added, modified, removed, page.next);
        }
    }
}

/// The ids `/transactions/get` lists over everything, newest first.
fn listed(feed: &Feed) -> Vec<String> {
    let (total, page) = feed.get(i64::MIN / 4, i64::MAX / 4, None, 0, usize::MAX);
    assert_eq!(total, page.len());
    page.into_iter().map(|t| t.id).collect()
}

#[test]
fn phases_open_the_newest_30_days_first_then_the_rest() {
    let mut f = feed("item-phases", 90, 10 * SECOND, false);
    f.mark_synced();
    assert!(f.catch_up(start()).is_empty());
    assert_eq!((f.phase(), f.log_len()), (Phase::NotReady, 0));

    let notices = f.catch_up(start() + 10 * SECOND);
    assert_eq!(f.phase(), Phase::Initial);
    let codes: Vec<&str> = notices.iter().map(|n| n.code).collect();
    assert_eq!(codes, ["INITIAL_UPDATE", "SYNC_UPDATES_AVAILABLE"]);
    assert_eq!(notices[1].fields["historical_update_complete"], false);
    let (initial, _, _, cursor) = drain(&f, None, 40);
    let cut = f.history().last_day - 29;
    assert!(!initial.is_empty());
    assert!(listed(&f).iter().all(|id| initial.contains(id)));
    let (_, recent) = f.get(cut, i64::MAX / 4, None, 0, usize::MAX);
    assert_eq!(recent.len(), initial.len(), "only the newest 30 days");

    let notices = f.catch_up(start() + 20 * SECOND);
    assert_eq!(f.phase(), Phase::Historical);
    let codes: Vec<&str> = notices.iter().map(|n| n.code).collect();
    assert_eq!(codes, ["HISTORICAL_UPDATE", "SYNC_UPDATES_AVAILABLE"]);
    let (older, modified, removed, _) = drain(&f, Some(cursor), 40);
    assert!(modified.is_empty() && removed.is_empty());
    assert_eq!(initial.len() + older.len(), f.history().len() as usize);
    let older_days: Vec<i64> = older.iter().map(|id| day_of(&f, id)).collect();
    assert!(older_days.iter().all(|d| *d < cut));
    assert!(
        f.catch_up(start() + 30 * SECOND).is_empty(),
        "each phase notifies once"
    );
}

fn day_of(f: &Feed, id: &str) -> i64 {
    (0..f.history().len())
        .map(|i| f.history().txn(i))
        .find(|t| t.id == id)
        .unwrap()
        .day
}

#[test]
fn a_phase_landing_in_the_middle_of_a_loop_is_a_mutation() {
    let mut f = feed("item-mid", 90, 10 * SECOND, false);
    f.catch_up(start() + 10 * SECOND);
    let first = f.sync(None, 10, None).unwrap();
    assert!(first.has_more);
    f.catch_up(start() + 20 * SECOND);
    assert_eq!(f.sync(Some(first.next), 10, None), Err(SyncError::Mutation));
    let (all, ..) = drain(&f, None, 10);
    assert_eq!(
        all.len(),
        f.history().len() as usize,
        "a restart gets everything"
    );
}

#[test]
fn without_a_delay_everything_is_there_at_once_and_without_a_sync_no_sync_webhook() {
    let mut f = feed("item-now", 30, Duration::ZERO, false);
    let codes: Vec<&str> = f.catch_up(start()).iter().map(|n| n.code).collect();
    assert_eq!(codes, ["INITIAL_UPDATE", "HISTORICAL_UPDATE"]);
    assert_eq!(f.phase(), Phase::Historical);
    assert_eq!(f.log_len(), u64::from(f.history().len()));
}

#[test]
fn cursors_outside_the_log_are_foreign() {
    let mut f = feed("item-foreign", 30, Duration::ZERO, false);
    f.catch_up(start());
    let end = f.log_len();
    let beyond = Cursor::settled(end + 1, None);
    assert_eq!(f.sync(Some(beyond), 10, None), Err(SyncError::Foreign));
    let backwards = Cursor {
        from: 5,
        to: 3,
        offset: 1,
        account: None,
    };
    assert_eq!(f.sync(Some(backwards), 10, None), Err(SyncError::Mutation));
    let inverted = Cursor {
        from: end,
        to: end - 1,
        offset: 0,
        account: None,
    };
    assert_eq!(f.sync(Some(inverted), 10, None), Err(SyncError::Foreign));
    let overshoot = Cursor {
        from: 0,
        to: end,
        offset: end + 5,
        account: None,
    };
    assert_eq!(f.sync(Some(overshoot), 10, None), Err(SyncError::Foreign));
}

#[test]
fn windows_are_net_and_get_agrees_with_sync() {
    let mut f = feed("item-net", 60, Duration::ZERO, true);
    f.catch_up(start());
    let (base, ..) = drain(&f, None, 500);
    let mut state: HashSet<String> = base.into_iter().collect();
    let mut cursor = Cursor::settled(f.log_len(), None);
    for round in 0..4 {
        f.refresh(start() + Duration::from_secs(86_400 * round));
        let (added, modified, removed, next) = drain(&f, Some(cursor), 3);
        assert!(
            !added.is_empty() && !modified.is_empty() && !removed.is_empty(),
            "round {round}"
        );
        for id in &removed {
            assert!(state.remove(id), "{id} was known");
        }
        for id in &modified {
            assert!(state.contains(id), "{id} was known");
        }
        state.extend(added);
        cursor = next;
        let listed: HashSet<String> = listed(&f).into_iter().collect();
        assert_eq!(listed, state, "round {round}");
    }
    let (fresh, modified, removed, _) = drain(&f, None, 500);
    assert!(
        modified.is_empty() && removed.is_empty(),
        "a new loop only adds"
    );
    assert_eq!(fresh.into_iter().collect::<HashSet<_>>(), state);
}

#[test]
fn refreshes_are_deterministic_per_item_and_leave_user_good_alone() {
    let run = |item: &str, dynamic: bool| {
        let mut f = feed(item, 30, Duration::ZERO, dynamic);
        f.catch_up(start());
        f.refresh(start());
        f.refresh(start() + SECOND);
        drain(&f, None, 500).0
    };
    assert_eq!(run("item-d", true), run("item-d", true));
    assert_ne!(run("item-d", true), run("item-e", true));
    let mut plain = feed("item-p", 30, Duration::ZERO, false);
    plain.catch_up(start());
    let before = plain.log_len();
    assert!(plain.refresh(start()).is_empty());
    assert_eq!(plain.log_len(), before);
}

#[test]
fn refresh_webhooks_name_the_new_and_removed_transactions() {
    let mut f = feed("item-hooks", 30, Duration::ZERO, true);
    f.mark_synced();
    f.catch_up(start());
    let notices = f.refresh(start());
    let by_code: HashMap<&str, &Notice> = notices.iter().map(|n| (n.code, n)).collect();
    assert!(by_code.contains_key("SYNC_UPDATES_AVAILABLE"));
    let removed = by_code["TRANSACTIONS_REMOVED"].fields["removed_transactions"]
        .as_array()
        .unwrap();
    let new = by_code["DEFAULT_UPDATE"].fields["new_transactions"]
        .as_u64()
        .unwrap();
    let (added, _, gone, _) = drain(
        &f,
        Some(Cursor::settled(f.history().len().into(), None)),
        500,
    );
    assert_eq!(removed.len(), gone.len());
    assert_eq!(new as usize, added.len());
}

#[test]
fn refresh_completes_a_running_pull() {
    let mut f = feed("item-early", 30, Duration::from_secs(3600), false);
    assert!(f.catch_up(start()).is_empty());
    f.refresh(start() + SECOND);
    assert_eq!(f.phase(), Phase::Historical);
}

#[test]
fn get_pages_and_filters_match_a_brute_force_reading() {
    let mut f = feed("item-get", 90, Duration::ZERO, true);
    f.catch_up(start());
    f.refresh(start());
    f.refresh(start() + SECOND);
    let everything = f.get(i64::MIN / 4, i64::MAX / 4, None, 0, usize::MAX).1;
    let days: Vec<i64> = everything.iter().map(|t| t.day).collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let from = f.history().last_day - 40;
    let to = f.history().last_day - 3;
    for accounts in [None, Some(vec![2]), Some(vec![0, 1])] {
        let expected: Vec<String> = everything
            .iter()
            .filter(|t| t.day >= from && t.day <= to)
            .filter(|t| accounts.as_ref().is_none_or(|a| a.contains(&t.account)))
            .map(|t| t.id.clone())
            .collect();
        for (offset, count) in [
            (0, 7),
            (5, 13),
            (expected.len() - 2, 10),
            (expected.len() + 3, 4),
        ] {
            let (total, page) = f.get(from, to, accounts.as_deref(), offset, count);
            assert_eq!(total, expected.len());
            let ids: Vec<String> = page.into_iter().map(|t| t.id).collect();
            let want: Vec<String> = expected.iter().skip(offset).take(count).cloned().collect();
            assert_eq!(ids, want, "{accounts:?} {offset} {count}");
        }
    }
}

#[test]
fn skips_over_removed_indices_count_only_present_ones() {
    let removed: BTreeSet<u32> = [3, 4, 9, 10, 11].into_iter().collect();
    for skip in 0..14 {
        let forward = skip_forward(0, 20, skip, &removed);
        let present = (0..forward).filter(|i| !removed.contains(i)).count();
        assert_eq!(present, skip.min(15), "forward {skip}");
        let back = skip_back(20, 0, skip, &removed);
        let present = (back..20).filter(|i| !removed.contains(i)).count();
        assert_eq!(present, skip.min(15), "back {skip}");
    }
}

/// An `options.offset` past `u32::MAX` (a hostile `/transactions/get`) must land at the end
/// of the range, not wrap to a small skip that the walk can never satisfy (it spun forever).
#[test]
fn skips_past_u32_max_end_the_walk_instead_of_spinning() {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let removed: BTreeSet<u32> = [3, 4].into_iter().collect();
        let mut out = Vec::new();
        for skip in [1usize << 32, (1 << 32) + 5, usize::MAX] {
            out.push((
                skip_forward(0, 20, skip, &removed),
                skip_back(20, 0, skip, &removed),
            ));
        }
        let mut f = feed("item-huge-offset", 90, Duration::ZERO, false);
        f.catch_up(start());
        let (total, page) = f.get(i64::MIN / 4, i64::MAX / 4, None, (1 << 32) + 3, 10);
        let _ = done.send((out, total, page.len()));
    });
    let (out, total, listed) = finished
        .recv_timeout(Duration::from_secs(20))
        .expect("a huge skip must not spin");
    assert!(
        out.iter()
            .all(|&(forward, back)| forward == 20 && back == 0),
        "{out:?}"
    );
    assert!(total > 0);
    assert_eq!(listed, 0, "an offset past the end lists nothing");
}
