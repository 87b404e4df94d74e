//! The page, one component per file. They read the model; they hold no logic of their own
//! beyond what to show.

mod app;
mod comment;
mod comment_list;
mod comment_nav;
mod discussion;
mod load_error;
mod page;
mod shortcuts;
mod story;
mod toolbar;

pub mod overview;
pub mod participants;
pub mod theme;

pub use app::{App, Frame};
pub use page::{Page, Reading};

use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use crate::Loaded;
use crate::folds::{self, Folds};
use crate::route::{Route, comment_anchor};
use crate::search;
use crate::sort::{Arrangement, SortOrder};
use crate::state::Reader;

/// True in the native build, which renders the page to static HTML at build time: a name
/// stays readable there, but its button, which only the app can work, is disabled. The
/// controls that need the app are hidden by `style/main.css` until the app takes over.
pub const PRERENDERING: bool = !cfg!(target_arch = "wasm32");

/// The id of the prerendered page in `index.html`, and of the element the app is mounted
/// in beside it, hidden until it has something to show (see `src/main.rs`).
pub const PRERENDERED_ID: &str = "prerendered";
pub const APP_ID: &str = "app";

/// Shows the app in place of the prerendered page, in one step: the next frame paints
/// the app where the static page was, at the same scroll position.
pub fn take_over_prerendered() {
    let document = document();
    if let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) {
        if let Some(app) = document.get_element_by_id(APP_ID) {
            let _ = app.remove_attribute("hidden");
        }
        prerendered.remove();
    }
}

/// Replies drawn per frame while unfolding a whole branch or everything: at about a third
/// of a millisecond a comment, a frame's work stays near 20 ms (see BENCHMARKS.md).
const UNFOLD_STEP: usize = 60;

fn unfold_in_frames(
    folds: Folds,
    generation: u64,
    mut steps: impl Iterator<Item = Vec<u64>> + 'static,
) {
    if folds.generation() != generation {
        return;
    }
    if let Some(step) = steps.next() {
        folds.open_all(step);
        request_animation_frame(move || unfold_in_frames(folds, generation, steps));
    }
}

/// What every part of the page shares: the loaded discussion, the fold store and what
/// the reader is doing.
#[derive(Clone)]
pub struct ThreadContext {
    pub data: Arc<Loaded>,
    pub folds: Folds,
    pub reader: Reader,
    /// Comments matching the search, in reading order: computed once for the toolbar,
    /// the overview and the folds.
    pub matches: Memo<Vec<usize>>,
    /// Every list of siblings in the reader's order, worked out once per order.
    pub arrangement: Memo<Arc<Arrangement>>,
}

impl ThreadContext {
    pub fn new(data: Arc<Loaded>, route: Route, sort: SortOrder) -> Self {
        let reader = Reader::new(route, sort);
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
        let first = folds::first_view(&data.discussion.comments, &data.thread, folds::FIRST_VIEW);
        Self {
            data,
            folds: Folds::new(first),
            reader,
            matches,
            arrangement,
        }
    }

    /// Moves the reader to a comment: the page unfolds what hides it, scrolls to it and
    /// focuses it. The URL follows without adding a history entry per keystroke.
    pub fn go_to(&self, id: u64) {
        self.arrive(id, true);
    }

    /// Like [`Self::go_to`], but focus stays where it is, as in the search field.
    pub fn show(&self, id: u64) {
        self.arrive(id, false);
    }

    fn arrive(&self, id: u64, focus: bool) {
        self.reader.focus_on_arrival.set_value(focus);
        let hash = format!("#{}", comment_anchor(id));
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
        }
        // A signal notifies on every set, so going to the same comment scrolls back to it.
        self.reader.route.set(Route::Comment(id));
    }

    /// Folds or unfolds a comment. If focus was inside the replies that fold away, it moves
    /// to the comment's own toggle rather than being lost to the page.
    pub fn toggle(&self, id: u64) {
        let replies = document().get_element_by_id(&format!("replies-{id}"));
        let focus_inside = document()
            .active_element()
            .zip(replies)
            .is_some_and(|(active, replies)| replies.contains(Some(&active)));
        self.folds.toggle(id);
        if focus_inside {
            let selector = format!("#{} > .comment-card .toggle", comment_anchor(id));
            if let Ok(Some(toggle)) = document().query_selector(&selector) {
                let _ = toggle.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    }

    /// Unfolds everything, a batch of folds per frame, so that opening a thread of
    /// thousands of comments never freezes the page. Folding anything meanwhile stops it.
    pub fn expand_all(&self) {
        self.unfold_in_frames(&self.folds.snapshot());
    }

    /// Unfolds comment `index` and everything below it, a batch per frame as
    /// [`Self::expand_all`] does. (The ids are gathered on click, not for every comment.)
    pub fn unfold_below(&self, index: usize) {
        let comments = &self.data.discussion.comments;
        let branch = std::iter::once(index).chain(self.data.thread.subtree(index).iter().copied());
        let folded: HashSet<u64> = branch
            .map(|i| comments[i].id)
            .filter(|&id| self.folds.is_folded_untracked(id))
            .collect();
        self.unfold_in_frames(&folded);
    }

    fn unfold_in_frames(&self, folded: &HashSet<u64>) {
        let steps = folds::unfold_steps(folded, &self.data.thread, UNFOLD_STEP);
        unfold_in_frames(self.folds, self.folds.generation(), steps.into_iter());
    }

    /// Ids of every comment that has replies: what "collapse all" folds.
    pub fn foldable_ids(&self) -> Vec<u64> {
        let comments = &self.data.discussion.comments;
        (0..comments.len())
            .filter(|&i| !self.data.thread.children(i).is_empty())
            .map(|i| comments[i].id)
            .collect()
    }
}
