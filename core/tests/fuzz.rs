//! A deterministic mutation fuzzer of `Loaded::from_json` (parse, validate, thread).
//!
//! It starts from the bundled `data/discussion.json` and the files of `tests/corpus/`, and
//! mutates them with a seeded xorshift generator: bytes flipped, replaced, deleted and
//! duplicated, corpus pieces spliced in, numbers changed, and, on the JSON level, ids and
//! parents swapped or redirected (cycles, duplicates, unknown parents), fields removed,
//! nulled or given the wrong type, comments duplicated, dropped and reordered. Every input
//! must give `Ok` or `Err`, never a panic; an `Ok` must also be a consistent thread.
//!
//! `FUZZ_INPUTS` sets the number of inputs (default 20,000); `FUZZ_SEED` changes the seed.
//! Input `i` depends only on the seed and `i`, so a failure names the input that reproduces
//! it (`FUZZ_ONLY=i`), and the input is also written to `target/fuzz-failure-<i>.json`.
//!
//! ```sh
//! FUZZ_INPUTS=1000000 cargo test --release -p threadview-core --test fuzz -- --nocapture
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use serde_json::{Map, Value, json};
use strum::IntoEnumIterator;
use threadview_core::Loaded;
use threadview_core::data::DataErrorKind;

const DEFAULT_INPUTS: u64 = 20_000;
const DEFAULT_SEED: u64 = 0x7468_7265_6164_7669; // "threadvi"

mod common;
use common::Rng;

// ---------------------------------------------------------------------------------------
// Seeds and the pieces mutations insert

struct Seeds {
    bundled: Vec<u8>,
    corpus: Vec<Vec<u8>>,
    /// The corpus files that load: mutating their structure mostly gives threads to check.
    loadable: Vec<Vec<u8>>,
}

impl Seeds {
    fn load() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let bundled = std::fs::read(root.join("../data/discussion.json")).unwrap();
        let mut names: Vec<_> = std::fs::read_dir(root.join("tests/corpus"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        let corpus: Vec<Vec<u8>> = names.iter().map(|p| std::fs::read(p).unwrap()).collect();
        assert!(corpus.len() >= 30, "the corpus is in tests/corpus/");
        let loadable = corpus
            .iter()
            .filter(|c| Loaded::from_json(&String::from_utf8_lossy(c)).is_ok())
            .cloned()
            .collect();
        Self {
            bundled,
            corpus,
            loadable,
        }
    }

    /// A file that loads, for the structural mutations.
    fn pick_loadable(&self, rng: &mut Rng) -> &[u8] {
        if rng.chance(15) {
            &self.bundled
        } else {
            &self.loadable[rng.below(self.loadable.len())]
        }
    }

    /// Mostly the small corpus files, which keeps the inputs small and the fuzzer fast.
    fn pick(&self, rng: &mut Rng) -> &[u8] {
        if rng.chance(10) {
            &self.bundled
        } else {
            &self.corpus[rng.below(self.corpus.len())]
        }
    }
}

const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "-1",
    "1.5",
    "5.0",
    "1e999",
    "-1e999",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999",
    "\"\"",
    "\" \"",
    "\"5\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "\"\\uffff\"",
    "\"2014-02-30\"",
    "\"2014-05-28\"",
    "[]",
    "{}",
    "[[]]",
    "{\"paragraph\": \"p\"}",
    "{\"id\": 1}",
    ",",
    ":",
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    "\"parent\": 1",
    "\"version\": 1",
    "\u{feff}",
    "\r\n",
    "\u{202e}",
    "\u{301}",
    "\u{1f600}",
];

const BYTES: &[u8] =
    b"{}[]\",:0123456789-+.eE \n\t\r\\u/nulltrf\x00\x7f\xc3\xa9\xff\xfe\xef\xbb\xbf";

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "7",
    "13",
    "17",
    "99",
    "-1",
    "-0",
    "1.0",
    "1e2",
    "4294967296",
    "9007199254740993",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999",
    "00",
    "0x10",
];

// ---------------------------------------------------------------------------------------
// Byte-level mutations

fn random_range(rng: &mut Rng, len: usize, max: usize) -> (usize, usize) {
    let start = rng.below(len + 1);
    let end = (start + 1 + rng.below(max)).min(len);
    (start, end)
}

fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>, seeds: &Seeds) {
    let len = data.len();
    match rng.below(11) {
        // Flip a bit.
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        // Replace a byte with one that matters to JSON or UTF-8, or any byte.
        1 if len > 0 => {
            let i = rng.below(len);
            data[i] = if rng.chance(80) {
                rng.pick(BYTES)
            } else {
                rng.next() as u8
            };
        }
        // Delete a range.
        2 if len > 0 => {
            let (a, b) = random_range(rng, len, 48);
            data.drain(a..b);
        }
        // Duplicate a range.
        3 if len > 0 => {
            let (a, b) = random_range(rng, len, 96);
            let piece = data[a..b].to_vec();
            data.splice(b..b, piece);
        }
        // Splice in a piece of another seed.
        4 => {
            let other = seeds.pick(rng);
            let (a, b) = random_range(rng, other.len(), 160);
            let at = rng.below(len + 1);
            data.splice(at..at, other[a..b].iter().copied());
        }
        // Replace a range with a piece of another seed.
        5 if len > 0 => {
            let other = seeds.pick(rng);
            let (a, b) = random_range(rng, other.len(), 120);
            let (x, y) = random_range(rng, len, 120);
            data.splice(x..y, other[a..b].iter().copied());
        }
        // Truncate.
        6 => data.truncate(rng.below(len + 1)),
        // Insert a JSON token.
        7 => {
            let at = rng.below(len + 1);
            data.splice(at..at, rng.pick(TOKENS).bytes());
        }
        // Change a number.
        8 | 9 => change_number(rng, data),
        // Swap two numbers (ids and parents, usually).
        _ => swap_numbers(rng, data),
    }
}

/// The byte ranges of the runs of digits (with a leading minus) in `data`.
fn numbers(data: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < data.len() {
        if data[i].is_ascii_digit() {
            let start = if i > 0 && data[i - 1] == b'-' {
                i - 1
            } else {
                i
            };
            while i < data.len() && data[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

fn change_number(rng: &mut Rng, data: &mut Vec<u8>) {
    let runs = numbers(data);
    if runs.is_empty() {
        return;
    }
    let (a, b) = rng.pick(&runs);
    let replacement = if rng.chance(70) {
        rng.pick(NUMBERS).to_string()
    } else {
        (rng.next() % 40).to_string()
    };
    data.splice(a..b, replacement.into_bytes());
}

fn swap_numbers(rng: &mut Rng, data: &mut Vec<u8>) {
    let runs = numbers(data);
    if runs.len() < 2 {
        return;
    }
    let (mut x, mut y) = (rng.pick(&runs), rng.pick(&runs));
    if x.0 > y.0 {
        std::mem::swap(&mut x, &mut y);
    }
    if x == y {
        return;
    }
    let (first, second) = (data[x.0..x.1].to_vec(), data[y.0..y.1].to_vec());
    data.splice(y.0..y.1, first);
    data.splice(x.0..x.1, second);
}

// ---------------------------------------------------------------------------------------
// JSON-level mutations: the thread's structure, fields and types

const FIELDS: &[&str] = &["id", "parent", "author", "posts", "member_since", "body"];

fn odd_value(rng: &mut Rng) -> Value {
    match rng.below(16) {
        0 => Value::Null,
        1 => json!(""),
        2 => json!(" \n\t"),
        3 => json!(0),
        4 => json!(-1),
        5 => json!("5"),
        6 => json!([]),
        7 => json!({}),
        8 => json!(u64::MAX),
        9 => json!(1.5),
        10 => json!(true),
        11 => json!("2014-02-29"),
        12 => json!("<script>window.__pwned=1</script>"),
        13 => json!("\u{0}\u{202e}\u{301}\u{1f600}"),
        14 => json!(rng.next() % 30),
        _ => json!("x".repeat(rng.below(600))),
    }
}

fn set(comment: &mut Value, field: &str, value: Value) {
    if let Some(obj) = comment.as_object_mut() {
        obj.insert(field.into(), value);
    }
}

fn mutate_value(rng: &mut Rng, doc: &mut Value) {
    let Some(root) = doc.as_object_mut() else {
        *doc = json!({"version": 1, "article": {"headline": "H", "body": []}, "comments": [doc.take()]});
        return;
    };
    let ids: Vec<Value> = root
        .get("comments")
        .and_then(Value::as_array)
        .map(|cs| cs.iter().map(|c| c["id"].clone()).collect())
        .unwrap_or_default();
    let Some(comments) = root.get_mut("comments").and_then(Value::as_array_mut) else {
        // Not a file with comments: change a top-level field.
        match rng.below(3) {
            0 => {
                root.insert("comments".into(), json!([]));
            }
            1 => {
                root.insert("version".into(), odd_value(rng));
            }
            _ => {
                let keys: Vec<String> = root.keys().cloned().collect();
                if !keys.is_empty() {
                    root.remove(&keys[rng.below(keys.len())]);
                }
            }
        }
        return;
    };
    let n = comments.len();
    if n == 0 {
        comments.push(json!({"id": 1, "author": "A", "posts": 1,
            "member_since": "2014-05-28", "body": "B"}));
        return;
    }
    let i = rng.below(n);
    match rng.below(14) {
        // Answer another comment, or itself: cycles and own parents.
        0..=2 => {
            let target = ids[rng.below(n)].clone();
            set(&mut comments[i], "parent", target);
        }
        // A parent that is not in the file.
        3 => {
            let missing = json!(1000 + rng.next() % 1000);
            set(&mut comments[i], "parent", missing);
        }
        // Swap the ids, or the parents, of two comments.
        4 => {
            let j = rng.below(n);
            let field = if rng.chance(50) { "id" } else { "parent" };
            let (a, b) = (comments[i][field].clone(), comments[j][field].clone());
            set(&mut comments[i], field, b);
            set(&mut comments[j], field, a);
        }
        // Two comments with one id.
        5 => {
            let id = ids[rng.below(n)].clone();
            set(&mut comments[i], "id", id);
        }
        // Top level.
        6 => set(&mut comments[i], "parent", Value::Null),
        // A field removed, or given an odd value.
        7 => {
            if let Some(obj) = comments[i].as_object_mut() {
                obj.remove(rng.pick(FIELDS));
            }
        }
        8 => {
            let value = odd_value(rng);
            set(&mut comments[i], rng.pick(FIELDS), value);
        }
        // A comment duplicated (with a fresh id, or not), or dropped.
        9 => {
            let mut copy = comments[i].clone();
            if rng.chance(70) {
                set(&mut copy, "id", json!(5000 + rng.next() % 5000));
            }
            let at = rng.below(n + 1);
            comments.insert(at, copy);
        }
        10 => {
            comments.remove(i);
        }
        // Reordered: parents after their replies.
        11 => {
            for k in (1..n).rev() {
                let j = rng.below(k + 1);
                comments.swap(k, j);
            }
        }
        // Everything one chain, in some order.
        12 => {
            for k in 0..n {
                let parent = if k == 0 {
                    Value::Null
                } else {
                    ids[k - 1].clone()
                };
                set(&mut comments[k], "parent", parent);
            }
        }
        // The article or the hidden notice.
        _ => {
            let article = root
                .entry("article")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(article) = article.as_object_mut() {
                let field = rng.pick(&["headline", "body", "notice"]);
                if rng.chance(30) {
                    article.remove(field);
                } else {
                    article.insert(field.into(), odd_value(rng));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// One input

fn make_input(rng: &mut Rng, seeds: &Seeds) -> Vec<u8> {
    let structural = rng.chance(50);
    let mut data = if structural && rng.chance(70) {
        seeds.pick_loadable(rng).to_vec()
    } else {
        seeds.pick(rng).to_vec()
    };
    if structural && let Ok(mut doc) = serde_json::from_slice::<Value>(&data) {
        for _ in 0..1 + rng.below(4) {
            mutate_value(rng, &mut doc);
        }
        data = if rng.chance(50) {
            serde_json::to_vec(&doc).unwrap()
        } else {
            serde_json::to_vec_pretty(&doc).unwrap()
        };
        if rng.chance(20) {
            mutate_bytes(rng, &mut data, seeds);
        }
    } else {
        for _ in 0..1 + rng.below(6) {
            mutate_bytes(rng, &mut data, seeds);
        }
    }
    data
}

struct Tally {
    ok: u64,
    ok_with_warnings: u64,
    /// Errors of each kind, in the order of `DataErrorKind::iter()`.
    errors: Vec<u64>,
    bytes: u64,
}

impl Default for Tally {
    fn default() -> Self {
        Self {
            ok: 0,
            ok_with_warnings: 0,
            errors: vec![0; DataErrorKind::iter().len()],
            bytes: 0,
        }
    }
}

/// Where errors of `kind` are counted in `Tally::errors`.
fn slot(kind: DataErrorKind) -> usize {
    DataErrorKind::iter()
        .position(|k| k == kind)
        .expect("iter() lists every kind")
}

/// Loads one input the way the browser would (lossy UTF-8), checks the outcome.
fn run_one(data: &[u8], tally: &mut Tally) {
    let text = String::from_utf8_lossy(data);
    tally.bytes += data.len() as u64;
    match Loaded::from_json(&text) {
        Ok(loaded) => {
            check_thread(&loaded);
            tally.ok += 1;
            if !loaded.thread.warnings().is_empty() {
                tally.ok_with_warnings += 1;
            }
        }
        Err(error) => {
            // The message is shown to the reader: formatting must not fail either.
            assert!(!error.to_string().is_empty());
            tally.errors[slot(error.kind())] += 1;
        }
    }
}

/// The thread of a loaded file is consistent with its comments.
fn check_thread(loaded: &Loaded) {
    let comments = &loaded.discussion.comments;
    let t = &loaded.thread;
    let n = comments.len();
    assert_eq!(t.len(), n);

    // display_order is a permutation.
    let order = t.display_order();
    assert_eq!(order.len(), n);
    let mut pos = vec![usize::MAX; n];
    for (k, &i) in order.iter().enumerate() {
        assert!(i < n && pos[i] == usize::MAX, "{i} twice in display_order");
        pos[i] = k;
    }

    let mut unknown_parents = 0;
    let mut linked = 0;
    for (i, c) in comments.iter().enumerate() {
        assert_eq!(t.index_of(c.id), Some(i));
        match t.parent(i) {
            Some(p) => {
                assert_eq!(c.parent, Some(comments[p].id));
                // The parent precedes, and the comment is within the parent's subtree.
                assert!(pos[p] < pos[i]);
                assert!(pos[i] <= pos[p] + t.descendants(p) as usize);
                assert_eq!(t.depth(i), t.depth(p) + 1);
                assert!(t.children(p).contains(&i));
                linked += 1;
            }
            None => {
                assert_eq!(t.depth(i), 0);
                assert!(t.roots().contains(&i));
                if let Some(missing) = c.parent {
                    assert_eq!(t.index_of(missing), None);
                    unknown_parents += 1;
                }
            }
        }
        let children = t.children(i);
        assert!(children.windows(2).all(|w| w[0] < w[1]), "file order");
        let sum: u32 = children.iter().map(|&k| t.descendants(k) + 1).sum();
        assert_eq!(t.descendants(i), sum);
        let subtree = t.subtree(i);
        assert_eq!(subtree.len(), t.descendants(i) as usize);
        assert_eq!(subtree, &order[pos[i] + 1..pos[i] + 1 + subtree.len()]);
        // Children appear in their order, each followed by its own subtree.
        let mut at = pos[i] + 1;
        for &k in children {
            assert_eq!(pos[k], at);
            at += t.descendants(k) as usize + 1;
        }
    }
    assert!(t.roots().windows(2).all(|w| w[0] < w[1]), "file order");
    assert_eq!(t.roots().len() + linked, n);
    assert_eq!(t.warnings().len(), unknown_parents);
    // Roots and their subtrees tile display_order.
    let mut at = 0;
    for &r in t.roots() {
        assert_eq!(pos[r], at);
        at += t.descendants(r) as usize + 1;
    }
    assert_eq!(at, n);
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.replace('_', "")
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a number"))
    })
}

#[test]
fn mutated_files_never_panic() {
    let inputs = env_u64("FUZZ_INPUTS").unwrap_or(DEFAULT_INPUTS);
    let seed = env_u64("FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let only = env_u64("FUZZ_ONLY");
    let seeds = Seeds::load();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;

    // Report the failing input, not a flood of panics: stop everyone at the first one.
    let stop = AtomicBool::new(false);
    let done = AtomicU64::new(0);
    let failure: Mutex<Option<(u64, String)>> = Mutex::new(None);
    let totals = Mutex::new(Tally::default());
    let started = Instant::now();

    std::thread::scope(|scope| {
        for worker in 0..workers {
            let (seeds, stop, done, failure, totals) = (&seeds, &stop, &done, &failure, &totals);
            scope.spawn(move || {
                let mut tally = Tally::default();
                let range: Box<dyn Iterator<Item = u64>> = match only {
                    Some(i) if worker == 0 => Box::new(std::iter::once(i)),
                    Some(_) => Box::new(std::iter::empty()),
                    None => Box::new((worker..inputs).step_by(workers as usize)),
                };
                for i in range {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let mut rng = Rng::seeded(seed, i);
                    let data = make_input(&mut rng, seeds);
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        run_one(&data, &mut tally)
                    }));
                    if let Err(panic) = result {
                        stop.store(true, Ordering::Relaxed);
                        let message = panic
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default();
                        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                            .join(format!("../target/fuzz-failure-{i}.json"));
                        let _ = std::fs::write(&path, &data);
                        *failure.lock().unwrap() = Some((
                            i,
                            format!("{message}\n  input written to {}", path.display()),
                        ));
                        break;
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
                let mut totals = totals.lock().unwrap();
                totals.ok += tally.ok;
                totals.ok_with_warnings += tally.ok_with_warnings;
                totals.bytes += tally.bytes;
                for (t, e) in totals.errors.iter_mut().zip(&tally.errors) {
                    *t += e;
                }
            });
        }
    });

    let elapsed = started.elapsed().as_secs_f64();
    let count = done.load(Ordering::Relaxed);
    let totals = totals.into_inner().unwrap();
    if let Some((i, message)) = failure.into_inner().unwrap() {
        panic!(
            "input {i} (FUZZ_SEED={seed:#x}) panicked: {message}\n  \
             replay: FUZZ_ONLY={i} FUZZ_SEED={seed} cargo test -p threadview-core --test fuzz"
        );
    }
    let errors: Vec<String> = DataErrorKind::iter()
        .zip(&totals.errors)
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| format!("{} {n}", <&str>::from(k)))
        .collect();
    println!(
        "fuzz: {count} inputs in {elapsed:.1} s on {workers} threads: {:.0} inputs/s, \
         {:.0} bytes per input on average",
        count as f64 / elapsed,
        totals.bytes as f64 / count.max(1) as f64
    );
    println!(
        "fuzz: {} loaded ({} with warnings); errors: {}",
        totals.ok,
        totals.ok_with_warnings,
        errors.join(", ")
    );
    let expected = if only.is_some() { 1 } else { inputs };
    assert_eq!(count, expected, "every input ran");
    if only.is_none() && inputs >= 10_000 {
        // The mutations reach past the JSON parser: valid threads and the thread's errors.
        assert!(totals.ok > inputs / 50, "{} loaded", totals.ok);
        for kind in [
            DataErrorKind::DuplicateId,
            DataErrorKind::OwnParent,
            DataErrorKind::Cycle,
        ] {
            assert!(
                totals.errors[slot(kind)] > 0,
                "no {} error was produced",
                <&str>::from(kind)
            );
        }
        assert!(totals.ok_with_warnings > 0);
    }
}

/// The checker itself catches a broken thread (guards against a vacuous fuzzer).
#[test]
fn thread_check_runs_on_the_bundled_file() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/discussion.json"),
    )
    .unwrap();
    let loaded = Loaded::from_json(&text).unwrap();
    check_thread(&loaded);
    let mut broken = loaded.clone();
    broken.discussion.comments.swap(0, 1);
    assert!(std::panic::catch_unwind(|| check_thread(&broken)).is_err());
}
