//! The random numbers: SplitMix64 and the few ways the generator draws from it.

/// SplitMix64: tiny, fast, and fully specified by its integer arithmetic.
pub(crate) struct Rng(u64);

impl Rng {
    /// An independent stream for `seed`; streams with different numbers do not overlap in
    /// practice.
    pub(crate) fn stream(seed: u64, stream: u64) -> Self {
        let mut mixer = Rng(seed);
        Rng(mixer.next() ^ stream.wrapping_mul(0xd1b5_4a32_d192_ed03))
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (multiply-shift, so no modulo bias worth speaking of); `n` > 0.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    pub(crate) fn per_mille(&mut self, p: usize) -> bool {
        self.below(1000) < p
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
