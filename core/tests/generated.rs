//! Files from `threadgen`, the generator behind the large-file tests and benchmarks, load
//! as a reader would expect: every comment there, no warnings, and the shape that makes
//! them a fair test (deep chains, a heavy tail of replies, repeat authors, a branch of
//! about a thousand comments to fold).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::sync::LazyLock;

use threadview_core::{CommentId, Loaded};

const SIZE: usize = 10_000;

/// Generated and loaded once for the whole file.
static TEXT: LazyLock<String> = LazyLock::new(|| threadgen::generate(1, SIZE));
static LOADED: LazyLock<Loaded> =
    LazyLock::new(|| Loaded::from_json(&TEXT).expect("the generated file loads"));

/// Checks a reader relies on at any size: all comments, no warnings, depth within the
/// limit, and a branch of 800–1,500 comments to fold.
fn check_large(loaded: &Loaded, size: usize) {
    let thread = &loaded.thread;
    assert!(thread.warnings().is_empty(), "{:?}", thread.warnings());
    assert_eq!(loaded.discussion.comments.len(), size);
    assert_eq!(thread.len(), size);

    let max_depth = (0..size).map(|i| thread.depth(i)).max().unwrap_or(0);
    assert!(max_depth <= threadgen::MAX_DEPTH, "depth {max_depth}");
    assert!(
        max_depth >= 20,
        "the deepest chain only reaches {max_depth}"
    );

    assert!(
        (0..size).any(|i| (800..=1500).contains(&thread.descendants(i))),
        "no branch of 800–1,500 comments to fold"
    );
}

#[test]
fn ten_thousand_comments_load_with_the_expected_shape() {
    check_large(&LOADED, SIZE);
    let mut ids: Vec<CommentId> = LOADED.discussion.comments.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        (1..=SIZE as u64).map(CommentId::new).collect::<Vec<_>>(),
        "ids are 1..=size"
    );
}

#[test]
fn replies_are_heavy_tailed() {
    let thread = &LOADED.thread;
    let mut children: Vec<usize> = (0..SIZE).map(|i| thread.children(i).len()).collect();
    children.sort_unstable();
    let (median, max) = (children[SIZE / 2], children[SIZE - 1]);
    assert!(median <= 1, "median replies {median}");
    assert!(max >= 50, "most replies to one comment {max}");
    let roots = thread.roots().len();
    assert!((100..=500).contains(&roots), "{roots} top-level comments");
}

#[test]
fn authors_repeat_and_keep_their_details() {
    type Details<'a> = (Option<u64>, &'a Option<threadview_core::date::IsoDate>);
    let mut seen: HashMap<&str, Details> = HashMap::new();
    for c in &LOADED.discussion.comments {
        let details = (c.posts, &c.member_since);
        assert_eq!(
            *seen.entry(&c.author).or_insert(details),
            details,
            "{}",
            c.author
        );
    }
    assert!(seen.len() < SIZE / 4, "{} distinct authors", seen.len());
    assert!(seen.len() >= 20);
}

#[test]
fn every_body_has_one_to_five_paragraphs() {
    for c in &LOADED.discussion.comments {
        let paragraphs = c.paragraphs().count();
        assert!(
            (1..=5).contains(&paragraphs),
            "comment {}: {paragraphs}",
            c.id
        );
    }
}

/// Written depth-first with replies in the order they were written, as the bundled file
/// is: the file order is the page order, and a reply's id is above its parent's.
#[test]
fn the_file_reads_in_page_order() {
    let thread = &LOADED.thread;
    assert!(thread.display_order().iter().copied().eq(0..SIZE));
    let comments = &LOADED.discussion.comments;
    for i in 0..SIZE {
        if let Some(p) = thread.parent(i) {
            assert!(comments[p].id < comments[i].id);
        }
        let replies: Vec<CommentId> = thread.children(i).iter().map(|&r| comments[r].id).collect();
        assert!(replies.is_sorted(), "replies of {}", comments[i].id);
    }
}

#[test]
fn the_same_seed_gives_the_same_file() {
    assert_eq!(threadgen::generate(1, SIZE), *TEXT);
    assert_ne!(threadgen::generate(2, SIZE), *TEXT);
}

/// The generator's own summary (what the command prints) agrees with the page's thread.
#[test]
fn the_generators_stats_match_the_thread() {
    let (text, stats) = threadgen::generate_with_stats(1, SIZE);
    assert_eq!(text, *TEXT);
    let thread = &LOADED.thread;
    assert_eq!(stats.comments, SIZE);
    assert_eq!(stats.roots, thread.roots().len());
    assert_eq!(
        stats.max_depth,
        (0..SIZE).map(|i| thread.depth(i)).max().unwrap()
    );
    assert_eq!(
        stats.max_children,
        (0..SIZE).map(|i| thread.children(i).len()).max().unwrap()
    );
    let (id, count) = stats.near_thousand.unwrap();
    let i = thread.index_of(CommentId::new(id)).unwrap();
    assert_eq!(thread.descendants(i) as usize, count);
    assert_eq!(thread.subtree(i).len(), count);
}

#[test]
fn small_sizes_are_valid_files() {
    for size in [0, 1, 2, 5, 37, 1000] {
        let loaded = Loaded::from_json(&threadgen::generate(5, size)).expect("loads");
        assert_eq!(loaded.discussion.comments.len(), size);
        assert!(loaded.thread.warnings().is_empty());
    }
}

#[test]
fn a_hundred_thousand_comments_stay_under_the_size_limit() {
    let text = threadgen::generate(1, 100_000);
    assert!(text.len() < 50_000_000, "{} bytes", text.len());
    assert!(
        text.len() > 20_000_000,
        "{} bytes: bodies too short",
        text.len()
    );
    check_large(&Loaded::from_json(&text).expect("loads"), 100_000);
}
