//! The shape of the discussion: how many threads and how big, who answers whom, how deep
//! it goes, and the numbers ([`Stats`]) that describe the result. No text here.
//!
//! The model (the numbers are at [`thread_sizes`] and [`grow`]):
//! - Thread sizes (a top-level comment and everything under it) follow a heavy-tailed law,
//!   and the threads' comments are interleaved at random, as they would be in time.
//! - Inside a thread, a reply picks its parent by preferential attachment: usually a
//!   comment in proportion to the replies it already has, otherwise any comment of the
//!   thread. So most comments get no reply and a few collect dozens or hundreds.
//! - Now and then two authors start an argument: a chain of 2 to 30 replies answering each
//!   other, of Pareto-like length. This is what reaches depths of 20–30.
//! - Nothing goes deeper than [`MAX_DEPTH`]: a reply to a comment at that depth answers its
//!   parent instead, as forums with a depth limit do.
//! - From 4,000 comments up, one thread is planted with 900–1,200 replies, so that a large
//!   file always has a branch of about a thousand comments to fold and unfold.
//! - Authors are drawn from the pool in [`crate::people`].

use crate::people::People;
use crate::rng::Rng;
use crate::{MAX_DEPTH, Stats};

/// The reply tree. Comment `i` has id `i + 1`; ids follow the time of writing, so a reply
/// always has a higher id than its parent.
pub(crate) struct Tree {
    pub(crate) parent: Vec<Option<usize>>,
    pub(crate) depth: Vec<u32>,
    pub(crate) author: Vec<usize>,
}

/// One top-level comment and the replies under it, as it grows.
#[derive(Default)]
struct Thread {
    /// Its comments, each listed once, and once more in `replied` for every reply it has
    /// received.
    comments: Vec<usize>,
    replied: Vec<usize>,
    argument: Option<Argument>,
}

/// Two people answering each other: `tip` is the last reply, `next` answers it.
struct Argument {
    tip: usize,
    next: usize,
    other: usize,
    left: usize,
}

impl Thread {
    /// Preferential attachment: an entry of `replied` is a comment drawn in proportion to
    /// its replies, which is what makes the number of replies heavy-tailed.
    fn pick(&self, rng: &mut Rng) -> usize {
        if !self.replied.is_empty() && rng.per_mille(600) {
            self.replied[rng.below(self.replied.len())]
        } else {
            self.comments[rng.below(self.comments.len())]
        }
    }

    /// Adds a comment answering `parent` (or the top level) and returns its index.
    fn add(&mut self, tree: &mut Tree, parent: Option<usize>, author: usize) -> usize {
        let mut parent = parent;
        while let Some(p) = parent.filter(|&p| tree.depth[p] >= MAX_DEPTH) {
            parent = tree.parent[p];
        }
        let i = tree.parent.len();
        tree.parent.push(parent);
        tree.depth.push(parent.map_or(0, |p| tree.depth[p] + 1));
        tree.author.push(author);
        self.comments.push(i);
        if let Some(p) = parent {
            self.replied.push(p);
        }
        i
    }
}

/// How often a reply starts an argument, and how often an argument under way gets its
/// next reply when its thread's turn comes (otherwise someone else chimes in).
const ARGUMENT_PER_MILLE: usize = 25;
const ARGUMENT_GOES_ON_PER_MILLE: usize = 750;

/// A tree of exactly `size` comments.
pub(crate) fn grow(rng: &mut Rng, people: &People, size: usize) -> Tree {
    let sizes = thread_sizes(rng, size);
    // The threads' comments interleaved at random: a thread's first turn is its top-level
    // comment, and ids follow the turns, so replies always have higher ids than parents.
    let mut turns: Vec<usize> = (0..sizes.len())
        .flat_map(|t| std::iter::repeat_n(t, sizes[t]))
        .collect();
    for i in (1..turns.len()).rev() {
        turns.swap(i, rng.below(i + 1));
    }

    let mut tree = Tree {
        parent: Vec::with_capacity(size),
        depth: Vec::with_capacity(size),
        author: Vec::with_capacity(size),
    };
    let mut threads: Vec<Thread> = (0..sizes.len()).map(|_| Thread::default()).collect();
    for t in turns {
        let thread = &mut threads[t];
        if thread.comments.is_empty() {
            thread.add(&mut tree, None, people.draw(rng));
        } else if let Some(a) = thread
            .argument
            .take_if(|_| rng.per_mille(ARGUMENT_GOES_ON_PER_MILLE))
        {
            let tip = thread.add(&mut tree, Some(a.tip), a.next);
            if a.left > 1 && tree.depth[tip] < MAX_DEPTH {
                thread.argument = Some(Argument {
                    tip,
                    next: a.other,
                    other: a.next,
                    left: a.left - 1,
                });
            }
        } else if thread.argument.is_none() && rng.per_mille(ARGUMENT_PER_MILLE) {
            let p = thread.pick(rng);
            let them = tree.author[p];
            let me = people.draw_other(rng, them);
            let left = chain_length(rng);
            let tip = thread.add(&mut tree, Some(p), me);
            if left > 1 && tree.depth[tip] < MAX_DEPTH {
                thread.argument = Some(Argument {
                    tip,
                    next: them,
                    other: me,
                    left: left - 1,
                });
            }
        } else {
            let p = thread.pick(rng);
            thread.add(&mut tree, Some(p), people.draw(rng));
        }
    }
    tree
}

/// Comments per thread (top-level comment included), summing to `size`.
///
/// P(size ≥ x) ≈ 1/√x: about 30 % of top-level comments get no reply, half get at most
/// two, and a few collect hundreds or thousands. Sizes above a twentieth of the discussion
/// are redrawn in its upper half, so no single thread swallows the page.
///
/// From 4,000 comments up, the first thread is planted with 900–1,200 replies, so that a
/// large file always has a branch of about a thousand comments to fold and unfold.
fn thread_sizes(rng: &mut Rng, size: usize) -> Vec<usize> {
    const K: u64 = 1 << 16;
    // Small files still get a few threads with replies rather than only top-level comments.
    let cap = (size / 20).max(size.min(20)).max(1);
    let mut sizes = Vec::new();
    if size >= 4000 {
        sizes.push(901 + rng.below(301));
    }
    let mut total: usize = sizes.iter().sum();
    while total < size {
        // (K/k)² with k uniform in 1..=K: a Pareto law of index 1/2 in integers only.
        let k = 1 + rng.below(K as usize) as u64;
        let mut s = usize::try_from(K * K / (k * k)).unwrap_or(usize::MAX);
        if s > cap {
            s = cap - rng.below(cap.div_ceil(2));
        }
        let s = s.min(size - total);
        sizes.push(s);
        total += s;
    }
    sizes
}

/// 2 to 30, with P(length ≥ x) ≈ 2/x: most arguments are short, a few go on and on.
fn chain_length(rng: &mut Rng) -> usize {
    (2 * 4096 / (1 + rng.below(4096))).min(MAX_DEPTH as usize)
}

impl Tree {
    /// The numbers that describe the tree, for a file of `bytes` bytes.
    pub(crate) fn stats(&self, bytes: usize) -> Stats {
        let n = self.parent.len();
        let mut children = vec![0usize; n];
        let mut descendants = vec![0usize; n];
        // A parent always comes before its replies, so one backward pass sums the subtrees.
        for i in (0..n).rev() {
            if let Some(p) = self.parent[i] {
                children[p] += 1;
                descendants[p] += descendants[i] + 1;
            }
        }
        let mut authors = self.author.clone();
        authors.sort_unstable();
        authors.dedup();
        Stats {
            comments: n,
            roots: self.parent.iter().filter(|p| p.is_none()).count(),
            max_depth: self.depth.iter().copied().max().unwrap_or(0),
            max_children: children.iter().copied().max().unwrap_or(0),
            authors: authors.len(),
            bytes,
            near_thousand: (0..n)
                .min_by_key(|&i| descendants[i].abs_diff(1000))
                .map(|i| (i as u64 + 1, descendants[i])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_sizes_add_up_and_plant_the_big_branch() {
        for size in [0, 1, 3, 999, 4000, 100_000] {
            let sizes = thread_sizes(&mut Rng::stream(9, 1), size);
            assert_eq!(sizes.iter().sum::<usize>(), size);
            assert!(sizes.iter().all(|&s| s > 0));
            if size >= 4000 {
                assert!((901..=1201).contains(&sizes[0]));
            }
        }
    }

    #[test]
    fn replies_come_after_their_parents_and_stay_within_the_depth_limit() {
        let people = People::new(&mut Rng::stream(6, 2), 50);
        let tree = grow(&mut Rng::stream(6, 1), &people, 3000);
        for (i, parent) in tree.parent.iter().enumerate() {
            match *parent {
                Some(p) => {
                    assert!(p < i);
                    assert_eq!(tree.depth[i], tree.depth[p] + 1);
                }
                None => assert_eq!(tree.depth[i], 0),
            }
            assert!(tree.depth[i] <= MAX_DEPTH);
        }
    }
}
