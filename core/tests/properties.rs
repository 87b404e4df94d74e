//! Property tests of parsing and threading on random valid files, with proptest: a failure
//! shrinks to a small file that still fails.
//!
//! Each case is a random forest of 0 to 300 comments: each parent chosen among the comments
//! created before it (or none), unique ids (small, random, or near `u64::MAX`), the file
//! order sometimes shuffled so that replies come before their parents, and random texts
//! with Unicode, control characters, markup and line breaks. Some cases drop a few comments
//! afterwards, so that their replies point at comments that are not in the file. The
//! thread must agree with a simple recursive model of the same forest.
//!
//! `PROPTEST_CASES` sets the number of cases (default 2,000) and `PROPTEST_RNG_SEED` fixes
//! the seed. A failure prints the smallest failing file, writes it to
//! `target/property-failure.json`, and is replayed first on later runs from
//! `tests/properties.proptest-regressions`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};
use std::fmt;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::strategy::{NewTree, ValueTree};
use proptest::test_runner::{FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::{Value, json};
use threadview_core::data::{Block, DataError, Hidden};
use threadview_core::{CommentId, Loaded};

const DEFAULT_CASES: u32 = 2_000;

// ---------------------------------------------------------------------------------------
// The generator

const PIECES: &[&str] = &[
    "Huawei",
    "5G",
    "the",
    "U.S.",
    "carriers",
    "don't",
    "“quoted”",
    "’",
    "\"",
    "\\",
    "/",
    "née",
    "e\u{301}",
    "Z\u{364}\u{351}a\u{308}\u{356}",
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    "\u{1f1fa}\u{1f1f8}",
    "\u{1f44d}\u{1f3fd}",
    "مرحبا",
    "שלום",
    "\u{202e}",
    "中文",
    "日本語",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{feff}",
    "\u{200b}",
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "${x}",
    "&amp;",
    "&lt;",
    "Supercalifragilisticexpialidocious",
];

/// Separators between words of a one-line text (shrinking picks the first).
const SPACES: &[&str] = &[" ", " ", "  ", "\u{a0}"];
/// Separators between words of a text that may hold line breaks and paragraphs.
const BREAKS: &[&str] = &[" ", " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t"];

/// Mostly a piece from [`PIECES`]; sometimes any character at all, control characters and
/// every plane included.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        85 => select(PIECES).prop_map(str::to_string),
        15 => any::<char>().prop_map(String::from),
    ]
}

/// Text of 1 to `max_words` words that is not blank, joined by `separators`.
fn text(max_words: usize, separators: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec((select(separators), word()), 1..=max_words).prop_map(|words| {
        let mut out = String::new();
        for (k, (separator, word)) in words.into_iter().enumerate() {
            if k > 0 {
                out.push_str(separator);
            }
            out.push_str(&word);
        }
        if out.trim().is_empty() {
            out.push('x');
        }
        out
    })
}

/// A real calendar date between the years 1000 and 9999, as the file writes it.
fn date() -> impl Strategy<Value = String> {
    (1000u32..10_000, 1u32..=12, any::<Index>()).prop_map(|(year, month, day)| {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        format!("{year:04}-{month:02}-{:02}", 1 + day.index(days))
    })
}

/// One comment as drawn, before ids are made unique and parents chosen. Every choice is
/// the comment's own, not a position in the list, so that a shrink that removes one comment
/// leaves how the others are linked and ordered much as it was.
#[derive(Clone, Debug)]
struct Drawn {
    id: u64,
    /// Below the case's `root_percent`: a top-level comment.
    roll: u8,
    /// Its parent is the comment, among the last `recent` before it, whose `key` comes
    /// first at or after this `pick`, counting round from `u16::MAX` to 0: a choice that
    /// removing some other comment leaves as it was.
    pick: u16,
    key: u16,
    /// A top-level comment writes `"parent": null` rather than leaving it out.
    null_parent: bool,
    /// Where it goes in a shuffled file: the file is sorted by these, ties in creation order.
    place: u16,
    /// Left out of the file when the case drops comments.
    dropped: bool,
    author: String,
    posts: u64,
    member_since: String,
    body: String,
}

fn drawn() -> impl Strategy<Value = Drawn> {
    let id = prop_oneof![
        2 => 0..1_208u64,
        1 => any::<u64>(),
        1 => (0..8u64).prop_map(|k| u64::MAX - k),
    ];
    let posts = prop_oneof![9 => 0..30_000u64, 1 => any::<u64>()];
    (
        (
            id,
            0..100u8,
            any::<u16>(),
            any::<u16>(),
            any::<bool>(),
            any::<u16>(),
            prop::bool::weighted(0.015),
        ),
        (text(3, SPACES), posts, date(), text(12, BREAKS)),
    )
        .prop_map(
            |(
                (id, roll, pick, key, null_parent, place, dropped),
                (author, posts, member_since, body),
            )| {
                Drawn {
                    id,
                    roll,
                    pick,
                    key,
                    null_parent,
                    place,
                    dropped,
                    author,
                    posts,
                    member_since,
                    body,
                }
            },
        )
}

/// How the comments are linked and laid out in the file.
#[derive(Clone, Debug)]
struct Shape {
    /// From bushy (95% top-level) to chain-like (none).
    root_percent: u8,
    /// A reply answers one of the last `recent` comments before it: 1 makes long chains.
    recent: usize,
    /// Shuffle the file order, so that replies come before their parents.
    shuffle: bool,
    /// Leave out the comments drawn as dropped: their replies name comments not in the file.
    drops: bool,
}

/// Shrinking goes to the first: mostly top-level comments, replying to any earlier one.
const ROOT_PERCENTS: &[u8] = &[95, 60, 30, 10, 2, 0];
const RECENT: &[usize] = &[1000, 3, 1];

fn shape() -> impl Strategy<Value = Shape> {
    (
        select(ROOT_PERCENTS),
        select(RECENT),
        any::<bool>(),
        prop::bool::weighted(0.25),
    )
        .prop_map(|(root_percent, recent, shuffle, drops)| Shape {
            root_percent,
            recent,
            shuffle,
            drops,
        })
}

/// Everything of the file but the comments.
#[derive(Clone, Debug)]
struct Rest {
    headline: String,
    blocks: Vec<Block>,
    notice: Option<String>,
    /// Without a notice, write `"notice": null` rather than leaving it out.
    null_notice: bool,
    hidden: Option<(Vec<u64>, String)>,
    pretty: bool,
    byte_order_mark: bool,
}

fn rest() -> impl Strategy<Value = Rest> {
    let block = prop_oneof![
        7 => text(40, BREAKS).prop_map(Block::Paragraph),
        3 => text(8, SPACES).prop_map(Block::Subheading),
    ];
    (
        text(8, SPACES),
        prop::collection::vec(block, 0..6),
        prop::option::of(text(20, SPACES)),
        any::<bool>(),
        prop::option::weighted(
            0.7,
            (prop::collection::vec(0..100u64, 0..5), text(10, SPACES)),
        ),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(headline, blocks, notice, null_notice, hidden, pretty, byte_order_mark)| Rest {
                headline,
                blocks,
                notice,
                null_notice,
                hidden,
                pretty,
                byte_order_mark,
            },
        )
}

/// One generated comment, as the model knows it.
#[derive(Clone, Debug)]
struct Spec {
    id: CommentId,
    parent: Option<CommentId>,
    author: String,
    posts: u64,
    member_since: String,
    body: String,
}

/// A generated file and what it holds.
struct Case {
    json: String,
    headline: String,
    blocks: Vec<Block>,
    notice: Option<String>,
    hidden: Hidden,
    /// In file order.
    comments: Vec<Spec>,
}

/// The file itself, with invisible and control characters escaped: everything else in a
/// case follows from it.
impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let invisible = |c: char| {
            c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        };
        f.write_str("the file:\n")?;
        for c in self.json.chars() {
            if invisible(c) && c != '\n' {
                write!(f, "\\u{{{:x}}}", c as u32)?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

fn case() -> impl Strategy<Value = Case> {
    (
        shape(),
        Comments {
            element: drawn(),
            max: 300,
        },
        rest(),
    )
        .prop_map(|(shape, drawn, rest)| build(&shape, drawn, rest))
}

/// Up to `max` comments. Like `prop::collection::vec`, except in how it shrinks: proptest's
/// tries deleting each comment once, before anything else shrinks, and a deletion that
/// relinks the others fails then and is never tried again. This goes back to deleting after
/// the remaining comments have shrunk, for as long as either makes progress.
#[derive(Debug)]
struct Comments<S> {
    element: S,
    max: usize,
}

impl<S: Strategy> Strategy for Comments<S> {
    type Tree = CommentsTree<S::Tree>;
    type Value = Vec<S::Value>;

    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        let len = (0..=self.max).new_tree(runner)?.current();
        let elements = (0..len)
            .map(|_| self.element.new_tree(runner))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CommentsTree {
            kept: vec![true; len],
            elements,
            next: Step::Delete(0),
            last: None,
            progress: false,
        })
    }
}

#[derive(Clone, Copy, Debug)]
enum Step {
    Delete(usize),
    Shrink(usize),
}

struct CommentsTree<T> {
    elements: Vec<T>,
    kept: Vec<bool>,
    /// What to try next.
    next: Step,
    /// The last simplification, until it is undone.
    last: Option<Step>,
    /// Whether a simplification stuck since the last round of deletions began.
    progress: bool,
}

impl<T: ValueTree> ValueTree for CommentsTree<T> {
    type Value = Vec<T::Value>;

    fn current(&self) -> Self::Value {
        self.elements
            .iter()
            .zip(&self.kept)
            .filter(|(_, kept)| **kept)
            .map(|(element, _)| element.current())
            .collect()
    }

    fn simplify(&mut self) -> bool {
        // Asked again without an undo: the last simplification still fails, so it stays.
        if self.last.take().is_some() {
            self.progress = true;
        }
        loop {
            match self.next {
                Step::Delete(i) if i < self.elements.len() => {
                    self.next = Step::Delete(i + 1);
                    if self.kept[i] {
                        self.kept[i] = false;
                        self.last = Some(Step::Delete(i));
                        return true;
                    }
                }
                Step::Delete(_) => self.next = Step::Shrink(0),
                Step::Shrink(i) if i < self.elements.len() => {
                    if self.kept[i] && self.elements[i].simplify() {
                        self.last = Some(Step::Shrink(i));
                        return true;
                    }
                    self.next = Step::Shrink(i + 1);
                }
                Step::Shrink(_) if std::mem::take(&mut self.progress) => {
                    self.next = Step::Delete(0);
                }
                Step::Shrink(_) => return false,
            }
        }
    }

    fn complicate(&mut self) -> bool {
        match self.last {
            Some(Step::Delete(i)) => {
                self.kept[i] = true;
                self.last = None;
                true
            }
            Some(Step::Shrink(i)) => {
                let changed = self.elements[i].complicate();
                if !changed {
                    self.last = None;
                }
                changed
            }
            None => false,
        }
    }
}

fn build(shape: &Shape, drawn: Vec<Drawn>, rest: Rest) -> Case {
    // Unique ids: a taken one moves up to the next free number.
    let mut taken = HashSet::new();
    let mut specs: Vec<(Spec, &Drawn)> = Vec::with_capacity(drawn.len());
    for (k, d) in drawn.iter().enumerate() {
        let mut id = d.id;
        while !taken.insert(id) {
            id = id.wrapping_add(1);
        }
        let parent = (k > 0 && d.roll >= shape.root_percent).then(|| {
            let recent = &specs[k.saturating_sub(shape.recent)..];
            let (spec, _) = recent
                .iter()
                .rev()
                .min_by_key(|(_, earlier)| earlier.key.wrapping_sub(d.pick))
                .expect("a comment before this one");
            spec.id
        });
        let spec = Spec {
            id: CommentId::new(id),
            parent,
            author: d.author.clone(),
            posts: d.posts,
            member_since: d.member_since.clone(),
            body: d.body.clone(),
        };
        specs.push((spec, d));
    }
    // File order: as created (parents first), or shuffled (replies before parents).
    if shape.shuffle {
        specs.sort_by_key(|(_, d)| d.place);
    }
    if shape.drops {
        specs.retain(|(_, d)| !d.dropped);
    }

    let comments: Vec<Value> = specs
        .iter()
        .map(|(c, d)| {
            let mut v = json!({
                "id": c.id,
                "author": c.author,
                "posts": c.posts,
                "member_since": c.member_since,
                "body": c.body,
            });
            // A top-level comment has "parent": null, or no "parent" at all.
            if c.parent.is_some() || d.null_parent {
                v["parent"] = json!(c.parent);
            }
            v
        })
        .collect();
    let article_body: Vec<Value> = rest
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) => json!({ "paragraph": t }),
            Block::Subheading(t) => json!({ "subheading": t }),
        })
        .collect();
    let mut article = json!({ "headline": rest.headline, "body": article_body });
    if rest.notice.is_some() || rest.null_notice {
        article["notice"] = json!(rest.notice);
    }
    let mut doc = json!({ "version": 1, "article": article, "comments": comments });
    let hidden = match rest.hidden {
        Some((ids, notice)) => {
            doc["hidden"] = json!({ "ids": ids, "notice": notice });
            Hidden {
                ids: ids.into_iter().map(CommentId::new).collect(),
                notice: Some(notice),
            }
        }
        None => Hidden::default(),
    };
    let mut json = if rest.pretty {
        serde_json::to_string_pretty(&doc).unwrap()
    } else {
        serde_json::to_string(&doc).unwrap()
    };
    if rest.byte_order_mark {
        json.insert(0, '\u{feff}');
    }
    Case {
        json,
        headline: rest.headline,
        blocks: rest.blocks,
        notice: rest.notice,
        hidden,
        comments: specs.into_iter().map(|(c, _)| c).collect(),
    }
}

// ---------------------------------------------------------------------------------------
// The model: the same forest, built the obvious way

struct Model {
    roots: Vec<usize>,
    children: Vec<Vec<usize>>,
    parent: Vec<Option<usize>>,
    warnings: Vec<DataError>,
}

impl Model {
    fn new(specs: &[Spec]) -> Self {
        let index: HashMap<CommentId, usize> =
            specs.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut model = Self {
            roots: Vec::new(),
            children: vec![Vec::new(); specs.len()],
            parent: vec![None; specs.len()],
            warnings: Vec::new(),
        };
        for (i, c) in specs.iter().enumerate() {
            match c.parent.map(|p| (p, index.get(&p))) {
                None => model.roots.push(i),
                Some((_, Some(&p))) => {
                    model.parent[i] = Some(p);
                    model.children[p].push(i);
                }
                Some((p, None)) => {
                    model.roots.push(i);
                    model.warnings.push(DataError::UnknownParent {
                        id: c.id,
                        parent: p,
                    });
                }
            }
        }
        model
    }

    /// Depth-first, recursively (a generated forest has at most 300 comments).
    fn order(&self) -> Vec<usize> {
        fn visit(model: &Model, i: usize, out: &mut Vec<usize>) {
            out.push(i);
            for &c in &model.children[i] {
                visit(model, c, out);
            }
        }
        let mut out = Vec::new();
        for &r in &self.roots {
            visit(self, r, &mut out);
        }
        out
    }

    /// The number of comments under each comment, counted recursively.
    fn sizes(&self) -> Vec<usize> {
        fn count(model: &Model, i: usize, sizes: &mut [usize]) -> usize {
            let size = model.children[i]
                .iter()
                .map(|&c| 1 + count(model, c, sizes))
                .sum();
            sizes[i] = size;
            size
        }
        let mut sizes = vec![0; self.parent.len()];
        for &r in &self.roots {
            count(self, r, &mut sizes);
        }
        sizes
    }

    /// The depth of each comment: how many parents lead up from it.
    fn depths(&self) -> Vec<u32> {
        fn visit(model: &Model, i: usize, depth: u32, depths: &mut [u32]) {
            depths[i] = depth;
            for &c in &model.children[i] {
                visit(model, c, depth + 1, depths);
            }
        }
        let mut depths = vec![0; self.parent.len()];
        for &r in &self.roots {
            visit(self, r, 0, &mut depths);
        }
        depths
    }
}

// ---------------------------------------------------------------------------------------
// The properties

fn check(case: &Case) -> Result<(), TestCaseError> {
    let loaded = Loaded::from_json(&case.json)
        .map_err(|e| TestCaseError::fail(format!("a valid file is refused: {e:?}: {e}")))?;
    let d = &loaded.discussion;
    let t = &loaded.thread;
    let n = case.comments.len();

    // Everything the file holds is kept, verbatim (Windows line ends in bodies become \n).
    prop_assert_eq!(&d.article.headline, &case.headline);
    prop_assert_eq!(&d.article.body, &case.blocks);
    prop_assert_eq!(&d.article.notice, &case.notice);
    prop_assert_eq!(&d.hidden, &case.hidden);
    prop_assert_eq!(d.comments.len(), n);
    for (i, (c, spec)) in d.comments.iter().zip(&case.comments).enumerate() {
        prop_assert_eq!(c.id, spec.id);
        prop_assert_eq!(c.parent, spec.parent);
        prop_assert_eq!(&c.author, &spec.author);
        prop_assert_eq!(c.posts, Some(spec.posts));
        let since = c.member_since.expect("version 1 has member_since");
        prop_assert_eq!(
            format!("{:04}-{:02}-{:02}", since.year, since.month, since.day),
            spec.member_since.as_str()
        );
        prop_assert_eq!(&c.body, &spec.body.replace("\r\n", "\n"));
        prop_assert_eq!(t.index_of(c.id), Some(i));
    }

    let model = Model::new(&case.comments);
    prop_assert_eq!(t.len(), n);
    prop_assert_eq!(t.roots(), &model.roots[..], "roots in file order");
    prop_assert_eq!(t.warnings(), &model.warnings[..]);

    // Every comment appears exactly once in display_order, which is the model's order.
    let order = t.display_order();
    let mut pos = vec![usize::MAX; n];
    for (k, &i) in order.iter().enumerate() {
        prop_assert_eq!(pos[i], usize::MAX, "comment {} appears twice", i);
        pos[i] = k;
    }
    prop_assert!(
        pos.iter().all(|&p| p != usize::MAX),
        "every comment appears"
    );
    prop_assert_eq!(order, &model.order()[..]);
    // `subtree(a)` is `order` after `a` (checked below), so this is `subtree(a).contains(&i)`.
    let within = |a: usize, i: usize| pos[a] < pos[i] && pos[i] <= pos[a] + t.subtree(a).len();

    let (sizes, depths) = (model.sizes(), model.depths());
    for i in 0..n {
        // Children keep file order.
        prop_assert_eq!(t.children(i), &model.children[i][..], "children of {}", i);
        prop_assert_eq!(t.parent(i), model.parent[i]);
        // Descendants equal the subtree's length, and the model's count.
        let subtree = t.subtree(i);
        prop_assert_eq!(subtree.len(), t.descendants(i) as usize);
        prop_assert_eq!(subtree.len(), sizes[i]);
        prop_assert_eq!(subtree, &order[pos[i] + 1..pos[i] + 1 + subtree.len()]);
        match t.parent(i) {
            Some(p) => {
                // After its parent, within the parent's subtree, one level deeper.
                prop_assert!(pos[p] < pos[i]);
                prop_assert!(within(p, i), "{} is in the subtree of its parent", i);
                prop_assert_eq!(t.depth(i), t.depth(p) + 1);
            }
            None => prop_assert_eq!(t.depth(i), 0),
        }
        prop_assert_eq!(t.depth(i), depths[i]);
        let ancestors: Vec<usize> = t.ancestors(i).collect();
        prop_assert_eq!(ancestors.len(), t.depth(i) as usize);
        prop_assert!(ancestors.iter().all(|&a| within(a, i)));
    }
    Ok(())
}

fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            default.cases
        } else {
            DEFAULT_CASES
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..default
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_valid_files_thread_like_the_model(case in case()) {
        let result = check(&case);
        if result.is_err() {
            // Each smaller failing file overwrites the last: the smallest one stays.
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/property-failure.json");
            let _ = std::fs::write(path, &case.json);
        }
        result?;
    }
}

/// The generator reaches the shapes that make the property worth checking: replies before
/// their parents, replies to missing comments, and long chains. Deterministic, so it
/// cannot flake.
#[test]
fn the_generator_reaches_the_interesting_shapes() {
    const SAMPLES: usize = 300;
    let strategy = case();
    let mut runner = TestRunner::deterministic();
    let (mut comments, mut shuffled_away, mut orphans, mut deepest) = (0, 0, 0, 0);
    for _ in 0..SAMPLES {
        let case = strategy.new_tree(&mut runner).unwrap().current();
        let model = Model::new(&case.comments);
        comments += case.comments.len();
        orphans += model.warnings.len();
        shuffled_away += (0..case.comments.len())
            .filter(|&i| model.parent[i].is_some_and(|p| p > i))
            .count();
        deepest = deepest.max(model.depths().into_iter().max().unwrap_or(0));
    }
    println!(
        "properties: {SAMPLES} files, {comments} comments, {shuffled_away} replies before \
         their parent, {orphans} replies to missing comments, deepest reply at depth {deepest}"
    );
    assert!(shuffled_away > 0 && orphans > 0 && deepest >= 100);
}
