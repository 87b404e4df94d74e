//! Which comments are folded: one store for the whole page, keyed by comment id.
//!
//! Keeping it here rather than in each comment is what lets a branch remember the folds
//! inside it while it is itself folded (and unmounted).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
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

    pub fn is_folded_untracked(self, id: u64) -> bool {
        self.folded.with_untracked(|f| f.contains(&id))
    }

    pub fn toggle(self, id: u64) {
        self.folded.update(|f| {
            if !f.remove(&id) {
                f.insert(id);
            }
        });
    }

    /// Unfolds these comments, such as the ancestors of a linked comment.
    pub fn open_all(self, ids: impl IntoIterator<Item = u64>) {
        let ids: Vec<u64> = ids.into_iter().collect();
        if self
            .folded
            .with_untracked(|f| ids.iter().any(|id| f.contains(id)))
        {
            self.folded.update(|f| {
                for id in &ids {
                    f.remove(id);
                }
            });
        }
    }

    /// Folds these comments, leaving every other fold as it is.
    pub fn fold_all(self, ids: impl IntoIterator<Item = u64>) {
        self.folded.update(|f| f.extend(ids));
    }

    /// Every fold, for saving or for restoring later.
    pub fn snapshot(self) -> HashSet<u64> {
        self.folded.get_untracked()
    }

    /// Read inside an effect: the current folds, tracked.
    pub fn tracked(self) -> HashSet<u64> {
        self.folded.get()
    }

    pub fn restore(self, folded: HashSet<u64>) {
        self.folded.set(folded);
    }
}

impl Default for Folds {
    fn default() -> Self {
        Self::new()
    }
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
