//! Which comments are folded: one store for the whole page, keyed by comment id.
//!
//! Keeping it here rather than in each comment is what lets a branch remember the folds
//! inside it while it is itself folded (and unmounted).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet, VecDeque};

use crate::data::Comment;
use crate::state::PAGE;
use crate::thread::Thread;

/// How many comments the first view draws before the rest start folded: a dozen screens
/// of reading, and few enough that a thread of 100,000 comments opens at once (drawing
/// costs the wasm about half a millisecond a comment; see BENCHMARKS.md).
pub const FIRST_VIEW: usize = 150;

#[derive(Clone, Copy)]
pub struct Folds {
    folded: StoredValue<HashSet<u64>>,
    /// One signal per comment drawn: a change notifies only the comments whose fold
    /// changed. (With one signal for the whole set, every fold re-ran a memo in every
    /// comment on the page, and Leptos's bookkeeping made that quadratic.)
    open: StoredValue<HashMap<u64, ArcRwSignal<bool>>>,
    /// For what reads the whole set: saving the folds.
    changed: Trigger,
    /// The folds the page started with, for "reset".
    first: StoredValue<HashSet<u64>>,
    /// Counts the reader's own folds, so that an unfolding done in steps stops when the
    /// reader folds something meanwhile.
    generation: StoredValue<u64>,
}

impl Folds {
    /// Starts with `first` folded: see [`first_view`].
    pub fn new(first: HashSet<u64>) -> Self {
        Self {
            folded: StoredValue::new(first.clone()),
            open: StoredValue::new(HashMap::new()),
            changed: Trigger::new(),
            first: StoredValue::new(first),
            generation: StoredValue::new(0),
        }
    }

    /// Whether comment `id` is unfolded, as a signal that changes only with its own fold.
    pub fn is_open(self, id: u64) -> Signal<bool> {
        let open = self.folded.with_value(|f| !f.contains(&id));
        let signal = self
            .open
            .write_value()
            .entry(id)
            .or_insert_with(|| ArcRwSignal::new(open))
            .clone();
        Signal::derive(move || signal.get())
    }

    pub fn is_folded_untracked(self, id: u64) -> bool {
        self.folded.with_value(|f| f.contains(&id))
    }

    /// Back to the folds the page started with.
    pub fn reset(self) {
        self.interrupt();
        self.restore(self.first.get_value());
    }

    pub fn generation(self) -> u64 {
        self.generation.get_value()
    }

    fn interrupt(self) {
        self.generation.update_value(|g| *g += 1);
    }

    pub fn toggle(self, id: u64) {
        self.interrupt();
        let folded = !self.folded.write_value().remove(&id);
        if folded {
            self.folded.write_value().insert(id);
        }
        self.notify([id]);
    }

    /// Unfolds these comments, such as the ancestors of a linked comment.
    pub fn open_all(self, ids: impl IntoIterator<Item = u64>) {
        let opened: Vec<u64> = {
            let mut folded = self.folded.write_value();
            ids.into_iter().filter(|id| folded.remove(id)).collect()
        };
        self.notify(opened);
    }

    /// Folds these comments, leaving every other fold as it is.
    pub fn fold_all(self, ids: impl IntoIterator<Item = u64>) {
        self.interrupt();
        let closed: Vec<u64> = {
            let mut folded = self.folded.write_value();
            ids.into_iter().filter(|&id| folded.insert(id)).collect()
        };
        self.notify(closed);
    }

    /// Every fold, for saving or for restoring later.
    pub fn snapshot(self) -> HashSet<u64> {
        self.folded.get_value()
    }

    /// Read inside an effect: the current folds, tracked.
    pub fn tracked(self) -> HashSet<u64> {
        self.changed.track();
        self.folded.get_value()
    }

    pub fn restore(self, folded: HashSet<u64>) {
        let changed: Vec<u64> = self
            .folded
            .with_value(|old| old.symmetric_difference(&folded).copied().collect());
        self.folded.set_value(folded);
        self.notify(changed);
    }

    /// Tells the comments drawn whose fold changed, and whatever reads the whole set.
    fn notify(self, changed: impl IntoIterator<Item = u64>) {
        let mut any = false;
        self.open.with_value(|open| {
            for id in changed {
                any = true;
                if let Some(signal) = open.get(&id) {
                    signal.set(!self.folded.with_value(|f| f.contains(&id)));
                }
            }
        });
        if any {
            self.changed.notify();
        }
    }
}

/// The folds a discussion starts with. A short one opens whole. A long one opens level by
/// level, in thread order, while the replies fit in `budget` drawn comments; every other
/// comment with replies starts folded, so the reader sees the start of each conversation
/// and a "Show N replies" button on the rest, and no unfold draws more than one level.
pub fn first_view(comments: &[Comment], thread: &Thread, budget: usize) -> HashSet<u64> {
    // Only the first page of a long list is drawn, so only it counts and opens.
    let drawn_of = |list: &[usize]| list.len().min(PAGE);
    let mut open = vec![false; comments.len()];
    let mut drawn = drawn_of(thread.roots());
    let mut queue: VecDeque<usize> = thread.roots()[..drawn].iter().copied().collect();
    while let Some(i) = queue.pop_front() {
        let replies = &thread.children(i)[..drawn_of(thread.children(i))];
        if replies.is_empty() || drawn + replies.len() > budget {
            continue;
        }
        drawn += replies.len();
        open[i] = true;
        queue.extend(replies);
    }
    (0..comments.len())
        .filter(|&i| !open[i] && !thread.children(i).is_empty())
        .map(|i| comments[i].id)
        .collect()
}

/// The folded comments in batches, shallowest first, each batch drawing about `per_step`
/// replies. Unfolding one batch per frame opens a large thread while the page keeps
/// answering: a comment opens before the folds inside it, so each step draws only the
/// replies of its own batch.
pub fn unfold_steps(folded: &HashSet<u64>, thread: &Thread, per_step: usize) -> Vec<Vec<u64>> {
    let mut order: Vec<(u32, usize, u64)> = folded
        .iter()
        .filter_map(|&id| thread.index_of(id).map(|i| (thread.depth(i), i, id)))
        .collect();
    order.sort_unstable();
    let mut steps = Vec::new();
    let (mut step, mut drawn) = (Vec::new(), 0);
    for (_, i, id) in order {
        step.push(id);
        drawn += thread.children(i).len();
        if drawn >= per_step {
            steps.push(std::mem::take(&mut step));
            drawn = 0;
        }
    }
    if !step.is_empty() {
        steps.push(step);
    }
    steps
}

/// What the browser keeps between visits. Versioned, so that a later format can tell.
#[derive(Serialize, Deserialize)]
struct Saved {
    version: u32,
    folded: Vec<u64>,
}

pub fn encode(folded: &HashSet<u64>) -> String {
    let mut folded: Vec<u64> = folded.iter().copied().collect();
    folded.sort_unstable();
    serde_json::to_string(&Saved { version: 1, folded }).unwrap_or_default()
}

/// The saved folds that still name comments of this discussion. Anything unreadable is
/// ignored: a stale or damaged entry must never stop the page.
pub fn decode(saved: &str, exists: impl Fn(u64) -> bool) -> HashSet<u64> {
    match serde_json::from_str::<Saved>(saved) {
        Ok(Saved { version: 1, folded }) => folded.into_iter().filter(|&id| exists(id)).collect(),
        _ => HashSet::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loaded;

    #[test]
    fn a_short_discussion_starts_unfolded() {
        let data = Loaded::from_json(include_str!("../data/discussion.json")).unwrap();
        let (comments, thread) = (&data.discussion.comments, &data.thread);
        assert!(first_view(comments, thread, FIRST_VIEW).is_empty());
        // Room for 7: the top comments 1, 2 and 11 and their replies 3, 7, 12 and 16.
        // Opening 3 or 7 would go past it; 13 and 14, under 7, start folded too.
        let mut folded: Vec<u64> = first_view(comments, thread, 7).into_iter().collect();
        folded.sort_unstable();
        assert_eq!(folded, [3, 7, 13, 14]);
    }

    #[test]
    fn unfolding_in_steps_opens_parents_first_and_every_fold_once() {
        let data = Loaded::from_json(include_str!("../data/discussion.json")).unwrap();
        let folded: HashSet<u64> = [14, 3, 7, 13].into();
        // 3 and 7 (depth 1) draw 1 and 2 replies, 13 (depth 2) 2, 14 (depth 3) 1.
        assert_eq!(
            unfold_steps(&folded, &data.thread, 2),
            [vec![3, 7], vec![13], vec![14]]
        );
        assert_eq!(
            unfold_steps(&folded, &data.thread, 100),
            [vec![3, 7, 13, 14]]
        );
        // Ids no longer in the discussion are dropped.
        assert!(unfold_steps(&[99].into(), &data.thread, 2).is_empty());
    }

    #[test]
    fn saved_folds_round_trip_and_drop_what_no_longer_exists() {
        let folded: HashSet<u64> = [13, 1, 99].into();
        let text = encode(&folded);
        assert_eq!(text, r#"{"version":1,"folded":[1,13,99]}"#);
        assert_eq!(decode(&text, |id| id != 99), [1, 13].into());
    }

    #[test]
    fn damaged_saved_folds_are_ignored() {
        for bad in [
            "",
            "{",
            "null",
            "[1,2]",
            r#"{"version":2,"folded":[1]}"#,
            r#"{"folded":"x"}"#,
        ] {
            assert!(decode(bad, |_| true).is_empty(), "{bad}");
        }
    }
}
