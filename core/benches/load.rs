//! The native half of `cargo xtask bench`: how long a discussion takes to load, and what
//! the sibling index saves, each against a baseline measured in the same run so the
//! ratios mean something on a noisy shared machine. Writes `target/bench/native.json`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use threadview_core::Loaded;
use threadview_core::sort::{Arrangement, SortOrder};

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn row(name: String, time: Duration, baseline_name: &str, baseline: Duration, note: &str) -> Value {
    let ns = |d: Duration| d.as_nanos() as u64;
    println!(
        "{name}: {:.3} ms, {:.2}x {baseline_name}",
        time.as_secs_f64() * 1e3,
        time.as_secs_f64() / baseline.as_secs_f64()
    );
    json!({
        "name": name,
        "median_ns": ns(time),
        "baseline": baseline_name,
        "baseline_ns": ns(baseline),
        "ratio": time.as_secs_f64() / baseline.as_secs_f64(),
        "note": note,
    })
}

/// What each drawn comment used to do to find its neighbours and its distance from its
/// parent: put its siblings in order and walk them.
fn neighbours_per_comment(data: &Loaded, order: SortOrder) -> usize {
    let (comments, thread) = (&data.discussion.comments, &data.thread);
    let mut sum = 0;
    for i in 0..comments.len() {
        let siblings = thread
            .parent(i)
            .map_or(thread.roots(), |p| thread.children(p));
        let arranged = order.arrange(siblings, comments, thread);
        let at = arranged.iter().position(|&s| s == i).unwrap_or(0);
        let between: u32 = arranged[..at]
            .iter()
            .map(|&s| thread.descendants(s) + 1)
            .sum();
        sum += at + between as usize;
    }
    sum
}

/// The same answers from an [`Arrangement`] built once.
fn neighbours_from_arrangement(data: &Loaded, order: SortOrder) -> usize {
    let (comments, thread) = (&data.discussion.comments, &data.thread);
    let arranged = Arrangement::new(order, comments, thread);
    (0..comments.len())
        .map(|i| arranged.position(i) + arranged.preceding(i) as usize)
        .sum()
}

fn main() {
    let mut rows = Vec::new();
    for (n, runs) in [(1_000, 41), (10_000, 15), (100_000, 7)] {
        let text = threadgen::generate(1, n);
        let data = Loaded::from_json(&text).expect("the generated file loads");
        let value = median(runs, || {
            black_box(serde_json::from_str::<Value>(black_box(&text)).unwrap());
        });
        let load = median(runs, || {
            black_box(Loaded::from_json(black_box(&text)).unwrap());
        });
        rows.push(row(
            format!("load {n} comments ({:.1} MB)", text.len() as f64 / 1_048_576.0),
            load,
            "serde_json::Value",
            value,
            "parse, validate and index (Loaded::from_json) against serde_json reading the same text into an untyped Value",
        ));
        let order = SortOrder::MostReplies;
        assert_eq!(
            neighbours_per_comment(&data, order),
            neighbours_from_arrangement(&data, order)
        );
        let before = median(runs.min(9), || {
            black_box(neighbours_per_comment(black_box(&data), order));
        });
        let after = median(runs, || {
            black_box(neighbours_from_arrangement(black_box(&data), order));
        });
        rows.push(row(
            format!("neighbours of all {n} comments, most replies first"),
            after,
            "sorting siblings per comment",
            before,
            "one Arrangement per order against each comment sorting its own siblings (the code before)",
        ));
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench can be created");
    let report = json!({ "rows": rows });
    std::fs::write(dir.join("native.json"), report.to_string()).expect("native.json is written");
}
