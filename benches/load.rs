//! `cargo xtask bench`: how fast a discussion file loads, against a baseline measured in
//! the same run (serde_json reading the same text into an untyped `Value`), so that the
//! ratios mean something on a noisy shared machine. Writes `target/bench/report.md`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use threadview::Loaded;

/// A random forest of `n` comments: each replies to an earlier one or starts a thread.
fn discussion(n: u64) -> String {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let comments: Vec<String> = (1..=n)
        .map(|id| {
            let parent = match next() % 4 {
                0 => "null".to_string(),
                _ if id == 1 => "null".to_string(),
                _ => (1 + next() % (id - 1)).to_string(),
            };
            let words = "reply text with a few words of some length ".repeat(1 + (next() % 6) as usize);
            format!(
                r#"{{"id":{id},"parent":{parent},"author":"author{}","posts":{},"member_since":"2014-05-28","body":"{words}"}}"#,
                next() % 500,
                next() % 30_000
            )
        })
        .collect();
    format!(
        r#"{{"version":1,"article":{{"headline":"Benchmark","body":[{{"paragraph":"p"}}]}},"comments":[{}]}}"#,
        comments.join(",")
    )
}

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

fn main() {
    let mut report = String::from(
        "# threadview load benchmark\n\n\
         Median of repeated runs. Baseline: `serde_json::from_str::<Value>` on the same text.\n\
         `load` is parse + validate + thread index (`Loaded::from_json`).\n\n\
         | comments | file | baseline | load | load / baseline |\n|---:|---:|---:|---:|---:|\n",
    );
    for (n, runs) in [(1_000, 41), (10_000, 15), (100_000, 5)] {
        let text = discussion(n);
        assert!(Loaded::from_json(&text).is_ok(), "the generated file loads");
        let baseline = median(runs, || {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
        });
        let load = median(runs, || {
            black_box(Loaded::from_json(black_box(&text)).unwrap());
        });
        let _ = writeln!(
            report,
            "| {n} | {:.1} MB | {:.2} ms | {:.2} ms | {:.2} |",
            text.len() as f64 / 1_048_576.0,
            baseline.as_secs_f64() * 1000.0,
            load.as_secs_f64() * 1000.0,
            load.as_secs_f64() / baseline.as_secs_f64()
        );
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench can be created");
    std::fs::write(dir.join("report.md"), &report).expect("the report can be written");
    print!("{report}");
}
