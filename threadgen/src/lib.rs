//! A deterministic generator of discussion files (format version 1, `docs/data-format.md`)
//! whose shape looks like a real comment section, for tests and benchmarks.
//!
//! The same seed and size give the same bytes on every platform and Rust version: the
//! random numbers come from a SplitMix64 written here, and only integer arithmetic decides
//! anything (no floating point, whose library functions may round differently).
//! `tests/stable.rs` pins the output for a few seeds and sizes.
//!
//! The parts, one job each:
//! - `shape`: the reply tree (thread sizes, branching, arguments, the depth limit) and
//!   the [`Stats`] that describe it;
//! - `people`: the author pool (names, a Zipf-like law of who writes, post counts, join
//!   dates);
//! - `text`: headings, paragraphs and comment bodies from a tiny grammar;
//! - `words`: the vocabulary, read from `words/*.txt` at compile time;
//! - `file`: the JSON file around them;
//! - `rng`: the random numbers.

mod file;
mod people;
mod rng;
mod shape;
mod text;
mod words;

use people::People;
use rng::Rng;

/// The deepest a comment goes; a top-level comment has depth 0.
pub const MAX_DEPTH: u32 = 30;

/// What a generated file holds, computed from the generator's own tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub comments: usize,
    pub roots: usize,
    pub max_depth: u32,
    pub max_children: usize,
    /// Authors who wrote at least one comment.
    pub authors: usize,
    pub bytes: usize,
    /// The comment whose number of descendants is closest to 1,000, and that number.
    pub near_thousand: Option<(u64, usize)>,
}

/// A complete discussion file with exactly `size` comments, numbered `1..=size`.
pub fn generate(seed: u64, size: usize) -> String {
    generate_with_stats(seed, size).0
}

/// [`generate`], together with the numbers that describe the file.
pub fn generate_with_stats(seed: u64, size: usize) -> (String, Stats) {
    // Separate streams, so that changing how text is written never changes the tree shape
    // that tests and benchmarks rely on, and the other way round.
    let mut shape_rng = Rng::stream(seed, 1);
    let mut people_rng = Rng::stream(seed, 2);
    let mut text_rng = Rng::stream(seed, 3);

    let people = People::new(&mut people_rng, (size / 8).max(20));
    let tree = shape::grow(&mut shape_rng, &people, size);
    let text = file::write(&mut text_rng, &people, &tree);
    let stats = tree.stats(text.len());
    (text, stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_describe_the_shape() {
        for size in [0, 1, 2, 5, 50, 1000, 10_000] {
            let (text, stats) = generate_with_stats(3, size);
            assert_eq!(stats.comments, size);
            assert_eq!(stats.bytes, text.len());
            assert!(stats.max_depth <= MAX_DEPTH);
            assert_eq!(stats.roots == 0, size == 0);
            assert_eq!(
                text.matches("\"id\":").count(),
                size,
                "one object per comment"
            );
        }
        let (_, stats) = generate_with_stats(3, 10_000);
        let (_, count) = stats.near_thousand.expect("comments exist");
        assert!((800..=1500).contains(&count), "{stats:?}");
        assert!(stats.max_depth >= 20, "{stats:?}");
    }
}
