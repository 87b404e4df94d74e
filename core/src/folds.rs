//! Which comments start folded, how a large unfold is cut into steps, and how the
//! reader's folds are saved. The store that holds the folds is the app's `src/state/`.

use serde::{Deserialize, Serialize};
use std::collections::{HashSet, VecDeque};

use crate::CommentId;
use crate::data::Comment;
use crate::limits::PAGE;
use crate::thread::Thread;

/// The folds a discussion starts with. A short one opens whole. A long one opens level by
/// level, in thread order, while the replies fit in `budget` drawn comments; every other
/// comment with replies starts folded, so the reader sees the start of each conversation
/// and a "Show N replies" button on the rest, and no unfold draws more than one level.
pub fn first_view(comments: &[Comment], thread: &Thread, budget: usize) -> HashSet<CommentId> {
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
pub fn unfold_steps(
    folded: &HashSet<CommentId>,
    thread: &Thread,
    per_step: usize,
) -> Vec<Vec<CommentId>> {
    let mut order: Vec<(u32, usize, CommentId)> = folded
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
    folded: Vec<CommentId>,
}

pub fn encode(folded: &HashSet<CommentId>) -> String {
    let mut folded: Vec<CommentId> = folded.iter().copied().collect();
    folded.sort_unstable();
    serde_json::to_string(&Saved { version: 1, folded }).unwrap_or_default()
}

/// The saved folds that still name comments of this discussion. Anything unreadable is
/// ignored: a stale or damaged entry must never stop the page.
pub fn decode(saved: &str, exists: impl Fn(CommentId) -> bool) -> HashSet<CommentId> {
    match serde_json::from_str::<Saved>(saved) {
        Ok(Saved { version: 1, folded }) => folded.into_iter().filter(|&id| exists(id)).collect(),
        _ => HashSet::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loaded;
    use crate::limits::FIRST_VIEW;

    fn ids(ns: &[u64]) -> Vec<CommentId> {
        ns.iter().map(|&n| CommentId::new(n)).collect()
    }

    fn set(ns: &[u64]) -> HashSet<CommentId> {
        ids(ns).into_iter().collect()
    }

    #[test]
    fn a_short_discussion_starts_unfolded() {
        let data = Loaded::from_json(include_str!("../../data/discussion.json")).unwrap();
        let (comments, thread) = (&data.discussion.comments, &data.thread);
        assert!(first_view(comments, thread, FIRST_VIEW).is_empty());
        // Room for 7: the top comments 1, 2 and 11 and their replies 3, 7, 12 and 16.
        // Opening 3 or 7 would go past it; 13 and 14, under 7, start folded too.
        let mut folded: Vec<CommentId> = first_view(comments, thread, 7).into_iter().collect();
        folded.sort_unstable();
        assert_eq!(folded, ids(&[3, 7, 13, 14]));
    }

    #[test]
    fn unfolding_in_steps_opens_parents_first_and_every_fold_once() {
        let data = Loaded::from_json(include_str!("../../data/discussion.json")).unwrap();
        let folded = set(&[14, 3, 7, 13]);
        // 3 and 7 (depth 1) draw 1 and 2 replies, 13 (depth 2) 2, 14 (depth 3) 1.
        assert_eq!(
            unfold_steps(&folded, &data.thread, 2),
            [ids(&[3, 7]), ids(&[13]), ids(&[14])]
        );
        assert_eq!(
            unfold_steps(&folded, &data.thread, 100),
            [ids(&[3, 7, 13, 14])]
        );
        // Ids no longer in the discussion are dropped.
        assert!(unfold_steps(&set(&[99]), &data.thread, 2).is_empty());
    }

    #[test]
    fn saved_folds_round_trip_and_drop_what_no_longer_exists() {
        let folded = set(&[13, 1, 99]);
        let text = encode(&folded);
        assert_eq!(text, r#"{"version":1,"folded":[1,13,99]}"#);
        assert_eq!(decode(&text, |id| id != CommentId::new(99)), set(&[1, 13]));
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
