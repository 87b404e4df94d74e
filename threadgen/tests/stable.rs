//! The output is pinned: the same seed and size give the same bytes, release after
//! release. Benchmarks compare runs on these files over time, and tests elsewhere rely on
//! their shape; if this fails, the bytes for a given seed changed (a word list edited or
//! reordered, a shape parameter, the order of random draws), and old benchmark numbers no
//! longer describe the same input. Change the values only deliberately.

/// FNV-1a, 64 bits: enough to notice any change, without a hash dependency.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn output_is_pinned() {
    // (seed, size, FNV-1a of the file, its length). 4000 is where the planted branch of
    // about a thousand replies starts.
    let pinned: [(u64, usize, u64, usize); 8] = [
        (0, 0, 2_829_336_021_151_528_076, 1537),
        (3, 1, 3_552_689_504_906_071_913, 1802),
        (1, 10, 16_754_001_540_798_728_884, 5684),
        (42, 13, 2_401_348_214_180_338_162, 5220),
        (1, 1000, 6_823_018_359_416_655_894, 311_418),
        (5, 4000, 6_954_654_387_040_989_484, 1_226_450),
        (2, 5000, 13_923_199_458_222_273_219, 1_524_864),
        (1, 10_000, 17_385_957_009_351_434_672, 3_081_078),
    ];
    for (seed, size, hash, len) in pinned {
        let text = threadgen::generate(seed, size);
        assert_eq!(
            (fnv1a(&text), text.len()),
            (hash, len),
            "seed {seed}, size {size}"
        );
    }
}

#[test]
fn stats_are_pinned() {
    let (_, stats) = threadgen::generate_with_stats(1, 10_000);
    assert_eq!(
        stats,
        threadgen::Stats {
            comments: 10_000,
            roots: 199,
            max_depth: 30,
            max_children: 94,
            authors: 1104,
            bytes: 3_081_078,
            near_thousand: Some((6, 941)),
        }
    );
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    assert_eq!(threadgen::generate(7, 2000), threadgen::generate(7, 2000));
    assert_ne!(threadgen::generate(7, 2000), threadgen::generate(8, 2000));
}
