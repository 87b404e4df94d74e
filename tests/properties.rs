//! Property tests of parsing and threading on random valid files.
//!
//! Each case is a random forest of 0 to 300 comments: each parent chosen among the comments
//! created before it (or none), unique random ids, the file order sometimes shuffled so that
//! replies come before their parents, and random texts with Unicode, control characters,
//! markup and line breaks. Some cases drop a few comments afterwards, so that their replies
//! point at comments that are not in the file. The thread must agree with a simple recursive
//! model of the same forest. `PROPERTY_CASES` sets the number of cases (default 2,000) and
//! `PROPERTY_SEED` the seed; a failure names the case.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};
use threadview::Loaded;
use threadview::data::{Block, DataError};

const DEFAULT_CASES: u64 = 2_000;
const DEFAULT_SEED: u64 = 0x5052_4f50_4552_5459; // "PROPERTY"

mod common;
use common::Rng;

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

/// Random text that is not blank; with `lines`, it may hold line breaks and paragraphs.
fn text(rng: &mut Rng, max_words: usize, lines: bool) -> String {
    let mut out = String::new();
    for _ in 0..1 + rng.below(max_words) {
        if !out.is_empty() {
            let separator = if lines {
                rng.pick(&[" ", " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t"])
            } else {
                rng.pick(&[" ", " ", "  ", "\u{a0}"])
            };
            out.push_str(separator);
        }
        if rng.chance(15) {
            // Any character at all, control characters and surrogate-free planes included.
            let c = loop {
                if let Some(c) = char::from_u32((rng.next() % 0x11_0000) as u32) {
                    break c;
                }
            };
            out.push(c);
        } else {
            out.push_str(rng.pick(PIECES));
        }
    }
    if out.trim().is_empty() {
        out.push('x');
    }
    out
}

fn date(rng: &mut Rng) -> String {
    let year = 1000 + rng.below(9000) as u32;
    let month = 1 + rng.below(12) as u32;
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{year:04}-{month:02}-{:02}", 1 + rng.below(days))
}

/// One generated comment, as the model knows it.
#[derive(Clone, Debug)]
struct Spec {
    id: u64,
    parent: Option<u64>,
    author: String,
    posts: u64,
    member_since: String,
    body: String,
}

struct Case {
    json: String,
    headline: String,
    blocks: Vec<Block>,
    notice: Option<String>,
    comments: Vec<Spec>,
}

fn generate(rng: &mut Rng) -> Case {
    let n = rng.below(301);
    // Shapes from bushy to chain-like.
    let root_percent = rng.pick(&[0, 2, 10, 30, 60, 95]);
    let recent = rng.pick(&[1, 3, 1000]);

    let mut ids = HashSet::new();
    let mut specs: Vec<Spec> = Vec::with_capacity(n);
    for k in 0..n {
        let id = loop {
            let id = match rng.below(4) {
                0 => rng.next(),
                1 => u64::MAX - rng.next() % 8,
                _ => rng.next() % (4 * n as u64 + 8),
            };
            if ids.insert(id) {
                break id;
            }
        };
        let parent = (k > 0 && !rng.chance(root_percent)).then(|| {
            let earliest = k.saturating_sub(recent);
            specs[earliest + rng.below(k - earliest)].id
        });
        specs.push(Spec {
            id,
            parent,
            author: text(rng, 3, false),
            posts: if rng.chance(10) {
                rng.next()
            } else {
                rng.next() % 30_000
            },
            member_since: date(rng),
            body: text(rng, 12, true),
        });
    }
    // File order: as created (parents first), or shuffled (replies before parents).
    if rng.chance(50) {
        for k in (1..specs.len()).rev() {
            let j = rng.below(k + 1);
            specs.swap(k, j);
        }
    }
    // Sometimes a few comments are missing: their replies name comments not in the file.
    if n > 0 && rng.chance(25) {
        for _ in 0..1 + rng.below(3) {
            if !specs.is_empty() {
                let k = rng.below(specs.len());
                specs.remove(k);
            }
        }
    }

    let headline = text(rng, 8, false);
    let blocks: Vec<Block> = (0..rng.below(6))
        .map(|_| {
            if rng.chance(70) {
                Block::Paragraph(text(rng, 40, true))
            } else {
                Block::Subheading(text(rng, 8, false))
            }
        })
        .collect();
    let notice = rng.chance(50).then(|| text(rng, 20, false));

    let comments: Vec<Value> = specs
        .iter()
        .map(|c| {
            let mut v = json!({
                "id": c.id,
                "author": c.author,
                "posts": c.posts,
                "member_since": c.member_since,
                "body": c.body,
            });
            // A top-level comment has "parent": null, or no "parent" at all.
            if c.parent.is_some() || rng.chance(50) {
                v["parent"] = json!(c.parent);
            }
            v
        })
        .collect();
    let article_body: Vec<Value> = blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) => json!({ "paragraph": t }),
            Block::Subheading(t) => json!({ "subheading": t }),
        })
        .collect();
    let mut article = json!({ "headline": headline, "body": article_body });
    if notice.is_some() || rng.chance(50) {
        article["notice"] = json!(notice);
    }
    let mut doc = json!({ "version": 1, "article": article, "comments": comments });
    if rng.chance(70) {
        let hidden: Vec<u64> = (0..rng.below(5)).map(|_| rng.next() % 100).collect();
        doc["hidden"] = json!({ "ids": hidden, "notice": text(rng, 10, false) });
    }
    let mut json = if rng.chance(50) {
        serde_json::to_string(&doc).unwrap()
    } else {
        serde_json::to_string_pretty(&doc).unwrap()
    };
    if rng.chance(10) {
        json.insert(0, '\u{feff}');
    }
    Case {
        json,
        headline,
        blocks,
        notice,
        comments: specs,
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
        let index: HashMap<u64, usize> = specs.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
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

fn check(case: &Case) {
    let loaded = Loaded::from_json(&case.json)
        .unwrap_or_else(|e| panic!("a valid file is refused: {e:?}: {e}"));
    let d = &loaded.discussion;
    let t = &loaded.thread;
    let n = case.comments.len();

    // Everything the file holds is kept, verbatim (Windows line ends in bodies become \n).
    assert_eq!(d.article.headline, case.headline);
    assert_eq!(d.article.body, case.blocks);
    assert_eq!(d.article.notice, case.notice);
    assert_eq!(d.comments.len(), n);
    for (i, (c, spec)) in d.comments.iter().zip(&case.comments).enumerate() {
        assert_eq!(c.id, spec.id);
        assert_eq!(c.parent, spec.parent);
        assert_eq!(c.author, spec.author);
        assert_eq!(c.posts, spec.posts);
        assert_eq!(
            format!(
                "{:04}-{:02}-{:02}",
                c.member_since.year, c.member_since.month, c.member_since.day
            ),
            spec.member_since
        );
        assert_eq!(c.body, spec.body.replace("\r\n", "\n"));
        assert_eq!(t.index_of(c.id), Some(i));
    }

    let model = Model::new(&case.comments);
    assert_eq!(t.len(), n);
    assert_eq!(t.roots(), model.roots, "roots in file order");
    assert_eq!(t.warnings(), model.warnings);

    // Every comment appears exactly once in display_order, which is the model's order.
    let order = t.display_order();
    let mut pos = vec![usize::MAX; n];
    for (k, &i) in order.iter().enumerate() {
        assert_eq!(pos[i], usize::MAX, "comment {i} appears twice");
        pos[i] = k;
    }
    assert!(
        pos.iter().all(|&p| p != usize::MAX),
        "every comment appears"
    );
    assert_eq!(order, model.order());
    // `subtree(a)` is `order` after `a` (checked below), so this is `subtree(a).contains(&i)`.
    let within = |a: usize, i: usize| pos[a] < pos[i] && pos[i] <= pos[a] + t.subtree(a).len();

    let (sizes, depths) = (model.sizes(), model.depths());
    for i in 0..n {
        // Children keep file order.
        assert_eq!(t.children(i), model.children[i], "children of {i}");
        assert_eq!(t.parent(i), model.parent[i]);
        // Descendants equal the subtree's length, and the model's count.
        let subtree = t.subtree(i);
        assert_eq!(subtree.len(), t.descendants(i) as usize);
        assert_eq!(subtree.len(), sizes[i]);
        assert_eq!(subtree, &order[pos[i] + 1..pos[i] + 1 + subtree.len()]);
        match t.parent(i) {
            Some(p) => {
                // After its parent, within the parent's subtree, one level deeper.
                assert!(pos[p] < pos[i]);
                assert!(within(p, i), "{i} is in the subtree of its parent");
                assert_eq!(t.depth(i), t.depth(p) + 1);
            }
            None => assert_eq!(t.depth(i), 0),
        }
        assert_eq!(t.depth(i), depths[i]);
        let ancestors: Vec<usize> = t.ancestors(i).collect();
        assert_eq!(ancestors.len(), t.depth(i) as usize);
        assert!(ancestors.iter().all(|&a| within(a, i)));
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.replace('_', "")
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a number"))
    })
}

#[derive(Default)]
struct Stats {
    comments: usize,
    shuffled_away: usize,
    orphans: usize,
    deepest: u32,
}

/// Runs cases `first, first + step, …`; on a failure, names the case and keeps its file.
fn run_cases(seed: u64, cases: u64, first: u64, step: usize) -> Stats {
    let mut stats = Stats::default();
    for case in (first..cases).step_by(step) {
        let mut rng = Rng::seeded(seed, case);
        let generated = generate(&mut rng);
        if std::panic::catch_unwind(|| check(&generated)).is_err() {
            let path = format!(
                "{}/target/property-failure-{case}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let _ = std::fs::write(&path, &generated.json);
            panic!("case {case} (PROPERTY_SEED={seed}) failed; its file is {path}");
        }
        let model = Model::new(&generated.comments);
        stats.comments += generated.comments.len();
        stats.orphans += model.warnings.len();
        stats.shuffled_away += (0..generated.comments.len())
            .filter(|&i| model.parent[i].is_some_and(|p| p > i))
            .count();
        stats.deepest = stats
            .deepest
            .max(model.depths().into_iter().max().unwrap_or(0));
    }
    stats
}

#[test]
fn random_valid_files_thread_like_the_model() {
    let cases = env_u64("PROPERTY_CASES").unwrap_or(DEFAULT_CASES);
    let seed = env_u64("PROPERTY_SEED").unwrap_or(DEFAULT_SEED);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts: Vec<Stats> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| scope.spawn(move || run_cases(seed, cases, w as u64, workers)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("see the failing case above"))
            .collect()
    });
    let total = parts.iter().fold(Stats::default(), |a, b| Stats {
        comments: a.comments + b.comments,
        shuffled_away: a.shuffled_away + b.shuffled_away,
        orphans: a.orphans + b.orphans,
        deepest: a.deepest.max(b.deepest),
    });
    println!(
        "properties: {cases} files, {} comments, {} replies before their parent, {} replies to \
         missing comments, deepest reply at depth {}",
        total.comments, total.shuffled_away, total.orphans, total.deepest
    );
    // The generator reaches the interesting shapes.
    if cases >= 1_000 {
        assert!(total.shuffled_away > 0 && total.orphans > 0 && total.deepest >= 100);
    }
}
