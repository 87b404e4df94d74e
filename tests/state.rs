//! The store, natively under a Leptos `Owner` (as leptos-use tests its hooks): no browser.
//! The fold store and what search, printing and links hold open, as a reader uses them.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

use threadview::state::Store;
use threadview_core::sort::SortOrder;
use threadview_core::url::Route;
use threadview_core::{CommentId, Loaded};

const BUNDLED: &str = include_str!("../data/discussion.json");

fn id(n: u64) -> CommentId {
    CommentId::new(n)
}

fn ids(ns: &[u64]) -> HashSet<CommentId> {
    ns.iter().copied().map(id).collect()
}

/// `check` with a store on the bundled discussion, at `route`, with `saved` folds.
fn with_store(route: Route, saved: Option<&[u64]>, check: impl FnOnce(Store)) {
    let owner = Owner::new();
    owner.with(|| {
        let data = Arc::new(Loaded::from_json(BUNDLED).unwrap());
        let saved = saved.map(ids);
        check(Store::new(data, route, SortOrder::default(), saved));
    });
}

/// Whether comment `n` shows its replies, as a drawn comment would read it.
fn open(store: Store, n: u64) -> bool {
    store.folds.is_open(id(n)).get_untracked()
}

#[test]
fn a_fold_made_during_a_search_survives_more_typing_and_clearing_it() {
    with_store(Route::Full, None, |store| {
        // "Absolutely agree." is comment 9, under 7, under 1: the search holds 1 and 7 open.
        store.folds.fold_all([id(1), id(7)]);
        store.search("Absolutely".into());
        assert!(open(store, 1) && open(store, 7), "the match is shown");
        assert_eq!(store.matches.get_untracked(), [4]);

        // The reader folds 11 (not a match's ancestor) and 7 (one).
        store.toggle(id(11));
        store.toggle(id(7));
        assert!(!open(store, 11) && !open(store, 7));

        store.search("Absolutely ".into());
        store.search("Absolutely a".into());
        assert!(!open(store, 11), "more typing keeps the reader's fold");
        assert!(
            !open(store, 7),
            "a fold over a match is the reader's choice"
        );
        assert!(
            open(store, 1),
            "what the reader did not fold stays held open"
        );

        store.search(String::new());
        assert!(
            !open(store, 11) && !open(store, 7),
            "clearing the search keeps both"
        );
        assert!(!open(store, 1), "1 was folded before the search");
        assert_eq!(store.folds.snapshot(), ids(&[1, 7, 11]));

        // Kept folds are let go once the search is over: a new search opens 7 again.
        store.search("Absolutely".into());
        assert!(open(store, 7));
    });
}

#[test]
fn searching_does_not_change_the_saved_folds() {
    with_store(Route::Full, Some(&[1, 7]), |store| {
        store.search("Absolutely".into());
        assert!(open(store, 1) && open(store, 7));
        assert_eq!(store.folds.snapshot(), ids(&[1, 7]));
        store.search(String::new());
        assert!(!open(store, 1) && !open(store, 7));
    });
}

#[test]
fn printing_shows_everything_and_leaves_the_saved_folds_alone() {
    with_store(Route::Full, Some(&[7, 11]), |store| {
        store.reader.printing.set(true);
        assert!(open(store, 7) && open(store, 11), "printed whole");
        assert_eq!(
            store.folds.snapshot(),
            ids(&[7, 11]),
            "saved folds untouched"
        );
        store.reader.printing.set(false);
        assert!(!open(store, 7) && !open(store, 11));
    });
}

#[test]
fn a_link_holds_its_comment_open_without_unfolding_for_good() {
    // 17 answers 14, which answers 13, under 7 and 1.
    with_store(Route::Comment(id(17)), Some(&[1, 13, 3]), |store| {
        assert!(
            open(store, 1) && open(store, 13),
            "the linked comment is shown"
        );
        assert!(!open(store, 3), "other folds stay");
        assert_eq!(store.reader.current.get_untracked(), Some(id(17)));
        assert_eq!(store.folds.snapshot(), ids(&[1, 3, 13]));

        // The reader folds an ancestor of the linked comment: it folds.
        store.toggle(id(13));
        assert!(!open(store, 13));
        // Going to the comment again lets go of that fold.
        store.go_to(id(17));
        assert!(open(store, 13));

        // Going elsewhere gives the reader's folds back.
        store.go_to(id(2));
        assert!(!open(store, 1) && !open(store, 13));
    });
}

#[test]
fn expand_all_and_collapse_all_and_reset() {
    with_store(Route::Full, Some(&[1, 7]), |store| {
        store.expand_all();
        assert!(store.folds.snapshot().is_empty());
        store.collapse_all();
        assert_eq!(store.folds.snapshot(), ids(&[1, 2, 3, 7, 11, 13, 14]));
        store.unfold_below(0);
        assert_eq!(store.folds.snapshot(), ids(&[2, 11]));
        store.folds.reset();
        assert!(
            store.folds.snapshot().is_empty(),
            "the bundled page opens whole"
        );
    });
}

#[test]
fn fold_signals_are_freed_when_their_comment_is_no_longer_drawn() {
    with_store(Route::Full, None, |store| {
        let drawn = Owner::current().unwrap().child();
        drawn.with(|| {
            for n in [1, 7, 13] {
                let _ = store.folds.is_open(id(n));
            }
            // The same comment drawn twice shares one signal.
            let _ = store.folds.is_open(id(7));
        });
        assert_eq!(store.folds.signals(), 3);
        drawn.cleanup();
        assert_eq!(store.folds.signals(), 0);
    });
}

#[test]
fn a_drawn_comment_hears_only_its_own_fold() {
    with_store(Route::Full, None, |store| {
        let (one, seven) = (store.folds.is_open(id(1)), store.folds.is_open(id(7)));
        let runs = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = Memo::new({
            let runs = runs.clone();
            move |_| {
                runs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                seven.get()
            }
        });
        assert!(counted.get_untracked());
        store.toggle(id(1));
        assert!(!one.get_untracked());
        assert!(counted.get_untracked());
        assert_eq!(runs.load(std::sync::atomic::Ordering::Relaxed), 1);
        store.toggle(id(7));
        assert!(!counted.get_untracked());
        assert_eq!(runs.load(std::sync::atomic::Ordering::Relaxed), 2);
    });
}

#[test]
fn new_since_the_last_visit_in_reading_order_and_next_new_steps_through_them() {
    let owner = Owner::new();
    owner.with(|| {
        let text = include_str!("../core/tests/corpus/format-2-kinds.json");
        let data = Arc::new(Loaded::from_json(text).unwrap());
        let first = Store::new(data.clone(), Route::Full, SortOrder::default(), None);
        assert!(!first.is_return_visit() && first.new_comments().is_empty());

        // 2024-03-02T12:00:00Z: comments 4, 5 and 6 came later; 5 and 6 reply to 1.
        let since = threadview_core::time::Timestamp::parse("2024-03-02T12:00:00Z")
            .unwrap()
            .unix;
        let store =
            Store::new(data, Route::Full, SortOrder::default(), None).with_last_visit(Some(since));
        let new: Vec<CommentId> = store
            .new_comments()
            .iter()
            .map(|&i| store.id_of(i))
            .collect();
        assert_eq!(new, [id(5), id(6), id(4)]);
        assert!(
            store.is_new(4) && !store.is_new(0),
            "comment 5 is new, comment 1 is not"
        );
        let mut visited = Vec::new();
        for _ in 0..4 {
            store.next_new();
            visited.push(store.reader.current.get_untracked().unwrap());
        }
        assert_eq!(visited, [id(5), id(6), id(4), id(5)], "round to the first");
        assert_eq!(store.reader.route.get_untracked(), Route::Comment(id(5)));
    });
}
