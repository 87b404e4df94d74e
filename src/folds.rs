//! Which comments are folded: one store for the whole page, keyed by comment id.
//!
//! Keeping it here rather than in each comment is what lets a branch remember the folds
//! inside it while it is itself folded (and unmounted).

use leptos::prelude::*;
use std::collections::HashSet;

#[derive(Clone, Copy)]
pub struct Folds {
    folded: RwSignal<HashSet<u64>>,
}

impl Folds {
    /// Everything starts unfolded: the bundled discussion is short enough to read whole.
    pub fn new() -> Self {
        Self {
            folded: RwSignal::new(HashSet::new()),
        }
    }

    /// A memo per comment, so that toggling one comment re-renders only that comment.
    pub fn is_open(self, id: u64) -> Memo<bool> {
        Memo::new(move |_| self.folded.with(|f| !f.contains(&id)))
    }

    pub fn toggle(self, id: u64) {
        self.folded.update(|f| {
            if !f.remove(&id) {
                f.insert(id);
            }
        });
    }

    /// Unfolds these comments, typically the ancestors of a linked comment.
    pub fn open_all(self, ids: impl IntoIterator<Item = u64>) {
        let ids: Vec<u64> = ids.into_iter().collect();
        if self
            .folded
            .with_untracked(|f| ids.iter().any(|id| f.contains(id)))
        {
            self.folded.update(|f| {
                ids.iter().for_each(|id| {
                    f.remove(id);
                })
            });
        }
    }
}

impl Default for Folds {
    fn default() -> Self {
        Self::new()
    }
}
