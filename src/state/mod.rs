//! The page's one store: the loaded discussion, the reader's folds and what the reader is
//! doing, the values derived from them (memos), and the controller methods that change
//! them. Components read it with [`use_store`] and call its methods; nothing else holds
//! state, and no effect copies one piece of state into another.
//!
//! Tested natively under a Leptos `Owner` (tests/state.rs), with no browser: what touches
//! the page (the address, focus) goes through `crate::browser`, which does nothing there.

mod folds;
mod reader;

pub use folds::{Folds, HeldOpen};
pub use reader::Reader;

use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

use threadview_core::limits::{DEPTH_CAP, FIRST_VIEW, UNFOLD_STEP};
use threadview_core::sort::{Arrangement, SortOrder};
use threadview_core::url::{self, Route, branch_root_depth};
use threadview_core::{CommentId, Loaded, folds as first, search, visits};

use crate::browser;

/// What every part of the page shares, as a `Copy` handle: pass it, or [`use_store`].
#[derive(Clone, Copy)]
pub struct Store {
    data: StoredValue<Arc<Loaded>>,
    pub folds: Folds,
    pub reader: Reader,
    /// Comments matching the search, in reading order: computed once for the toolbar,
    /// the overview and the folds.
    pub matches: Memo<Vec<usize>>,
    /// Every list of siblings in the reader's order, worked out once per order.
    pub arrangement: Memo<Arc<Arrangement>>,
    /// The comment a view starts from: None for the whole discussion, or the root of a
    /// branch, for "continue this thread" and for links to comments deeper than it reaches.
    pub view_root: Memo<Option<usize>>,
    /// When the reader last came (seconds since 1970): later comments are new to them.
    /// None on a first visit, and in the prerendered page, which knows no reader.
    since: Option<i64>,
    /// The comments new since then, in reading order.
    new_comments: StoredValue<Arc<[usize]>>,
}

/// The store the page provides.
pub fn use_store() -> Store {
    expect_context()
}

impl Store {
    /// A store for `data` that starts at `route`, in `order`, with `saved` folds if the
    /// reader has some, or else the first view.
    pub fn new(
        data: Arc<Loaded>,
        route: Route,
        order: SortOrder,
        saved: Option<HashSet<CommentId>>,
    ) -> Self {
        let reader = Reader::new(Route::Full, order);
        let matches = Memo::new({
            let data = data.clone();
            move |_| {
                reader
                    .query
                    .with(|q| search::matches(q, &data.discussion.comments, &data.thread))
            }
        });
        let arrangement = Memo::new({
            let data = data.clone();
            move |_| {
                let order = reader.sort.get();
                Arc::new(Arrangement::new(
                    order,
                    &data.discussion.comments,
                    &data.thread,
                ))
            }
        });
        let held_open = Memo::new({
            let data = data.clone();
            move |_| Arc::new(held_open(&data, reader, matches))
        });
        let view_root = Memo::new({
            let data = data.clone();
            move |_| view_root(&data, reader.route.get())
        });
        let first_view = first::first_view(&data.discussion.comments, &data.thread, FIRST_VIEW);
        let store = Self {
            data: StoredValue::new(data),
            folds: Folds::new(first_view, saved, held_open),
            reader,
            matches,
            arrangement,
            view_root,
            since: None,
            new_comments: StoredValue::new(Arc::from([])),
        };
        store.visit(route);
        store
    }

    /// The store for a reader who last came at `since` (see [`threadview_core::visits`]).
    pub fn with_last_visit(mut self, since: Option<i64>) -> Self {
        self.since = since;
        if let Some(since) = since {
            let new = self
                .data
                .with_value(|d| visits::new_since(&d.discussion.comments, &d.thread, since));
            self.new_comments.set_value(Arc::from(new));
        }
        self
    }

    /// Whether the reader has been here before (and the page knows it).
    pub fn is_return_visit(self) -> bool {
        self.since.is_some()
    }

    /// The comments new since the reader's last visit, in reading order.
    pub fn new_comments(self) -> Arc<[usize]> {
        self.new_comments.get_value()
    }

    /// Whether comment `index` is new since the reader's last visit.
    pub fn is_new(self, index: usize) -> bool {
        self.since.is_some_and(|since| {
            self.data
                .with_value(|d| visits::is_new(&d.discussion.comments[index], since))
        })
    }

    /// Goes to the next new comment after the reader's place, round to the first.
    pub fn next_new(self) {
        let next = self.data.with_value(|d| {
            let current = self
                .reader
                .current
                .get_untracked()
                .and_then(|id| d.thread.index_of(id));
            visits::next_new(&self.new_comments.get_value(), &d.thread, current)
        });
        if let Some(i) = next {
            self.go_to(self.id_of(i));
        }
    }

    /// The discussion the page shows.
    pub fn data(self) -> Arc<Loaded> {
        self.data.get_value()
    }

    /// The id of the comment at `index` in the file.
    pub fn id_of(self, index: usize) -> CommentId {
        self.data.with_value(|d| d.discussion.comments[index].id)
    }

    /// Whether the full view draws comment `index` as things stand: every ancestor open,
    /// within `DEPTH_CAP` levels and on a drawn page of its siblings. For the prerendered
    /// page, which has no drawn comments to ask yet when the overview is rendered.
    pub fn draws_untracked(self, index: usize) -> bool {
        self.data.with_value(|data| {
            let (comments, thread) = (&data.discussion.comments, &data.thread);
            let arrangement = self.arrangement.get_untracked();
            let on_page = |c: usize| {
                let parent = thread.parent(c).map(|p| comments[p].id);
                arrangement.position(c) < self.reader.shown_of_untracked(parent)
            };
            thread.depth(index) < DEPTH_CAP
                && on_page(index)
                && thread
                    .ancestors(index)
                    .all(|a| self.folds.is_open_untracked(comments[a].id) && on_page(a))
        })
    }

    /// Follows the address to `route`: a comment is drawn (its page of siblings, and any
    /// fold the reader kept over it let go), made the reader's place, and held open.
    pub fn visit(self, route: Route) {
        if let Route::Comment(id) = route {
            self.data.with_value(|data| {
                let (comments, thread) = (&data.discussion.comments, &data.thread);
                let Some(i) = thread.index_of(id) else {
                    return;
                };
                self.folds
                    .let_go(thread.ancestors(i).map(|a| comments[a].id));
                let arrangement = self.arrangement.get_untracked();
                for c in std::iter::once(i).chain(thread.ancestors(i)) {
                    let parent = thread.parent(c).map(|p| comments[p].id);
                    self.reader.reveal(parent, arrangement.position(c));
                }
                self.reader.current.set(Some(id));
            });
        }
        // A signal notifies on every set, so going to the same comment scrolls back to it.
        self.reader.route.set(route);
    }

    /// Moves the reader to a comment: the page unfolds what hides it, scrolls to it and
    /// focuses it. The address follows without adding a history entry per keystroke.
    pub fn go_to(self, id: CommentId) {
        self.arrive(id, true);
    }

    /// Like [`Self::go_to`], but focus stays where it is, as in the search field.
    pub fn show(self, id: CommentId) {
        self.arrive(id, false);
    }

    fn arrive(self, id: CommentId, focus: bool) {
        self.reader.focus_on_arrival.set_value(focus);
        browser::address::replace_hash(&url::comment_href(id));
        self.visit(Route::Comment(id));
    }

    /// Folds or unfolds a comment. If focus was inside the replies that fold away, it moves
    /// to the comment's own toggle rather than being lost to the page.
    pub fn toggle(self, id: CommentId) {
        browser::focus::kept_out_of_folded_replies(id, || self.folds.toggle(id));
    }

    /// The search text: every match is held open while it lasts.
    pub fn search(self, query: String) {
        let cleared = query.trim().is_empty();
        self.reader.query.set(query);
        if cleared {
            self.folds.release_kept();
        }
    }

    /// The order of siblings, kept in the address so a shared link keeps it.
    pub fn sort(self, order: SortOrder) {
        self.reader.sort.set(order);
        browser::address::replace_query(|query| url::query_with_sort(query, order));
    }

    /// Unfolds everything, a batch of folds per frame, so that opening a thread of
    /// thousands of comments never freezes the page. Folding anything meanwhile stops it.
    pub fn expand_all(self) {
        self.unfold_in_frames(&self.folds.snapshot());
    }

    /// Folds every comment that has replies.
    pub fn collapse_all(self) {
        let foldable: Vec<CommentId> = self.data.with_value(|data| {
            let comments = &data.discussion.comments;
            (0..comments.len())
                .filter(|&i| !data.thread.children(i).is_empty())
                .map(|i| comments[i].id)
                .collect()
        });
        self.folds.fold_all(foldable);
    }

    /// Unfolds comment `index` and everything below it, a batch per frame as
    /// [`Self::expand_all`] does. (The ids are gathered on click, not for every comment.)
    pub fn unfold_below(self, index: usize) {
        let folded: HashSet<CommentId> = self.data.with_value(|data| {
            let comments = &data.discussion.comments;
            std::iter::once(index)
                .chain(data.thread.subtree(index).iter().copied())
                .map(|i| comments[i].id)
                .filter(|&id| self.folds.is_folded_untracked(id))
                .collect()
        });
        self.unfold_in_frames(&folded);
    }

    fn unfold_in_frames(self, folded: &HashSet<CommentId>) {
        let steps = self
            .data
            .with_value(|data| first::unfold_steps(folded, &data.thread, UNFOLD_STEP));
        unfold_steps(self.folds, self.folds.generation(), steps.into_iter());
    }
}

/// One batch now and the rest a frame apart, unless the reader folds something meanwhile.
fn unfold_steps(
    folds: Folds,
    generation: u64,
    mut steps: impl Iterator<Item = Vec<CommentId>> + 'static,
) {
    if folds.generation() != generation {
        return;
    }
    if let Some(step) = steps.next() {
        folds.open_all(step);
        browser::next_frame(move || unfold_steps(folds, generation, steps));
    }
}

/// What the page holds open beside the reader's folds: everything while printing (folded
/// replies are not in the page), and the ancestors of every search match and of the
/// comment the address names.
fn held_open(data: &Loaded, reader: Reader, matches: Memo<Vec<usize>>) -> HeldOpen {
    if reader.printing.get() {
        return HeldOpen::Everything;
    }
    let (comments, thread) = (&data.discussion.comments, &data.thread);
    let mut ids = HashSet::new();
    let mut hold = |i: usize| ids.extend(thread.ancestors(i).map(|a| comments[a].id));
    matches.with(|m| m.iter().copied().for_each(&mut hold));
    if let Route::Comment(id) = reader.route.get()
        && let Some(i) = thread.index_of(id)
    {
        hold(i);
    }
    if ids.is_empty() {
        HeldOpen::Nothing
    } else {
        HeldOpen::These(ids)
    }
}

fn view_root(data: &Loaded, route: Route) -> Option<usize> {
    let thread = &data.thread;
    match route {
        Route::Full => None,
        Route::Branch(id) => thread.index_of(id),
        Route::Comment(id) => {
            let i = thread.index_of(id)?;
            let root_depth = branch_root_depth(thread.depth(i))?;
            std::iter::once(i)
                .chain(thread.ancestors(i))
                .find(|&a| thread.depth(a) == root_depth)
        }
    }
}
