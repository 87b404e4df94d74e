//! Which comments are folded: the reader's folds, stored once for the whole page, and
//! what search, printing and a link hold open, derived from them.
//!
//! Keeping the folds here rather than in each comment is what lets a branch remember the
//! folds inside it while it is itself folded (and unmounted).

use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use threadview_core::CommentId;

/// What the page holds open whatever the reader folded: everything while printing, the
/// ancestors of the search matches and of a linked comment otherwise.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum HeldOpen {
    #[default]
    Nothing,
    Everything,
    These(HashSet<CommentId>),
}

impl HeldOpen {
    pub fn holds(&self, id: CommentId) -> bool {
        match self {
            Self::Nothing => false,
            Self::Everything => true,
            Self::These(ids) => ids.contains(&id),
        }
    }
}

/// One comment's own fold, as the reader left it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Own {
    folded: bool,
    /// Folded by the reader while it was held open: the reader's fold wins.
    kept: bool,
}

impl Own {
    fn is_open(self, held: &HeldOpen, id: CommentId) -> bool {
        match held {
            HeldOpen::Everything => true,
            _ => !self.folded || (!self.kept && held.holds(id)),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Folds {
    /// The reader's folds: the only fold state that is stored (and saved).
    folded: StoredValue<HashSet<CommentId>>,
    /// Folds the reader made on comments the page held open (a search match's ancestor,
    /// say); they stay folded while it holds them. Always a subset of `folded`.
    kept: StoredValue<HashSet<CommentId>>,
    held_open: Memo<Arc<HeldOpen>>,
    /// One signal per comment drawn, with how many drawn comments use it: a fold notifies
    /// only the comments whose fold changed, and a comment no longer drawn frees its
    /// signal. (With one signal for the whole set, every fold re-ran a memo in every
    /// comment on the page, and Leptos's bookkeeping made that quadratic.)
    drawn: StoredValue<HashMap<CommentId, (ArcRwSignal<Own>, usize)>>,
    /// For what reads the whole set: saving the folds.
    changed: Trigger,
    /// Notified when a comment starts or stops being drawn: the overview links only to
    /// comments the page has.
    drawn_changed: Trigger,
    /// The folds the page started with, for "reset".
    first: StoredValue<HashSet<CommentId>>,
    /// Counts the reader's own folds, so that an unfolding done in steps stops when the
    /// reader folds something meanwhile.
    generation: StoredValue<u64>,
}

impl Folds {
    /// Starts with the reader's `saved` folds, or else with `first` (the first view, see
    /// `threadview_core::folds::first_view`), which "reset" goes back to; `held_open` is
    /// derived by the store.
    pub fn new(
        first: HashSet<CommentId>,
        saved: Option<HashSet<CommentId>>,
        held_open: Memo<Arc<HeldOpen>>,
    ) -> Self {
        Self {
            folded: StoredValue::new(saved.unwrap_or_else(|| first.clone())),
            kept: StoredValue::new(HashSet::new()),
            held_open,
            drawn: StoredValue::new(HashMap::new()),
            changed: Trigger::new(),
            drawn_changed: Trigger::new(),
            first: StoredValue::new(first),
            generation: StoredValue::new(0),
        }
    }

    /// Whether comment `id` shows its replies, as a signal that changes only with its own
    /// fold or with what the page holds open. Call it where the comment is drawn: the
    /// signal is freed when the last comment drawn for `id` is cleaned up.
    pub fn is_open(self, id: CommentId) -> Signal<bool> {
        let (own, first_drawn) = {
            let own = self.own_untracked(id);
            let mut drawn = self.drawn.write_value();
            let (signal, users) = drawn
                .entry(id)
                .or_insert_with(|| (ArcRwSignal::new(own), 0));
            *users += 1;
            (signal.clone(), *users == 1)
        };
        if first_drawn {
            self.drawn_changed.notify();
        }
        on_cleanup(move || {
            let last = {
                let mut drawn = self.drawn.write_value();
                let Some((_, users)) = drawn.get_mut(&id) else {
                    return;
                };
                *users -= 1;
                let last = *users == 0;
                if last {
                    drawn.remove(&id);
                }
                last
            };
            if last {
                self.drawn_changed.notify();
            }
        });
        let held_open = self.held_open;
        Memo::new(move |_| {
            let own = own.get();
            held_open.with(|held| own.is_open(held, id))
        })
        .into()
    }

    /// Whether `id` shows its replies now, without tracking.
    pub fn is_open_untracked(self, id: CommentId) -> bool {
        let own = self.own_untracked(id);
        self.held_open.with_untracked(|held| own.is_open(held, id))
    }

    /// Whether the reader folded `id` (whatever the page holds open).
    pub fn is_folded_untracked(self, id: CommentId) -> bool {
        self.folded.with_value(|f| f.contains(&id))
    }

    /// Whether comment `id` is on the page now, tracked.
    pub fn is_drawn(self, id: CommentId) -> bool {
        self.drawn_changed.track();
        self.drawn.with_value(|drawn| drawn.contains_key(&id))
    }

    /// How many comment signals are alive: one per comment drawn.
    pub fn signals(self) -> usize {
        self.drawn.with_value(HashMap::len)
    }

    fn own_untracked(self, id: CommentId) -> Own {
        Own {
            folded: self.folded.with_value(|f| f.contains(&id)),
            kept: self.kept.with_value(|k| k.contains(&id)),
        }
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

    /// Folds `id` if it shows its replies, unfolds it otherwise. A fold made while the page
    /// holds the comment open is kept: it stays folded as the search goes on, and after.
    pub fn toggle(self, id: CommentId) {
        self.interrupt();
        if self.is_open_untracked(id) {
            self.folded.write_value().insert(id);
            if self.held_open.with_untracked(|h| h.holds(id)) {
                self.kept.write_value().insert(id);
            }
        } else {
            self.folded.write_value().remove(&id);
            self.kept.write_value().remove(&id);
        }
        self.notify([id]);
    }

    /// Unfolds these comments, such as the ancestors of a comment the reader goes to.
    pub fn open_all(self, ids: impl IntoIterator<Item = CommentId>) {
        let opened: Vec<CommentId> = {
            let mut folded = self.folded.write_value();
            let mut kept = self.kept.write_value();
            ids.into_iter()
                .filter(|id| {
                    kept.remove(id);
                    folded.remove(id)
                })
                .collect()
        };
        self.notify(opened);
    }

    /// Folds these comments, held open or not, leaving every other fold as it is.
    pub fn fold_all(self, ids: impl IntoIterator<Item = CommentId>) {
        self.interrupt();
        let closed: Vec<CommentId> = {
            let mut folded = self.folded.write_value();
            let mut kept = self.kept.write_value();
            self.held_open.with_untracked(|held| {
                ids.into_iter()
                    .filter(|&id| (held.holds(id) && kept.insert(id)) | folded.insert(id))
                    .collect()
            })
        };
        self.notify(closed);
    }

    /// Lets go of the folds the reader kept over these comments while they were held open,
    /// as when the reader goes to a comment inside them.
    pub fn let_go(self, ids: impl IntoIterator<Item = CommentId>) {
        let released: Vec<CommentId> = {
            let mut kept = self.kept.write_value();
            ids.into_iter().filter(|id| kept.remove(id)).collect()
        };
        self.notify(released);
    }

    /// Forgets which folds won over holding open, once nothing the reader searched holds
    /// anything open: the folds stay, and a later search may open them again.
    pub fn release_kept(self) {
        let kept: Vec<CommentId> = self.kept.write_value().drain().collect();
        self.notify(kept);
    }

    /// The reader's folds, for unfolding them all.
    pub fn snapshot(self) -> HashSet<CommentId> {
        self.folded.get_value()
    }

    /// Read inside an effect that saves them: the reader's folds, tracked.
    pub fn tracked(self) -> HashSet<CommentId> {
        self.changed.track();
        self.folded.get_value()
    }

    /// Sets the reader's folds: saved ones on arrival, or the first view on reset.
    pub fn restore(self, folded: HashSet<CommentId>) {
        let changed: Vec<CommentId> = self
            .folded
            .with_value(|old| old.symmetric_difference(&folded).copied().collect());
        let kept: Vec<CommentId> = self.kept.write_value().drain().collect();
        self.folded.set_value(folded);
        self.notify(changed.into_iter().chain(kept));
    }

    /// Tells the comments drawn whose fold changed, and whatever reads the whole set.
    fn notify(self, changed: impl IntoIterator<Item = CommentId>) {
        let mut any = false;
        self.drawn.with_value(|drawn| {
            for id in changed {
                any = true;
                if let Some((signal, _)) = drawn.get(&id) {
                    signal.set(self.own_untracked(id));
                }
            }
        });
        if any {
            self.changed.notify();
        }
    }
}
