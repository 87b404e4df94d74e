//! What the reader is doing, beyond folds: shared by the comments, the toolbar, the
//! overview and the keyboard. One `Copy` bundle of signals, provided as context.

use leptos::prelude::*;
use std::collections::HashMap;

use crate::route::Route;
use crate::sort::SortOrder;

/// Siblings drawn at once; more come a page at a time, so a comment with 100,000 replies
/// opens at once instead of freezing the tab. A hundred comments are many screens of
/// reading and draw within one frame budget's order of magnitude (see BENCHMARKS.md).
pub const PAGE: usize = 100;

#[derive(Clone, Copy)]
pub struct Reader {
    /// What the URL fragment asks for: the whole thread, a comment, or a branch.
    pub route: RwSignal<Route>,
    /// The comment the reader is on: reached by a link, the keyboard or the overview.
    pub current: RwSignal<Option<u64>>,
    /// An author whose comments are highlighted.
    pub author: RwSignal<Option<String>>,
    /// The search text; empty when not searching.
    pub query: RwSignal<String>,
    pub sort: RwSignal<SortOrder>,
    pub help_open: RwSignal<bool>,
    /// Whether going to a comment also moves focus there. Search steps through matches
    /// without taking focus out of the search field.
    pub focus_on_arrival: StoredValue<bool>,
    /// How many siblings each long list shows, by parent id (None: the top level), when
    /// more than the first page has been asked for.
    shown: RwSignal<HashMap<Option<u64>, usize>>,
}

impl Reader {
    pub fn new(route: Route, sort: SortOrder) -> Self {
        Self {
            route: RwSignal::new(route),
            current: RwSignal::new(None),
            author: RwSignal::new(None),
            query: RwSignal::new(String::new()),
            sort: RwSignal::new(sort),
            help_open: RwSignal::new(false),
            focus_on_arrival: StoredValue::new(true),
            shown: RwSignal::new(HashMap::new()),
        }
    }

    pub fn shown_of(self, parent: Option<u64>) -> usize {
        self.shown.with(|s| s.get(&parent).copied()).unwrap_or(PAGE)
    }

    // Untracked, so that the effect that follows links does not rerun on "show more".
    fn shown_of_untracked(self, parent: Option<u64>) -> usize {
        self.shown
            .with_untracked(|s| s.get(&parent).copied())
            .unwrap_or(PAGE)
    }

    pub fn show_more(self, parent: Option<u64>, more: usize) {
        let now = self.shown_of_untracked(parent);
        self.shown.update(|s| {
            s.insert(parent, now + more);
        });
    }

    /// Makes sure the sibling at `position` under `parent` is drawn.
    pub fn reveal(self, parent: Option<u64>, position: usize) {
        let now = self.shown_of_untracked(parent);
        if position >= now {
            self.show_more(parent, position + 1 - now);
        }
    }

    pub fn is_searching(self) -> bool {
        self.query.with(|q| !q.trim().is_empty())
    }
}
